// Opening a spec's media with its marks at hand.
#include "pipeline/spec_media.hpp"

#include "spec/spec_error.hpp"
#include "template/catalog.hpp"

namespace rupa {

namespace {

void check_template_scene(const VideoScene& scene) {
    Template tmpl = load_template(scene.template_name.value, scene.template_name.where);
    for (const FieldSpec& field : tmpl.fields)
        if (field.required && !scene.content.has(field.name))
            throw SpecError(scene.where, "missing field 'content." + field.name + "' for this scene",
                            "template '" + tmpl.id + "' needs it; give it in the scene's 'content' or the spec's");
}

}  // namespace

DecodedImage decode_photo(const PhotoRef& photo) {
    try {
        return decode_image(photo.path);
    } catch (const MediaError& e) {
        throw SpecError(photo.where, "cannot use photo '" + photo.as_written + "': " + e.what(),
                        "use a JPEG, PNG or WebP file");
    }
}

void check_video(const VideoSpec& video) {
    for (const VideoScene& scene : video.scenes) {
        switch (scene.kind) {
            case SceneKind::templated: check_template_scene(scene); break;
            case SceneKind::slideshow:
                for (const PhotoRef& photo : scene.photos) decode_photo(photo);
                break;
            case SceneKind::clip: break;
        }
    }
}

}  // namespace rupa
