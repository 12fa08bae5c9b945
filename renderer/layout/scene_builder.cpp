// Turns a template layout into scene nodes, element by element, in drawing order.
#include "layout/scene_builder.hpp"

#include "layout/agenda_layout.hpp"
#include "layout/collage_layout.hpp"
#include "layout/shown_fields.hpp"
#include "layout/stat_layout.hpp"

#include "layout/text_block.hpp"
#include "layout/text_fields.hpp"
#include "template/placeholders.hpp"

#include <glib.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

namespace rupa {

namespace {

// PRODUCT.md: a photo upscaled more than 1.5x looks soft; warn.
constexpr double kMaxUpscale = 1.5;

SceneNode node(NodeKind kind, const std::string& name, const Box& box) {
    SceneNode n;
    n.kind = kind;
    n.name = name;
    n.box = box;
    return n;
}

class SceneBuilder {
public:
    SceneBuilder(const LayoutInputs& in, const Format& format, Diagnostics& diagnostics)
        : in_(in), format_(format), diagnostics_(diagnostics) {}

    Scene build() {
        const Layout& layout = in_.tmpl.layouts.at(std::string(format_.id));
        scene_.width = format_.width;
        scene_.height = format_.height;
        scene_.background = colour({"background", 1});
        // Flowing columns first: where their edges end up moves the elements they pull,
        // which may be drawn before them (the photo, the panel under the text).
        for (size_t i = 0; i < layout.elements.size(); ++i)
            if (layout.elements[i].flow.declared && drawn(layout.elements[i])) flow_column(layout.elements[i], i);
        for (size_t i = 0; i < layout.elements.size(); ++i) add(layout.elements[i], i);
        return std::move(scene_);
    }

private:
    bool drawn(const Element& e) const { return e.if_field.empty() || in_.spec.content.has(e.if_field); }

    // A text column with its blocks fitted into `box`: the element's own box, or the box its
    // flow gave it.
    struct FittedColumn {
        std::vector<TextBlock> blocks;
        std::vector<const TextItem*> shown;  // the item each block shows
        Box box;
        bool fits = true;
    };

    // Sets a flowing column at the room it needs, within its flow's reach, and records how far
    // its edge moved for the elements it pulls.
    void flow_column(const Element& e, size_t index) {
        const Flow& f = e.flow;
        FittedColumn column = column_of(e);
        column.box = e.box;
        if (column.blocks.empty()) return;  // nothing to show: the edge stays where it is drawn
        double growth = 0;
        if (f.vertical()) {
            column.fits = fit_column(column.blocks, e.box.w, e.box.h + f.grow, in_.brand, in_.fonts);
            growth = std::clamp(column_height(column.blocks), e.box.h - f.shrink, e.box.h + f.grow) - e.box.h;
        } else {
            double chosen = e.box.w;
            column.fits = fit_column(column.blocks, flow_widths(e.box.w, f.grow), e.box.h, in_.brand, in_.fonts, chosen);
            growth = chosen - e.box.w;
        }
        double delta = f.movement(growth);
        column.box = moved_box(e.box, edge_name(f.edge), delta, f.vertical());
        for (const Pull& pull : f.pulls) pulls_.push_back({&pull, delta, f.vertical()});
        columns_[index] = std::move(column);
    }

    // The widths a column that grows sideways tries, narrowest first: its own, then wider by
    // kFlowStep px up to its reach (8 px: a narrow letter; finer changes no line break).
    static std::vector<double> flow_widths(double width, double grow) {
        constexpr double kFlowStep = 8;
        std::vector<double> widths{width};
        for (double extra = kFlowStep; extra < grow; extra += kFlowStep) widths.push_back(width + extra);
        if (grow > 0) widths.push_back(width + grow);
        return widths;
    }

    // Where the flows put element `e`: its box with every pulled edge moved.
    Box pulled_box(const Element& e) const {
        Box box = e.box;
        for (const PulledEdge& p : pulls_)
            if (p.pull->element == e.name) box = moved_box(box, p.pull->how, p.delta, p.vertical);
        return box;
    }

