// One video format from its timeline to a checked MP4: frames drawn and converted to YUV on
// this thread while an encoder thread encodes the ones before them (x264 adds threads of its
// own).
#pragma once

#include "handles/cairo.hpp"
#include "media/mp4_writer.hpp"
#include "media/soundtrack.hpp"
#include "scene/timeline.hpp"

#include <filesystem>
#include <functional>

namespace rupa {

// A look at one frame as it is drawn: `take` gets its canvas, on the drawing thread, to copy
// (the canvas is drawn over again later).
struct FrameTap {
    long frame = -1;
    std::function<void(cairo_surface_t*)> take;
};

// Told how many frames have gone to the encoder so far: on the encoder's thread while it
// runs, then once more with all of them on the caller's.
using FramesSent = std::function<void(long frames)>;

// Draws every frame of `timeline` and encodes it, with `sound`, into `file`.
// Throws MediaError or std::runtime_error when encoding fails.
void encode_timeline(const Timeline& timeline, Soundtrack& sound, const std::filesystem::path& file,
                     const VideoSettings& settings, const FrameTap& tap = {}, const FramesSent& sent = {});

}  // namespace rupa
