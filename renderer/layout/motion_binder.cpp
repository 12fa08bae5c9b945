// DESIGN.md, "Motion": enter with ease-out, stagger related items, exits faster than
// entries, numbers ease out and land on the exact value, photos drift without stopping.
#include "layout/motion_binder.hpp"

#include "handles/gobject.hpp"
#include "locale/locale_text.hpp"

#include <pango/pango.h>

#include <algorithm>
#include <string>

namespace rupa {

namespace {

Easing to_easing(const Bezier& b) { return Easing{b[0], b[1], b[2], b[3]}; }

// Where a node starts a movement from (enter) or goes to (exit), as offsets.
struct Offset {
    double dx = 0, dy = 0, scale = 1, reveal = 1;
};

Offset away(const Movement& m) {
    switch (m.kind) {
        case EnterKind::rise: return {0, m.distance, 1, 1};
        case EnterKind::drop: return {0, -m.distance, 1, 1};
        case EnterKind::slide_left: return {m.distance, 0, 1, 1};
        case EnterKind::slide_right: return {-m.distance, 0, 1, 1};
        case EnterKind::zoom: return {0, 0, 0.9, 1};
        case EnterKind::wipe: return {0, 0, 1, 0};
        default: return {};
    }
}

// Keys a movement from `from` values to `to` values over [start, start + duration).
void key_movement(NodeMotion& m, const Movement& move, long start, bool entering) {
    Easing ease = to_easing(move.easing);
    long end = start + move.duration;
    Offset o = away(move);
    bool fades = move.kind != EnterKind::wipe;
    auto key = [&](Animated<double>& property, double offset_value, double home) {
        if (offset_value == home) return;
        property.key(start, entering ? offset_value : home, ease);
        property.key(end, entering ? home : offset_value, ease);
    };
    if (fades) key(m.opacity, 0.0, 1.0);
    key(m.dx, o.dx, 0.0);
    key(m.dy, o.dy, 0.0);
    key(m.scale, o.scale, 1.0);
    key(m.reveal, o.reveal, 1.0);
}

// The part of the photo shown at the scene's end: `zoom` times closer, toward its focus.
Box zoomed_source(const SceneNode& n, double zoom) {
    const Box& s = n.source;
    double w = s.w / zoom, h = s.h / zoom;
    int image_w = cairo_image_surface_get_width(n.image.get());
    int image_h = cairo_image_surface_get_height(n.image.get());
    double cx = std::clamp(n.focus_x * image_w, s.x + w / 2, s.right() - w / 2);
    double cy = std::clamp(n.focus_y * image_h, s.y + h / 2, s.bottom() - h / 2);
    return {cx - w / 2, cy - h / 2, w, h};
}

// A drift moving any edge of the picture by at most a third of a design pixel between two
// drawings looks continuous (bilinear filtering shows it as a shift of shading, not of
// edges); redrawing it more often only costs time.
constexpr double kLeastVisibleStep = 1.0 / 3;
// ... but it is redrawn at least 7.5 times a second.
constexpr long kMostFramesPerStep = 4;

// How many frames a Ken Burns drift from `from` to `to` over `frames` frames (at constant
// speed) may hold each step.
long drift_every(const SceneNode& n, const Box& from, const Box& to, long frames) {
    double edge = std::max({std::abs(to.x - from.x), std::abs(to.right() - from.right()), std::abs(to.y - from.y),
                            std::abs(to.bottom() - from.bottom())});
    double per_frame = edge * (n.box.w / std::min(from.w, to.w)) / double(std::max(frames, 1L));
    if (per_frame <= 0) return kMostFramesPerStep;
    return std::clamp(long(kLeastVisibleStep / per_frame), 1L, kMostFramesPerStep);
}

// The width of a layout's first line, alignment aside.
double line_width(PangoLayout* layout) {
    PangoRectangle logical;
    pango_layout_line_get_extents(pango_layout_get_line_readonly(layout, 0), nullptr, &logical);
    return double(logical.width) / PANGO_SCALE;
}

// A unit set after a counting figure ("212,9 juta") stays beside it as it counts: it moves in
// by the width the figure's digits give up ("5,3" is narrower than "212,9"), frame by frame,
// and lands where the still has it. A unit that slides in on its own keeps its slide.
void follow_count(SceneNode& unit, const SceneNode& figure) {
    const Animated<double>& count = figure.motion.count;
    if (count.is_static() || !unit.motion.dx.is_static() || !figure.text) return;
    PangoAlignment align = pango_layout_get_alignment(figure.text.get());
    if (align == PANGO_ALIGN_RIGHT) return;  // the figure's right edge, next to the unit, stays
    double share = align == PANGO_ALIGN_CENTER ? 0.5 : 1;
    GObjectPtr<PangoLayout> counted(pango_layout_copy(figure.text.get()));
    std::string figure_text = pango_layout_get_text(figure.text.get());
    double final_width = line_width(figure.text.get());
    for (long frame = count.starts_at(); frame <= count.settles_at(); ++frame) {
        std::string shown = count_up_text(figure_text, figure.motion.decimal_mark, count.at(frame));
        pango_layout_set_text(counted.get(), shown.c_str(), -1);
        unit.motion.dx.key(frame, share * (line_width(counted.get()) - final_width));
    }
}

}  // namespace

long bind_motion(Scene& scene, const TemplateVideo& video, long frames, Locale locale) {
    long settled = 0;
    for (size_t i = 0; i < scene.nodes.size(); ++i) {
        SceneNode& n = scene.nodes[i];
        auto found = video.elements.find(n.element);
        if (found == video.elements.end()) continue;
        const ElementMotion& motion = found->second;
        NodeMotion& m = n.motion;
        m.decimal_mark = locale == Locale::id ? ',' : '.';
        long start = 0;
        if (motion.enter) {
            start = motion.enter->at + motion.enter->stagger * n.part;
            key_movement(m, *motion.enter, start, true);
            settled = std::max(settled, start + motion.enter->duration);
        }
        if (motion.count_up > 0 && n.kind == NodeKind::text && n.countable) {
            m.count.key(start, 0, Easing::ease_out());
            m.count.key(start + motion.count_up, 1);
            settled = std::max(settled, start + motion.count_up);
        }
        if (n.trails_figure && i > 0) follow_count(n, scene.nodes[i - 1]);  // the figure is drawn first
        if (motion.grow > 0 && n.kind == NodeKind::rect && n.name.ends_with("-bar")) {
            m.reveal.key(start, 0, Easing::ease_out());
            m.reveal.key(start + motion.grow, 1);
            settled = std::max(settled, start + motion.grow);
        }
        if (motion.ken_burns > 0 && n.kind == NodeKind::image && n.image) {
            m.ken_burns = true;
            Box end = zoomed_source(n, motion.ken_burns);
            m.source.key(0, n.source);
            m.source.key(frames, end);
            m.drift_every = drift_every(n, n.source, end, frames);
        }
        if (motion.exit) {
            long exit_start = frames - motion.exit->at - motion.exit->duration;
            if (exit_start > settled) key_movement(m, *motion.exit, exit_start, false);
        }
    }
    return settled;
}

}  // namespace rupa
