// Drawing each node kind with Cairo, librsvg and PangoCairo.
#include "draw/scene_painter.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace rupa {

namespace {

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

void draw_rect(cairo_t* cr, const SceneNode& n) {
    rounded_rect(cr, n.box, n.radius);
    set_colour(cr, n.fill, n.opacity);
    cairo_fill(cr);
}

void draw_gradient(cairo_t* cr, const SceneNode& n) {
    const Box& b = n.box;
    CairoPatternPtr pattern(n.vertical ? cairo_pattern_create_linear(0, b.y, 0, b.bottom())
                                       : cairo_pattern_create_linear(b.x, 0, b.right(), 0));
    cairo_pattern_add_color_stop_rgba(pattern.get(), 0, n.fill.r, n.fill.g, n.fill.b,
                                      n.fill.a * n.opacity);
    cairo_pattern_add_color_stop_rgba(pattern.get(), 1, n.fill_to.r, n.fill_to.g, n.fill_to.b,
                                      n.fill_to.a * n.opacity);
    cairo_rectangle(cr, b.x, b.y, b.w, b.h);
    cairo_set_source(cr, pattern.get());
    cairo_fill(cr);
}

void draw_image(cairo_t* cr, const SceneNode& n) {
    cairo_save(cr);
    cairo_rectangle(cr, n.box.x, n.box.y, n.box.w, n.box.h);
    cairo_clip(cr);
    cairo_translate(cr, n.box.x, n.box.y);
    cairo_scale(cr, n.box.w / n.source.w, n.box.h / n.source.h);
    cairo_set_source_surface(cr, n.image.get(), -n.source.x, -n.source.y);
    cairo_pattern_t* source = cairo_get_source(cr);
    cairo_pattern_set_filter(source, CAIRO_FILTER_GOOD);
    cairo_pattern_set_extend(source, CAIRO_EXTEND_PAD);
    cairo_paint_with_alpha(cr, n.opacity);
    cairo_restore(cr);
}

void draw_svg(cairo_t* cr, const SceneNode& n) {
    RsvgRectangle viewport{n.box.x, n.box.y, n.box.w, n.box.h};
    if (n.opacity < 1) cairo_push_group(cr);
    GError* raw_error = nullptr;
    rsvg_handle_render_document(n.svg.get(), cr, &viewport, &raw_error);
    GErrorPtr error(raw_error);  // a logo that fails to draw leaves its box empty
    if (n.opacity < 1) {
        cairo_pop_group_to_source(cr);
        cairo_paint_with_alpha(cr, n.opacity);
    }
}

void draw_text(cairo_t* cr, const SceneNode& n) {
    set_colour(cr, n.fill, n.opacity);
    cairo_move_to(cr, n.box.x, n.box.y);
    pango_cairo_show_layout(cr, n.text.get());
}

void draw_node(cairo_t* cr, const SceneNode& n) {
    cairo_save(cr);
    if (n.clipped) {
        cairo_rectangle(cr, n.clip.x, n.clip.y, n.clip.w, n.clip.h);
        cairo_clip(cr);
    }
    switch (n.kind) {
        case NodeKind::rect: draw_rect(cr, n); break;
        case NodeKind::gradient: draw_gradient(cr, n); break;
        case NodeKind::image: draw_image(cr, n); break;
        case NodeKind::svg: draw_svg(cr, n); break;
        case NodeKind::text: draw_text(cr, n); break;
    }
    cairo_restore(cr);
}

}  // namespace

CairoSurfacePtr paint_scene(const Scene& scene, int /*frame*/, const TextProbe& before_text) {
    CairoSurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, scene.width, scene.height));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error("cannot allocate a canvas");
    CairoPtr cr(cairo_create(surface.get()));
    set_colour(cr.get(), scene.background, 1);
    cairo_paint(cr.get());
    for (const SceneNode& n : scene.nodes) {
        if (before_text && n.kind == NodeKind::text) {
            cairo_surface_flush(surface.get());
            before_text(n, surface.get());
        }
        draw_node(cr.get(), n);
    }
    cairo_surface_flush(surface.get());
    return surface;
}

}  // namespace rupa
