// Spec + Template + Brand + a video format -> Timeline: the template's design for the
// format's aspect, in motion, then its brand outro.
#pragma once

#include "layout/clip_scene.hpp"
#include "layout/scene_builder.hpp"
#include "scene/timeline.hpp"

namespace rupa {

// Lays out the video `format` (reel, video-square, video-landscape) `frames` long. `outro`
// is the closing card's template, or null for none. Warns when the video is too short to
// hold the settled design for 1.5 s.
Timeline build_timeline(const LayoutInputs& in, const Template* outro, const Format& format, long frames,
                        Diagnostics& diagnostics);

// One scene of a spec's `video.scenes`, ready to lay out: its template (a photo slideshow's
// slides play the `photo` template), the spec with the scene's own content, its media. A
// clip scene shows its clip instead of the template's design and enters as the template
// says.
struct SequenceScene {
    LayoutInputs in;
    long frames = 0;   // from its start to the next scene's start (or the outro's)
    SourceMark where;  // the scene in the spec
    std::optional<SceneClip> clip;
    std::optional<SceneEntrance> entrance;  // the spec's own `transition`; none: the template's
};

// Lays out a sequence of scenes, each entering the one before it as the spec or else its
// template says (a cut: not at all), then
// `outro` (null for none) for as long and entering as `main` (the spec's template's video)
// says.
// The video lasts exactly the scenes' frames plus the outro's: each entrance overlaps the
// end of the scene before, which plays on beneath it (a clip plays on past its trim, its
// sound fading out).
Timeline build_sequence(const std::vector<SequenceScene>& scenes, const TemplateVideo& main, const LayoutInputs* outro,
                        const Format& format, Diagnostics& diagnostics);

}  // namespace rupa
