// Turning stored pixels upright: photos carry an EXIF orientation, clips a display matrix
// with a rotation. Both are painted through here, so "upright" means one thing.
#pragma once

#include <cairo.h>

namespace rupa {

// Paints `stored` onto `upright` turned by EXIF orientation 1-8 (TIFF 6.0, tag 0x0112).
// `upright` is the stored size, with width and height swapped for orientations 5-8.
void paint_upright(cairo_surface_t* stored, int exif_orientation, cairo_surface_t* upright);

// The EXIF orientation that turns a picture `degrees` clockwise (0, 90, 180 or 270).
int exif_orientation_turning(int degrees_clockwise);

}  // namespace rupa
