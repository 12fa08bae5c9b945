// SVG logos and icons, loaded with librsvg.
#pragma once

#include "handles/gobject.hpp"
#include "media/image_decoder.hpp"

#include <librsvg/rsvg.h>

#include <filesystem>

namespace rupa {

struct SvgImage {
    SharedGObject<RsvgHandle> handle;
    double width = 0;   // intrinsic size in CSS pixels
    double height = 0;
};

// Throws MediaError when the file is not a usable SVG or has no size.
SvgImage load_svg(const std::filesystem::path& path);

}  // namespace rupa