    void add(const Element& design, size_t index) {
        if (!drawn(design)) return;
        const Element* placed = &design;
        Element pulled;
        if (Box box = pulled_box(design); box.x != design.box.x || box.y != design.box.y || box.w != design.box.w ||
                                          box.h != design.box.h) {
            pulled = design;
            pulled.box = box;
            placed = &pulled;
        }
        const Element& e = *placed;
        size_t first = scene_.nodes.size();
        add_nodes(e, index);
        for (size_t i = first; i < scene_.nodes.size(); ++i) {
            scene_.nodes[i].where = e.where;
            scene_.nodes[i].element = e.name;
            if (e.kind != ElementKind::text && e.kind != ElementKind::stack)
                scene_.nodes[i].part = part_in_name(scene_.nodes[i].name, e.name);
            scene_.nodes[i].shows = fields_of_node(e, scene_.nodes[i], in_.spec.content);
            check_glyphs(scene_.nodes[i]);
            check_safe_zone(scene_.nodes[i], e.kind == ElementKind::logo && e.opacity >= 1);
        }
    }

    // Repeated parts are named "<element>-<n>-...": stats, bars and agenda entries.
    static int part_in_name(const std::string& node, const std::string& element) {
        if (node.size() <= element.size() + 1 || node.compare(0, element.size() + 1, element + "-") != 0) return 0;
        int n = std::atoi(node.c_str() + element.size() + 1);
        return n > 0 ? n - 1 : 0;
    }

    // Story and reel: text and logos inside the format's safe zone (the format table).
    void check_safe_zone(const SceneNode& n, bool is_logo) {
        const SafeZone& zone = format_.safe;
        if (zone.empty()) return;
        if (n.kind != NodeKind::text && !is_logo) return;
        Box ink = n.box;
        if (n.kind == NodeKind::text && n.text) {
            PangoRectangle extents;
            pango_layout_get_pixel_extents(n.text.get(), &extents, nullptr);
            ink = {n.box.x + extents.x, n.box.y + extents.y, double(extents.width), double(extents.height)};
        }
        if (ink.w <= 0 || ink.h <= 0) return;
        if (ink.x >= zone.left && ink.y >= zone.top && ink.right() <= zone.right && ink.bottom() <= zone.bottom)
            return;
        std::string fix = n.shows.empty() ? "move it inside the zone in the template"
                                          : "shorten it, or move it inside the zone in the template";
        diagnostics_.warn({"outside-safe-zone",
                           n.subject() + " lies outside the safe zone (x " + std::to_string(zone.left) + "-" +
                               std::to_string(zone.right) + ", y " + std::to_string(zone.top) + "-" +
                               std::to_string(zone.bottom) + "), where the "
                           "app's buttons and captions may cover it; " + fix + n.drawn_by(),
                           std::string(format_.id), n.reported_at()});
    }

    // A character no bundled font has would show as a box: say which text has one.
    void check_glyphs(const SceneNode& n) {
        if (n.kind != NodeKind::text || !n.text) return;
        int missing = pango_layout_get_unknown_glyphs_count(n.text.get());
        if (missing > 0)
            diagnostics_.warn({"missing-glyph",
                               n.subject() + " has " + std::to_string(missing) +
                                   " character(s) that no bundled font can show; they would be drawn as "
                                   "boxes: replace or remove them",
                               std::string(format_.id), n.reported_at()});
    }

    void add_nodes(const Element& e, size_t index) {
        switch (e.kind) {
            case ElementKind::rect: add_rect(e); break;
            case ElementKind::gradient: add_gradient(e); break;
            case ElementKind::photo: add_photo(e); break;
            case ElementKind::logo: add_logo(e); break;
            case ElementKind::text:
            case ElementKind::stack: add_text_column(e, index); break;
            case ElementKind::stats:
            case ElementKind::bars: add_stats(e); break;
            case ElementKind::agenda: add_agenda(e); break;
        }
    }

    Rgba colour(const ColorRef& ref) const {
        std::string token = ref.token;
        if (token == "verdict") {
            std::string verdict = in_.spec.content.text("verdict");
            token = "verdict-" + (verdict.empty() ? std::string("hoaks") : verdict);
        }
        Rgba c = in_.brand.colors.at(token);
        c.a *= ref.alpha;
        return c;
    }

