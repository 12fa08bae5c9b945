// Spec + Template + Brand + a video format -> Timeline: the template's design for the
// format's aspect, in motion, then its brand outro.
#pragma once

#include "layout/scene_builder.hpp"
#include "scene/timeline.hpp"

namespace rupa {

// Lays out the video `format` (reel, video-square, video-landscape) `frames` long. `outro`
// is the closing card's template, or null for none. Warns when the video is too short to
// hold the settled design for 1.5 s.
Timeline build_timeline(const LayoutInputs& in, const Template* outro, const Format& format, long frames,
                        Diagnostics& diagnostics);

}  // namespace rupa
