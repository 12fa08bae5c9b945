// Timeline at frame N -> canvas: each scene playing then, the later ones faded in over the
// earlier ones.
#pragma once

#include "draw/scene_painter.hpp"
#include "scene/timeline.hpp"

#include <memory>
#include <vector>

namespace rupa {

class TimelinePainter {
public:
    explicit TimelinePainter(const Timeline& timeline);

    // Paints video frame `frame` onto `canvas` (CAIRO_FORMAT_RGB24, the timeline's size).
    void paint(long frame, cairo_surface_t* canvas);

    // A new canvas of the timeline's size with frame `frame` on it.
    CairoSurfacePtr paint(long frame);

private:
    const Timeline& timeline_;
    std::vector<std::unique_ptr<FramePainter>> painters_;
};

}  // namespace rupa
