// Placeholders and element kinds mapped to the spec's content fields.
#include "layout/shown_fields.hpp"

#include "template/placeholders.hpp"

#include <cctype>
#include <cstdlib>

namespace rupa {

namespace {

template <typename Entry>
std::vector<ShownField> entries(const std::string& field, const std::vector<Entry>& list) {
    std::vector<ShownField> shown;
    for (size_t i = 0; i < list.size(); ++i) shown.push_back({field, int(i + 1), list[i].where});
    return shown;
}

template <typename Entry>
std::vector<ShownField> entry(const std::string& field, const std::vector<Entry>& list, int index) {
    if (index < 0 || size_t(index) >= list.size()) return {};
    return {{field, index + 1, list[size_t(index)].where}};
}

// A list's point node is named "<item>-<n>" or "<item>-<n>-marker...": its 0-based point.
int point_of(const std::string& node, const std::string& item) {
    if (node.size() <= item.size() + 1 || node.compare(0, item.size() + 1, item + "-") != 0) return -1;
    if (!std::isdigit(static_cast<unsigned char>(node[item.size() + 1]))) return -1;
    return std::atoi(node.c_str() + item.size() + 1) - 1;
}

}  // namespace

std::vector<std::string> fields_of_placeholder(const std::string& name) {
    if (name == "when") return {"date", "time"};
    if (name == "verdict_label") return {"verdict"};
    if (name == "source_line") return {"source"};
    if (name == "fact_label" || name == "claim_label" || name.rfind("brand.", 0) == 0) return {};
    return {name};
}

std::vector<ShownField> fields_in_pattern(const std::string& pattern, const Content& content) {
    bool unclosed = false;
    std::vector<ShownField> shown;
    for (const std::string& placeholder : placeholders_in(pattern, unclosed))
        for (const std::string& field : fields_of_placeholder(placeholder))
            if (content.has(field)) shown.push_back({field, 0, content.where(field)});
    return shown;
}

std::vector<ShownField> fields_of_element(const Element& e, const Content& content) {
    switch (e.kind) {
        case ElementKind::text:
        case ElementKind::stack: {
            std::vector<ShownField> shown;
            for (const TextItem& item : e.items) {
                auto more = item.is_list ? entries("points", content.points) : fields_in_pattern(item.pattern, content);
                shown.insert(shown.end(), more.begin(), more.end());
            }
            return shown;
        }
        case ElementKind::stats:
        case ElementKind::bars: return entries("stats", content.stats);
        case ElementKind::agenda: return entries("items", content.items);
        case ElementKind::photo:
            if (e.field == "photo" && content.photo) return {{"photo", 0, content.photo->where}};
            return e.field == "photos" ? entries("photos", content.photos) : std::vector<ShownField>{};
        default: return {};
    }
}

std::vector<ShownField> fields_of_node(const Element& e, const SceneNode& node, const Content& content) {
    switch (e.kind) {
        case ElementKind::text:
        case ElementKind::stack:
            for (const TextItem& item : e.items) {
                if (item.is_list) {
                    int point = point_of(node.name, item.name);
                    if (point >= 0) return entry("points", content.points, point);
                } else if (node.name == item.name || node.name == item.name + "-background") {
                    return fields_in_pattern(item.pattern, content);
                }
            }
            return {};
        case ElementKind::stats: return entry("stats", content.stats, node.part);
        // A chart compares only some of the stats, so its parts are not numbered as the spec's.
        case ElementKind::bars: return content.stats.empty() ? std::vector<ShownField>{}
                                                             : std::vector<ShownField>{{"stats", 0, content.where("stats")}};
        case ElementKind::agenda: return entry("items", content.items, node.part);
        case ElementKind::photo:
            if (e.field == "photos") return entry("photos", content.photos, node.part);
            return fields_of_element(e, content);
        default: return fields_of_element(e, content);
    }
}

}  // namespace rupa
