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

std::vector<std::optional<Placement>> TimelinePainter::placements(long frame) const {
    const int width = timeline_.width;
    std::vector<std::optional<Placement>> at(timeline_.scenes.size());
    bool playing_before = false;
    for (size_t i = 0; i < timeline_.scenes.size(); ++i) {
        const TimedScene& s = timeline_.scenes[i];
        long local = frame - s.start;
        if (local < 0 || local >= s.frames) continue;
        at[i] = Placement{};
        bool entering = playing_before && local < s.fade_in;
        playing_before = true;
        if (!entering) continue;
        double progress = double(local + 1) / double(s.fade_in + 1);
        int edge = int(std::lround(progress * width));  // how far across the new scene has come
        switch (s.enters) {
            case Transition::crossfade: at[i]->opacity = progress; break;
            case Transition::wipe: at[i]->right = edge; break;
            case Transition::slide:
                at[i]->dx = width - edge;
                at[i]->left = width - edge;
                for (size_t j = 0; j < i; ++j)  // pushed out to the left
                    if (at[j]) at[j]->dx -= edge, at[j]->right = std::min(at[j]->right, width - edge);
                break;
        }
    }
    return at;
}

ChangedRows TimelinePainter::caption_rows(const TimedCaption& caption) const {
    return {std::max(0, int(std::floor(caption.area.y))),
            std::min(timeline_.height, int(std::ceil(caption.area.bottom())))};
}

const TimedCaption* TimelinePainter::caption_at(long frame) const {
    const auto& captions = timeline_.captions;
    auto after = std::upper_bound(captions.begin(), captions.end(), frame,
                                  [](long f, const TimedCaption& c) { return f < c.from; });
    if (after == captions.begin()) return nullptr;
    const TimedCaption& last = *(after - 1);
    return frame < last.to ? &last : nullptr;
}

ChangedRows TimelinePainter::changed_rows(long frame) const {
    const ChangedRows all{0, timeline_.height};
    if (frame == 0) return all;
    ChangedRows changed;
    // A caption appearing or leaving changes its rows (captions are few: a plain scan).
    for (const TimedCaption& c : timeline_.captions)
        if (frame == c.from || frame == c.to) changed.add(caption_rows(c));
    for (size_t i = 0; i < timeline_.scenes.size(); ++i) {
        const TimedScene& s = timeline_.scenes[i];
        long local = frame - s.start;
        // A scene that starts or ends here, or fades over another, changes everything.
        if (local == 0 || local == s.frames) return all;
        if (local < 0 || local >= s.frames) continue;
        if (i > 0 && local <= s.fade_in) return all;  // entering over the scene before, or done
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
    std::vector<std::optional<Placement>> at = placements(frame);
    for (size_t i = 0; i < at.size(); ++i) {
        const TimedScene& s = timeline_.scenes[i];
        if (frame >= s.start + s.frames) painters_[i]->release();  // played: its memory goes
        if (!at[i]) continue;
        at[i]->top = rows.top;
        at[i]->bottom = rows.bottom;
        painters_[i]->paint(frame - timeline_.scenes[i].start, canvas, *at[i]);
    }
    // The scenes were painted afresh in `rows`: the caption goes over them there again.
    if (const TimedCaption* caption = caption_at(frame)) {
        ChangedRows covered = caption_rows(*caption);
        paint_overlay(caption->nodes, canvas, std::max(rows.top, covered.top), std::min(rows.bottom, covered.bottom));
    }
}

CairoSurfacePtr TimelinePainter::paint(long frame) {
    CairoSurfacePtr canvas = new_canvas(CAIRO_FORMAT_RGB24, timeline_.width, timeline_.height);
    paint(frame, canvas.get(), {0, timeline_.height});
    return canvas;
}

}  // namespace rupa
