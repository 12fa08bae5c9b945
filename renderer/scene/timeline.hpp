// A video as scenes on a timeline: each scene plays from its start frame for its length,
// fading in over the one before it, and captions over them all. The cover is the frame where
// the first scene has settled. Sounds of its own (a clip scene's) play on it beside the scenes.
#pragma once

#include "scene/scene.hpp"
#include "scene/transition.hpp"

#include <filesystem>
#include <vector>

namespace rupa {

struct TimedScene {
    Scene scene;
    long start = 0;    // frame of the video where the scene's frame 0 plays
    long frames = 0;   // how long it plays
    long fade_in = 0;  // frames its transition over the scene before it takes
    Transition enters = Transition::crossfade;
};

// A caption burned in over whatever plays: its box and text, laid out in the video's own
// pixels, shown from frame `from` up to, not including, frame `to`.
struct TimedCaption {
    long from = 0, to = 0;
    std::vector<SceneNode> nodes;  // static: drawn as they are
    Box area;                      // what the nodes cover, antialiasing included
};

// A sound that belongs to a scene (a clip's own), placed on the timeline.
struct TimedSound {
    std::filesystem::path file;
    double from = 0;             // seconds into the file where it starts playing
    long start = 0, frames = 0;  // the frames of the video it plays over
    long fade_in = 0, fade_out = 0;  // frames it fades over at either end (its scene's transitions)
    double volume = 1;               // its level against a voice-over's (1: as loud)
};

struct Timeline {
    int width = 0, height = 0;  // the video's canvas
    long frames = 0;
    long cover_frame = 0;       // everything entered, nothing leaving
    std::vector<TimedScene> scenes;
    std::vector<TimedCaption> captions;  // in time order, never overlapping; not on the cover
    // False when a caption cannot be drawn whole in the frame: the format is then not drawn
    // at all (content is never cut); the layout reported which caption.
    bool captions_whole = true;
    std::vector<TimedSound> sounds;
};

}  // namespace rupa
