#include "draw/timeline_painter.hpp"

#include <algorithm>
#include <stdexcept>

namespace rupa {

TimelinePainter::TimelinePainter(const Timeline& timeline) : timeline_(timeline) {
    for (const TimedScene& s : timeline.scenes) painters_.push_back(std::make_unique<FramePainter>(s.scene));
}

void TimelinePainter::paint(long frame, cairo_surface_t* canvas) {
    bool painted = false;
    for (size_t i = 0; i < timeline_.scenes.size(); ++i) {
        const TimedScene& s = timeline_.scenes[i];
        long local = frame - s.start;
        if (local < 0 || local >= s.frames) continue;
        double opacity = painted && s.fade_in > 0 ? std::min(1.0, double(local + 1) / double(s.fade_in + 1)) : 1.0;
        painters_[i]->paint(local, canvas, opacity);
        painted = true;
    }
}

CairoSurfacePtr TimelinePainter::paint(long frame) {
    CairoSurfacePtr canvas(cairo_image_surface_create(CAIRO_FORMAT_RGB24, timeline_.width, timeline_.height));
    if (cairo_surface_status(canvas.get()) != CAIRO_STATUS_SUCCESS) throw std::runtime_error("cannot allocate a canvas");
    paint(frame, canvas.get());
    return canvas;
}

}  // namespace rupa
