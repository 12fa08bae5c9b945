// Integer BT.709 conversion: coefficients in 16.16 fixed point, computed once from the
// standard's constants, so the result is the rounded exact value.
#include "media/yuv_converter.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace rupa {

namespace {

constexpr double kKr = 0.2126, kKb = 0.0722, kKg = 1 - kKr - kKb;  // BT.709-6, 3.2
constexpr int kShift = 16;
constexpr int kOne = 1 << kShift;

struct Coefficients {
    std::array<int, 3> y, cb, cr;  // per R, G, B
};

int fixed(double v) { return int(std::lround(v * kOne)); }

// Y' = 16 + 219 E'y, Cb = 128 + 224 E'cb, Cr = 128 + 224 E'cr (BT.709-6, 3.4-3.5), with
// E' = component / 255.
const Coefficients& coefficients() {
    static const Coefficients c = [] {
        Coefficients k;
        double ys = 219.0 / 255, cs = 224.0 / 255;
        k.y = {fixed(ys * kKr), fixed(ys * kKg), fixed(ys * kKb)};
        double cb = cs / (2 * (1 - kKb)), cr = cs / (2 * (1 - kKr));
        k.cb = {fixed(-cb * kKr), fixed(-cb * kKg), fixed(cb * (1 - kKb))};
        k.cr = {fixed(cr * (1 - kKr)), fixed(-cr * kKg), fixed(-cr * kKb)};
        return k;
    }();
    return c;
}

inline uint8_t clamp8(int v) { return uint8_t(std::clamp(v, 0, 255)); }

inline int luma(const Coefficients& k, int r, int g, int b) {
    return 16 + ((k.y[0] * r + k.y[1] * g + k.y[2] * b + kOne / 2) >> kShift);
}

// Chroma of the sum of four pixels' components (each sum 0..1020): the rounding stays exact.
inline int chroma(const std::array<int, 3>& k, int r4, int g4, int b4) {
    constexpr int kRound = 2 * kOne;  // half of 4 << kShift
    int v = k[0] * r4 + k[1] * g4 + k[2] * b4;
    return 128 + ((v + kRound) >> (kShift + 2));
}

}  // namespace

Yuv bt709_limited(int r, int g, int b) {
    const Coefficients& k = coefficients();
    return {clamp8(luma(k, r, g, b)), clamp8(chroma(k.cb, 4 * r, 4 * g, 4 * b)),
            clamp8(chroma(k.cr, 4 * r, 4 * g, 4 * b))};
}

namespace {

// One row's luma. A plain loop over whole pixels, which the compiler vectorises (inlined
// into each of convert_to_yuv420's builds below). The formula's result always lies in
// 16..235 for 8-bit input, so nothing needs clamping.
[[gnu::always_inline]] inline void luma_row(const uint32_t* rgb, uint8_t* y, int width, const Coefficients& k) {
    const int ry = k.y[0], gy = k.y[1], by = k.y[2];
    for (int x = 0; x < width; ++x) {
        uint32_t p = rgb[x];
        int r = int((p >> 16) & 0xFF), g = int((p >> 8) & 0xFF), b = int(p & 0xFF);
        y[x] = uint8_t(16 + ((ry * r + gy * g + by * b + kOne / 2) >> kShift));
    }
}

// One row of chroma from two rows of pixels, each output the mean of a 2x2 block; an odd
// last column pairs with itself.
[[gnu::always_inline]] inline void chroma_row(const uint32_t* row0, const uint32_t* row1, uint8_t* cb, uint8_t* cr, int width,
                const Coefficients& k) {
    auto red = [](uint32_t p) { return int((p >> 16) & 0xFF); };
    auto green = [](uint32_t p) { return int((p >> 8) & 0xFF); };
    auto blue = [](uint32_t p) { return int(p & 0xFF); };
    int pairs = width / 2;
    for (int i = 0; i < pairs; ++i) {
        uint32_t a = row0[2 * i], b = row0[2 * i + 1], c = row1[2 * i], d = row1[2 * i + 1];
        int r4 = red(a) + red(b) + red(c) + red(d);
        int g4 = green(a) + green(b) + green(c) + green(d);
        int b4 = blue(a) + blue(b) + blue(c) + blue(d);
        cb[i] = uint8_t(chroma(k.cb, r4, g4, b4));
        cr[i] = uint8_t(chroma(k.cr, r4, g4, b4));
    }
    if (width % 2) {
        uint32_t a = row0[width - 1], c = row1[width - 1];
        int r4 = 2 * (red(a) + red(c)), g4 = 2 * (green(a) + green(c)), b4 = 2 * (blue(a) + blue(c));
        cb[pairs] = uint8_t(chroma(k.cb, r4, g4, b4));
        cr[pairs] = uint8_t(chroma(k.cr, r4, g4, b4));
    }
}

}  // namespace

// On x86-64 built twice, for AVX2 and for any x86-64, the better one chosen when rupa
// starts: the same integer formula, twice as fast on AVX2's wider registers (2.1 ms against
// 4.1 ms a 1080x1920 frame). The row loops are inlined into each build, so the AVX2 one
// vectorises them too (0.85 ms a frame, against 1.4-1.9 ms while they were called).
#if defined(__x86_64__)
#define RUPA_AVX2_CLONE __attribute__((target_clones("avx2", "default")))
#else
#define RUPA_AVX2_CLONE
#endif

RUPA_AVX2_CLONE
void convert_to_yuv420(cairo_surface_t* canvas, AVFrame& frame, int first_row, int end_row) {
    cairo_surface_flush(canvas);
    const Coefficients& k = coefficients();
    const uint8_t* pixels = cairo_image_surface_get_data(canvas);
    int stride = cairo_image_surface_get_stride(canvas);
    int width = frame.width, height = frame.height;
    if (end_row < 0 || end_row > height) end_row = height;
    first_row = std::max(0, first_row) & ~1;  // whole 2x2 chroma blocks
    auto row = [&](int y) { return reinterpret_cast<const uint32_t*>(pixels + size_t(std::min(y, height - 1)) * stride); };
    for (int y = first_row; y < end_row; y += 2) {
        luma_row(row(y), frame.data[0] + size_t(y) * frame.linesize[0], width, k);
        if (y + 1 < height) luma_row(row(y + 1), frame.data[0] + size_t(y + 1) * frame.linesize[0], width, k);
        chroma_row(row(y), row(y + 1), frame.data[1] + size_t(y / 2) * frame.linesize[1],
                   frame.data[2] + size_t(y / 2) * frame.linesize[2], width, k);
    }
}

}  // namespace rupa
