// Guides are drawn on copies only: the outputs themselves never carry them.
#include "draw/guide_painter.hpp"

#include <algorithm>

namespace rupa {

DesignGrid design_grid(int width, int height) {
    double short_side = std::min(width, height);
    DesignGrid grid;
    grid.margin = short_side / 15;
    grid.gutter = short_side / 45;
    grid.column = (width - 2 * grid.margin - (DesignGrid::kColumns - 1) * grid.gutter) / DesignGrid::kColumns;
    return grid;
}

namespace {

void set_color(cairo_t* cr, const double (&rgb)[3], double alpha) {
    cairo_set_source_rgba(cr, rgb[0], rgb[1], rgb[2], alpha);
}

// The columns as translucent bands from the top margin to the bottom one, each edged with a
// thin line, so that a block's start and end can be read against them.
void paint_columns(cairo_t* cr, const DesignGrid& grid, int height, double scale, double line) {
    double top = grid.margin * scale, bottom = (height - grid.margin) * scale;
    for (int i = 0; i < DesignGrid::kColumns; ++i) {
        double left = grid.column_left(i) * scale, width = grid.column * scale;
        set_color(cr, GuideColors::kColumn, 0.13);
        cairo_rectangle(cr, left, top, width, bottom - top);
        cairo_fill(cr);
        set_color(cr, GuideColors::kColumn, 0.55);
        cairo_set_line_width(cr, line / 2);
        cairo_rectangle(cr, left, top, width, bottom - top);
        cairo_stroke(cr);
    }
}

// The margin as an opaque line centred on it, on every edge.
void paint_margin(cairo_t* cr, const DesignGrid& grid, int width, int height, double scale, double line) {
    set_color(cr, GuideColors::kMargin, 1.0);
    cairo_set_line_width(cr, line);
    cairo_rectangle(cr, grid.margin * scale, grid.margin * scale, (width - 2 * grid.margin) * scale,
                    (height - 2 * grid.margin) * scale);
    cairo_stroke(cr);
}

// What the app covers, outside the safe zone: shaded, with the zone's edge dashed.
void paint_safe_zone(cairo_t* cr, const Format& format, double scale, double line) {
    const SafeZone& zone = format.safe;
    if (zone.empty()) return;
    double x = zone.left * scale, y = zone.top * scale;
    double w = (zone.right - zone.left) * scale, h = (zone.bottom - zone.top) * scale;
    cairo_save(cr);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_rectangle(cr, 0, 0, format.width * scale, format.height * scale);
    cairo_rectangle(cr, x, y, w, h);
    set_color(cr, GuideColors::kUnsafe, 0.28);
    cairo_fill(cr);
    double dash[] = {4 * line, 3 * line};
    cairo_set_dash(cr, dash, 2, 0);
    cairo_set_line_width(cr, line);
    set_color(cr, GuideColors::kUnsafe, 1.0);
    cairo_rectangle(cr, x, y, w, h);
    cairo_stroke(cr);
    cairo_restore(cr);
}

}  // namespace

void paint_guides(cairo_t* cr, const Format& format, double scale, double line) {
    DesignGrid grid = design_grid(format.width, format.height);
    cairo_save(cr);
    paint_columns(cr, grid, format.height, scale, line);
    paint_safe_zone(cr, format, scale, line);
    paint_margin(cr, grid, format.width, format.height, scale, line);
    cairo_restore(cr);
}

}  // namespace rupa
