#include "draw/timeline_painter.hpp"

#include <algorithm>
#include <cmath>

namespace rupa {

TimelinePainter::TimelinePainter(const Timeline& timeline) : timeline_(timeline) {
    for (const TimedScene& s : timeline.scenes) painters_.push_back(std::make_unique<FramePainter>(s.scene));
}

ChangedRows TimelinePainter::paint(long frame, cairo_surface_t* canvas) {
    bool painted = false;
    ChangedRows all{0, timeline_.height};
    ChangedRows changed;
    for (size_t i = 0; i < timeline_.scenes.size(); ++i) {
        const TimedScene& s = timeline_.scenes[i];
        long local = frame - s.start;
        // A scene that starts or ends here, or fades over another, changes everything.
        if (local == 0 || local == s.frames) changed = all;
        if (local < 0 || local >= s.frames) continue;
        double opacity = painted && s.fade_in > 0 ? std::min(1.0, double(local + 1) / double(s.fade_in + 1)) : 1.0;
        painters_[i]->paint(local, canvas, opacity);
        if (opacity < 1) changed = all;
        painted = true;
        Box area = painters_[i]->changed_area(local);
        if (area.h <= 0) continue;
        double scale = double(timeline_.height) / s.scene.height;
        int top = std::max(0, int(std::floor(area.y * scale)));
        int bottom = std::min(timeline_.height, int(std::ceil(area.bottom() * scale)));
        if (changed.empty()) changed = {top, bottom};
        else changed = {std::min(changed.top, top), std::max(changed.bottom, bottom)};
    }
    return frame == 0 ? all : changed;
}

CairoSurfacePtr TimelinePainter::paint(long frame) {
    CairoSurfacePtr canvas = new_canvas(CAIRO_FORMAT_RGB24, timeline_.width, timeline_.height);
    paint(frame, canvas.get());
    return canvas;
}

}  // namespace rupa
