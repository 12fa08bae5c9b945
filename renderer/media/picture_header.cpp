// Reading picture headers by hand: a few fixed offsets per format (PNG: ISO/IEC 15948 IHDR;
// JPEG: ITU T.81 SOFn markers; GIF89a's logical screen; WebP's RIFF chunks VP8, VP8L, VP8X).
#include "media/picture_header.hpp"

#include <zlib.h>

#include <array>
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

namespace rupa {

namespace {

uint32_t be16(std::string_view b, size_t at) { return uint32_t(uint8_t(b[at])) << 8 | uint8_t(b[at + 1]); }
uint32_t be32(std::string_view b, size_t at) { return be16(b, at) << 16 | be16(b, at + 2); }
uint32_t le16(std::string_view b, size_t at) { return uint32_t(uint8_t(b[at + 1])) << 8 | uint8_t(b[at]); }
uint32_t le24(std::string_view b, size_t at) { return le16(b, at) | uint32_t(uint8_t(b[at + 2])) << 16; }

constexpr std::string_view kPngSignature("\x89PNG\r\n\x1a\n", 8);

std::optional<PictureSize> jpeg_size(std::string_view b) {
    size_t at = 2;
    while (at + 9 < b.size()) {
        if (uint8_t(b[at]) != 0xFF) return std::nullopt;
        uint8_t marker = uint8_t(b[at + 1]);
        if (marker == 0xFF) {  // fill byte
            ++at;
            continue;
        }
        bool standalone = marker == 0x01 || (marker >= 0xD0 && marker <= 0xD9);
        if (standalone) {
            at += 2;
            continue;
        }
        bool frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (frame) return PictureSize{be16(b, at + 7), be16(b, at + 5)};
        at += 2 + be16(b, at + 2);
    }
    return std::nullopt;
}

std::optional<PictureSize> webp_size(std::string_view b) {
    if (b.size() < 30) return std::nullopt;
    std::string_view chunk = b.substr(12, 4);
    if (chunk == "VP8 ") return PictureSize{le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF};
    if (chunk == "VP8L") {
        uint32_t bits = le16(b, 21) | le16(b, 23) << 16;
        return PictureSize{(bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1};
    }
    if (chunk == "VP8X") return PictureSize{le24(b, 24) + 1, le24(b, 27) + 1};
    return std::nullopt;
}

// Inflates `compressed` into a fixed buffer, counting: false once it passes the cap.
bool inflates_within_cap(const std::string& compressed) {
    z_stream stream{};
    if (inflateInit(&stream) != Z_OK) return false;
    std::array<unsigned char, 1 << 16> out;
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    stream.avail_in = uInt(compressed.size());
    size_t total = 0;
    int rc = Z_OK;
    while (rc == Z_OK && total <= kMaxInflatedChunkBytes) {
        stream.next_out = out.data();
        stream.avail_out = uInt(out.size());
        rc = inflate(&stream, Z_NO_FLUSH);
        total += out.size() - stream.avail_out;
        if (rc == Z_BUF_ERROR && stream.avail_in == 0) break;  // cut short: the decoder says so
    }
    inflateEnd(&stream);
    return total <= kMaxInflatedChunkBytes;
}

// Where the compressed data of a zTXt, iTXt or iCCP chunk starts; npos when it is not compressed.
size_t compressed_start(std::string_view type, const std::string& data) {
    size_t keyword_end = data.find('\0');
    if (keyword_end == std::string::npos) return std::string::npos;
    if (type == "zTXt" || type == "iCCP") return keyword_end + 2;  // NUL, method
    // iTXt: NUL, compression flag, method, language NUL, translated keyword NUL, text.
    if (keyword_end + 3 > data.size() || data[keyword_end + 1] != 1) return std::string::npos;
    size_t language_end = data.find('\0', keyword_end + 3);
    if (language_end == std::string::npos) return std::string::npos;
    size_t translated_end = data.find('\0', language_end + 1);
    return translated_end == std::string::npos ? std::string::npos : translated_end + 1;
}

MediaError chunk_too_large(std::string_view type) {
    std::string cap = std::to_string(kMaxInflatedChunkBytes >> 20) + " MB";
    return MediaError("the image's " + std::string(type) + " chunk holds more than " + cap +
                      " of text or colour profile; rupa takes at most " + cap);
}

}  // namespace

std::optional<PictureSize> stated_picture_size(std::string_view b) {
    if (b.starts_with(kPngSignature) && b.size() >= 24 && b.substr(12, 4) == "IHDR")
        return PictureSize{be32(b, 16), be32(b, 20)};
    if (b.size() >= 10 && (b.starts_with("GIF87a") || b.starts_with("GIF89a")))
        return PictureSize{le16(b, 6), le16(b, 8)};
    if (b.size() >= 4 && uint8_t(b[0]) == 0xFF && uint8_t(b[1]) == 0xD8) return jpeg_size(b);
    if (b.starts_with("RIFF") && b.size() >= 16 && b.substr(8, 4) == "WEBP") return webp_size(b);
    return std::nullopt;
}

void check_png_compressed_chunks(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(8, '\0');
    if (!in.read(head.data(), 8) || head != kPngSignature) return;
    char header[8];
    while (in.read(header, 8)) {
        std::string_view h(header, 8);
        uint32_t length = be32(h, 0);
        std::string_view type = h.substr(4, 4);
        bool compressed = type == "zTXt" || type == "iTXt" || type == "iCCP";
        if (!compressed) {
            in.seekg(std::streamoff(length) + 4, std::ios::cur);  // data and CRC
            continue;
        }
        if (length > kMaxInflatedChunkBytes) throw chunk_too_large(type);
        std::string data(length, '\0');
        if (!in.read(data.data(), std::streamsize(data.size()))) return;  // cut short: the decoder says so
        size_t start = compressed_start(type, data);
        if (start != std::string::npos && start < data.size() && !inflates_within_cap(data.substr(start)))
            throw chunk_too_large(type);
        in.seekg(4, std::ios::cur);
    }
}

}  // namespace rupa
