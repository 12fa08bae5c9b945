// Drawing each node kind with Cairo, librsvg and PangoCairo, at the values its motion has
// at the frame drawn.
#include "draw/scene_painter.hpp"

#include "locale/locale_text.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

namespace rupa {

namespace {

// A run of settled nodes is worth a cached layer when it holds more than one cheap shape:
// compositing a layer costs about as much as filling one full-canvas rectangle.
constexpr size_t kMinNodesPerLayer = 2;

// A node's values at one frame.
struct NodeState {
    double opacity = 1;
    Box box;
    Box source;
    PangoLayout* text = nullptr;
};

void set_colour(cairo_t* cr, const Rgba& c, double opacity) {
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a * opacity);
}

void rounded_rect(cairo_t* cr, const Box& b, double r) {
    if (r <= 0) {
        cairo_rectangle(cr, b.x, b.y, b.w, b.h);
        return;
    }
    r = std::min({r, b.w / 2, b.h / 2});
    cairo_new_sub_path(cr);
    cairo_arc(cr, b.right() - r, b.y + r, r, -M_PI / 2, 0);
    cairo_arc(cr, b.right() - r, b.bottom() - r, r, 0, M_PI / 2);
    cairo_arc(cr, b.x + r, b.bottom() - r, r, M_PI / 2, M_PI);
    cairo_arc(cr, b.x + r, b.y + r, r, M_PI, 3 * M_PI / 2);
    cairo_close_path(cr);
}

void draw_rect(cairo_t* cr, const SceneNode& n, const NodeState& s) {
    rounded_rect(cr, s.box, n.radius);
    set_colour(cr, n.fill, s.opacity);
    cairo_fill(cr);
}

void draw_gradient(cairo_t* cr, const SceneNode& n, const NodeState& s) {
    const Box& b = s.box;
    CairoPatternPtr pattern(n.vertical ? cairo_pattern_create_linear(0, b.y, 0, b.bottom())
                                       : cairo_pattern_create_linear(b.x, 0, b.right(), 0));
    cairo_pattern_add_color_stop_rgba(pattern.get(), 0, n.fill.r, n.fill.g, n.fill.b, n.fill.a * s.opacity);
    cairo_pattern_add_color_stop_rgba(pattern.get(), 1, n.fill_to.r, n.fill_to.g, n.fill_to.b,
                                      n.fill_to.a * s.opacity);
    cairo_rectangle(cr, b.x, b.y, b.w, b.h);
    cairo_set_source(cr, pattern.get());
    cairo_fill(cr);
}

void draw_image(cairo_t* cr, const SceneNode& n, const NodeState& s, bool moving) {
    // Drawn at half its size or less (on the canvas, whatever the scene's scale), the photo
    // comes from its half-size copy when it has one.
    double wide = s.box.w, high = s.box.h;
    cairo_user_to_device_distance(cr, &wide, &high);
    bool halved = n.half && std::abs(wide) <= s.source.w / 2 && std::abs(high) <= s.source.h / 2;
    double shrink = halved ? 0.5 : 1;
    cairo_rectangle(cr, s.box.x, s.box.y, s.box.w, s.box.h);
    cairo_clip(cr);
    cairo_translate(cr, s.box.x, s.box.y);
    cairo_scale(cr, s.box.w / (s.source.w * shrink), s.box.h / (s.source.h * shrink));
    cairo_set_source_surface(cr, halved ? n.half.get() : n.image.get(), -s.source.x * shrink, -s.source.y * shrink);
    cairo_pattern_t* source = cairo_get_source(cr);
    // A drifting photo is redrawn every frame: bilinear keeps that cheap, and the motion
    // hides what a finer filter would add.
    cairo_pattern_set_filter(source, moving ? CAIRO_FILTER_BILINEAR : CAIRO_FILTER_GOOD);
    cairo_pattern_set_extend(source, CAIRO_EXTEND_PAD);
    cairo_paint_with_alpha(cr, s.opacity);
}

// A clip's picture at `frame` filling the box: the picture is made at the video's size, so
// it is copied pixel for pixel unless the scene is scaled.
void draw_clip(cairo_t* cr, const SceneNode& n, const NodeState& s, long frame) {
    if (!n.frames) return;
    cairo_surface_t* picture = n.frames->at(frame);
    int width = cairo_image_surface_get_width(picture), height = cairo_image_surface_get_height(picture);
    cairo_rectangle(cr, s.box.x, s.box.y, s.box.w, s.box.h);
    cairo_clip(cr);
    cairo_translate(cr, s.box.x, s.box.y);
    cairo_scale(cr, s.box.w / width, s.box.h / height);
    cairo_set_source_surface(cr, picture, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_BILINEAR);
    cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD);
    cairo_paint_with_alpha(cr, s.opacity);
}

