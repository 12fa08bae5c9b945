// Control characters in text: found where text is read (and refused there), and taken out of
// everything rupa writes for people, a terminal line, a message excerpt, caption.txt, alt.txt.
// One definition of what a control character is, and of how far an escape sequence reaches.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rupa {

// A control character in text: where it starts (a byte offset) and its code point. Tabs and
// line breaks are text; other C0 controls, DEL and the C1 controls (U+0080-U+009F, ESC's
// twins in some terminals) are not.
struct ControlCharacter {
    size_t at = 0;
    unsigned code_point = 0;
};
std::optional<ControlCharacter> first_control_character(std::string_view text);

// `text` with each control character replaced by `replacement` ("" removes it): every C0
// control but the line break, DEL and every C1 control. An escape sequence goes whole with
// the control that starts it, as a terminal would read it (ECMA-48): ESC or CSI (U+009B) with
// its parameters and final byte ("ESC[2J"), ESC with its one following character ("ESC7"),
// and the strings of OSC, DCS, SOS, PM and APC up to their BEL or ST (or the end of the
// line). A tab becomes a space. The rest, any valid or invalid UTF-8, is kept as it is.
std::string replace_control_characters(std::string_view text, std::string_view replacement);

}  // namespace rupa
