// Contrast per WCAG 2.1 (relative luminance of sRGB, ratio (L1 + 0.05) / (L2 + 0.05)).
#include "pipeline/contrast_check.hpp"

#include <pango/pango.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

namespace rupa {

namespace {

// WCAG AA: 4.5:1 for body text; 3:1 for large text, which DESIGN.md sets at 36 px bold
// and over on our 1080-wide canvases.
constexpr double kBodyRatio = 4.5;
constexpr double kLargeRatio = 3.0;
constexpr double kLargeSize = 36;
constexpr int kSampleStep = 3;  // px between samples
// The weakest tenth decides: text over a busy photo is unreadable where it is weakest,
// but a few stray bright pixels under one letter should not condemn it.
constexpr double kPercentile = 0.10;

Rgba pixel(cairo_surface_t* s, int x, int y) {
    const uint8_t* p = cairo_image_surface_get_data(s) + y * cairo_image_surface_get_stride(s) + x * 4;
    uint32_t word;
    std::memcpy(&word, p, 4);
    return {((word >> 16) & 0xff) / 255.0, ((word >> 8) & 0xff) / 255.0, (word & 0xff) / 255.0, 1};
}

}  // namespace

void check_caption_contrast(const Brand& brand, Diagnostics& diagnostics) {
    const CaptionStyle& style = brand.captions;
    auto colour = [&](const ColorRef& ref) {
        Rgba c = brand.colors.at(ref.token);
        c.a *= ref.alpha;
        return c;
    };
    double weakest = 21;
    for (const Rgba& frame : {Rgba{1, 1, 1, 1}, Rgba{0, 0, 0, 1}}) {
        Rgba box = over(colour(style.box), frame);
        weakest = std::min(weakest, contrast_ratio(over(colour(style.color), box), box));
    }
    if (weakest >= kBodyRatio) return;
    char ratio[32];
    std::snprintf(ratio, sizeof ratio, "%.1f:1", weakest);
    diagnostics.warn({"low-contrast",
                      std::string("the brand's captions have a contrast of ") + ratio +
                          " on their box over a white or black frame, under the 4.5:1 WCAG AA needs; give "
                          "'captions' a darker, more opaque box or a lighter text colour",
                      "", style.where});
}

void ContrastCheck::operator()(const SceneNode& text, cairo_surface_t* canvas) {
    if (!text.text) return;
    PangoRectangle ink;
    pango_layout_get_pixel_extents(text.text.get(), &ink, nullptr);
    int w = cairo_image_surface_get_width(canvas), h = cairo_image_surface_get_height(canvas);
    int x0 = std::clamp(int(text.box.x + ink.x), 0, w - 1), x1 = std::clamp(int(text.box.x + ink.x + ink.width), 0, w);
    int y0 = std::clamp(int(text.box.y + ink.y), 0, h - 1), y1 = std::clamp(int(text.box.y + ink.y + ink.height), 0, h);
    std::vector<double> ratios;
    for (int y = y0; y < y1; y += kSampleStep)
        for (int x = x0; x < x1; x += kSampleStep) {
            Rgba behind = pixel(canvas, x, y);
            ratios.push_back(contrast_ratio(over(text.fill, behind), behind));
        }
    if (ratios.empty()) return;
    size_t k = size_t(double(ratios.size() - 1) * kPercentile);
    std::nth_element(ratios.begin(), ratios.begin() + k, ratios.end());
    double weakest = ratios[k];

    const PangoFontDescription* font = pango_layout_get_font_description(text.text.get());
    double size = font ? pango_font_description_get_size(font) / double(PANGO_SCALE) : 0;
    bool large = size >= kLargeSize && font && pango_font_description_get_weight(font) >= PANGO_WEIGHT_BOLD;
    double needed = large ? kLargeRatio : kBodyRatio;
    if (weakest >= needed) return;
    diagnostics_.warn({"low-contrast",
                       text.subject() + " has a contrast of " + contrast_text(weakest, needed) + " against what is behind it, under the " +
                           contrast_text(needed) + " WCAG AA needs; change its colour in the template, or the photo behind it" +
                           text.drawn_by(),
                       format_, text.reported_at()});
}

}  // namespace rupa
