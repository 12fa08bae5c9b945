// Cairo's opaque RGB24 canvas -> BT.709 limited-range 4:2:0, the colours every platform of
// PRODUCT.md expects (ITU-R BT.709-6, item 3.2-3.5: Kr 0.2126, Kb 0.0722; Y' 16-235,
// Cb/Cr 16-240 around 128 for 8 bits). Exact to the rounding of the integer formula.
#pragma once

extern "C" {
#include <libavutil/frame.h>
}
#include <cairo.h>

#include <cstdint>

namespace rupa {

struct Yuv {
    uint8_t y, cb, cr;
};

// One R'G'B' colour (0-255 each) in BT.709 limited range.
Yuv bt709_limited(int r, int g, int b);

// Converts `canvas` (CAIRO_FORMAT_RGB24 or ARGB32 drawn opaque, of the frame's size) into
// `frame`'s YUV420P planes, rows [first_row, end_row) only (the rest of the frame is left as
// it was; -1 = to the last row). Chroma is the average of each 2x2 block (centre-sited).
void convert_to_yuv420(cairo_surface_t* canvas, AVFrame& frame, int first_row = 0, int end_row = -1);

}  // namespace rupa
