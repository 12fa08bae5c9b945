// Statistics as DESIGN.md wants them: the figure large in the accent colour, its unit small
// beside it on the same baseline, the label under it in body size. All figures of a grid
// share one size, so that equal numbers look equal.
#include "layout/stat_layout.hpp"

#include "layout/shrink_to_fit.hpp"
#include "layout/text_block.hpp"
#include "locale/locale_text.hpp"

#include <pango/pango.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace rupa {

namespace {

struct StatCell {
    TextBlock figure, unit, label;
    double figure_baseline = 0, unit_baseline = 0;
    double width = 0;   // figure + unit, or the wider of the two when the unit sits under it
    double height = 0;  // figure line (+ unit line) + label
    bool unit_below = false;  // a word unit too wide beside the figure takes its own line
};

double baseline_of(const TextBlock& b) {
    return pango_layout_get_baseline(b.layout.get()) / double(PANGO_SCALE);
}

// The styles of one cell: a grid cell's, or the hero's.
struct CellStyles {
    const TextStyle& figure;
    const TextStyle& label;
    bool hero = false;
};

// A unit beside a grid figure follows the figure's size, but never under its own style's
// size floor; beside the hero it is a third of the hero. "%" stays close (no space, as EYD
// writes 78%) at 0.6 of the figure; words get a thin gap.
StatCell shape_cell(const StatLayoutInputs& in, const Stat& stat, size_t index, const CellStyles& styles,
                    double figure_size, double cell_width) {
    const auto& parts = in.element.parts;
    StatText text = stat.number ? format_stat(*stat.number, stat.unit, in.locale)
                                : StatText{stat.text, stat.unit};
    std::string id = in.element.name + "-" + std::to_string(index + 1);
    StatCell cell;
    const TextStyle& figure_style = styles.figure;
    const TextStyle& unit_style = parts.at("unit");
    double unit_size = styles.hero ? figure_size / 3
                           : std::max(unit_style.min_size > 0 ? unit_style.min_size : unit_style.size,
                                      unit_style.size * figure_size / figure_style.size);
    cell.figure = plain_block(id + "-figure", text.figure, figure_style, figure_size);
    cell.unit = plain_block(id + "-unit", text.unit, unit_style, text.unit == "%" ? figure_size * 0.6 : unit_size);
    cell.label = plain_block(id + "-label", stat.label, styles.label, styles.label.size);
    shape_text(cell.figure, 100000, in.brand, in.fonts);
    shape_text(cell.unit, 100000, in.brand, in.fonts);
    shape_text(cell.label, cell_width, in.brand, in.fonts);
    double gap = text.unit.empty() || text.unit == "%" ? 0 : unit_size * 0.3;
    cell.width = cell.figure.text_width + (text.unit.empty() ? 0 : gap + cell.unit.text_width);
    cell.figure_baseline = baseline_of(cell.figure);
    cell.unit_baseline = baseline_of(cell.unit);
    cell.height = cell.figure.height + (stat.label.empty() ? 0 : cell.label.height);
    // "12.345 keluarga" in a narrow column, once the figure is as small as it may get: the
    // word goes under the figure, before the label.
    bool smallest = figure_style.min_size <= 0 || figure_size <= figure_style.min_size;
    if (cell.width > cell_width && smallest && !text.unit.empty() && text.unit != "%") {
        cell.unit_below = true;
        cell.width = std::max(cell.figure.text_width, cell.unit.text_width);
        cell.height += cell.unit.height;
    }
    return cell;
}

void push_text(std::vector<SceneNode>& nodes, const TextBlock& b, double x, double y, double width,
               const StatLayoutInputs& in) {
    nodes.push_back(text_node(b.name, {x, y, width, b.height}, in.colour(b.style.color), b.layout));
}

}  // namespace

SceneNode text_node(const std::string& name, const Box& box, const Rgba& colour,
                    const SharedGObject<PangoLayout>& layout) {
    SceneNode n;
    n.kind = NodeKind::text;
    n.name = name;
    n.box = box;
    n.fill = colour;
    n.text = layout;
    return n;
}

