// Pango shaping. Sizes are absolute pixels; line height is an absolute attribute (Pango
// 1.50) so that `line_height: 1.1` means 1.1 x the font size whatever the font's metrics.
#include "layout/text_block.hpp"

#include "layout/line_breaks.hpp"
#include "layout/shrink_to_fit.hpp"
#include "layout/text_fields.hpp"

#include <glib.h>
#include <hb-ot.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rupa {

namespace {

// Colour emoji fonts draw every emoji in a box 1.18 em tall, from 0.93 em above the baseline
// to 0.25 em below it (Noto Color Emoji: 136 px bitmaps at 109 ppem). Beside text of the same
// size an emoji looks a size larger than the words and sticks out of a headline's tight line.
// At 0.85 of the text's size its box is 1 em: from above the capitals down to the descenders.
constexpr double kEmojiScale = 0.85;

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

PangoFontDescriptionPtr font_of(const TextBlock& block, const Brand& brand) {
    const TextStyle& s = block.style;
    PangoFontDescriptionPtr font(pango_font_description_new());
    auto family = brand.fonts.find(s.font);
    pango_font_description_set_family(font.get(),
                                      family != brand.fonts.end() ? family->second.c_str() : "Noto Sans");
    pango_font_description_set_weight(font.get(), PangoWeight(s.weight));
    pango_font_description_set_style(font.get(), s.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_font_description_set_absolute_size(font.get(), block.size * PANGO_SCALE);
    return font;
}

// U+2060 WORD JOINER: no line break before or after it, and drawn as nothing.
constexpr std::string_view kWordJoiner = "\xE2\x81\xA0";

// Dashes Pango breaks after even inside a range that allows no break (its break.c keeps the
// break after U+2010, U+2012 and U+2013 when it removes the others): "1–" / "31 Juli 2024".
bool is_breaking_dash(std::string_view text, size_t at) {
    return text.compare(at, 3, "\xE2\x80\x90") == 0 || text.compare(at, 3, "\xE2\x80\x92") == 0 ||
           text.compare(at, 3, "\xE2\x80\x93") == 0;
}

// No line may break inside the stretches Indonesian typesetting keeps together
// (line_breaks.hpp): each gets a range that allows no break. A dash inside one gets a word
// joiner after it, and the range ends before the joiner and starts again at it, so that the
// joiner's own rule holds there in place of Pango's.
void keep_together(PangoLayout* layout, PangoAttrList* attrs) {
    std::string text = pango_layout_get_text(layout);
    std::vector<TextSpan> spans = unbreakable_spans(text);
    std::vector<std::vector<size_t>> cuts(spans.size());  // where joiners go, in the text as it was
    for (size_t i = 0; i < spans.size(); ++i)
        for (size_t at = spans[i].begin; at + 3 < spans[i].end; ++at)
            if (is_breaking_dash(text, at)) cuts[i].push_back(at + 3);
    size_t shift = 0;  // bytes of joiners inserted before the current place
    std::string joined;
    size_t copied = 0;
    for (size_t i = 0; i < spans.size(); ++i) {
        size_t begin = spans[i].begin + shift;
        for (size_t cut : cuts[i]) {
            joined.append(text, copied, cut - copied);
            copied = cut;
            size_t at = cut + shift;
            joined.append(kWordJoiner);
            pango_attr_list_update(attrs, int(at), 0, int(kWordJoiner.size()));
            PangoAttribute* keep = pango_attr_allow_breaks_new(FALSE);
            keep->start_index = guint(begin);
            keep->end_index = guint(at);
            pango_attr_list_insert(attrs, keep);
            begin = at;
            shift += kWordJoiner.size();
        }
        PangoAttribute* keep = pango_attr_allow_breaks_new(FALSE);
        keep->start_index = guint(begin);
        keep->end_index = guint(spans[i].end + shift);
        pango_attr_list_insert(attrs, keep);
    }
    if (shift == 0) return;
    joined.append(text, copied);
    pango_layout_set_text(layout, joined.c_str(), int(joined.size()));
}

// `text` without the word joiners keep_together put in.
std::string without_joiners(std::string text) {
    for (size_t at = text.find(kWordJoiner); at != std::string::npos; at = text.find(kWordJoiner, at))
        text.erase(at, kWordJoiner.size());
    return text;
}

// The width of a line's text without the spaces it ends with, which Pango counts in its
// logical width but lets hang past the edge.
int visible_width(PangoLayoutLine* line, const char* text) {
    const char* start = text + line->start_index;
    const char* end = start + line->length;
    while (end > start && g_unichar_isspace(g_utf8_get_char(g_utf8_prev_char(end)))) end = g_utf8_prev_char(end);
    if (end == start) return 0;
    int x = 0;
    pango_layout_line_index_to_x(line, int(g_utf8_prev_char(end) - text), TRUE, &x);
    return x;
}

// The first stretch of `layout`'s text that cannot be broken and does not fit its line (a
// word, or words kept together), without the spaces around it; nothing when every line fits.
std::optional<std::string> unbreakable_overflow(PangoLayout* layout) {
    const char* text = pango_layout_get_text(layout);
    int width = pango_layout_get_width(layout);
    int attr_count = 0;  // one more than the characters: a break may come after the last
    const PangoLogAttr* breaks = pango_layout_get_log_attrs_readonly(layout, &attr_count);
    auto piece = [&](long at) {  // the stretch around character `at`, between break opportunities
        long from = at, to = at + 1;
        while (from > 0 && !breaks[from].is_line_break) --from;
        while (to < attr_count - 1 && !breaks[to].is_line_break) ++to;
        const char* begin = g_utf8_offset_to_pointer(text, from);
        std::string s(begin, g_utf8_offset_to_pointer(text, to) - begin);
        s = without_joiners(s);
        size_t first = s.find_first_not_of(" \n"), last = s.find_last_not_of(" \n");
        return first == std::string::npos ? s : s.substr(first, last - first + 1);
    };
    for (GSList* l = pango_layout_get_lines_readonly(layout); l; l = l->next) {
        auto* line = static_cast<PangoLayoutLine*>(l->data);
        long at = g_utf8_pointer_to_offset(text, text + line->start_index);
        if (at > 0 && at < attr_count && !breaks[at].is_line_break) return piece(at);
        if (visible_width(line, text) > width + PANGO_SCALE) return piece(at);
    }
    return std::nullopt;
}

bool is_colour_font(PangoFont* font) {
    hb_face_t* face = hb_font_get_face(pango_font_get_hb_font(font));
    return hb_ot_color_has_png(face) || hb_ot_color_has_layers(face) || hb_ot_color_has_svg(face);
}

// Where a font's line box stands with a line height of `line_height` px: Pango centres the
// extra (or missing) leading on the font's own ascent and descent, so the box's middle is
// (descent - ascent) / 2 from the baseline; in Pango units, positive below the baseline.
double line_box_middle(PangoFont* font, double scale) {
    PangoFontMetricsPtr m(pango_font_get_metrics(font, nullptr));
    return scale * (pango_font_metrics_get_descent(m.get()) - pango_font_metrics_get_ascent(m.get())) / 2.0;
}

// Emoji at the size of the text around them, on its baseline, in a line no taller than
// one without them. The emoji font's ascent and descent differ from the text font's, so
// its line box would stand a little higher or lower and make the line taller: the emoji's
// line height is cut by twice that offset, which keeps its box inside the text's.
void fit_emoji(const TextBlock& block, const PangoFontDescription& font, PangoContext* context) {
    PangoLayout* layout = block.layout.get();
    PangoAttrListPtr attrs;
    GObjectPtr<PangoFont> text_font(pango_context_load_font(context, &font));
    double line = block.style.line_height * block.size * PANGO_SCALE;
    for (GSList* l = pango_layout_get_lines_readonly(layout); l; l = l->next)
        for (GSList* r = static_cast<PangoLayoutLine*>(l->data)->runs; r; r = r->next) {
            PangoItem* item = static_cast<PangoGlyphItem*>(r->data)->item;
            if (!item->analysis.font || !is_colour_font(item->analysis.font)) continue;
            if (!attrs) attrs.reset(pango_attr_list_copy(pango_layout_get_attributes(layout)));
            double offset = line_box_middle(item->analysis.font, kEmojiScale) -
                            (text_font ? line_box_middle(text_font.get(), 1.0) : 0);
            PangoAttribute* size = pango_attr_size_new_absolute(int(kEmojiScale * block.size * PANGO_SCALE));
            PangoAttribute* height = pango_attr_line_height_new_absolute(
                int(std::max(1.0, line - 2 * std::abs(offset))));
            for (PangoAttribute* a : {size, height}) {
                a->start_index = guint(item->offset);
                a->end_index = guint(item->offset + item->length);
                pango_attr_list_change(attrs.get(), a);
            }
        }
    if (attrs) pango_layout_set_attributes(layout, attrs.get());
}

void measure(TextBlock& block) {
    PangoLayout* layout = block.layout.get();
    PangoRectangle ink, logical;
    pango_layout_get_pixel_extents(layout, &ink, &logical);
    block.height = logical.height + 2 * block.style.padding_y;
    // A display glyph sits high in its line ("“" at 200 px leaves 110 px of empty line under
    // its ink): the block ends at the ink, so what follows sits close to it.
    if (block.style.trim_below && ink.height > 0)
        block.height = std::min(block.height, double(ink.y + ink.height) + 2 * block.style.padding_y);
    block.text_x = logical.x;
    block.text_width = logical.width;
    block.lines = pango_layout_get_line_count(layout);
    block.too_many_lines = block.style.max_lines > 0 && block.lines > block.style.max_lines;
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
    PangoFontDescriptionPtr font = font_of(block, brand);
    pango_layout_set_font_description(layout, font.get());

    // A list point's text stands right of its marker; the indent grows with the size.
    block.indent = block.marker.empty() ? 0 : block.size * (block.marker == "number" ? 1.5 : 1.1);
    block.wrap_width = width - block.indent - 2 * s.padding_x;
    block.narrowed = 0;
    pango_layout_set_width(layout, int(block.wrap_width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD);
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
    if (s.strike == Strike::always) pango_attr_list_insert(attrs.get(), pango_attr_strikethrough_new(TRUE));
    // Pango 1.50 draws a hyphen where it breaks inside a word ("[DISINFO-" / "RMASI]").
    pango_attr_list_insert(attrs.get(), pango_attr_insert_hyphens_new(FALSE));
    keep_together(layout, attrs.get());
    pango_layout_set_attributes(layout, attrs.get());
    fit_emoji(block, *font, fonts.context());

    // max_lines is a limit, never a cut: a text with more lines does not fit (measure), and
    // so does a word longer than the line, which would stick out of the box.
    std::optional<std::string> overflow = unbreakable_overflow(layout);
    block.word_split = bool(overflow);
    block.too_wide = overflow.value_or("");
    measure(block);
}

double column_height(const std::vector<TextBlock>& blocks) {
    double total = 0;
    for (size_t i = 0; i < blocks.size(); ++i) total += blocks[i].height + (i ? blocks[i].gap_before : 0);
    return total;
}

double anchored_top(const Element& e, double used) { return anchored_top(e.anchor, e.box, used); }

double anchored_top(const std::string& anchor, const Box& box, double used) {
    return anchor == "top" ? box.y : anchor == "bottom" ? box.bottom() - used : box.y + (box.h - used) / 2;
}

bool fit_column(std::vector<TextBlock>& blocks, double width, double height, const Brand& brand,
                const FontSet& fonts) {
    double chosen = width;
    return fit_column(blocks, std::vector<double>{width}, height, brand, fonts, chosen);
}

bool fit_column(std::vector<TextBlock>& blocks, const std::vector<double>& widths, double height,
                const Brand& brand, const FontSet& fonts, double& chosen) {
    std::vector<ShrinkableSize> sizes;
    std::vector<std::pair<double, double>> shaped_at(blocks.size(), {-1, -1});  // size, width
    for (auto& b : blocks) {
        if (b.design_gap < 0) b.design_gap = b.gap_before;
        sizes.push_back({&b.size, b.style.min_size});
    }
    double gap_scale = 1;
    bool fits = shrink_to_fit(sizes, gap_scale, [&] {
        for (double width : widths) {
            chosen = width;
            for (size_t i = 0; i < blocks.size(); ++i) {
                TextBlock& b = blocks[i];
                b.gap_before = b.design_gap * gap_scale;
                if (shaped_at[i] == std::pair{b.size, width}) continue;
                shape_text(b, width, brand, fonts);
                shaped_at[i] = {b.size, width};
            }
            if (column_height(blocks) <= height && std::none_of(blocks.begin(), blocks.end(), breaks_its_lines))
                return true;
        }
        return false;
    });
    for (auto& b : blocks) balance_lines(b);
    return fits;
}

void balance_lines(TextBlock& block) {
    if (!block.style.balance || block.lines < 2 || breaks_its_lines(block)) return;
    PangoLayout* layout = block.layout.get();
    int lines = block.lines;
    auto keeps_lines = [&](double w) {
        pango_layout_set_width(layout, int(w * PANGO_SCALE));
        return pango_layout_get_line_count(layout) == lines && !unbreakable_overflow(layout);
    };
    // Narrower never means fewer lines: halve the range of widths down to a pixel.
    double too_narrow = 0, enough = block.wrap_width;
    while (enough - too_narrow > 1) {
        double mid = (too_narrow + enough) / 2;
        (keeps_lines(mid) ? enough : too_narrow) = mid;
    }
    pango_layout_set_width(layout, int(enough * PANGO_SCALE));
    block.narrowed = block.wrap_width - enough;
    measure(block);
}

double balanced_offset(const TextBlock& block) {
    switch (block.style.align) {
        case TextAlign::center: return block.narrowed / 2;
        case TextAlign::right: return block.narrowed;
        default: return 0;
    }
}

}  // namespace rupa