    void add_rect(const Element& e) {
        SceneNode n = node(NodeKind::rect, e.name, e.box);
        n.fill = colour(e.fill);
        n.radius = e.radius;
        scene_.nodes.push_back(std::move(n));
    }

    void add_gradient(const Element& e) {
        SceneNode n = node(NodeKind::gradient, e.name, e.box);
        n.fill = colour(e.fill);
        n.fill_to = colour(e.fill_to);
        n.vertical = e.vertical;
        scene_.nodes.push_back(std::move(n));
    }

    void add_photo(const Element& e) {
        if (e.field == "photos") {
            // A collage: "<element>-<n>" is the spec's n-th photo, its part for motion.
            const std::vector<PhotoRef>& photos = in_.spec.content.photos;
            std::vector<Box> cells = collage_cells(photos.size(), e.box, e.gap);
            for (size_t i = 0; i < photos.size(); ++i) {
                auto it = in_.assets.photos.find("photos/" + std::to_string(i));
                if (it != in_.assets.photos.end())
                    add_picture(e.name + "-" + std::to_string(i + 1), cells[i], it->second, photos[i]);
            }
            return;
        }
        auto it = in_.assets.photos.find(e.field);
        if (it == in_.assets.photos.end() || !in_.spec.content.photo) return;
        add_picture(e.name, e.box, it->second, *in_.spec.content.photo);
    }

    // `image` filling `box`, cropped around the focus point `ref` gives it.
    void add_picture(const std::string& name, const Box& box, const DecodedImage& image, const PhotoRef& ref) {
        SceneNode n = node(NodeKind::image, name, box);
        n.image = image.surface;
        n.half = image.half;
        n.source = cover_crop(image.width, image.height, box, ref.focus_x, ref.focus_y);
        n.focus_x = ref.focus_x;
        n.focus_y = ref.focus_y;
        double scale = box.w / n.source.w;
        if (scale > kMaxUpscale) {
            char text[160];
            std::snprintf(text, sizeof text,
                          "photo '%s' (%dx%d) is enlarged %.1fx and will look soft; use a larger photo",
                          ref.as_written.c_str(), image.width, image.height, scale);
            diagnostics_.warn({"photo-upscaled", text, std::string(format_.id), ref.where});
        }
        scene_.nodes.push_back(std::move(n));
    }

    void add_logo(const Element& e) {
        const Logo& logo = in_.assets.logo;
        if (logo.width() <= 0) return;
        double scale = std::min(e.box.w / logo.width(), e.box.h / logo.height());
        Box placed{0, 0, logo.width() * scale, logo.height() * scale};
        placed.y = e.box.y + (e.box.h - placed.h) / 2;
        placed.x = e.align == TextAlign::left     ? e.box.x
                   : e.align == TextAlign::center ? e.box.x + (e.box.w - placed.w) / 2
                                                  : e.box.right() - placed.w;
        SceneNode n = node(logo.svg ? NodeKind::svg : NodeKind::image, e.name, placed);
        n.opacity = e.opacity;
        if (logo.svg) {
            n.svg = logo.svg->handle;
        } else {
            n.image = logo.raster->surface;
            n.source = {0, 0, double(logo.raster->width), double(logo.raster->height)};
        }
        scene_.nodes.push_back(std::move(n));
    }

    // A style as this spec draws it: `strike: refuted` strikes the text through only when the
    // verdict says the claim is false (any verdict but fakta).
    TextStyle styled(const TextStyle& style) const {
        TextStyle s = style;
        if (s.strike == Strike::refuted) {
            const std::string verdict = in_.spec.content.text("verdict");
            s.strike = !verdict.empty() && verdict != "fakta" ? Strike::always : Strike::never;
        }
        return s;
    }

    // The blocks of a text or stack element: one per item with content, one per point.
    FittedColumn column_of(const Element& e) {
        FittedColumn column;
        for (const TextItem& item : e.items) {
            if (item.is_list) {
                add_points(item, e.gap, column.blocks);
                column.shown.resize(column.blocks.size(), &item);
                continue;
            }
            std::string markup = fill_pattern(item.pattern, in_.spec, in_.brand, item.where);
            if (markup.empty()) continue;
            TextBlock b;
            b.name = item.name;
            b.markup = markup;
            b.style = styled(item.style);
            b.size = item.style.size;
            b.gap_before = item.gap_before >= 0 ? item.gap_before : e.gap;
            column.blocks.push_back(std::move(b));
            column.shown.push_back(&item);
        }
        return column;
    }

