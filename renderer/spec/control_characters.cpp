// Control characters and escape sequences (ECMA-48, section 5), found and replaced.
#include "spec/control_characters.hpp"

namespace rupa {

namespace {

constexpr unsigned kEsc = 0x1B;
constexpr unsigned kBel = 0x07;
constexpr unsigned kCsi = 0x9B;  // C1 form of "ESC ["
constexpr unsigned kSt = 0x9C;   // C1 form of "ESC \", the string terminator

unsigned char byte_at(std::string_view text, size_t i) {
    return i < text.size() ? static_cast<unsigned char>(text[i]) : 0;
}

// The C1 control at `i` (U+0080-U+009F, two bytes in UTF-8), or 0.
unsigned c1_at(std::string_view text, size_t i) {
    unsigned char next = byte_at(text, i + 1);
    return byte_at(text, i) == 0xC2 && next >= 0x80 && next <= 0x9F ? next : 0;
}

// Past a control sequence's parameter, intermediate and final bytes, from `i`.
size_t end_of_csi(std::string_view text, size_t i) {
    while (i < text.size() && byte_at(text, i) >= 0x30 && byte_at(text, i) <= 0x3F) ++i;
    while (i < text.size() && byte_at(text, i) >= 0x20 && byte_at(text, i) <= 0x2F) ++i;
    if (i < text.size() && byte_at(text, i) >= 0x40 && byte_at(text, i) <= 0x7E) ++i;
    return i;
}

// Past a control string (OSC, DCS, ...) from `i`: through its BEL or ST, or up to the end of
// its line, so that an unterminated string never takes the text after it.
size_t end_of_string(std::string_view text, size_t i) {
    while (i < text.size()) {
        unsigned char c = byte_at(text, i);
        if (c == '\n') return i;
        if (c == kBel) return i + 1;
        if (c == kEsc && byte_at(text, i + 1) == '\\') return i + 2;
        if (c1_at(text, i) == kSt) return i + 2;
        ++i;
    }
    return i;
}

bool starts_string(unsigned code_point) {
    // DCS, SOS, OSC, PM, APC: as C1 controls, or as ESC P, X, ], ^, _.
    return code_point == 0x90 || code_point == 0x98 || code_point == 0x9D || code_point == 0x9E ||
           code_point == 0x9F;
}

// Past the control character at `at` and the sequence it starts.
size_t end_of_control(std::string_view text, const ControlCharacter& control) {
    size_t i = control.at + (control.code_point >= 0x80 ? 2 : 1);
    unsigned code = control.code_point;
    if (code == kEsc) {
        unsigned char next = byte_at(text, i);
        if (next >= 0x40 && next <= 0x5F) {
            code = next + 0x40;  // ESC Fe is the C1 control next + 0x40 (ESC [ is CSI)
            ++i;
        } else {
            while (byte_at(text, i) >= 0x20 && byte_at(text, i) <= 0x2F) ++i;
            if (byte_at(text, i) >= 0x30 && byte_at(text, i) <= 0x7E) ++i;
            return i;
        }
    }
    if (code == kCsi) return end_of_csi(text, i);
    if (starts_string(code)) return end_of_string(text, i);
    return i;
}

// The control character at `i`, tabs and line breaks included.
std::optional<ControlCharacter> control_at(std::string_view text, size_t i) {
    unsigned char c = byte_at(text, i);
    if (c < 0x20 || c == 0x7F) return ControlCharacter{i, c};
    if (unsigned c1 = c1_at(text, i)) return ControlCharacter{i, c1};
    return std::nullopt;
}

}  // namespace

std::optional<ControlCharacter> first_control_character(std::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
        auto control = control_at(text, i);
        if (control && control->code_point != '\t' && control->code_point != '\n' && control->code_point != '\r')
            return control;
    }
    return std::nullopt;
}

std::string replace_control_characters(std::string_view text, std::string_view replacement) {
    std::string out;
    out.reserve(text.size());
    size_t i = 0;
    while (i < text.size()) {
        auto control = control_at(text, i);
        if (!control || control->code_point == '\n') {
            out += text[i++];
        } else if (control->code_point == '\t') {
            out += ' ';
            ++i;
        } else {
            out += replacement;
            i = end_of_control(text, *control);
        }
    }
    return out;
}

}  // namespace rupa
