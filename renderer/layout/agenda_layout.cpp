// Agenda rows. Every row has the same block size so the dates line up as a column; titles
// shrink together until all rows fit.
#include "layout/agenda_layout.hpp"

#include "layout/shrink_to_fit.hpp"
#include "layout/text_block.hpp"
#include "locale/locale_text.hpp"

#include <algorithm>

namespace rupa {

namespace {

struct AgendaRow {
    TextBlock day, month, title, meta;
    double height = 0;
};

std::string meta_line(const AgendaItem& item, const AgendaLayoutInputs& in) {
    std::string line;
    auto add = [&](const std::string& part) {
        if (part.empty()) return;
        line += (line.empty() ? "" : " · ") + part;
    };
    if (item.date) add(format_weekday(*item.date, in.locale));
    if (item.time) add(format_time(*item.time, in.timezone, in.locale));
    add(item.place);
    return line;
}

void push(std::vector<SceneNode>& nodes, const TextBlock& b, const Box& box, const AgendaLayoutInputs& in) {
    nodes.push_back(text_node(b.name, box, in.colour(b.style.color), b.layout));
}

}  // namespace

std::vector<SceneNode> layout_agenda(const AgendaLayoutInputs& in, ListFit& fit) {
    const Element& e = in.element;
    const auto& parts = e.parts;
    std::vector<SceneNode> nodes;
    size_t n = in.items.size();
    fit = {true, n};
    if (n == 0) return nodes;

    double block = parts.at("day").size * 1.9;  // the block holds the day and the month
    double text_x = block + 32;
    double text_w = e.box.w - text_x;
    double title_size = parts.at("title").size, meta_size = parts.at("meta").size;
    std::vector<AgendaRow> rows;
    double used = 0;
    double gap_scale = 1;
    fit.fits = shrink_to_fit({{&title_size, parts.at("title").min_size}, {&meta_size, parts.at("meta").min_size}},
                             gap_scale, [&] {
        rows.clear();
        used = e.gap * gap_scale * (n - 1);
        bool whole = true;  // every title and meta line within its max_lines, no word too wide
        for (size_t i = 0; i < n; ++i) {
            const AgendaItem& item = in.items[i];
            std::string id = e.name + "-" + std::to_string(i + 1);
            AgendaRow row;
            row.day = plain_block(id + "-day", item.date ? std::to_string(item.date->day) : "", parts.at("day"),
                                 parts.at("day").size);
            row.month = plain_block(id + "-month", item.date ? format_month_short(item.date->month, in.locale) : "",
                                   parts.at("month"), parts.at("month").size);
            row.title = plain_block(id + "-title", item.title, parts.at("title"), title_size);
            row.meta = plain_block(id + "-meta", meta_line(item, in), parts.at("meta"), meta_size);
            shape_text(row.day, block, in.brand, in.fonts);
            shape_text(row.month, block, in.brand, in.fonts);
            shape_text(row.title, text_w, in.brand, in.fonts);
            shape_text(row.meta, text_w, in.brand, in.fonts);
            row.height = std::max(block, row.title.height + 4 + row.meta.height);
            whole = whole && !breaks_its_lines(row.title) && !breaks_its_lines(row.meta);
            used += row.height;
            rows.push_back(std::move(row));
        }
        return whole && used <= e.box.h;
    });
    if (!fit.fits) {
        // How many entries, in order, fit whole: for the report.
        fit.entries = 0;
        double y = 0;
        for (const AgendaRow& row : rows) {
            y += row.height;
            if (y > e.box.h || breaks_its_lines(row.title) || breaks_its_lines(row.meta)) break;
            ++fit.entries;
            y += e.gap * gap_scale;
        }
        return nodes;
    }

    double y = anchored_top(e, used);
    for (const AgendaRow& row : rows) {
        SceneNode square;
        square.kind = NodeKind::rect;
        square.name = row.day.name + "-block";
        square.box = {e.box.x, y, block, block};
        square.fill = in.colour(e.track);
        square.radius = block * 0.14;
        nodes.push_back(square);
        double date_h = row.day.height + row.month.height;
        double date_y = y + (block - date_h) / 2;
        push(nodes, row.day, {e.box.x, date_y, block, row.day.height}, in);
        push(nodes, row.month, {e.box.x, date_y + row.day.height, block, row.month.height}, in);
        double text_h = row.title.height + 4 + row.meta.height;
        double text_y = y + std::max(0.0, (block - text_h) / 2);
        push(nodes, row.title, {e.box.x + text_x, text_y, text_w, row.title.height}, in);
        push(nodes, row.meta, {e.box.x + text_x, text_y + row.title.height + 4, text_w, row.meta.height}, in);
        y += row.height + e.gap * gap_scale;
    }
    return nodes;
}

}  // namespace rupa
