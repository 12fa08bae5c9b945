#include "output/subrip.hpp"

#include <algorithm>
#include <cstdio>

namespace rupa {

std::string subrip_time(long frame) {
    long ms = (frame * 1000 + kVideoFps / 2) / kVideoFps;
    char text[32];
    std::snprintf(text, sizeof text, "%02ld:%02ld:%02ld,%03ld", ms / 3'600'000, ms / 60'000 % 60, ms / 1000 % 60,
                  ms % 1000);
    return text;
}

namespace {

// A blank line ends a SubRip block: a caption's own blank lines (a YAML block of text) go.
std::string without_blank_lines(const std::string& text) {
    std::string out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = std::min(text.find('\n', start), text.size());
        std::string line = text.substr(start, end - start);
        if (line.find_first_not_of(" \t\r") != std::string::npos) out += (out.empty() ? "" : "\n") + line;
        start = end + 1;
    }
    return out;
}

}  // namespace

std::string subrip_text(const std::vector<Caption>& captions) {
    std::string out;
    for (size_t i = 0; i < captions.size(); ++i) {
        const Caption& c = captions[i];
        if (i) out += "\n";
        out += std::to_string(i + 1) + "\n" + subrip_time(c.from) + " --> " + subrip_time(c.to) + "\n" + without_blank_lines(c.text) + "\n";
    }
    return out;
}

}  // namespace rupa
