// Cairo surface -> PNG bytes, through libpng with settings chosen for speed: rupa writes
// several 1-2 megapixel PNGs per spec, and zlib at its default level took most of the
// render time. See png_encoder.cpp for the measured choice.
#pragma once

#include <cairo.h>

#include <string>

namespace rupa {

// An RGB24 surface becomes an 8-bit RGB PNG; an ARGB32 surface an RGBA PNG (un-premultiplied).
// The same pixels always give the same bytes.
std::string encode_png(cairo_surface_t* surface);

}  // namespace rupa
