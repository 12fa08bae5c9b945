// A clip scene of a video's sequence: one node filling the frame with a phone clip's
// picture, decoded frame by frame as the video is drawn (never the whole clip up front).
#pragma once

#include "scene/scene.hpp"
#include "spec/format.hpp"

#include <filesystem>
#include <string>

namespace rupa {

// The part of a phone clip a scene plays.
struct SceneClip {
    std::filesystem::path file;
    std::string as_written;               // how the spec names it, for messages
    double from = 0;                      // seconds into the clip: its trim's start
    double focus_x = 0.5, focus_y = 0.5;  // what stays in view when it is cropped to cover
    bool sound = false;                   // the clip has a sound stream, played with it
    double volume = 1;                    // its sound's level: 1 as loud as a voice-over
};

// The scene of `clip` in the video `format`, `frames` long: the clip from `from` on,
// upright, cropped to cover the frame around its focus point, at 30 fps. Past the clip's
// end its last picture stays.
Scene clip_scene(const SceneClip& clip, long frames, const Format& format);

}  // namespace rupa