    void add_text_column(const Element& e, size_t index) {
        FittedColumn column;
        if (auto flowed = columns_.find(index); flowed != columns_.end()) {
            column = std::move(flowed->second);
        } else {
            column = column_of(e);
            column.box = e.box;
            if (!column.blocks.empty())
                column.fits = fit_column(column.blocks, e.box.w, e.box.h, in_.brand, in_.fonts);
        }
        if (column.blocks.empty()) return;
        std::vector<TextBlock>& blocks = column.blocks;
        const Box& box = column.box;
        if (!column.fits) {
            report_column_unfit(box, blocks, column.shown);
            return;
        }
        double y = anchored_top(e.anchor, box, column_height(blocks));
        for (size_t i = 0; i < blocks.size(); ++i) {
            TextBlock& b = blocks[i];
            if (i) y += b.gap_before;
            size_t block_first = scene_.nodes.size();
            if (!b.marker.empty()) add_marker(b, box.x, y);
            place_text(b, box.x + b.indent, y, box.w - b.indent);
            for (size_t k = block_first; k < scene_.nodes.size(); ++k) scene_.nodes[k].part = int(i);
            y += b.height;
        }
    }

    // Content that cannot be drawn whole fails the format (PRODUCT.md: never cut, never
    // hidden): the report names the field, its line in the spec and about how much fits.
    void report_unfit(const std::string& field, const SourceMark& where, const std::string& how_much) {
        scene_.whole = false;
        std::string id(format_.id);
        diagnostics_.warn({"content-does-not-fit",
                           "'" + field + "' does not fit the " + id + " layout even at its smallest size: " +
                               how_much,
                           id, where, true});
    }

    // The spec field a text item shows (the first content placeholder of its pattern), with
    // its place in the spec; a brand text (the office name) is located at the template.
    struct ShownField {
        std::string name;
        SourceMark where;
        std::string text;
    };
    ShownField field_shown(const TextItem& item) const {
        bool unclosed = false;
        const Content& c = in_.spec.content;
        for (const std::string& name : placeholders_in(item.pattern, unclosed)) {
            std::string field = name == "quote.text" || name == "quote.by" || name == "quote.role" ? "quote"
                                : name == "verdict_label"                                       ? "verdict"
                                : name == "source_line"                                         ? "source"
                                : name == "when"                                                ? (c.date ? "date" : "time")
                                                                                                : name;
            std::string text = field_text(name, in_.spec, in_.brand, item.where);
            if (text.empty() || name.rfind("brand.", 0) == 0 || name == "fact_label" || name == "claim_label") continue;
            if (auto t = c.texts.find(field); t != c.texts.end()) return {field, t->second.where, text};
            if (field == "quote" && c.quote) return {field, c.quote->where, text};
            if (field == "date" && c.date) return {field, c.date->where, text};
            if (field == "time" && c.time) return {field, c.time->where, text};
            if (field == "hashtags" && !c.hashtags.empty()) return {field, c.hashtags.front().where, text};
        }
        return {item.name, item.where, fill_pattern(item.pattern, in_.spec, in_.brand, item.where)};
    }

