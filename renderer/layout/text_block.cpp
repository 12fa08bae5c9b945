// Pango shaping. Sizes are absolute pixels; line height is an absolute attribute (Pango
// 1.50) so that `line_height: 1.1` means 1.1 x the font size whatever the font's metrics.
#include "layout/text_block.hpp"

#include "layout/text_fields.hpp"

#include <glib.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>

namespace rupa {

namespace {

// Each shrink step, in pixels: fine enough to fill the box, few enough to stay fast.
constexpr double kShrinkStep = 2.0;

PangoAlignment to_pango(TextAlign align) {
    switch (align) {
        case TextAlign::center: return PANGO_ALIGN_CENTER;
        case TextAlign::right: return PANGO_ALIGN_RIGHT;
        default: return PANGO_ALIGN_LEFT;
    }
}

std::string upper(const std::string& markup) {
    // Upper-casing markup would also change tag names; tags are lower-case and few, so
    // only text outside <...> is changed.
    std::string out;
    bool in_tag = false, in_entity = false;
    std::string run;
    auto flush = [&] {
        GCharPtr up(g_utf8_strup(run.c_str(), -1));
        out += up.get();
        run.clear();
    };
    for (char ch : markup) {
        if (!in_tag && !in_entity && (ch == '<' || ch == '&')) {
            flush();
            (ch == '<' ? in_tag : in_entity) = true;
            out += ch;
        } else if (in_tag || in_entity) {
            out += ch;
            if ((in_tag && ch == '>') || (in_entity && ch == ';')) in_tag = in_entity = false;
        } else {
            run += ch;
        }
    }
    flush();
    return out;
}

}  // namespace

TextBlock plain_block(const std::string& name, const std::string& text, const TextStyle& style, double size) {
    TextBlock b;
    b.name = name;
    b.markup = escape_markup(text);
    b.style = style;
    b.size = size;
    return b;
}

void shape_text(TextBlock& block, double width, const Brand& brand, const FontSet& fonts) {
    PangoLayout* layout = pango_layout_new(fonts.context());
    block.layout = share_gobject(layout);

    const TextStyle& s = block.style;
    PangoFontDescriptionPtr font(pango_font_description_new());
    auto family = brand.fonts.find(s.font);
    pango_font_description_set_family(font.get(),
                                      family != brand.fonts.end() ? family->second.c_str() : "Noto Sans");
    pango_font_description_set_weight(font.get(), PangoWeight(s.weight));
    pango_font_description_set_style(font.get(), s.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_font_description_set_absolute_size(font.get(), block.size * PANGO_SCALE);
    pango_layout_set_font_description(layout, font.get());

    // A list point's text stands right of its marker; the indent grows with the size.
    block.indent = block.marker.empty() ? 0 : block.size * (block.marker == "number" ? 1.5 : 1.1);
    pango_layout_set_width(layout, int((width - block.indent - 2 * s.padding_x) * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, to_pango(s.align));

    std::string markup = s.uppercase ? upper(block.markup) : block.markup;
    // Markup is built by rupa and should always parse; if it ever does not, show the text
    // without emphasis rather than nothing.
    PangoAttrList* parsed = nullptr;
    char* raw_text = nullptr;
    if (pango_parse_markup(markup.c_str(), -1, 0, &parsed, &raw_text, nullptr, nullptr)) {
        GCharPtr text(raw_text);
        pango_layout_set_text(layout, text.get(), -1);
    } else {
        pango_layout_set_text(layout, markup.c_str(), -1);
    }

    // Our attributes apply to the whole text, on top of the markup's bold and italic.
    PangoAttrListPtr attrs(parsed ? parsed : pango_attr_list_new());
    pango_attr_list_insert(attrs.get(), pango_attr_line_height_new_absolute(
                                            int(std::lround(s.line_height * block.size * PANGO_SCALE))));
    if (s.letter_spacing != 0)
        pango_attr_list_insert(attrs.get(), pango_attr_letter_spacing_new(int(
                                                std::lround(s.letter_spacing * block.size * PANGO_SCALE))));
    if (s.strike) pango_attr_list_insert(attrs.get(), pango_attr_strikethrough_new(TRUE));
    pango_layout_set_attributes(layout, attrs.get());

    // max_lines is a cap: past it the text ends with an ellipsis (and fit_column first
    // shrinks the text to avoid that).
    if (s.max_lines > 0) {
        pango_layout_set_height(layout, -s.max_lines);
        pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
    }

    PangoRectangle logical;
    pango_layout_get_pixel_extents(layout, nullptr, &logical);
    block.height = logical.height + 2 * s.padding_y;
    block.text_x = logical.x;
    block.text_width = logical.width;
    block.lines = pango_layout_get_line_count(layout);
    block.ellipsized = pango_layout_is_ellipsized(layout);
}

double column_height(const std::vector<TextBlock>& blocks) {
    double total = 0;
    for (size_t i = 0; i < blocks.size(); ++i) total += blocks[i].height + (i ? blocks[i].gap_before : 0);
    return total;
}

double anchored_top(const Element& e, double used) {
    return e.anchor == "top" ? e.box.y : e.anchor == "bottom" ? e.box.bottom() - used
                                                              : e.box.y + (e.box.h - used) / 2;
}

bool fit_column(std::vector<TextBlock>& blocks, double width, double height, const Brand& brand,
                const FontSet& fonts) {
    auto too_many_lines = [](const TextBlock& b) { return b.ellipsized; };
    for (auto& b : blocks) shape_text(b, width, brand, fonts);
    while (true) {
        bool fits = column_height(blocks) <= height &&
                    std::none_of(blocks.begin(), blocks.end(), too_many_lines);
        if (fits) return true;
        bool shrunk = false;
        for (auto& b : blocks) {
            if (b.style.min_size <= 0 || b.size <= b.style.min_size) continue;
            b.size = std::max(b.style.min_size, b.size - kShrinkStep);
            shape_text(b, width, brand, fonts);
            shrunk = true;
        }
        if (!shrunk) return false;
    }
}

}  // namespace rupa
