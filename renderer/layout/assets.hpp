// The decoded media a layout places: photos by content field, and the brand's logo.
// Decoded once per render and shared by every format's scene.
#pragma once

#include "media/image_decoder.hpp"
#include "media/svg_image.hpp"

#include <map>
#include <optional>
#include <string>

namespace rupa {

struct Logo {
    std::optional<SvgImage> svg;
    std::optional<DecodedImage> raster;
    double width() const { return svg ? svg->width : raster ? raster->width : 0; }
    double height() const { return svg ? svg->height : raster ? raster->height : 0; }
};

struct Assets {
    std::map<std::string, DecodedImage> photos;  // "photo" -> the decoded spec photo
    Logo logo;
};

}  // namespace rupa
