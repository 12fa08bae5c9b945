// libswscale takes YCbCr as limited range ("TV", 16-235) and BT.601 unless told otherwise; the
// frame usually knows better.
#include "media/frame_colours.hpp"

extern "C" {
#include <libavutil/pixdesc.h>
}

namespace rupa {

// JPEGs are full range: the YUVJ formats say so by their name, but the YCCK of an Adobe CMYK
// JPEG arrives as plain YUVA444P marked full range only on the frame.
void describe_source_colours(SwsContext* scaler, const AVFrame& frame, int unspecified_matrix) {
    int *inverse_table, *table, source_range, target_range, brightness, contrast, saturation;
    if (sws_getColorspaceDetails(scaler, &inverse_table, &source_range, &table, &target_range,
                                 &brightness, &contrast, &saturation) < 0)
        return;
    if (frame.color_range == AVCOL_RANGE_JPEG) source_range = 1;
    if (frame.color_range == AVCOL_RANGE_MPEG) source_range = 0;
    // An RGB or unknown matrix on a YCbCr frame means nothing was said.
    bool said = frame.colorspace != AVCOL_SPC_RGB && frame.colorspace != AVCOL_SPC_UNSPECIFIED;
    int matrix = said ? int(frame.colorspace) : unspecified_matrix;
    sws_setColorspaceDetails(scaler, sws_getCoefficients(matrix), source_range, table,
                             target_range, brightness, contrast, saturation);
}

void premultiply_alpha(AVPixelFormat source, uint8_t* bgra, int stride, int width, int height) {
    const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(source);
    if (!desc || !(desc->flags & AV_PIX_FMT_FLAG_ALPHA)) return;
    for (int y = 0; y < height; ++y) {
        uint8_t* p = bgra + y * stride;
        for (int x = 0; x < width; ++x, p += 4) {
            unsigned a = p[3];
            for (int c = 0; c < 3; ++c) p[c] = uint8_t((p[c] * a + 127) / 255);
        }
    }
}

}  // namespace rupa
