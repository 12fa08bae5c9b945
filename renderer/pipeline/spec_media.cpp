// Opening a spec's media with its marks at hand.
#include "pipeline/spec_media.hpp"

#include "media/media_probe.hpp"
#include "spec/spec_error.hpp"
#include "spec/yaml_source.hpp"
#include "template/catalog.hpp"

#include <cstdio>

namespace rupa {

namespace {

void check_template_scene(const VideoScene& scene) {
    Template tmpl = load_template(scene.template_name.value, scene.template_name.where);
    for (const FieldSpec& field : tmpl.fields)
        if (field.required && !scene.content.has(field.name))
            throw SpecError(scene.where, "missing field 'content." + field.name + "' for this scene",
                            "template '" + tmpl.id + "' needs it; give it in the scene's 'content' or the spec's");
}

const char* kSoundHint = "use an mp3, m4a, wav, ogg or flac file";
const char* kClipHint = "use an mp4 or mov clip from a phone or camera";

MediaInfo probe(const MediaRef& media, const std::string& field, const char* hint) {
    try {
        return probe_media(media.path);
    } catch (const MediaError& e) {
        throw SpecError(media.where, "cannot use " + field + " '" + excerpt(media.as_written) + "': " + e.what(),
                        hint);
    }
}

void check_sound(const MediaRef& media, const std::string& field) {
    if (!probe(media, field, kSoundHint).has_audio)
        throw SpecError(media.where, "cannot use " + field + " '" + excerpt(media.as_written) +
                                         "': the file has no sound", kSoundHint);
}

}  // namespace

PlayedClip played_clip(const VideoScene& scene) {
    const PhotoRef& clip = *scene.clip;
    MediaInfo info = probe(clip, "clip", kClipHint);
    if (!info.has_video)
        throw SpecError(clip.where, "cannot use clip '" + excerpt(clip.as_written) +
                                        "': the file has only sound, no video", kClipHint);
    // A muted clip plays as one without sound: the music is not ducked under it.
    bool heard = info.has_audio && scene.volume > 0;
    PlayedClip played{{clip.path, excerpt(clip.as_written), 0, clip.focus_x, clip.focus_y, heard, scene.volume}, 0};
    long clip_frames = to_frames(info.duration);
    std::string length = "the clip lasts " + seconds_text(info.duration);
    if (scene.trim_from) {
        if (scene.trim_from->value >= clip_frames)
            throw SpecError(scene.trim_from->where, "'trim' starts after the clip ends", length);
        // A frame's slack: containers and trims round differently.
        if (scene.trim_to->value > clip_frames + 1)
            throw SpecError(scene.trim_to->where,
                            "'trim' ends at " + seconds_text(double(scene.trim_to->value) / kVideoFps) +
                                ", after the clip ends", length);
        played.clip.from = double(scene.trim_from->value) / kVideoFps;
        played.frames = scene.trim_to->value - scene.trim_from->value;
        return played;
    }
    if (scene.duration) {
        if (scene.duration->value > clip_frames + 1)
            throw SpecError(scene.duration->where,
                            "the clip lasts " + seconds_text(info.duration) + ", shorter than its 'duration' of " +
                                seconds_text(double(scene.duration->value) / kVideoFps),
                            "leave 'duration' out to play the whole clip");
        played.frames = scene.duration->value;
        return played;
    }
    if (clip_frames > kMaxVideoFrames)
        throw SpecError(clip.where, "'" + excerpt(clip.as_written) + "' lasts " + seconds_text(info.duration) +
                                        "; a video is at most 180 s",
                        "keep part of it with 'trim: [from, to]'");
    played.frames = clip_frames;
    return played;
}

DecodedImage decode_photo(const PhotoRef& photo) {
    try {
        return decode_image(photo.path);
    } catch (const MediaError& e) {
        throw SpecError(photo.where, "cannot use photo '" + photo.as_written + "': " + e.what(),
                        "use a JPEG, PNG or WebP file");
    }
}

void check_video(const VideoSpec& video) {
    if (video.music) check_sound(*video.music, "music");
    if (video.voiceover) check_sound(*video.voiceover, "voiceover");
    // The scenes' lengths as far as the spec fixes them (a template scene without a
    // duration takes its template's, which is not known here).
    long frames = 0;
    for (const VideoScene& scene : video.scenes) {
        switch (scene.kind) {
            case SceneKind::templated:
                check_template_scene(scene);
                if (scene.duration) frames += scene.duration->value;
                break;
            case SceneKind::slideshow:
                for (const PhotoRef& photo : scene.photos) decode_photo(photo);
                if (scene.duration) frames += scene.duration->value;
                break;
            case SceneKind::clip: frames += played_clip(scene).frames; break;
        }
        if (frames > kMaxVideoFrames)
            throw SpecError(scene.where, "the scenes up to this one last " +
                                             seconds_text(double(frames) / kVideoFps) + "; a video is at most 180 s",
                            "shorten or remove scenes");
    }
}

void warn_long_voiceover(const VideoSpec& video, long frames, Diagnostics& diagnostics) {
    if (!video.voiceover) return;
    double voice = probe(*video.voiceover, "voiceover", kSoundHint).duration;
    double length = double(frames) / kVideoFps;
    // A frame's slack: a recording made to the video's length is padded by its encoder.
    if (voice <= length + 1.0 / kVideoFps) return;
    diagnostics.warn({"voiceover-cut",
                      "the voiceover lasts " + seconds_text(voice) + ", longer than the " + seconds_text(length) +
                          " video: its last " + seconds_text(voice - length) +
                          " are faded out and cut (lengthen the video or shorten the recording)",
                      "", video.voiceover->where});
}

}  // namespace rupa
