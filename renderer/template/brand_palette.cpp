// Colour maths per WCAG 2.1: relative luminance of sRGB, contrast (L1 + 0.05) / (L2 + 0.05).
#include "template/brand_palette.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace rupa {

namespace {

const Rgba kWhite{1, 1, 1, 1};
const Rgba kBlack{0, 0, 0, 1};
const Rgba kNearBlack{0x11 / 255.0, 0x11 / 255.0, 0x11 / 255.0, 1};

// The templates draw second lines, sources and footers at 80-92 % of a text colour.
constexpr double kFaintestText = 0.8;

double channel(double c) {
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

// Reads on `ground` at 4.5:1, drawn whole and at 80 %.
bool reads_on(const Rgba& text, const Rgba& ground) {
    return contrast_ratio(mix(ground, text, kFaintestText), ground) >= kTextContrast;
}

// Hue (0-1), saturation and lightness of an sRGB colour, and back.
struct Hsl {
    double h = 0, s = 0, l = 0;
};

Hsl to_hsl(const Rgba& c) {
    double hi = std::max({c.r, c.g, c.b}), lo = std::min({c.r, c.g, c.b});
    Hsl out;
    out.l = (hi + lo) / 2;
    double span = hi - lo;
    if (span <= 0) return out;
    out.s = span / (1 - std::abs(2 * out.l - 1));
    double h = hi == c.r ? std::fmod((c.g - c.b) / span, 6.0) : hi == c.g ? (c.b - c.r) / span + 2 : (c.r - c.g) / span + 4;
    out.h = (h < 0 ? h + 6 : h) / 6;
    return out;
}

Rgba from_hsl(const Hsl& c) {
    double chroma = (1 - std::abs(2 * c.l - 1)) * c.s;
    double h = c.h * 6;
    double x = chroma * (1 - std::abs(std::fmod(h, 2.0) - 1));
    double r = 0, g = 0, b = 0;
    if (h < 1) r = chroma, g = x;
    else if (h < 2) r = x, g = chroma;
    else if (h < 3) g = chroma, b = x;
    else if (h < 4) g = x, b = chroma;
    else if (h < 5) r = x, b = chroma;
    else r = chroma, b = x;
    double m = c.l - chroma / 2;
    // Rounded to what brand.yaml can say, so the colour measured is the one drawn.
    return *parse_rgb_hex(to_hex({r + m, g + m, b + m, 1}));
}

std::string ratio(double r) {
    char text[16];
    std::snprintf(text, sizeof text, "%.1f:1", std::floor(r * 10) / 10);
    return text;
}

}  // namespace

std::optional<Rgba> parse_rgb_hex(const std::string& text) {
    if (text.size() != 7 || text[0] != '#' || text.find_first_not_of("0123456789abcdefABCDEF", 1) != std::string::npos)
        return std::nullopt;
    auto hex = [&](size_t at) { return std::stoi(text.substr(at, 2), nullptr, 16) / 255.0; };
    return Rgba{hex(1), hex(3), hex(5), 1};
}

std::string to_hex(const Rgba& colour) {
    auto byte = [](double c) { return int(std::lround(std::clamp(c, 0.0, 1.0) * 255)); };
    char text[8];
    std::snprintf(text, sizeof text, "#%02X%02X%02X", byte(colour.r), byte(colour.g), byte(colour.b));
    return text;
}

double relative_luminance(const Rgba& c) {
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double contrast_ratio(const Rgba& a, const Rgba& b) {
    double la = relative_luminance(a), lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::string contrast_text(double ratio, double threshold) {
    char text[32];
    if (ratio < threshold && std::round(ratio * 10) / 10 >= threshold)
        std::snprintf(text, sizeof text, "%.2f:1", std::floor(ratio * 100) / 100);
    else
        std::snprintf(text, sizeof text, "%.1f:1", ratio);
    return text;
}

Rgba mix(const Rgba& a, const Rgba& b, double t) {
    // Rounded to what brand.yaml can say, so the kit's colour is the one measured.
    Rgba m{a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t, 1};
    return *parse_rgb_hex(to_hex(m));
}

Rgba over(const Rgba& top, const Rgba& bottom) {
    double a = top.a;
    return {top.r * a + bottom.r * (1 - a), top.g * a + bottom.g * (1 - a), top.b * a + bottom.b * (1 - a), 1};
}

const std::vector<ColourPair>& brand_colour_pairs() {
    static const std::vector<ColourPair> pairs = {
        {"on-primary", "primary", kTextContrast, "text on the primary colour"},
        {"on-accent", "accent", kTextContrast, "text on the accent colour"},
        {"text", "background", kTextContrast, "text on the background"},
        {"muted", "background", kTextContrast, "small print on the background"},
        {"accent", "primary", kGraphicContrast, "accent bars and figures on the primary colour"},
        {"accent-strong", "background", kGraphicContrast, "date blocks, numbered discs and kicker pills on the background"},
        {"accent-strong", "paper", kGraphicContrast, "date blocks, numbered discs and kicker pills on the paper"},
        {"on-accent-strong", "accent-strong", kTextContrast, "text on accent-strong"},
        {"paper", "verdict-hoaks", kTextContrast, "the HOAKS verdict label"},
        {"paper", "verdict-disinformasi", kTextContrast, "the DISINFORMASI verdict label"},
        {"paper", "verdict-misinformasi", kTextContrast, "the MISINFORMASI verdict label"},
        {"paper", "verdict-fakta", kTextContrast, "the FAKTA verdict label"},
    };
    return pairs;
}

Rgba text_colour_on(const Rgba& ground) {
    // Light text when any light text reads (white is the lightest), else dark text; the
    // ground's own tint or shade first, so the text belongs to the brand.
    bool light = reads_on(kWhite, ground);
    for (double t : {0.88, 0.92, 0.96}) {
        Rgba own = light ? mix(ground, kWhite, t) : mix(ground, kBlack, t - 0.16);
        if (reads_on(own, ground)) return own;
    }
    if (light) return kWhite;
    // A mid-tone (pure red, a mid grey) may read only with black, and only when drawn whole.
    return reads_on(kNearBlack, ground) || contrast_ratio(kNearBlack, ground) >= kTextContrast ? kNearBlack : kBlack;
}

void complete_strong_accent(Brand& brand) {
    auto& colors = brand.colors;
    const Rgba& background = colors.at("background");
    const Rgba& paper = colors.at("paper");
    // The text the kit gives for it, else its own text colour for the accent, then its light one.
    std::vector<Rgba> texts;
    if (colors.count("on-accent-strong")) texts = {colors.at("on-accent-strong")};
    else texts = {colors.at("on-accent"), paper};
    auto text_on = [&](const Rgba& fill) -> std::optional<Rgba> {
        for (const Rgba& text : texts)
            if (contrast_ratio(text, fill) >= kTextContrast) return text;
        return std::nullopt;
    };
    if (colors.count("accent-strong")) {
        const Rgba& fill = colors.at("accent-strong");
        colors.emplace("on-accent-strong", text_on(fill).value_or(text_colour_on(fill)));
        return;
    }
    for (Hsl shade = to_hsl(colors.at("accent")); shade.l > 0; shade.l -= 0.002) {
        Rgba fill = from_hsl(shade);
        if (contrast_ratio(fill, background) < kGraphicContrast || contrast_ratio(fill, paper) < kGraphicContrast) continue;
        if (auto text = text_on(fill)) {
            colors["accent-strong"] = fill;
            colors.emplace("on-accent-strong", *text);
            return;
        }
    }
    colors["accent-strong"] = colors.at("accent");
    colors.emplace("on-accent-strong", colors.at("on-accent"));
}

const Rgba& Palette::operator[](const std::string& token) const {
    for (const auto& entry : entries)
        if (entry.token == token) return entry.colour;
    throw std::out_of_range("no colour token '" + token + "'");
}

Palette make_palette(const Rgba& given_primary, const Rgba& given_accent) {
    Palette p;
    Rgba primary = given_primary, accent = given_accent;
    std::string primary_is = "the office's colour";
    if (!reads_on(kWhite, primary)) {
        std::string why = "the primary colour " + to_hex(primary) +
                          " is light, and the templates put light text on the primary colour and over darkened photos";
        if (reads_on(kWhite, accent)) {
            std::swap(primary, accent);
            primary_is = "the office's accent, as " + to_hex(accent) + " is light";
            p.notes.push_back(why + ": the kit uses the accent " + to_hex(primary) + " as its primary and " +
                              to_hex(accent) + " as its accent");
        } else {
            double t = 0.05;
            while (!reads_on(kWhite, mix(given_primary, kBlack, t))) t += 0.05;
            primary = mix(given_primary, kBlack, t);
            primary_is = "the office's " + to_hex(given_primary) + ", darkened";
            p.notes.push_back(why + ": the kit uses its dark shade " + to_hex(primary) +
                              " as its primary (give a dark --accent to use that instead)");
        }
    }
    double apart = contrast_ratio(accent, primary);
    if (apart < kGraphicContrast)
        p.notes.push_back("the accent " + to_hex(accent) + " and the primary " + to_hex(primary) +
                          " are too close to tell apart (" + ratio(apart) +
                          "; graphics need 3:1): choose an accent much lighter than the primary");
    else if (apart < kTextContrast)
        p.notes.push_back("the accent " + to_hex(accent) + " on the primary " + to_hex(primary) + " is " +
                          ratio(apart) +
                          ": kickers and figures in the accent colour on the primary need 4.5:1 and will be "
                          "reported low in contrast; a lighter accent reads better");

    Rgba background = mix(primary, kWhite, 0.94);
    Rgba text = mix(primary, kBlack, 0.8);
    for (double t = 0.85; contrast_ratio(text, background) < kTextContrast + 2 && t < 1; t += 0.05)
        text = mix(primary, kBlack, t);
    Rgba muted = mix(text, background, 0.5);
    for (double t = 0.45; contrast_ratio(muted, background) < kTextContrast + 0.5 && t > 0; t -= 0.05)
        muted = mix(text, background, t);
    Rgba on_primary = text_colour_on(primary), on_accent = text_colour_on(accent);
    auto on = [](const Rgba& a, const Rgba& b) { return " (" + ratio(contrast_ratio(a, b)) + ")"; };
    p.entries = {
        {"primary", primary, primary_is + ": headers, panels (the 30)"},
        {"on-primary", on_primary, "text on primary" + on(on_primary, primary)},
        {"accent", accent, "kickers, numbers, bars (the 10); on primary" + on(accent, primary)},
        {"on-accent", on_accent, "text on accent" + on(on_accent, accent)},
        {"background", background, "the ground (the 60): a pale tint of the primary"},
        {"text", text, "text on background" + on(text, background)},
        {"muted", muted, "small print on background" + on(muted, background)},
        {"ink", mix(primary, kBlack, 0.88), "scrims over photos and footers: very dark"},
        {"paper", kWhite, "the verdict label on the hoax template"},
    };
    return p;
}

}  // namespace rupa
