#include "output/html_text.hpp"

namespace rupa {

namespace {
constexpr size_t kMaxTextShown = 600;
}

std::string escape_html(const std::string& text) {
    std::string out;
    for (char c : text.substr(0, kMaxTextShown)) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return text.size() > kMaxTextShown ? out + "…" : out;
}

}  // namespace rupa
