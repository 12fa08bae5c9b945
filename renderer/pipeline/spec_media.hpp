// The media a spec names, opened and checked where the spec named it: a file that is no
// usable photo, sound or clip becomes a SpecError at its own file:line:col.
#pragma once

#include "layout/clip_scene.hpp"
#include "media/image_decoder.hpp"
#include "spec/diagnostics.hpp"
#include "spec/spec.hpp"

namespace rupa {

// A spec's photo, decoded upright.
DecodedImage decode_photo(const PhotoRef& photo);

// Checks the `video:` section against what it names outside the spec: music and voiceover
// hold sound, clips hold video and their trims lie within them, each scene's template
// exists and gets the fields it needs, each slideshow photo decodes, and the scenes last
// at most 180 s.
void check_video(const VideoSpec& video);

// A clip scene's clip as it plays, and its length in frames: its trim, its `duration`
// (from the clip's start), or the whole clip. Throws SpecError at the scene's line when the
// file is no video, or the trim or duration does not fit the clip.
struct PlayedClip {
    SceneClip clip;
    long frames = 0;
};
PlayedClip played_clip(const VideoScene& scene);

// A voice-over longer than the video is faded out and cut where the video ends (the video
// keeps its length): warned at the voiceover's line.
void warn_long_voiceover(const VideoSpec& video, long frames, Diagnostics& diagnostics);

}  // namespace rupa
