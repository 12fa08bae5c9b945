// The colours of a new brand kit, worked out from an office's primary and accent colours:
// text colours that read on each (WCAG AA), a ground, body text, small print and a dark ink.
#pragma once

#include "template/brand.hpp"

#include <optional>
#include <string>
#include <vector>

namespace rupa {

// "#RRGGBB" (either case) as a colour; nothing for any other text.
std::optional<Rgba> parse_rgb_hex(const std::string& text);
// A colour as "#RRGGBB", upper case.
std::string to_hex(const Rgba& colour);

// WCAG 2.1 relative luminance of an opaque sRGB colour, 0..1.
double relative_luminance(const Rgba& colour);
// WCAG 2.1 contrast ratio of two opaque colours, 1..21.
double contrast_ratio(const Rgba& a, const Rgba& b);
// A contrast ratio as a report writes it, "2.2:1"; a ratio under `threshold` that a tenth
// would round up to it is written in hundredths, rounded down ("4.49:1"), so that it never
// reads "4.5:1, under the 4.5:1 WCAG AA needs".
std::string contrast_text(double ratio, double threshold = 0);
// `a` mixed toward `b`: 0 is `a`, 1 is `b`.
Rgba mix(const Rgba& a, const Rgba& b, double toward_b);

// WCAG AA: body text needs 4.5:1, graphics and large text 3:1.
constexpr double kTextContrast = 4.5;
constexpr double kGraphicContrast = 3.0;

// `top`, with its opacity, drawn over the opaque `bottom`.
Rgba over(const Rgba& top, const Rgba& bottom);

// A brand kit's colour drawn on another by the templates, and the contrast it needs.
struct ColourPair {
    const char* colour;
    const char* ground;
    double needed;
    const char* use;  // what the pair is, in a designer's words
};

// The pairs every kit is drawn with: each text token on its ground, the accent on the
// primary, the verdict labels (paper) on the verdict colours.
const std::vector<ColourPair>& brand_colour_pairs();

// A text colour that reads on `ground` at 4.5:1 or more (when any does: a mid grey takes
// black at 4.6:1 at best), and also when drawn at 80 % opacity (the templates' sources,
// footers and second lines) when a colour can: the ground's own light tint or dark shade when one
// does, else white, near-black or black.
Rgba text_colour_on(const Rgba& ground);

// Gives a kit without its own `accent-strong` and `on-accent-strong` the derived ones: the
// accent as the templates draw it on the light grounds (date blocks, numbered discs and kicker
// pills on the background or the paper), and the text on it. The accent itself when it stands
// out 3:1 from both grounds (WCAG AA for graphics) and the kit's `on-accent` or `paper` reads
// on it at 4.5:1; else the accent made darker, hue and saturation kept, in small steps until
// that holds (demo-kota's lime #C8F169 becomes #719C0F under its own dark green text). When no
// shade holds (a dark background), the accent and `on-accent`, which the kit check reports.
void complete_strong_accent(Brand& brand);

// A brand kit's colour tokens, in the order brand.yaml lists them, each with a comment.
struct PaletteEntry {
    std::string token;
    Rgba colour;
    std::string comment;
};

struct Palette {
    std::vector<PaletteEntry> entries;
    std::vector<std::string> notes;  // what was changed or is weak, in an admin's words

    const Rgba& operator[](const std::string& token) const;
};

// The nine tokens from the office's two colours. The templates put light text on the
// primary colour and over darkened photos, so a light primary is not used as such: a dark
// accent takes its place (the two swap), else its dark shade does; `notes` says so, and
// when the accent is too close to the primary to be told apart.
Palette make_palette(const Rgba& primary, const Rgba& accent);

}  // namespace rupa