// The canvas pixels a box covers under `cr`'s matrix: whole pixels around its corners.
struct PixelBox {
    int left = 0, top = 0, width = 0, height = 0;
};

PixelBox canvas_pixels(cairo_t* cr, const Box& b) {
    double xs[4] = {b.x, b.right(), b.x, b.right()};
    double ys[4] = {b.y, b.y, b.bottom(), b.bottom()};
    double x0 = HUGE_VAL, y0 = HUGE_VAL, x1 = -HUGE_VAL, y1 = -HUGE_VAL;
    for (int i = 0; i < 4; ++i) {
        cairo_user_to_device(cr, &xs[i], &ys[i]);
        x0 = std::min(x0, xs[i]), y0 = std::min(y0, ys[i]), x1 = std::max(x1, xs[i]), y1 = std::max(y1, ys[i]);
    }
    int left = int(std::floor(x0)), top = int(std::floor(y0));
    return {left, top, int(std::ceil(x1)) - left, int(std::ceil(y1)) - top};
}

// A transparent surface for drawing what covers `px` on the canvas, with `cr`'s matrix
// moved to it; null when it cannot be allocated (the node is then left out).
CairoSurfacePtr pixels_surface(cairo_t* cr, const PixelBox& px, CairoPtr& drawing) {
    CairoSurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, px.width, px.height));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return nullptr;
    drawing.reset(cairo_create(surface.get()));
    cairo_matrix_t matrix;
    cairo_get_matrix(cr, &matrix);
    matrix.x0 -= px.left;
    matrix.y0 -= px.top;
    cairo_set_matrix(drawing.get(), &matrix);
    return surface;
}

// Composites `surface`, holding the canvas pixels `px`, at `opacity` (inside any clip).
void paint_pixels(cairo_t* cr, cairo_surface_t* surface, const PixelBox& px, double opacity) {
    cairo_surface_flush(surface);
    cairo_save(cr);
    cairo_identity_matrix(cr);
    cairo_set_source_surface(cr, surface, px.left, px.top);
    cairo_paint_with_alpha(cr, opacity);
    cairo_restore(cr);
}

// The logo is drawn into a surface of its own box, then composited at its opacity: librsvg
// gives an element with `opacity` a scratch surface as large as the surface it draws on, and
// a 1080x1920 canvas's worth of fresh memory for every frame of an entrance costs more than
// the drawing.
void draw_svg(cairo_t* cr, const SceneNode& n, const NodeState& s) {
    PixelBox px = canvas_pixels(cr, s.box);
    if (px.width <= 0 || px.height <= 0) return;
    CairoPtr logo_cr;
    CairoSurfacePtr logo = pixels_surface(cr, px, logo_cr);
    if (!logo) return;
    RsvgRectangle viewport{s.box.x, s.box.y, s.box.w, s.box.h};
    GError* raw_error = nullptr;
    rsvg_handle_render_document(n.svg.get(), logo_cr.get(), &viewport, &raw_error);
    GErrorPtr error(raw_error);  // a logo that fails to draw leaves its box empty
    paint_pixels(cr, logo.get(), px, s.opacity);
}

void draw_text(cairo_t* cr, const SceneNode& n, const NodeState& s) {
    set_colour(cr, n.fill, s.opacity);
    cairo_move_to(cr, s.box.x, s.box.y);
    pango_cairo_show_layout(cr, s.text);
}

// Draws the node's own shape as it stands (`s`): the one switch over node kinds.
void draw_shape(cairo_t* cr, const SceneNode& n, const NodeState& s, bool moving, long frame) {
    switch (n.kind) {
        case NodeKind::rect: draw_rect(cr, n, s); break;
        case NodeKind::gradient: draw_gradient(cr, n, s); break;
        case NodeKind::image: draw_image(cr, n, s, moving); break;
        case NodeKind::svg: draw_svg(cr, n, s); break;
        case NodeKind::text: draw_text(cr, n, s); break;
        case NodeKind::clip: draw_clip(cr, n, s, frame); break;
    }
}