// With a `hero` part (and no more stats than `hero_up_to`), the first stat is drawn alone
// across the box in the hero's style, and the rest in the grid under it, a gap and a half
// below; the hero and the grid shrink together. Otherwise every stat is a cell of the grid.
std::vector<SceneNode> layout_stat_grid(const StatLayoutInputs& in, ListFit& fit) {
    const Element& e = in.element;
    size_t n = in.stats.size();
    std::vector<SceneNode> nodes;
    fit = {true, n};
    if (n == 0) return nodes;
    auto hero_part = e.parts.find("hero");
    bool has_hero = hero_part != e.parts.end() && (e.hero_up_to == 0 || n <= size_t(e.hero_up_to));
    size_t first = has_hero ? 1 : 0;  // the first stat of the grid
    size_t in_grid = n - first;
    int columns = e.columns > 0 ? e.columns : (in_grid <= 3 ? 1 : 2);
    size_t rows = (in_grid + columns - 1) / columns;
    double column_gap = e.gap * 1.5;
    double cell_width = (e.box.w - column_gap * (columns - 1)) / columns;
    double hero_gap = e.gap * 1.5;

    const TextStyle& figure_style = e.parts.at("figure");
    const TextStyle& label_style = e.parts.at("label");
    const TextStyle& hero_style = has_hero ? hero_part->second : figure_style;
    auto hero_label = e.parts.find("hero_label");
    const TextStyle& hero_label_style = hero_label != e.parts.end() ? hero_label->second : label_style;
    double size = figure_style.size, hero_size = hero_style.size;
    std::optional<StatCell> hero;
    std::vector<StatCell> cells;
    std::vector<double> row_heights;
    double used = 0;
    auto fits_its_room = [&](const StatCell& c, double width) {
        return c.width <= width && !breaks_its_lines(c.label);
    };
    std::vector<ShrinkableSize> sizes = {{&size, figure_style.min_size}};
    if (has_hero) sizes.push_back({&hero_size, hero_style.min_size});
    fit.fits = shrink_to_fit(sizes, [&] {
        if (has_hero) hero = shape_cell(in, in.stats[0], 0, {hero_style, hero_label_style, true}, hero_size, e.box.w);
        cells.clear();
        for (size_t i = first; i < n; ++i)
            cells.push_back(shape_cell(in, in.stats[i], i, {figure_style, label_style}, size, cell_width));
        row_heights.assign(rows, 0);
        for (size_t i = 0; i < in_grid; ++i)
            row_heights[i / columns] = std::max(row_heights[i / columns], cells[i].height);
        used = rows ? e.gap * (rows - 1) : 0;
        for (double h : row_heights) used += h;
        if (hero) used += hero->height + (rows ? hero_gap : 0);
        return used <= e.box.h && (!hero || fits_its_room(*hero, e.box.w)) &&
               std::all_of(cells.begin(), cells.end(), [&](const StatCell& c) { return fits_its_room(c, cell_width); });
    });
    if (!fit.fits) {
        // How many stats, in order, fit whole, for the report: the hero as wide as the box at
        // most, then each cell in a row that ends inside the box, as wide as its cell at
        // most, its label unbroken. The first that does not is the one the report points at.
        fit.entries = 0;
        auto fault = [](const StatCell& c, double width) {
            return c.width > width ? ListFault::wide_value
                                   : breaks_its_lines(c.label) ? ListFault::long_label : ListFault::room;
        };
        double bottom = 0;
        if (hero) {
            bottom = hero->height;
            fit.fault = fault(*hero, e.box.w);
            if (bottom > e.box.h || !fits_its_room(*hero, e.box.w)) return nodes;
            fit.entries = 1;
            bottom += hero_gap - e.gap;
        }
        for (size_t i = 0; i < in_grid; ++i) {
            if (i % columns == 0) bottom += (bottom > 0 ? e.gap : 0) + row_heights[i / columns];
            fit.fault = fault(cells[i], cell_width);
            if (bottom > e.box.h || !fits_its_room(cells[i], cell_width)) break;
            fit.entries = first + i + 1;
        }
        return nodes;
    }

    auto place = [&](const StatCell& cell, size_t index, double x, double y, double width) {
        push_text(nodes, cell.figure, x, y, width, in);
        nodes.back().countable = bool(in.stats[index].number);
        double label_y = y + cell.figure.height;
        if (cell.unit_below) {
            push_text(nodes, cell.unit, x, label_y, width, in);
            label_y += cell.unit.height;
        } else if (!cell.unit.markup.empty()) {
            double gap = cell.unit.markup == "%" ? 0 : cell.unit.size * 0.3;
            double unit_y = y + cell.figure_baseline - cell.unit_baseline;
            push_text(nodes, cell.unit, x + cell.figure.text_width + gap, unit_y, width, in);
            nodes.back().trails_figure = true;
        }
        if (!cell.label.markup.empty()) push_text(nodes, cell.label, x, label_y, width, in);
    };
    double y = anchored_top(e, used);
    if (hero) {
        place(*hero, 0, e.box.x, y, e.box.w);
        y += hero->height + hero_gap;
    }
    for (size_t r = 0; r < rows; ++r) {
        for (size_t c = 0; c < size_t(columns) && r * columns + c < in_grid; ++c)
            place(cells[r * columns + c], first + r * columns + c, e.box.x + c * (cell_width + column_gap), y,
                  cell_width);
        y += row_heights[r] + e.gap;
    }
    return nodes;
}

