// Timeline at frame N -> canvas: each scene playing then, the later ones faded in over the
// earlier ones.
#pragma once

#include "draw/scene_painter.hpp"
#include "scene/timeline.hpp"

#include <memory>
#include <vector>

namespace rupa {

// The rows of the canvas, [top, bottom), where a frame differs from the one before it.
struct ChangedRows {
    int top = 0, bottom = 0;
    bool empty() const { return bottom <= top; }
};

class TimelinePainter {
public:
    explicit TimelinePainter(const Timeline& timeline);

    // Paints video frame `frame` onto `canvas` (CAIRO_FORMAT_RGB24, the timeline's size), and
    // says which rows differ from frame `frame - 1`.
    ChangedRows paint(long frame, cairo_surface_t* canvas);

    // A new canvas of the timeline's size with frame `frame` on it.
    CairoSurfacePtr paint(long frame);

private:
    const Timeline& timeline_;
    std::vector<std::unique_ptr<FramePainter>> painters_;
};

}  // namespace rupa
