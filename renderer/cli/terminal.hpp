// What the commands print for a person at a terminal: text made safe to show, and warnings.
#pragma once

#include "spec/control_characters.hpp"
#include "spec/diagnostics.hpp"

#include <iostream>
#include <string>

namespace rupa {

// Text bound for a terminal, with every control character but the line break (and each
// escape sequence whole) shown as '?': a file name or value holding ESC or a C1 control
// (U+0080-U+009F, which some terminals obey like ESC) must not move the cursor, retitle the
// window or hide the message around it.
inline std::string terminal_safe(const std::string& text) { return replace_control_characters(text, "?"); }

inline void print_warnings(const Diagnostics& diagnostics) {
    for (const auto& w : diagnostics.warnings()) std::cerr << terminal_safe(w.to_string()) << "\n";
}

// "1 warning", "2 warnings": a count as the commands' summaries say it.
inline std::string counted(size_t n, const std::string& noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

}  // namespace rupa
