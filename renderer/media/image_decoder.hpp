// Still images (JPEG, PNG, WebP, ...) decoded through libav into Cairo surfaces, upright:
// the EXIF orientation a phone wrote is applied here, once.
#pragma once

#include "handles/cairo.hpp"
#include "media/media_error.hpp"

#include <filesystem>
#include <string>

namespace rupa {

struct DecodedImage {
    SharedSurface surface;  // CAIRO_FORMAT_ARGB32, premultiplied, upright
    int width = 0;
    int height = 0;
    int exif_orientation = 1;  // as stored in the file; already applied to `surface`
    // `surface` at half its width and height (each pixel the mean of four), for drawing at
    // half its size or less: scaling a 1920-wide photo down to a 540-wide collage cell from
    // here costs pixman a quarter of the work. Null unless add_half() made it.
    SharedSurface half;
};

// PRODUCT.md's limit on an input image.
constexpr long long kMaxInputPixels = 100'000'000;
// The largest side of a Cairo image surface (MAX_IMAGE_SIZE in cairo-image-surface.c).
constexpr long long kMaxImageSide = 32767;

DecodedImage decode_image(const std::filesystem::path& path);

// Makes `image.half` (nothing for a picture under 2 pixels on a side).
void add_half(DecodedImage& image);

}  // namespace rupa
