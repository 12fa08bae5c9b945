// The contact sheet is drawn with Cairo and Pango from the bundled fonts, like the outputs,
// so it looks the same on every machine. Cards (one per format) flow left to right in rows.
#include "preview/preview_sheet.hpp"

#include "draw/guide_painter.hpp"
#include "draw/scene_painter.hpp"
#include "handles/gobject.hpp"
#include "output/html_text.hpp"
#include "output/png_encoder.hpp"
#include "spec/spec.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <sstream>

namespace rupa {

namespace {

constexpr double kTileHeight = 480;   // stills and covers
constexpr double kFrameHeight = 200;  // a video's strip
constexpr double kPad = 40;           // around the sheet, between cards
constexpr double kCardPad = 16;
constexpr double kGap = 10;           // between the pictures of a card, and their labels
constexpr double kMinCardWidth = 300;
constexpr double kMaxSheetWidth = 2400;
constexpr double kGuideLine = 1.5;    // px on the sheet
constexpr size_t kMaxNotes = 8;

// A block of text laid out at a width, drawn later where the layout puts it.
class TextBlock {
public:
    TextBlock(const FontSet& fonts, const std::string& text, double size, int weight, double width) {
        layout_.reset(pango_layout_new(fonts.context()));
        PangoFontDescriptionPtr font(pango_font_description_new());
        pango_font_description_set_family(font.get(), "Inter");
        pango_font_description_set_weight(font.get(), PangoWeight(weight));
        pango_font_description_set_absolute_size(font.get(), size * PANGO_SCALE);
        pango_layout_set_font_description(layout_.get(), font.get());
        if (width > 0) {  // else one line, as wide as it is
            pango_layout_set_width(layout_.get(), int(width * PANGO_SCALE));
            pango_layout_set_wrap(layout_.get(), PANGO_WRAP_WORD_CHAR);
        }
        pango_layout_set_text(layout_.get(), text.c_str(), -1);
    }
    double height() const { return size().second; }
    double width() const { return size().first; }
    void draw(cairo_t* cr, double x, double y, double r, double g, double b) const {
        cairo_set_source_rgb(cr, r, g, b);
        cairo_move_to(cr, x, y);
        pango_cairo_show_layout(cr, layout_.get());
    }

private:
    std::pair<int, int> size() const {
        int w = 0, h = 0;
        pango_layout_get_pixel_size(layout_.get(), &w, &h);
        return {w, h};
    }
    GObjectPtr<PangoLayout> layout_;
};

std::string size_label(const Format& f) {
    return std::string(f.id) + " · " + std::to_string(f.width) + "×" + std::to_string(f.height) +
           (f.kind == FormatKind::video ? " MP4" : " PNG");
}

double tile_width(const Format& f, double height) { return height * f.width / f.height; }

// One format's card: its label, its pictures, and its notes under them.
struct Card {
    const PreviewFormat* format;
    double width = 0, height = 0;
    double strip_top = 0;
    std::vector<TextBlock> notes;
    double notes_top = 0;

