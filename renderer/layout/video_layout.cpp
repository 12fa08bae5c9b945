// The timeline of a template's own video: its scene from frame 0, the outro crossfading in
// over the scene's last frames.
#include "layout/video_layout.hpp"

#include "layout/motion_binder.hpp"

#include <algorithm>
#include <string>

namespace rupa {

namespace {

// DESIGN.md: numbers land and hold for at least 1.5 s.
constexpr long kHoldFrames = 45;

// The template's design that plays in the video `format`. Its findings are the format's: a
// reel playing the story design says [reel].
Scene build_design(const LayoutInputs& in, const Format& format, Diagnostics& diagnostics) {
    // The caller checked that the template has a layout for the format (layout_for).
    Diagnostics found;
    Scene scene = build_scene(in, *in.tmpl.layout_for(format), found);
    for (Warning w : found.warnings()) {
        w.format = std::string(format.id);
        diagnostics.warn(std::move(w));
    }
    return scene;
}

// Scene `i` of `t` shows `clip` for as long as it plays, its sound fading in and out with
// the entrances into and out of it. A clip has no design to settle: a sequence it opens
// has its first frame as cover.
void add_clip(Timeline& t, size_t i, const SceneClip& clip, const Format& format) {
    TimedScene& ts = t.scenes[i];
    ts.scene = clip_scene(clip, ts.frames, format);
    if (i == 0) t.cover_frame = 0;
    if (!clip.sound) return;
    long fade_out = i + 1 < t.scenes.size() ? t.scenes[i + 1].fade_in : 0;
    t.sounds.push_back({clip.file, clip.from, ts.start, ts.frames, ts.fade_in, fade_out, clip.volume});
}

}  // namespace

Timeline build_timeline(const LayoutInputs& in, const Template* outro, const Format& format, long frames,
                        Diagnostics& diagnostics) {
    const TemplateVideo& video = in.tmpl.video;
    Timeline t;
    t.width = format.width;
    t.height = format.height;
    t.frames = frames;
    long outro_frames = outro ? std::min(video.outro_duration, frames / 3) : 0;
    long fade = outro ? std::min(video.transition, outro_frames) : 0;
    long main_frames = frames - outro_frames + fade;

    TimedScene main{build_design(in, format, diagnostics), 0, main_frames, 0};
    long settled = bind_motion(main.scene, video, main_frames, in.spec.locale.value);
    t.cover_frame = std::min(settled, main_frames - 1);
    if (settled + kHoldFrames > main_frames - fade)
        diagnostics.warn({"video-too-short",
                          "the video is too short to hold the settled design for 1.5 s; make it at least " +
                              seconds_text(double(settled + kHoldFrames + outro_frames) / kVideoFps),
                          std::string(format.id), video.where});
    t.scenes.push_back(std::move(main));
    if (outro) {
        LayoutInputs outro_in{in.spec, *outro, in.brand, in.fonts, in.assets};
        Diagnostics ignored;  // the outro shows only the brand; the spec's fields are not its own
        TimedScene card{build_scene(outro_in, *outro->layout_for(format), ignored), frames - outro_frames - fade, outro_frames + fade, fade};
        bind_motion(card.scene, outro->video, card.frames, in.spec.locale.value);
        t.scenes.push_back(std::move(card));
    }
    return t;
}

Timeline build_sequence(const std::vector<SequenceScene>& scenes, const TemplateVideo& main, const LayoutInputs* outro,
                        const Format& format, Diagnostics& diagnostics) {
    Timeline t;
    t.width = format.width;
    t.height = format.height;
    std::vector<const LayoutInputs*> inputs;
    long start = 0;
    for (const SequenceScene& s : scenes) {
        const TemplateVideo& video = s.in.tmpl.video;
        Transition enters = s.entrance ? s.entrance->animation : video.enters;
        long wanted = s.entrance && s.entrance->frames ? *s.entrance->frames : video.enter_frames;
        long enter = t.scenes.empty() ? 0 : std::min(wanted, t.scenes.back().frames);
        if (!t.scenes.empty()) t.scenes.back().frames += enter;  // it plays on beneath the entrance
        // A clip's scene is made below, once its length beneath the next entrance is known.
        t.scenes.push_back({s.clip ? Scene{} : build_design(s.in, format, diagnostics), start, s.frames, enter,
                            enters});
        inputs.push_back(&s.in);
        start += s.frames;
    }
    if (outro) {
        long fade = std::min(main.transition, t.scenes.back().frames);
        t.scenes.back().frames += fade;
        Diagnostics ignored;  // the outro shows only the brand; the spec's fields are not its own
        t.scenes.push_back({build_scene(*outro, *outro->tmpl.layout_for(format), ignored), start,
                            main.outro_duration, fade, Transition::crossfade});
        inputs.push_back(outro);
        start += main.outro_duration;
    }
    t.frames = start;
    for (size_t i = 0; i < t.scenes.size(); ++i) {
        TimedScene& ts = t.scenes[i];
        if (i < scenes.size() && scenes[i].clip) {
            add_clip(t, i, *scenes[i].clip, format);
            continue;
        }
        long settled = bind_motion(ts.scene, inputs[i]->tmpl.video, ts.frames, inputs[i]->spec.locale.value);
        if (i == 0) t.cover_frame = std::min(settled, ts.frames - 1);
        if (i < scenes.size() && settled + kHoldFrames > scenes[i].frames)
            diagnostics.warn({"video-too-short",
                              "this scene is too short to hold its settled design for 1.5 s; make it at least " +
                                  seconds_text(double(settled + kHoldFrames) / kVideoFps),
                              std::string(format.id), scenes[i].where});
    }
    return t;
}

}  // namespace rupa
