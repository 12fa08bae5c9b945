#include "draw/timeline_painter.hpp"

#include <algorithm>
#include <cmath>

namespace rupa {

void ChangedRows::add(const ChangedRows& more) {
    if (more.empty()) return;
    if (empty()) *this = more;
    else *this = {std::min(top, more.top), std::max(bottom, more.bottom)};
}

TimelinePainter::TimelinePainter(const Timeline& timeline) : timeline_(timeline) {
    for (const TimedScene& s : timeline.scenes) painters_.push_back(std::make_unique<FramePainter>(s.scene));
}

double TimelinePainter::opacity(size_t i, long frame) const {
    const TimedScene& s = timeline_.scenes[i];
    long local = frame - s.start;
    if (local < 0 || local >= s.frames) return 0;
    bool over_another = false;
    for (size_t j = 0; j < i && !over_another; ++j) {
        const TimedScene& before = timeline_.scenes[j];
        over_another = frame >= before.start && frame < before.start + before.frames;
    }
    if (!over_another || s.fade_in <= 0) return 1;
    return std::min(1.0, double(local + 1) / double(s.fade_in + 1));
}

ChangedRows TimelinePainter::changed_rows(long frame) const {
    const ChangedRows all{0, timeline_.height};
    if (frame == 0) return all;
    ChangedRows changed;
    for (size_t i = 0; i < timeline_.scenes.size(); ++i) {
        const TimedScene& s = timeline_.scenes[i];
        long local = frame - s.start;
        // A scene that starts or ends here, or fades over another, changes everything.
        if (local == 0 || local == s.frames) return all;
        if (local < 0 || local >= s.frames) continue;
        if (opacity(i, frame) < 1) return all;
        Box area = painters_[i]->changed_area(local);
        if (area.h <= 0) continue;
        double scale = double(timeline_.height) / s.scene.height;
        int top = std::max(0, int(std::floor(area.y * scale)));
        int bottom = std::min(timeline_.height, int(std::ceil(area.bottom() * scale)));
        changed.add({top, bottom});
    }
    return changed;
}

ChangedRows TimelinePainter::changed_since(long since, long frame) const {
    if (since < 0) return {0, timeline_.height};
    ChangedRows changed;
    for (long f = since + 1; f <= frame; ++f) changed.add(changed_rows(f));
    return changed;
}

void TimelinePainter::paint(long frame, cairo_surface_t* canvas, ChangedRows rows) {
    if (rows.empty()) return;
    for (size_t i = 0; i < timeline_.scenes.size(); ++i) {
        double o = opacity(i, frame);
        if (o > 0) painters_[i]->paint(frame - timeline_.scenes[i].start, canvas, o, rows.top, rows.bottom);
    }
}

CairoSurfacePtr TimelinePainter::paint(long frame) {
    CairoSurfacePtr canvas = new_canvas(CAIRO_FORMAT_RGB24, timeline_.width, timeline_.height);
    paint(frame, canvas.get(), {0, timeline_.height});
    return canvas;
}

}  // namespace rupa
