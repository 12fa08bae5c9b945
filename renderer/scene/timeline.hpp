// A video as scenes on a timeline: each scene plays from its start frame for its length,
// fading in over the one before it. The cover is the frame where the first scene has settled.
#pragma once

#include "scene/scene.hpp"
#include "scene/transition.hpp"

#include <vector>

namespace rupa {

struct TimedScene {
    Scene scene;
    long start = 0;    // frame of the video where the scene's frame 0 plays
    long frames = 0;   // how long it plays
    long fade_in = 0;  // frames its transition over the scene before it takes
    Transition enters = Transition::crossfade;
};

struct Timeline {
    int width = 0, height = 0;  // the video's canvas
    long frames = 0;
    long cover_frame = 0;       // everything entered, nothing leaving
    std::vector<TimedScene> scenes;
};

}  // namespace rupa
