#include "pipeline/scene_sequence.hpp"

#include "pipeline/spec_media.hpp"
#include "spec/spec_error.hpp"
#include "template/catalog.hpp"

namespace rupa {

namespace {

// The template every slide of a photo scene plays; a clip scene enters as it does.
constexpr const char* kSlideTemplate = "photo";

// A template scene's own length: its video's, without the outro it has as a video of its own.
long scene_frames(const Template& tmpl) {
    return tmpl.video.duration - (tmpl.video.outro.empty() ? 0 : tmpl.video.outro_duration);
}

}  // namespace

std::vector<VideoScene> template_slides(const Spec& spec, const Template& tmpl) {
    const TemplateVideo& video = tmpl.video;
    const std::vector<PhotoRef>& photos = spec.content.photos;
    if (video.slide_frames == 0 || photos.empty()) return {};
    VideoScene design;
    design.template_name = spec.template_name;
    design.duration = Located<long>{scene_frames(tmpl), video.where};
    design.content = spec.content;
    design.where = spec.template_name.where;
    VideoScene slides;
    slides.kind = SceneKind::slideshow;
    slides.photos = photos;
    long n = long(photos.size());
    slides.duration = Located<long>{n * video.slide_frames, video.slides_where};
    if (spec.video && spec.video->duration) {
        const Located<long>& asked = *spec.video->duration;
        long left = asked.value - design.duration->value - video.outro_duration;
        // A photo shown for less than a second is a flicker, not a slide.
        if (left < n * kVideoFps)
            throw SpecError(asked.where,
                            "a video of " + seconds_text(double(asked.value) / kVideoFps) + " leaves its " +
                                std::to_string(n) + " photos less than 1 s each after the title card and the outro",
                            "make it at least " +
                                seconds_text(double(design.duration->value + video.outro_duration + n * kVideoFps) /
                                             kVideoFps) + ", or leave 'duration' out (" +
                                seconds_text(double(video.slide_frames) / kVideoFps) + " a photo)");
        slides.duration->value = left;
        slides.duration->where = asked.where;
    }
    slides.content = spec.content;
    slides.where = spec.content.where("photos");
    return {design, slides};
}

SceneSequence::SceneSequence(const Spec& spec, const std::vector<VideoScene>& played, const Brand& brand,
                             const FontSet& fonts, const Assets& assets, const std::vector<const Format*>& videos)
    : spec_(spec), brand_(brand), fonts_(fonts), logo_(assets.logo) {
    if (spec.content.photo) photos_.emplace(spec.content.photo->path.string(), assets.photos.at("photo"));
    for (size_t i = 0; i < spec.content.photos.size(); ++i)
        photos_.emplace(spec.content.photos[i].path.string(), assets.photos.at("photos/" + std::to_string(i)));
    for (const VideoScene& scene : played) {
        bool templated = scene.kind == SceneKind::templated;
        const Template& tmpl = templates_.emplace_back(
            templated ? load_template(scene.template_name.value, scene.template_name.where)
                      : load_template(kSlideTemplate, scene.where));
        const SourceMark& named = templated ? scene.template_name.where : scene.where;
        size_t first = scenes_.size();
        for (const Format* f : videos)
            if (!tmpl.video.declared || !tmpl.layout_for(*f))
                throw SpecError(named, "template '" + tmpl.id + "' cannot play in '" + std::string(f->id) + "'",
                                tmpl.video.declared ? "give it a '" + std::string(design_format(*f).id) + "' layout"
                                                    : "use a template with a 'video' block");
        if (templated) {
            add(tmpl, scene.content, scene.duration ? scene.duration->value : scene_frames(tmpl), scene.where);
        } else if (scene.kind == SceneKind::clip) {
            PlayedClip played = played_clip(scene);
            add(tmpl, scene.content, played.frames, scene.where);
            scenes_.back().clip = played.clip;
        } else {
            // The scene's length shared out so that the slides add up to it exactly.
            long n = long(scene.photos.size());
            long total = scene.duration ? scene.duration->value : n * scene_frames(tmpl);
            for (long k = 0; k < n; ++k) {
                Content slide = scene.content;
                slide.photo = scene.photos[size_t(k)];
                add(tmpl, slide, total * (k + 1) / n - total * k / n, scene.where);
            }
        }
        scenes_[first].entrance = scene.transition;  // a photo scene's first slide: the scene's entrance
        if (frames() > kMaxVideoFrames)
            throw SpecError(scene.where,
                            "the scenes up to this one last " + seconds_text(double(frames()) / kVideoFps) +
                                "; a video is at most 180 s",
                            "shorten or remove scenes, or give them shorter 'duration's");
    }
}

void SceneSequence::add(const Template& tmpl, const Content& content, long frames, const SourceMark& where) {
    Spec& spec = specs_.emplace_back(spec_);
    spec.content = content;
    Assets& assets = assets_.emplace_back();
    assets.logo = logo_;
    if (content.photo) assets.photos["photo"] = photo(*content.photo);
    for (size_t i = 0; i < content.photos.size(); ++i) assets.photos["photos/" + std::to_string(i)] = photo(content.photos[i]);
    scenes_.push_back({LayoutInputs{spec, tmpl, brand_, fonts_, assets}, frames, where, std::nullopt, std::nullopt});
}

const DecodedImage& SceneSequence::photo(const PhotoRef& ref) {
    auto known = photos_.find(ref.path.string());
    if (known != photos_.end()) return known->second;
    return photos_.emplace(ref.path.string(), decode_photo(ref)).first->second;
}

long SceneSequence::frames() const {
    long total = 0;
    for (const SequenceScene& s : scenes_) total += s.frames;
    return total;
}

}  // namespace rupa
