// Still images (JPEG, PNG, WebP, ...) decoded through libav into Cairo surfaces, upright:
// the EXIF orientation a phone wrote is applied here, once.
#pragma once

#include "handles/cairo.hpp"

#include <filesystem>
#include <stdexcept>
#include <string>

namespace rupa {

// A file that is not a usable image; the message says why, for a person.
class MediaError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct DecodedImage {
    SharedSurface surface;  // CAIRO_FORMAT_ARGB32, premultiplied, upright
    int width = 0;
    int height = 0;
    int exif_orientation = 1;  // as stored in the file; already applied to `surface`
};

// PRODUCT.md's limit on an input image.
constexpr long long kMaxInputPixels = 100'000'000;

DecodedImage decode_image(const std::filesystem::path& path);

}  // namespace rupa
