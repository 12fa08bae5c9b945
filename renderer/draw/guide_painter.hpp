// The design guides a preview draws over a copy of a format's picture: the margins, the
// 12-column grid inside them (DESIGN.md, "Composition") and the platform's safe zone (the
// format table), so a designer sees at a glance whether every block sits on the grid and
// every text stays where the app leaves it visible.
#pragma once

#include "spec/format.hpp"

#include <cairo.h>

namespace rupa {

// The grid of a canvas, in its pixels: margins of 1/15 of the short side on every edge
// (DESIGN.md: about 6-7 %, 72 px on 1080) and 12 columns with gutters of 1/45 of the short
// side between them (24 px on 1080), filling the width inside the margins.
struct DesignGrid {
    static constexpr int kColumns = 12;
    double margin = 0;
    double gutter = 0;
    double column = 0;  // the width of one column

    double column_left(int i) const { return margin + i * (column + gutter); }
};

DesignGrid design_grid(int width, int height);

// The guide colours, opaque, as the legend shows them; the overlays are translucent.
struct GuideColors {
    static constexpr double kMargin[3] = {1.0, 0.0, 0.85};   // magenta line on the margin
    static constexpr double kColumn[3] = {0.0, 0.75, 1.0};   // cyan columns
    static constexpr double kUnsafe[3] = {0.95, 0.15, 0.1};  // red: what the app covers
};

// Draws the guides of `format` over `cr`, whose user space is the format's canvas scaled
// by `scale` (1: a full-size copy; 0.25: a thumbnail). Lines are `line` device pixels wide
// whatever the scale, so they stay crisp on a thumbnail.
void paint_guides(cairo_t* cr, const Format& format, double scale, double line);

}  // namespace rupa