std::vector<SceneNode> layout_bar_chart(const StatLayoutInputs& in, bool& fits) {
    const Element& e = in.element;
    fits = true;
    std::vector<SceneNode> nodes;
    // Only numbers with the same unit compare; take the unit most stats share. A bare number
    // with neither a unit nor a scale word ("72,5", an index; "214", a count of villages)
    // says too little about what it counts to be set against another.
    auto comparable = [&](const Stat& s) {
        return s.number && (!s.unit.empty() || !format_stat(*s.number, s.unit, in.locale).unit.empty());
    };
    std::map<std::string, int> unit_counts;
    for (const Stat& s : in.stats)
        if (comparable(s)) ++unit_counts[s.unit];
    auto best = std::max_element(unit_counts.begin(), unit_counts.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    if (best == unit_counts.end() || best->second < 2) return nodes;
    std::vector<const Stat*> compared;
    double max_value = 0;
    for (const Stat& s : in.stats)
        if (comparable(s) && s.unit == best->first) {
            compared.push_back(&s);
            max_value = std::max(max_value, std::abs(*s.number));
        }
    if (max_value <= 0) return nodes;

    const TextStyle& label_style = e.parts.at("label");
    const TextStyle& value_style = e.parts.at("value");
    std::vector<TextBlock> labels, values;
    double row = 0;
    for (size_t i = 0; i < compared.size(); ++i) {
        std::string id = e.name + "-" + std::to_string(i + 1);
        values.push_back(plain_block(id + "-value", format_stat_inline(*compared[i]->number, compared[i]->unit, in.locale),
                               value_style, value_style.size));
        shape_text(values.back(), e.box.w, in.brand, in.fonts);
        labels.push_back(plain_block(id + "-label", compared[i]->label, label_style, label_style.size));
        labels.back().style.max_lines = 1;
        shape_text(labels.back(), e.box.w - values.back().text_width - 24, in.brand, in.fonts);
        fits = fits && !breaks_its_lines(labels.back());
        row = std::max(row, std::max(labels.back().height, values.back().height) + 8 + e.bar);
    }
    // More bars than the box holds (five or six like numbers): the grid already shows them
    // all, and the chart is left out without a word.
    double used = row * compared.size() + e.gap * (compared.size() - 1);
    if (!fits || used > e.box.h) return {};
    double y = anchored_top(e, used);
    for (size_t i = 0; i < compared.size(); ++i) {
        double text_h = std::max(labels[i].height, values[i].height);
        push_text(nodes, labels[i], e.box.x, y, e.box.w, in);
        push_text(nodes, values[i], e.box.right() - values[i].text_width - values[i].text_x, y, values[i].text_width + 1, in);
        nodes.back().countable = true;
        double bar_y = y + text_h + 8;
        SceneNode track;
        track.kind = NodeKind::rect;
        track.name = e.name + "-" + std::to_string(i + 1) + "-track";
        track.box = {e.box.x, bar_y, e.box.w, e.bar};
        track.fill = in.colour(e.track);
        track.radius = e.bar / 2;
        nodes.push_back(track);
        SceneNode bar = track;
        bar.name = e.name + "-" + std::to_string(i + 1) + "-bar";
        bar.box.w = std::max(e.bar, e.box.w * std::abs(*compared[i]->number) / max_value);
        bar.fill = in.colour(e.fill);
        nodes.push_back(bar);
        y += row + e.gap;
    }
    return nodes;
}

}  // namespace rupa
