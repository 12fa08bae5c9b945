// Text without the blanks at either end, as every reader of admins' text wants it (a spec's
// fields, a CSV cell, a caption line, an answer typed at a terminal).
#pragma once

#include <string>
#include <string_view>

namespace rupa {

// `text` without the spaces, tabs and line ends (\r, \n) at either end.
inline std::string trimmed(std::string_view text) {
    constexpr std::string_view kBlanks = " \t\r\n";
    size_t first = text.find_first_not_of(kBlanks);
    if (first == std::string_view::npos) return {};
    return std::string(text.substr(first, text.find_last_not_of(kBlanks) - first + 1));
}

}  // namespace rupa