// Whether a node kind is drawn through a raster in a video: what costs more to draw than to
// composite (a scaled photo, a gradient, librsvg's drawing of a logo).
bool rastered(NodeKind kind) {
    return kind == NodeKind::image || kind == NodeKind::gradient || kind == NodeKind::svg;
}

// What shapes a rastered node's pixels besides the node itself: the matrix's scale and
// sub-pixel offset, and the part of the photo shown.
std::array<double, 10> raster_shape(cairo_t* cr, const PixelBox& px, const NodeState& s) {
    cairo_matrix_t m;
    cairo_get_matrix(cr, &m);
    return {m.xx, m.yx, m.xy, m.yy, m.x0 - px.left, m.y0 - px.top, s.source.x, s.source.y, s.source.w, s.source.h};
}

// A photo, a gradient or a logo drawn through `raster`: when it would come out as the
// raster already holds it (a fade, or a move by whole pixels) the raster is composited at
// the node's opacity. Drawn afresh, it goes into the raster only when it was also drawn on
// the frame before (a busy stretch, where the next frame is likely to draw it alike again),
// so a Ken Burns step between still frames is drawn straight onto the canvas; a logo always
// goes into it, as it is drawn into a surface of its box anyway.
void draw_through(cairo_t* cr, const SceneNode& n, const NodeState& s, bool moving, long frame, NodeRaster& raster) {
    PixelBox px = canvas_pixels(cr, s.box);
    if (px.width <= 0 || px.height <= 0) return;
    std::array<double, 10> shape = raster_shape(cr, px, s);
    bool consecutive = raster.frame == frame - 1;
    raster.frame = frame;
    if (raster.surface && raster.shape == shape && raster.left == px.left && raster.top == px.top) {
        paint_pixels(cr, raster.surface.get(), px, s.opacity);
        return;
    }
    raster.surface.reset();
    if (!consecutive && n.kind != NodeKind::svg) {
        draw_shape(cr, n, s, moving, frame);
        return;
    }
    CairoPtr raster_cr;
    raster.surface = pixels_surface(cr, px, raster_cr);
    if (!raster.surface) {  // no memory for it: drawn straight, as in a still
        draw_shape(cr, n, s, moving, frame);
        return;
    }
    NodeState whole = s;
    whole.opacity = 1;
    draw_shape(raster_cr.get(), n, whole, moving, frame);
    raster.shape = shape;
    raster.left = px.left;
    raster.top = px.top;
    paint_pixels(cr, raster.surface.get(), px, s.opacity);
}

// Rounds an offset of the drawing to whole canvas pixels, so that a picture moving by it
// can be composited from its raster (a step of at most half a pixel, too small to see).
void snap_to_pixels(cairo_t* cr, double& dx, double& dy) {
    cairo_user_to_device_distance(cr, &dx, &dy);
    dx = std::round(dx);
    dy = std::round(dy);
    cairo_device_to_user_distance(cr, &dx, &dy);
}

// The node as it stands at `frame`. A counting figure gets a copy of its layout with the
// number it shows then (`counted` owns it).
NodeState state_at(const SceneNode& n, long frame, GObjectPtr<PangoLayout>& counted) {
    const NodeMotion& m = n.motion;
    NodeState s;
    s.opacity = n.opacity * std::clamp(m.opacity.at(frame), 0.0, 1.0);
    s.box = n.box;
    s.source = m.ken_burns ? m.source_at(frame) : n.source;
    s.text = n.text.get();
    double count = m.count.at(frame);
    if (n.kind == NodeKind::text && n.text && count < 1) {
        counted.reset(pango_layout_copy(n.text.get()));
        std::string shown = count_up_text(pango_layout_get_text(n.text.get()), m.decimal_mark, count);
        pango_layout_set_text(counted.get(), shown.c_str(), -1);
        s.text = counted.get();
    }
    return s;
}