    // Which block of a column that does not fit is to blame: one that breaks its lines
    // (over max_lines, a word wider than the line), else the tallest; points count as one.
    void report_column_unfit(const Box& box, const std::vector<TextBlock>& blocks,
                             const std::vector<const TextItem*>& shown) {
        double excess = column_height(blocks) - box.h;
        size_t culprit = 0;
        double tallest = -1;
        for (size_t i = 0; i < blocks.size(); ++i) {
            double h = shown[i]->is_list ? list_height(blocks, shown, shown[i]) : blocks[i].height;
            if (breaks_its_lines(blocks[i])) {
                culprit = i;
                break;
            }
            if (h > tallest) tallest = h, culprit = i;
        }
        const TextBlock& b = blocks[culprit];
        const TextItem& item = *shown[culprit];
        if (item.is_list) {
            report_points_unfit(blocks, shown, item, excess);
            return;
        }
        ShownField field = field_shown(item);
        long length = g_utf8_strlen(field.text.c_str(), -1);
        if (b.word_split) {
            bool words = b.too_wide.find(' ') != std::string::npos;
            report_unfit(field.name, field.where,
                         words ? "\u201C" + b.too_wide + "\u201D stays on one line and is wider than the line; shorten it"
                               : "the word \u201C" + b.too_wide + "\u201D is wider than the line; shorten or split it");
            return;
        }
        double share = b.too_many_lines ? double(b.style.max_lines) / b.lines
                                        : std::max(0.0, (b.height - excess) / b.height);
        long fit = long(length * share);
        report_unfit(field.name, field.where,
                     "about " + std::to_string(fit) + " of its " + std::to_string(length) +
                         " characters fit; shorten it");
    }

    static double list_height(const std::vector<TextBlock>& blocks, const std::vector<const TextItem*>& shown,
                              const TextItem* list) {
        double h = 0;
        for (size_t i = 0; i < blocks.size(); ++i)
            if (shown[i] == list) h += blocks[i].height + blocks[i].gap_before;
        return h;
    }

    // Points fit one after another: those that end above the overflow fit whole.
    void report_points_unfit(const std::vector<TextBlock>& blocks, const std::vector<const TextItem*>& shown,
                             const TextItem& list, double excess) {
        const auto& points = in_.spec.content.points;
        double room = list_height(blocks, shown, &list) - excess, y = 0;
        size_t fit = 0;
        for (size_t i = 0; i < blocks.size(); ++i) {
            if (shown[i] != &list) continue;
            y += blocks[i].gap_before + blocks[i].height;
            if (y > room || breaks_its_lines(blocks[i])) break;
            ++fit;
        }
        SourceMark where = fit < points.size() ? points[fit].where : points.back().where;
        report_unfit("points", where, entries_fit(fit, points.size()));
    }

    static std::string entries_fit(size_t fit, size_t total) {
        return "about " + std::to_string(fit) + " of its " + std::to_string(total) +
               " entries fit; use fewer or shorter entries";
    }

    void add_stats(const Element& e) {
        const auto& stats = in_.spec.content.stats;
        StatLayoutInputs inputs{e, stats, in_.spec.locale.value, in_.brand, in_.fonts,
                                [this](const ColorRef& ref) { return colour(ref); }};
        std::vector<SceneNode> nodes;
        if (e.kind == ElementKind::stats) {
            ListFit fit;
            nodes = layout_stat_grid(inputs, fit);
            if (!fit.fits) {
                size_t culprit = std::min(fit.entries, stats.size() - 1);
                std::string why =
                    fit.fault == ListFault::wide_value
                        ? "its value is too wide for its place; shorten it "
                          "(\"1,25 triliun\", not \"1.250.000.000.000\")"
                    : fit.fault == ListFault::long_label
                        ? "its label needs more lines than the design gives it; shorten the label"
                        : entries_fit(fit.entries, stats.size());
                report_unfit("stats", stats[culprit].where, why);
            }
        } else {
            bool fits = true;
            nodes = layout_bar_chart(inputs, fits);
            // The chart repeats the grid's numbers: without room for it, it is left out.
            if (!fits)
                diagnostics_.warn({"chart-left-out",
                                   "the chart '" + e.name + "' is left out: its labels do not fit its box on one line each "
                                   "(every number is shown above it)",
                                   std::string(format_.id), e.where});
        }
        for (auto& n : nodes) scene_.nodes.push_back(std::move(n));
    }

    void add_agenda(const Element& e) {
        const auto& items = in_.spec.content.items;
        AgendaLayoutInputs agenda{e, items, in_.spec.locale.value, in_.brand.timezone,
                                  in_.brand, in_.fonts, [this](const ColorRef& ref) { return colour(ref); }};
        ListFit fit;
        std::vector<SceneNode> nodes = layout_agenda(agenda, fit);
        if (!fit.fits)
            report_unfit("items", fit.entries < items.size() ? items[fit.entries].where : items.back().where,
                         entries_fit(fit.entries, items.size()));
        for (auto& n : nodes) scene_.nodes.push_back(std::move(n));
    }

