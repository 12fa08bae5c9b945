// Orientation as one Cairo transform, painted with nearest-neighbour sampling: a quarter turn
// moves whole pixels, so nothing is resampled (and pixman has fast paths for exactly this).
#include "media/orientation.hpp"

#include "handles/cairo.hpp"

namespace rupa {

void paint_upright(cairo_surface_t* stored, int exif_orientation, cairo_surface_t* upright) {
    int w = cairo_image_surface_get_width(stored), h = cairo_image_surface_get_height(stored);
    cairo_matrix_t m;
    switch (exif_orientation) {
        case 2: cairo_matrix_init(&m, -1, 0, 0, 1, w, 0); break;          // mirror
        case 3: cairo_matrix_init(&m, -1, 0, 0, -1, w, h); break;         // 180°
        case 4: cairo_matrix_init(&m, 1, 0, 0, -1, 0, h); break;          // flip
        case 5: cairo_matrix_init(&m, 0, 1, 1, 0, 0, 0); break;           // transpose
        case 6: cairo_matrix_init(&m, 0, 1, -1, 0, h, 0); break;          // 90° clockwise
        case 7: cairo_matrix_init(&m, 0, -1, -1, 0, h, w); break;         // transverse
        case 8: cairo_matrix_init(&m, 0, -1, 1, 0, 0, w); break;          // 90° counter
        default: cairo_matrix_init_identity(&m); break;                   // 1: as stored
    }
    CairoPtr cr(cairo_create(upright));
    cairo_set_matrix(cr.get(), &m);
    cairo_set_source_surface(cr.get(), stored, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr.get()), CAIRO_FILTER_NEAREST);
    cairo_set_operator(cr.get(), CAIRO_OPERATOR_SOURCE);
    cairo_paint(cr.get());
}

int exif_orientation_turning(int degrees_clockwise) {
    switch (degrees_clockwise) {
        case 90: return 6;
        case 180: return 3;
        case 270: return 8;
        default: return 1;
    }
}

}  // namespace rupa