// Draws `n` as it stands at `frame`. With a `raster`, a photo, a gradient or a logo is
// drawn through it (see draw_through) and moves by whole pixels.
void draw_node(cairo_t* cr, const SceneNode& n, long frame, NodeRaster* raster = nullptr) {
    const NodeMotion& m = n.motion;
    GObjectPtr<PangoLayout> counted;
    NodeState s = state_at(n, frame, counted);
    if (s.opacity <= 0) return;
    double reveal = std::clamp(m.reveal.at(frame), 0.0, 1.0);
    if (reveal <= 0) return;
    if (!rastered(n.kind)) raster = nullptr;
    cairo_save(cr);
    double dx = m.dx.at(frame), dy = m.dy.at(frame);
    if (raster) snap_to_pixels(cr, dx, dy);
    cairo_translate(cr, dx, dy);
    double scale = m.scale.at(frame);
    if (scale != 1) {
        double cx = n.box.x + n.box.w / 2, cy = n.box.y + n.box.h / 2;
        cairo_translate(cr, cx, cy);
        cairo_scale(cr, scale, scale);
        cairo_translate(cr, -cx, -cy);
    }
    if (reveal < 1) {
        // A shape grows from its left edge (a bar filling up); anything else is wiped in.
        if (n.kind == NodeKind::rect) {
            s.box.w = std::max(std::min(n.box.w, 2 * n.radius), n.box.w * reveal);
        } else {
            cairo_rectangle(cr, n.box.x - 4, n.box.y - n.box.h, n.box.w * reveal + 4, n.box.h * 3);
            cairo_clip(cr);
        }
    }
    if (raster) draw_through(cr, n, s, m.ken_burns, frame, *raster);
    else draw_shape(cr, n, s, m.ken_burns, frame);
    cairo_restore(cr);
}

// A context drawing onto `canvas` inside `at`'s rows and columns only.
CairoPtr clipped_context(cairo_surface_t* canvas, const Placement& at) {
    CairoPtr cr(cairo_create(canvas));
    int width = cairo_image_surface_get_width(canvas), height = cairo_image_surface_get_height(canvas);
    int top = std::clamp(at.top, 0, height), bottom = std::clamp(at.bottom, top, height);
    int left = std::clamp(at.left, 0, width), right = std::clamp(at.right, left, width);
    if (top > 0 || bottom < height || left > 0 || right < width) {
        cairo_rectangle(cr.get(), left, top, right - left, bottom - top);
        cairo_clip(cr.get());
    }
    return cr;
}

// A context drawing the scene's design coordinates onto `canvas`, scaled to fill it, placed
// as `at` says.
CairoPtr scaled_context(const Scene& scene, cairo_surface_t* canvas, const Placement& at = {}) {
    CairoPtr cr = clipped_context(canvas, at);
    if (at.dx != 0) cairo_translate(cr.get(), at.dx, 0);
    double sx = double(cairo_image_surface_get_width(canvas)) / scene.width;
    double sy = double(cairo_image_surface_get_height(canvas)) / scene.height;
    if (sx != 1 || sy != 1) cairo_scale(cr.get(), sx, sy);
    return cr;
}

}  // namespace

CairoSurfacePtr new_canvas(cairo_format_t format, int width, int height) {
    CairoSurfacePtr surface(cairo_image_surface_create(format, width, height));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error("cannot allocate a canvas");
    return surface;
}

void copy_canvas(cairo_surface_t* from, cairo_surface_t* to) {
    cairo_surface_flush(from);
    cairo_surface_flush(to);
    std::memcpy(cairo_image_surface_get_data(to), cairo_image_surface_get_data(from),
                size_t(cairo_image_surface_get_stride(from)) * cairo_image_surface_get_height(from));
    cairo_surface_mark_dirty(to);
}

CairoSurfacePtr paint_scene(const Scene& scene, int frame, const TextProbe& before_text) {
    CairoSurfacePtr surface = new_canvas(CAIRO_FORMAT_RGB24, scene.width, scene.height);
    CairoPtr cr(cairo_create(surface.get()));
    set_colour(cr.get(), scene.background, 1);
    cairo_paint(cr.get());
    for (const SceneNode& n : scene.nodes) {
        if (before_text && n.kind == NodeKind::text) {
            cairo_surface_flush(surface.get());
            before_text(n, surface.get());
        }
        draw_node(cr.get(), n, frame);
    }
    cairo_surface_flush(surface.get());
    return surface;
}

void paint_overlay(const std::vector<SceneNode>& nodes, cairo_surface_t* canvas, int top, int bottom) {
    if (bottom <= top) return;
    Placement rows;
    rows.top = top;
    rows.bottom = bottom;
    CairoPtr cr = clipped_context(canvas, rows);
    for (const SceneNode& n : nodes) draw_node(cr.get(), n, LONG_MAX);
    cairo_surface_flush(canvas);
}

// Room around a moving node for what it draws outside its box: glyphs overhanging their
// layout, a zoom's growth, antialiasing.
constexpr double kInkMargin = 24;

