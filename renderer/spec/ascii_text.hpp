// Small operations on text that touch only ASCII characters (blanks, letter case), so UTF-8
// passes through them unchanged: for admins' text (a spec's fields, a CSV cell, a caption
// line, an answer typed at a terminal) and for names (extensions, platforms, domains).
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

// `text` with A-Z as a-z; every other byte as it is.
inline std::string ascii_lowercase(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return text;
}

}  // namespace rupa
