// The timeline of a template's own video: its scene from frame 0, the outro crossfading in
// over the scene's last frames.
#include "layout/video_layout.hpp"

#include "layout/motion_binder.hpp"

#include <algorithm>

namespace rupa {

namespace {

// DESIGN.md: numbers land and hold for at least 1.5 s.
constexpr long kHoldFrames = 45;

}  // namespace

Timeline build_timeline(const LayoutInputs& in, const Template* outro, const Format& format, long frames,
                        Diagnostics& diagnostics) {
    // The caller checked that both templates have a layout for the format (layout_for).
    const Format& design = *in.tmpl.layout_for(format);
    const TemplateVideo& video = in.tmpl.video;
    Timeline t;
    t.width = format.width;
    t.height = format.height;
    t.frames = frames;
    long outro_frames = outro ? std::min(video.outro_duration, frames / 3) : 0;
    long fade = outro ? std::min(video.transition, outro_frames) : 0;
    long main_frames = frames - outro_frames + fade;

    // The design's findings are this format's: a reel playing the story design says [reel].
    Diagnostics found;
    TimedScene main{build_scene(in, design, found), 0, main_frames, 0};
    for (Warning w : found.warnings()) {
        w.format = std::string(format.id);
        diagnostics.warn(std::move(w));
    }
    long settled = bind_motion(main.scene, video, main_frames, in.spec.locale.value);
    t.cover_frame = std::min(settled, main_frames - 1);
    if (settled + kHoldFrames > main_frames - fade) {
        char text[200];
        std::snprintf(text, sizeof text,
                      "the video is too short to hold the settled design for 1.5 s; make it at least %.1f s",
                      double(settled + kHoldFrames + outro_frames) / kVideoFps);
        diagnostics.warn({"video-too-short", text, std::string(format.id), video.where});
    }
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

}  // namespace rupa