    Card(const PreviewFormat& f, const FontSet& fonts) : format(&f) {
        const Format& fmt = *f.format;
        double cover = tile_width(fmt, kTileHeight);
        double strip = 0;
        size_t frames = f.tiles.size() > 1 ? f.tiles.size() - 1 : 0;
        if (frames > 0) strip = frames * tile_width(fmt, kFrameHeight) + (frames - 1) * kGap;
        width = std::max({cover, strip, kMinCardWidth}) + 2 * kCardPad;
        double y = kCardPad + 30 + kTileHeight;  // label, then the picture
        if (frames > 0) {
            strip_top = y + kGap;
            y = strip_top + kFrameHeight + 26;  // the strip and its labels
        }
        notes_top = y + kGap;
        y = notes_top;
        double text_width = width - 2 * kCardPad;
        size_t shown = std::min(f.notes.size(), kMaxNotes);
        for (size_t i = 0; i < shown; ++i) {
            notes.emplace_back(fonts, "• " + f.notes[i].text, 17, 400, text_width);
            y += notes.back().height() + 4;
        }
        if (f.notes.size() > shown) {
            notes.emplace_back(fonts, "… " + std::to_string(f.notes.size() - shown) + " more in index.html", 17, 400,
                               text_width);
            y += notes.back().height() + 4;
        }
        height = y + kCardPad;
    }
};

// A picture scaled into its place on the sheet, framed, with guides when asked.
void draw_tile(cairo_t* cr, const PreviewTile& tile, const Format& format, double x, double y, double height,
               bool guides) {
    double scale = height / format.height;
    cairo_save(cr);
    cairo_rectangle(cr, x, y, format.width * scale, height);
    cairo_clip(cr);
    cairo_translate(cr, x, y);
    cairo_save(cr);
    cairo_scale(cr, scale, scale);
    cairo_set_source_surface(cr, tile.canvas.get(), 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint(cr);
    cairo_restore(cr);
    if (guides) paint_guides(cr, format, scale, kGuideLine);
    cairo_restore(cr);
    cairo_set_source_rgb(cr, 0.75, 0.78, 0.82);
    cairo_set_line_width(cr, 1);
    cairo_rectangle(cr, x - 0.5, y - 0.5, format.width * scale + 1, height + 1);
    cairo_stroke(cr);
}

void draw_card(cairo_t* cr, const Card& card, double x, double y, const FontSet& fonts) {
    const PreviewFormat& f = *card.format;
    const Format& fmt = *f.format;
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, x, y, card.width, card.height);
    cairo_fill(cr);
    double inner = x + kCardPad;
    TextBlock(fonts, size_label(fmt), 20, 700, card.width - 2 * kCardPad).draw(cr, inner, y + kCardPad, 0.09, 0.13, 0.18);
    double top = y + kCardPad + 30;
    if (!f.failure.empty() || f.tiles.empty()) {
        double w = tile_width(fmt, kTileHeight);
        cairo_set_source_rgb(cr, 0.93, 0.94, 0.95);
        cairo_rectangle(cr, inner, top, w, kTileHeight);
        cairo_fill(cr);
        TextBlock(fonts, "not drawn: " + f.failure, 18, 600, w - 24).draw(cr, inner + 12, top + 12, 0.72, 0.11, 0.11);
    } else {
        draw_tile(cr, f.tiles.front(), fmt, inner, top, kTileHeight, true);
        double fx = inner;
        for (size_t i = 1; i < f.tiles.size(); ++i) {
            draw_tile(cr, f.tiles[i], fmt, fx, y + card.strip_top, kFrameHeight, false);
            double w = tile_width(fmt, kFrameHeight);
            TextBlock(fonts, f.tiles[i].label, 15, 500, w).draw(cr, fx, y + card.strip_top + kFrameHeight + 4, 0.3, 0.35, 0.4);
            fx += w + kGap;
        }
    }
    double ny = y + card.notes_top;
    for (size_t i = 0; i < card.notes.size(); ++i) {
        bool error = i < f.notes.size() && i < kMaxNotes && f.notes[i].error;
        card.notes[i].draw(cr, inner, ny, error ? 0.72 : 0.45, error ? 0.11 : 0.3, error ? 0.11 : 0.0);
        ny += card.notes[i].height() + 4;
    }
}

// The legend: what each guide means.
double draw_legend(cairo_t* cr, double x, double y, const FontSet& fonts) {
    struct Item {
        const double* rgb;
        bool line;
        const char* text;
    };
    const Item items[] = {
        {GuideColors::kMargin, true, "margin: 1/15 of the short side (72 px on 1080)"},
        {GuideColors::kColumn, false, "12 columns, gutters of 1/45 of the short side (24 px on 1080)"},
        {GuideColors::kUnsafe, false, "covered by the app: outside the safe zone (story, reel)"},
    };
    for (const Item& item : items) {
        if (item.line) {
            cairo_set_source_rgb(cr, item.rgb[0], item.rgb[1], item.rgb[2]);
            cairo_rectangle(cr, x, y + 10, 28, 3);
        } else {
            cairo_set_source_rgba(cr, item.rgb[0], item.rgb[1], item.rgb[2], 0.45);
            cairo_rectangle(cr, x, y + 2, 28, 20);
        }
        cairo_fill(cr);
        TextBlock text(fonts, item.text, 18, 500, -1);
        text.draw(cr, x + 38, y, 0.2, 0.25, 0.3);
        x += 38 + text.width() + 32;
    }
    return 28;
}

}  // namespace

std::string sheet_png(const PreviewSheet& sheet, const FontSet& fonts) {
    std::vector<Card> cards;
    for (const PreviewFormat& f : sheet.formats) cards.emplace_back(f, fonts);
    double widest = 0;
    for (const Card& c : cards) widest = std::max(widest, c.width);
    double limit = std::max(kMaxSheetWidth, widest);
    // Rows of cards: each card goes to the right of the one before while the row has room.
    struct Placed {
        const Card* card;
        double x, y;
    };
    std::vector<Placed> placed;
    TextBlock title(fonts, sheet.title, 34, 800, limit);
    TextBlock subtitle(fonts, sheet.subtitle, 20, 500, limit);
    std::vector<TextBlock> notes;
    for (const auto& n : sheet.notes) notes.emplace_back(fonts, "• " + n.text, 17, 400, limit);
    double y = kPad + title.height() + 6 + subtitle.height() + 16 + 28 + 20;
    for (const auto& n : notes) y += n.height() + 4;
    double x = kPad, row_height = 0, width = 0;
    for (const Card& c : cards) {
        if (x > kPad && x + c.width > kPad + limit) {
            x = kPad;
            y += row_height + kPad;
            row_height = 0;
        }
        placed.push_back({&c, x, y});
        x += c.width + kPad;
        width = std::max(width, x);
        row_height = std::max(row_height, c.height);
    }
    width = std::max(width, kPad + 1400);
    double height = y + row_height + kPad;

    CairoSurfacePtr canvas = new_canvas(CAIRO_FORMAT_RGB24, int(width), int(height));
    CairoPtr cr(cairo_create(canvas.get()));
    cairo_set_source_rgb(cr.get(), 0.93, 0.94, 0.96);
    cairo_paint(cr.get());
    double ty = kPad;
    title.draw(cr.get(), kPad, ty, 0.09, 0.13, 0.18);
    ty += title.height() + 6;
    subtitle.draw(cr.get(), kPad, ty, 0.3, 0.35, 0.4);
    ty += subtitle.height() + 16;
    ty += draw_legend(cr.get(), kPad, ty, fonts) + 20;
    for (const auto& n : notes) {
        n.draw(cr.get(), kPad, ty, 0.45, 0.3, 0.0);
        ty += n.height() + 4;
    }
    for (const Placed& p : placed) draw_card(cr.get(), *p.card, p.x, p.y, fonts);
    cr.reset();
    cairo_surface_flush(canvas.get());
    return encode_png(canvas.get());
}

namespace {

const char* kStyle = R"(
:root { color-scheme: light; }
body { font-family: system-ui, sans-serif; margin: 0; padding: 24px 32px 48px; background: #eef0f4; color: #17202e; }
h1 { font-size: 26px; margin: 0 0 4px; }
header p { margin: 0 0 6px; color: #4a5568; font-size: 15px; }
.legend span { display: inline-block; margin-right: 18px; font-size: 14px; }
.legend i { display: inline-block; width: 24px; height: 14px; margin-right: 6px; vertical-align: -2px; }
.format { background: #fff; border-radius: 10px; padding: 16px 20px; margin: 18px 0; box-shadow: 0 1px 3px #0002; }
.format h2 { font-size: 18px; margin: 0 0 10px; }
.pictures { display: flex; flex-wrap: wrap; gap: 14px; align-items: flex-end; }
.pictures figure { margin: 0; }
.pictures img { height: 420px; width: auto; display: block; border: 1px solid #c0c6cf; }
.pictures .frame img { height: 200px; }
.pictures figcaption { font-size: 13px; color: #4a5568; margin-top: 4px; }
.pictures figcaption a { color: #1d4ed8; margin-right: 8px; }
.notes { margin: 12px 0 0; padding: 10px 14px 10px 30px; background: #fff7e0; border-radius: 6px; font-size: 13px; }
.notes .error { color: #b71c1c; }
.failed { color: #b71c1c; font-weight: 600; }
)";

void write_notes(std::ostringstream& html, const std::vector<PreviewFormat::Note>& notes) {
    if (notes.empty()) return;
    html << "<ul class=\"notes\">\n";
    for (const auto& n : notes)
        html << "<li" << (n.error ? " class=\"error\"" : "") << ">" << escape_html(n.text) << "</li>\n";
    html << "</ul>\n";
}

}  // namespace

std::string sheet_html(const PreviewSheet& sheet) {
    std::ostringstream html;
    auto rgb = [](const double* c, double alpha) {
        return "rgba(" + std::to_string(int(c[0] * 255)) + "," + std::to_string(int(c[1] * 255)) + "," +
               std::to_string(int(c[2] * 255)) + "," + std::to_string(alpha).substr(0, 4) + ")";
    };
    html << "<!doctype html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n"
         << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
         << escape_html(sheet.title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n<header>\n<h1>"
         << escape_html(sheet.title) << "</h1>\n<p>" << escape_html(sheet.subtitle)
         << "</p>\n<p class=\"legend\"><span><i style=\"background:" << rgb(GuideColors::kMargin, 1)
         << ";height:3px\"></i>margin (1/15 of the short side)</span><span><i style=\"background:"
         << rgb(GuideColors::kColumn, 0.45) << "\"></i>12 columns and their gutters</span><span><i style=\"background:"
         << rgb(GuideColors::kUnsafe, 0.45) << "\"></i>covered by the app (outside the safe zone)</span></p>\n"
         << "<p><a href=\"preview.png\">preview.png</a>: every format on one sheet</p>\n</header>\n<main>\n";
    write_notes(html, sheet.notes);
    for (const PreviewFormat& f : sheet.formats) {
        html << "<section class=\"format\" id=\"" << escape_html(std::string(f.format->id)) << "\">\n<h2>"
             << escape_html(size_label(*f.format));
        if (f.seconds > 0) html << " · " << seconds_text(f.seconds);
        html << "</h2>\n";
        if (!f.failure.empty()) html << "<p class=\"failed\">not drawn: " << escape_html(f.failure) << "</p>\n";
        html << "<div class=\"pictures\">\n";
        for (size_t i = 0; i < f.tiles.size(); ++i) {
            const PreviewTile& t = f.tiles[i];
            std::string shown = t.guides.empty() ? t.file : t.guides;
            html << "<figure" << (i > 0 ? " class=\"frame\"" : "") << "><a href=\"" << escape_html(shown)
                 << "\"><img src=\"" << escape_html(shown) << "\" alt=\"" << escape_html(t.label) << "\" width=\""
                 << f.format->width << "\" height=\"" << f.format->height << "\"></a><figcaption>"
                 << escape_html(t.label) << ": <a href=\"" << escape_html(t.file) << "\">" << escape_html(t.file) << "</a>";
            if (!t.guides.empty())
                html << "<a href=\"" << escape_html(t.guides) << "\">" << escape_html(t.guides) << "</a>";
            html << "</figcaption></figure>\n";
        }
        html << "</div>\n";
        write_notes(html, f.notes);
        html << "</section>\n";
    }
    html << "</main>\n</body>\n</html>\n";
    return html.str();
}

}  // namespace rupa
