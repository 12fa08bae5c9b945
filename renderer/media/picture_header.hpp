// What a picture file says about itself before any decoder runs: the size in its header, and
// (for PNG) how much its compressed text and colour-profile chunks inflate to. Both bound the
// memory a decoder is about to take: libav's PNG decoder inflates every zTXt, iTXt and iCCP
// chunk whole (a 1 MB chunk can inflate to 1 GB), and refuses a size over its own limit with
// no word of the size.
#pragma once

#include "media/media_error.hpp"

#include <filesystem>
#include <optional>
#include <string_view>

namespace rupa {

struct PictureSize {
    long long width = 0;
    long long height = 0;
};

// The size a PNG, JPEG, GIF or WebP states in its first bytes; nothing when `head` is none of
// these, or ends before the size.
std::optional<PictureSize> stated_picture_size(std::string_view head);

// The most bytes one compressed PNG chunk (text or colour profile) may inflate to: ICC
// profiles are at most a few hundred KB, XMP metadata far less.
constexpr size_t kMaxInflatedChunkBytes = 4 << 20;

// Refuses a PNG whose zTXt, iTXt or iCCP chunk inflates past kMaxInflatedChunkBytes, reading
// the file chunk by chunk and inflating into a fixed buffer. Other files pass.
void check_png_compressed_chunks(const std::filesystem::path& path);

}  // namespace rupa
