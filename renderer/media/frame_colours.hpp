// Decoded YCbCr pictures into Cairo's premultiplied BGRA: what libswscale must be told about
// the source's colours, and the premultiplication it leaves undone. Shared by photos and clips.
#pragma once

#include "handles/av.hpp"

#include <cstdint>

namespace rupa {

// Tells `scaler` the matrix and range `frame` was coded with; `unspecified_matrix` (an
// SWS_CS_* value) is assumed when the frame does not say.
void describe_source_colours(SwsContext* scaler, const AVFrame& frame, int unspecified_matrix);

// Cairo's ARGB32 holds colour premultiplied by alpha; swscale writes it straight. Does
// nothing for a source format without alpha.
void premultiply_alpha(AVPixelFormat source, uint8_t* bgra, int stride, int width, int height);

}  // namespace rupa