Box FramePainter::changed_area(long frame) const {
    double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
    for (const SceneNode& n : scene_.nodes) {
        if (!n.motion.changes_at(frame)) continue;
        double reach = n.motion.reach() + kInkMargin;
        const Box& b = n.box;
        x0 = std::min(x0, b.x - reach);
        y0 = std::min(y0, b.y - reach);
        x1 = std::max(x1, b.right() + reach);
        y1 = std::max(y1, b.bottom() + reach);
    }
    if (x1 < x0) return {};
    return {x0, y0, x1 - x0, y1 - y0};
}

FramePainter::FramePainter(const Scene& scene) : scene_(scene), rasters_(scene.nodes.size()) {
    for (const SceneNode& n : scene.nodes) settles_at_.push_back(n.motion.settles_at());
}

void FramePainter::release() {
    if (!holding_) return;
    holding_ = false;
    layers_.clear();
    for (NodeRaster& r : rasters_) r = {};
    group_.reset();
    for (const SceneNode& n : scene_.nodes)
        if (n.frames) n.frames->release();
}

// A run from the first node on is drawn over the background into an opaque layer, which
// then replaces the whole canvas in one copy; later runs are transparent and composited.
// Nodes are drawn in order, so a cached layer of [begin, cached.end) becomes [begin, end)
// by drawing the nodes after it on top.
FramePainter::Layer FramePainter::layer_for(size_t begin, size_t end, int width, int height, Layer cached) {
    Layer layer = std::move(cached);
    if (!layer.surface || layer.end > end) {
        layer = {begin, new_canvas(begin == 0 ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32, width, height)};
        if (begin == 0) {
            CairoPtr cr = scaled_context(scene_, layer.surface.get());
            set_colour(cr.get(), scene_.background, 1);
            cairo_paint(cr.get());
        }
    }
    if (layer.end < end) {
        CairoPtr cr = scaled_context(scene_, layer.surface.get());
        for (size_t i = layer.end; i < end; ++i) draw_node(cr.get(), scene_.nodes[i], LONG_MAX);
        cairo_surface_flush(layer.surface.get());
        layer.end = end;
    }
    return layer;
}

void FramePainter::paint(long frame, cairo_surface_t* canvas, const Placement& at) {
    holding_ = true;
    int width = cairo_image_surface_get_width(canvas), height = cairo_image_surface_get_height(canvas);
    cairo_surface_t* target = canvas;
    if (at.opacity < 1) {
        if (!group_) group_ = new_canvas(CAIRO_FORMAT_RGB24, width, height);
        target = group_.get();
    }
    {
        CairoPtr cr = scaled_context(scene_, target, at);
        bool first_cached = !settles_at_.empty() && settles_at_[0] <= frame && settles_at_.size() > 1 &&
                            settles_at_[1] <= frame;
        if (!first_cached) {
            set_colour(cr.get(), scene_.background, 1);
            cairo_paint(cr.get());
        }
        std::map<size_t, Layer> used;
        const auto& nodes = scene_.nodes;
        for (size_t i = 0; i < nodes.size();) {
            size_t end = i;
            while (end < nodes.size() && settles_at_[end] <= frame) ++end;
            if (end - i >= kMinNodesPerLayer) {
                auto cached = layers_.find(i);
                Layer layer = layer_for(i, end, width, height, cached != layers_.end() ? std::move(cached->second) : Layer{});
                cairo_save(cr.get());
                cairo_identity_matrix(cr.get());
                if (i == 0) cairo_set_operator(cr.get(), CAIRO_OPERATOR_SOURCE);
                cairo_set_source_surface(cr.get(), layer.surface.get(), at.dx, 0);
                cairo_paint(cr.get());
                cairo_restore(cr.get());
                used[i] = std::move(layer);
                // Settled in the layer, these nodes are not drawn on their own again.
                for (size_t k = i; k < end; ++k) rasters_[k].surface.reset();
                i = end;
                continue;
            }
            for (; i < std::max(end, i + 1) && i < nodes.size(); ++i) draw_node(cr.get(), nodes[i], frame, &rasters_[i]);
        }
        layers_ = std::move(used);  // runs that split or merged into the run before are drawn afresh
    }
    cairo_surface_flush(target);
    if (target != canvas) {
        CairoPtr cr = clipped_context(canvas, at);
        cairo_set_source_surface(cr.get(), target, 0, 0);
        cairo_paint_with_alpha(cr.get(), at.opacity);
        cairo_surface_flush(canvas);
    }
}

}  // namespace rupa
