// The fixed table of output formats and the platform names that expand to them
// (PRODUCT.md, "Formats").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rupa {

enum class FormatKind { still, video };

// Where a platform draws nothing of its own over the picture, in the format's pixels:
// headlines, numbers, logos and captions stay inside it. Empty (all 0) when the platform
// covers no part of the format.
struct SafeZone {
    int left = 0, top = 0, right = 0, bottom = 0;
    bool empty() const { return right <= left || bottom <= top; }
};

struct Format {
    std::string_view id;
    int width;
    int height;
    FormatKind kind;
    std::string_view serves;
    SafeZone safe{};
};

const std::vector<Format>& all_formats();

// The still design a video format plays (PRODUCT.md, "Video"): reel <- story, video-square
// <- square, video-landscape <- landscape (its 1200x675 design drawn at 1920x1080). A still
// format is its own design.
const Format& design_format(const Format& format);
const Format* find_format(std::string_view id);

// The formats a platform name stands for, or nothing when the name is no platform.
std::optional<std::vector<std::string_view>> platform_formats(std::string_view platform);
std::vector<std::string_view> all_platform_names();

}  // namespace rupa
