// The format table of PRODUCT.md. Sizes are the platforms' recommended upload sizes.
#include "spec/format.hpp"

#include <map>

namespace rupa {

// Story and reel: x 65-900, y 270-1248 (PRODUCT.md, after Meta's Reels guide: top 14 %,
// bottom 35 %, sides 6 %, and TikTok's action rail on the right).
constexpr SafeZone kVerticalSafe{65, 270, 900, 1248};

const std::vector<Format>& all_formats() {
    static const std::vector<Format> formats = {
        {"square", 1080, 1080, FormatKind::still, "Instagram / Facebook feed, WhatsApp"},
        {"portrait", 1080, 1350, FormatKind::still, "Instagram / Facebook feed (4:5)"},
        {"story", 1080, 1920, FormatKind::still, "Instagram / Facebook Story, WhatsApp Status", kVerticalSafe},
        {"landscape", 1200, 675, FormatKind::still, "X, website article header, link previews"},
        {"reel", 1080, 1920, FormatKind::video,
         "Reels, TikTok, YouTube Shorts, Facebook Reels, WhatsApp Status", kVerticalSafe},
        {"video-square", 1080, 1080, FormatKind::video, "feed video (Instagram / Facebook / X)"},
        {"video-landscape", 1920, 1080, FormatKind::video, "YouTube, X, website"},
    };
    return formats;
}

const Format& design_format(const Format& format) {
    if (format.id == "reel") return *find_format("story");
    if (format.id == "video-square") return *find_format("square");
    if (format.id == "video-landscape") return *find_format("landscape");
    return format;
}

const Format* find_format(std::string_view id) {
    for (const Format& f : all_formats())
        if (f.id == id) return &f;
    return nullptr;
}

static const std::map<std::string_view, std::vector<std::string_view>>& platforms() {
    static const std::map<std::string_view, std::vector<std::string_view>> table = {
        {"instagram", {"square", "portrait", "story", "reel"}},
        {"tiktok", {"reel"}},
        {"shorts", {"reel"}},
        {"whatsapp", {"story", "reel"}},
        {"x", {"landscape", "video-landscape"}},
        {"facebook", {"portrait", "story", "reel"}},
        {"website", {"landscape"}},
    };
    return table;
}

std::optional<std::vector<std::string_view>> platform_formats(std::string_view platform) {
    auto it = platforms().find(platform);
    if (it == platforms().end()) return std::nullopt;
    return it->second;
}

std::vector<std::string_view> all_platform_names() {
    std::vector<std::string_view> names;
    for (const auto& [name, formats] : platforms()) names.push_back(name);
    return names;
}

}  // namespace rupa