    // One block per point of the spec, each behind a marker.
    void add_points(const TextItem& item, double stack_gap, std::vector<TextBlock>& blocks) {
        const auto& points = in_.spec.content.points;
        for (size_t i = 0; i < points.size(); ++i) {
            TextBlock b;
            b.name = item.name + "-" + std::to_string(i + 1);
            b.markup = markdown_to_markup(points[i].value);
            b.style = styled(item.style);
            b.size = item.style.size;
            b.gap_before = i == 0 ? (item.gap_before >= 0 ? item.gap_before : stack_gap) : item.item_gap;
            b.marker = item.marker;
            b.marker_number = int(i + 1);
            b.marker_color = item.marker_color;
            blocks.push_back(std::move(b));
        }
    }

    // A shaped block at (x, y): its pill first when it has one, then the text. A balanced
    // block is narrower than its column and stands where its alignment puts it.
    void place_text(const TextBlock& b, double x, double y, double width) {
        const TextStyle& s = b.style;
        x += balanced_offset(b);
        width -= b.narrowed;
        if (s.has_background) {
            SceneNode pill = node(NodeKind::rect, b.name + "-background",
                                  {x + b.text_x, y, b.text_width + 2 * s.padding_x, b.height});
            pill.fill = colour(s.background);
            pill.radius = s.radius;
            scene_.nodes.push_back(std::move(pill));
        }
        SceneNode n = node(NodeKind::text, b.name,
                           {x + s.padding_x, y + s.padding_y, width - 2 * s.padding_x,
                            b.height - 2 * s.padding_y});
        n.fill = colour(s.color);
        n.text = b.layout;
        scene_.nodes.push_back(std::move(n));
    }

    // A dot centred on the first line, or a numbered disc.
    void add_marker(const TextBlock& b, double x, double y) {
        bool numbered = b.marker == "number";
        double line = b.style.line_height * b.size;
        double d = numbered ? line * 0.9 : b.size * 0.34;
        SceneNode disc = node(NodeKind::rect, b.name + "-marker",
                              {x + (numbered ? 0 : b.size * 0.12), y + (line - d) / 2, d, d});
        disc.fill = colour(b.marker_color);
        disc.radius = d / 2;
        scene_.nodes.push_back(disc);
        if (!numbered) return;
        TextBlock number;
        number.name = disc.name + "-number";
        number.markup = std::to_string(b.marker_number);
        number.style = b.style;
        number.style.weight = 700;
        number.style.align = TextAlign::center;
        // The text colour made for the disc's colour ("on-accent-strong" on "accent-strong").
        std::string on = "on-" + b.marker_color.token;
        number.style.color = {in_.brand.colors.count(on) ? on : "on-accent", 1};
        number.style.line_height = 1.0;
        number.size = d * 0.6;
        shape_text(number, d, in_.brand, in_.fonts);
        place_text(number, disc.box.x, disc.box.y + (d - number.height) / 2, d);
    }

    const LayoutInputs& in_;
    const Format& format_;
    Diagnostics& diagnostics_;
    Scene scene_;
    // How far each flow moved its edge, and what it pulls with it.
    struct PulledEdge {
        const Pull* pull;
        double delta;
        bool vertical;
    };
    std::vector<PulledEdge> pulls_;
    std::map<size_t, FittedColumn> columns_;  // flowed columns, by element index
};

}  // namespace

Box cover_crop(double image_w, double image_h, const Box& box, double focus_x, double focus_y) {
    double scale = std::max(box.w / image_w, box.h / image_h);
    double visible_w = box.w / scale, visible_h = box.h / scale;
    double x = std::clamp(focus_x * image_w - visible_w / 2, 0.0, image_w - visible_w);
    double y = std::clamp(focus_y * image_h - visible_h / 2, 0.0, image_h - visible_h);
    return {x, y, visible_w, visible_h};
}

Scene build_scene(const LayoutInputs& in, const Format& format, Diagnostics& diagnostics) {
    return SceneBuilder(in, format, diagnostics).build();
}

}  // namespace rupa
