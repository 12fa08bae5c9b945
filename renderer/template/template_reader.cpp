// Reads templates. An element is a mapping with one kind key naming it
// ({text: title, ...}); text styles may be named once under `styles:` and refined inline.
#include "template/template_reader.hpp"

#include "spec/format.hpp"
#include "spec/spec.hpp"
#include "spec/confined_path.hpp"
#include "spec/spec_error.hpp"
#include "spec/spec_keys.hpp"
#include "spec/yaml_source.hpp"
#include "template/brand_palette.hpp"
#include "template/motion_reader.hpp"
#include "template/template_keys.hpp"
#include "template/placeholders.hpp"

#include <algorithm>
#include <sstream>
#include <string_view>

namespace rupa {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kTemplateFields = key_names(template_keys());
const std::vector<std::string> kStyleFields = key_names(style_keys());

std::string shown_number(double value) {
    std::ostringstream out;
    out.imbue(std::locale::classic());
    out << value;
    return out.str();
}

double number_within(const YamlSource& src, const YAML::Node& node, const NumberRange& range) {
    std::string field(range.field);
    double value = src.number(node, field);
    if (value < range.min || value > range.max)
        throw SpecError(src.mark(node), "'" + field + "' must be between " + shown_number(range.min) + " and " +
                                            shown_number(range.max),
                        "got " + excerpt(node.Scalar()));
    return value;
}

double number_in_range(const YamlSource& src, const YAML::Node& node, const std::string& field) {
    if (const NumberRange* range = number_range(field)) return number_within(src, node, *range);
    throw SpecError(src.mark(node), "'" + field + "' has no range", "a number rupa does not know");
}

// A colour token with an optional opacity, "ink/0.6", one of `tokens`.
ColorRef colour_ref(const YamlSource& src, const YAML::Node& node, const std::string& field,
                    const std::vector<std::string>& tokens) {
    std::string text = src.text(node, field);
    ColorRef c;
    auto slash = text.find('/');
    c.token = text.substr(0, slash);
    if (slash != std::string::npos) {
        try {
            c.alpha = std::stod(text.substr(slash + 1));
        } catch (const std::exception&) {
            c.alpha = -1;
        }
        if (c.alpha < 0 || c.alpha > 1)
            throw SpecError(src.mark(node), "opacity in '" + text + "' must lie between 0 and 1");
    }
    if (std::find(tokens.begin(), tokens.end(), c.token) == tokens.end()) {
        std::string guess = nearest_word(c.token, tokens);
        throw SpecError(src.mark(node), "unknown colour token '" + c.token + "'",
                        guess.empty() ? "use a brand token: " + join(tokens, ", ") : "did you mean '" + guess + "'?");
    }
    return c;
}

// A logo's box, in pixels of its design. An SVG logo is checked by drawing it once at 1024 px
// on its long side (media/svg_trial.hpp), and a design plays at most 1.6 times its size
// (landscape, 1200 wide, in video-landscape, 1920 wide): 640 px keeps every logo drawn within
// what was tried. The built-in templates' largest logo box is 280 px.
constexpr double kMaxLogoSide = 640;

const std::vector<std::string>& kKinds = element_kinds();
const std::vector<std::string>& kContentFieldNames = content_field_names();

class TemplateReader {
public:
    explicit TemplateReader(YamlSource src) : src_(std::move(src)) {}

    Template read(const fs::path& folder) {
        const YAML::Node& root = src_.root;
        src_.require_map(root, "template");
        src_.check_keys(root, kTemplateFields);
        Template t;
        t.folder = folder;
        t.id = root["id"] ? src_.text(root["id"], "id") : folder.filename().string();
        if (root["name"]) t.name = src_.text(root["name"], "name");
        if (root["name_en"]) t.name_en = src_.text(root["name_en"], "name_en");
        if (root["description"]) t.description = src_.text(root["description"], "description");
        if (root["description_en"]) t.description_en = src_.text(root["description_en"], "description_en");
        if (root["brand"]) {
            t.default_brand = src_.text(root["brand"], "brand");
            t.brand_where = src_.mark(root["brand"]);
        }
        if (root["fields"]) read_fields(root["fields"], t);
        if (root["styles"]) read_styles(root["styles"]);
        if (!root["layouts"])
            throw SpecError(src_.file_mark(), "a template needs 'layouts'",
                            "one per format it supports");
        read_layouts(root["layouts"], t);
        check_shown_in(t);
        read_formats(root["formats"], t);
        if (root["video"]) t.video = read_template_video(src_, root["video"], t);
        return t;
    }

private:
    void read_fields(const YAML::Node& node, Template& t) {
        src_.require_map(node, "fields");
        for (const auto& entry : node) {
            FieldSpec field;
            field.name = entry.first.Scalar();
            field.where = src_.mark(entry.first);
            if (std::find(kContentFieldNames.begin(), kContentFieldNames.end(), field.name) ==
                kContentFieldNames.end()) {
                std::string guess = nearest_word(field.name, kContentFieldNames);
                throw SpecError(field.where, "unknown content field '" + field.name + "'",
                                guess.empty() ? "see PRODUCT.md for the content fields"
                                              : "did you mean '" + guess + "'?");
            }
            const YAML::Node& rules = entry.second;
            if (rules.IsMap()) {
                src_.check_keys(rules, key_names(field_rule_keys()));
                if (rules["required"]) field.required = src_.boolean(rules["required"], "required");
                if (rules["sample"]) {
                    field.sample = flow_yaml(rules["sample"]);
                    field.sample_where = src_.mark(rules["sample"]);
                }
                if (rules["max"]) read_max(rules["max"], field);
                if (rules["entries"]) {
                    if (!is_list_field(field.name))
                        throw SpecError(src_.mark(rules["entries"]), "'entries' is for the lists points, stats, items and photos",
                                        "'" + field.name + "' is not a list");
                    field.max_entries = int(ranged(rules["entries"], "entries"));
                }
                if (rules["shown_in"]) {
                    field.shown_in = src_.text_list(rules["shown_in"], "shown_in");
                    field.shown_everywhere = false;
                    field.shown_in_where = src_.mark(rules["shown_in"]);
                }
            } else if (!rules.IsNull()) {
                src_.require_map(rules, field.name);
            }
            t.fields.push_back(field);
        }
    }

    static bool is_list_field(const std::string& name) {
        return name == "points" || name == "stats" || name == "items" || name == "photos";
    }

    // `max: 90` on a text field (and on points: each point); `max: {title: 60, place: 40}` on
    // a field of parts.
    void read_max(const YAML::Node& node, FieldSpec& field) {
        // An agenda entry's date and time are never long; its title and place may be.
        static const std::map<std::string, std::vector<std::string>> kParts = {
            {"quote", key_names(quote_keys())}, {"stats", key_names(stat_keys())}, {"items", {"title", "place"}}};
        auto parts = kParts.find(field.name);
        if (parts == kParts.end()) {
            field.max_chars = int(ranged(node, "max"));
            return;
        }
        if (!node.IsMap())
            throw SpecError(src_.mark(node), "'max' of '" + field.name + "' names its parts",
                            "e.g. max: {" + parts->second.front() + ": 60}; parts: " + join(parts->second, ", "));
        src_.check_keys(node, parts->second);
        for (const auto& entry : node) field.part_max[entry.first.Scalar()] = int(ranged(entry.second, "max"));
    }

    // A field's `shown_in` names formats the template lays out.
    static void check_shown_in(const Template& t) {
        std::vector<std::string> laid_out;
        for (const auto& [format, layout] : t.layouts) laid_out.push_back(format);
        for (const FieldSpec& field : t.fields)
            for (const std::string& format : field.shown_in)
                if (!t.layouts.count(format))
                    throw SpecError(field.shown_in_where,
                                    "'" + field.name + "' is shown in '" + format + "', which this template has no layout for",
                                    "it lays out: " + join(laid_out, ", "));
    }

    void read_styles(const YAML::Node& node) {
        src_.require_map(node, "styles");
        for (const auto& entry : node) {
            src_.require_map(entry.second, entry.first.Scalar());
            src_.check_keys(entry.second, kStyleFields);
            TextStyle style;
            apply_style(entry.second, style);
            styles_[entry.first.Scalar()] = style;
        }
    }

    void apply_style(const YAML::Node& node, TextStyle& s) {
        if (node["font"]) s.font = token(node["font"], brand_font_tokens(), "font");
        if (node["size"]) s.size = ranged(node["size"], "size");
        if (node["min_size"]) s.min_size = ranged(node["min_size"], "min_size");
        if (node["role"]) s.role = src_.choice(node["role"], "role", text_role_names());
        if (node["weight"]) s.weight = int(ranged(node["weight"], "weight"));
        if (node["italic"]) s.italic = src_.boolean(node["italic"], "italic");
        if (node["color"]) s.color = color(node["color"]);
        if (node["line_height"]) s.line_height = ranged(node["line_height"], "line_height");
        if (node["align"]) s.align = align(node["align"]);
        if (node["uppercase"]) s.uppercase = src_.boolean(node["uppercase"], "uppercase");
        if (node["letter_spacing"])
            s.letter_spacing = ranged(node["letter_spacing"], "letter_spacing");
        if (node["max_lines"]) s.max_lines = int(ranged(node["max_lines"], "max_lines"));
        if (node["strike"]) s.strike = strike(node["strike"]);
        if (node["balance"]) s.balance = src_.boolean(node["balance"], "balance");
        if (node["trim_below"]) s.trim_below = src_.boolean(node["trim_below"], "trim_below");
        if (node["background"]) {
            s.has_background = true;
            s.background = color(node["background"]);
        }
        if (node["padding"]) {
            const YAML::Node& p = node["padding"];
            if (p.IsSequence() && p.size() == 2) {
                s.padding_x = ranged(p[0], "padding");
                s.padding_y = ranged(p[1], "padding");
            } else {
                s.padding_x = s.padding_y = ranged(p, "padding");
            }
        }
        if (node["radius"]) s.radius = ranged(node["radius"], "radius");
    }

    void read_layouts(const YAML::Node& node, Template& t) {
        src_.require_map(node, "layouts");
        for (const auto& entry : node) {
            std::string format_id = entry.first.Scalar();
            const Format* format = find_format(format_id);
            if (!format) {
                std::vector<std::string> ids;
                for (const auto& f : all_formats()) ids.emplace_back(f.id);
                std::string guess = nearest_word(format_id, ids);
                throw SpecError(src_.mark(entry.first), "unknown format '" + format_id + "'",
                                guess.empty() ? "expected one of: " + join(ids, ", ")
                                              : "did you mean '" + guess + "'?");
            }
            Layout layout{format_id, {}, src_.mark(entry.first)};
            if (!entry.second.IsSequence())
                throw SpecError(src_.mark(entry.second),
                                "layout '" + format_id + "' must be a list of elements");
            for (const auto& element : entry.second)
                layout.elements.push_back(read_element(element, *format));
            check_flows(layout, *format);
            t.layouts[format_id] = std::move(layout);
        }
    }

    // The template's default formats: as listed, or every still format it has a layout for.
    void read_formats(const YAML::Node& node, Template& t) {
        if (!node) {
            for (const auto& f : all_formats())
                if (f.kind == FormatKind::still && t.layouts.count(std::string(f.id))) t.formats.emplace_back(f.id);
        } else {
            for (const auto& id : src_.text_list(node, "formats")) {
                const Format* format = find_format(id);
                if (!format || !t.layout_for(*format))
                    throw SpecError(src_.mark(node), "format '" + id + "' has no layout",
                                    "add layouts: " + id + ": [...]");
                t.formats.push_back(id);
            }
        }
        if (t.formats.empty())
            throw SpecError(node ? src_.mark(node) : src_.file_mark(), "the template has no format to render",
                            "list at least one still format with a layout");
    }

    Element read_element(const YAML::Node& node, const Format& format) {
        src_.require_map(node, "element");
        Element e;
        e.where = src_.mark(node);
        int kinds_found = 0;
        for (size_t k = 0; k < kKinds.size(); ++k) {
            if (!node[kKinds[k]]) continue;
            ++kinds_found;
            e.kind = ElementKind(k);
            e.name = src_.text(node[kKinds[k]], kKinds[k]);
        }
        if (kinds_found != 1)
            throw SpecError(e.where, "an element needs exactly one of: " + join(kKinds, ", "),
                            "e.g. {text: title, box: [72, 600, 936, 300], value: \"{title}\"}");
        std::string kind = kKinds[size_t(e.kind)];
        if (node["if"]) e.if_field = src_.choice(node["if"], "if", kContentFieldNames);
        if (!node["box"]) throw SpecError(e.where, "element '" + e.name + "' needs a 'box'",
                                          "[x, y, width, height] in pixels");
        e.box = box(node["box"], format);
        switch (e.kind) {
            case ElementKind::rect:
                src_.check_keys(node, key_names(element_keys(kind)));
                e.fill = node["fill"] ? color(node["fill"]) : ColorRef{"background", 1};
                if (node["radius"]) e.radius = ranged(node["radius"], "radius");
                break;
            case ElementKind::gradient:
                src_.check_keys(node, key_names(element_keys(kind)));
                e.fill = node["from"] ? color(node["from"]) : ColorRef{"ink", 0};
                e.fill_to = node["to"] ? color(node["to"]) : ColorRef{"ink", 0.7};
                if (node["direction"])
                    e.vertical = src_.choice(node["direction"], "direction", gradient_directions()) == "down";
                break;
            case ElementKind::photo:
                src_.check_keys(node, key_names(element_keys(kind)));
                if (node["field"]) e.field = src_.choice(node["field"], "field", photo_field_names());
                if (node["gap"]) {
                    if (e.field != "photos")
                        throw SpecError(src_.mark(node["gap"]), "'gap' is the space between the photos of a collage",
                                        "give it with 'field: photos', or leave it out");
                    e.gap = ranged(node["gap"], "gap");
                }
                break;
            case ElementKind::logo:
                src_.check_keys(node, key_names(element_keys(kind)));
                if (e.box.w > kMaxLogoSide || e.box.h > kMaxLogoSide)
                    throw SpecError(src_.mark(node["box"]),
                                    "a logo's 'box' may be at most " + std::to_string(int(kMaxLogoSide)) +
                                        " pixels a side",
                                    "a logo is drawn up to 1.6 times larger, in video-landscape");
                if (node["align"]) e.align = align(node["align"]);
                if (node["opacity"]) e.opacity = ranged(node["opacity"], "opacity");
                break;
            case ElementKind::text:
                src_.check_keys(node, key_names(element_keys(kind)));
                if (node["flow"]) e.flow = read_flow(node["flow"]);
                if (node["anchor"])
                    e.anchor = src_.choice(node["anchor"], "anchor", anchor_names());
                e.items.push_back(checked(text_item(node, e.name), node));
                break;
            case ElementKind::stack:
                src_.check_keys(node, key_names(element_keys(kind)));
                if (node["flow"]) e.flow = read_flow(node["flow"]);
                if (node["anchor"])
                    e.anchor = src_.choice(node["anchor"], "anchor", anchor_names());
                if (node["gap"]) e.gap = ranged(node["gap"], "gap");
                if (!node["items"] || !node["items"].IsSequence())
                    throw SpecError(e.where, "stack '" + e.name + "' needs a list of 'items'");
                for (const auto& item : node["items"]) {
                    src_.require_map(item, "items");
                    if (item["list"]) {
                        e.items.push_back(list_item(item));
                        continue;
                    }
                    src_.check_keys(item, key_names(stack_item_keys()));
                    if (!item["text"])
                        throw SpecError(src_.mark(item), "a stack item needs a name: {text: NAME, ...} "
                                                         "or {list: points, ...}");
                    e.items.push_back(checked(text_item(item, src_.text(item["text"], "text")), item));
                }
                break;
            case ElementKind::stats:
                src_.check_keys(node, key_names(element_keys(kind)));
                read_grid_common(node, e);
                if (node["columns"]) e.columns = int(src_.choice(node["columns"], "columns", column_counts())[0] - '0');
                read_parts(node, e, {"figure", "unit", "label"});
                // The hero and its label only where the template gives them.
                for (const std::string part : {"hero", "hero_label"})
                    if (node[part]) read_parts(node, e, {part});
                if (node["hero_up_to"]) e.hero_up_to = int(ranged(node["hero_up_to"], "hero_up_to"));
                for (const std::string key : {"hero_label", "hero_up_to"})
                    if (node[key] && !e.parts.count("hero"))
                        throw SpecError(src_.mark(node[key]), "'" + key + "' needs a 'hero'",
                                        "add hero: {style: ...} for the first stat's figure, or remove " + key);
                break;
            case ElementKind::bars:
                src_.check_keys(node, key_names(element_keys(kind)));
                read_grid_common(node, e);
                if (node["bar"]) e.bar = ranged(node["bar"], "bar");
                e.fill = node["fill"] ? color(node["fill"]) : ColorRef{"accent", 1};
                if (node["track"]) e.track = color(node["track"]);
                read_parts(node, e, {"label", "value"});
                break;
            case ElementKind::agenda:
                src_.check_keys(node, key_names(element_keys(kind)));
                read_grid_common(node, e);
                e.track = node["block"] ? color(node["block"]) : ColorRef{"accent", 1};
                read_parts(node, e, {"day", "month", "title", "meta"});
                break;
        }
        return e;
    }

    // flow: {edge: top, grow: 140, pull: {photo: bottom, panel: top, accent-bar: move}}
    Flow read_flow(const YAML::Node& node) {
        src_.require_map(node, "flow");
        src_.check_keys(node, key_names(flow_keys()));
        Flow f;
        f.declared = true;
        f.where = src_.mark(node);
        if (!node["edge"])
            throw SpecError(f.where, "'flow' needs an 'edge'", "the edge of the box that moves: top, bottom, left or right");
        std::string edge = src_.choice(node["edge"], "edge", edge_names());
        f.edge = edge == "top" ? Edge::top : edge == "bottom" ? Edge::bottom : edge == "left" ? Edge::left : Edge::right;
        if (node["grow"]) f.grow = ranged(node["grow"], "grow");
        if (node["shrink"]) {
            if (!f.vertical())
                throw SpecError(src_.mark(node["shrink"]), "'shrink' works on a top or bottom edge only",
                                "a narrower column would only make the text longer; leave it out");
            f.shrink = ranged(node["shrink"], "shrink");
        }
        if (node["pull"]) {
            src_.require_map(node["pull"], "pull");
            std::vector<std::string> ways = f.vertical() ? std::vector<std::string>{"top", "bottom", "move"}
                                                         : std::vector<std::string>{"left", "right", "move"};
            for (const auto& entry : node["pull"])
                f.pulls.push_back({entry.first.Scalar(), src_.choice(entry.second, "pull", ways),
                                   src_.mark(entry.first)});
        }
        return f;
    }

    // Every element a flow pulls is in the layout, does not flow itself, and stays on the
    // canvas with a size above 0 however far the edge moves; so does the flowing box.
    void check_flows(const Layout& layout, const Format& format) {
        std::vector<std::string> names;
        for (const Element& e : layout.elements) names.push_back(e.name);
        auto on_canvas = [&](const Box& b) {
            return b.w > 0 && b.h > 0 && b.x >= 0 && b.y >= 0 && b.right() <= format.width + 1e-9 &&
                   b.bottom() <= format.height + 1e-9;
        };
        for (const Element& e : layout.elements) {
            if (!e.flow.declared) continue;
            const Flow& f = e.flow;
            for (double delta : {f.movement(f.grow), f.movement(-f.shrink)}) {
                if (!on_canvas(moved_box(e.box, edge_name(f.edge), delta, f.vertical())))
                    throw SpecError(f.where, "'" + e.name + "' would leave the " + std::string(format.id) +
                                                 " canvas or vanish when its " + edge_name(f.edge) + " edge moves " +
                                                 shown_number(std::abs(delta)) + " px",
                                    "make 'grow' or 'shrink' smaller");
                for (const Pull& pull : f.pulls) {
                    bool found = false;
                    for (const Element& pulled : layout.elements) {
                        if (pulled.name != pull.element) continue;
                        found = true;
                        if (pulled.flow.declared)
                            throw SpecError(pull.where, "'" + pull.element + "' flows itself and cannot be pulled",
                                            "let one of the two flow");
                        if (!on_canvas(moved_box(pulled.box, pull.how, delta, f.vertical())))
                            throw SpecError(pull.where, "'" + pull.element + "' would leave the " +
                                                            std::string(format.id) + " canvas or vanish when '" +
                                                            e.name + "' moves its edge " +
                                                            shown_number(std::abs(delta)) + " px",
                                            "make 'grow' or 'shrink' smaller, or pull another edge");
                    }
                    if (!found) {
                        std::string guess = nearest_word(pull.element, names);
                        throw SpecError(pull.where, "no element named '" + pull.element + "' in the " +
                                                        std::string(format.id) + " layout",
                                        guess.empty() ? "pull elements of the same layout"
                                                      : "did you mean '" + guess + "'?");
                    }
                }
            }
        }
    }

    void read_grid_common(const YAML::Node& node, Element& e) {
        if (node["anchor"]) e.anchor = src_.choice(node["anchor"], "anchor", anchor_names());
        if (node["gap"]) e.gap = ranged(node["gap"], "gap");
    }

    // {figure: {style: figure, size: 200}, ...}: each part a style name with refinements.
    void read_parts(const YAML::Node& node, Element& e, const std::vector<std::string>& names) {
        for (const auto& name : names) {
            e.parts[name] = TextStyle{};
            if (!node[name]) continue;
            src_.require_map(node[name], name);
            src_.check_keys(node[name], key_names(part_keys()));
            e.parts[name] = text_item(node[name], name).style;
        }
    }

    // {list: points, marker: number, gap: 16, style: point}: the spec's points as a list.
    TextItem list_item(const YAML::Node& node) {
        src_.check_keys(node, key_names(list_item_keys()));
        std::string field = src_.choice(node["list"], "list", list_field_names());
        TextItem item = text_item(node, field);
        item.is_list = true;
        item.pattern.clear();
        if (node["marker"]) item.marker = src_.choice(node["marker"], "marker", marker_names());
        if (node["marker_color"]) item.marker_color = color(node["marker_color"]);
        if (node["gap"]) item.item_gap = ranged(node["gap"], "gap");
        return item;
    }

    TextItem text_item(const YAML::Node& node, const std::string& name) {
        TextItem item;
        item.name = name;
        item.where = src_.mark(node);
        item.pattern = node["value"] ? src_.text(node["value"], "value") : "{" + name + "}";
        if (node["style"]) {
            std::string style_name = src_.text(node["style"], "style");
            auto it = styles_.find(style_name);
            if (it == styles_.end())
                throw SpecError(src_.mark(node["style"]), "unknown style '" + style_name + "'",
                                "define it under 'styles:'");
            item.style = it->second;
        }
        apply_style(node, item.style);
        if (node["gap_before"]) item.gap_before = ranged(node["gap_before"], "gap_before");
        return item;
    }

    // A text item whose pattern names only known placeholders.
    TextItem checked(TextItem item, const YAML::Node& node) {
        check_pattern(item.pattern, node["value"] ? src_.mark(node["value"]) : item.where);
        return item;
    }

    void check_pattern(const std::string& pattern, const SourceMark& where) {
        bool unclosed = false;
        for (const auto& name : placeholders_in(pattern, unclosed)) {
            const auto& known = placeholder_names();
            if (std::find(known.begin(), known.end(), name) != known.end()) continue;
            std::string guess = nearest_word(name, known);
            throw SpecError(where, "unknown placeholder '{" + name + "}'",
                            guess.empty() ? "known: " + join(known, ", ") : "did you mean '{" + guess + "}'?");
        }
        if (unclosed) throw SpecError(where, "unclosed '{' in '" + pattern + "'");
    }

    Box box(const YAML::Node& node, const Format& format) {
        if (!node.IsSequence() || node.size() != 4)
            throw SpecError(src_.mark(node), "'box' must be [x, y, width, height]");
        Box b{src_.number(node[0], "box"), src_.number(node[1], "box"),
              src_.number(node[2], "box"), src_.number(node[3], "box")};
        if (b.w <= 0 || b.h <= 0 || b.x < 0 || b.y < 0 || b.right() > format.width ||
            b.bottom() > format.height)
            throw SpecError(src_.mark(node), "'box' lies outside the " + std::string(format.id) +
                                                 " canvas",
                            std::to_string(format.width) + "x" + std::to_string(format.height));
        return b;
    }

    ColorRef color(const YAML::Node& node) {
        std::vector<std::string> tokens = brand_color_tokens();
        tokens.push_back("verdict");  // the colour of the spec's verdict, from the brand
        tokens.insert(tokens.end(), optional_colour_tokens().begin(), optional_colour_tokens().end());
        return colour_ref(src_, node, "color", tokens);
    }

    std::string token(const YAML::Node& node, const std::vector<std::string>& tokens,
                      const std::string& field) {
        return src_.choice(node, field, tokens);
    }

    TextAlign align(const YAML::Node& node) {
        std::string a = src_.choice(node, "align", align_names());
        return a == "left" ? TextAlign::left : a == "center" ? TextAlign::center : TextAlign::right;
    }

    // true, false, or `refuted`: struck only when the verdict refutes the claim.
    Strike strike(const YAML::Node& node) {
        if (node.IsScalar() && node.Scalar() == "refuted") return Strike::refuted;
        if (node.IsScalar() && node.Scalar() != "true" && node.Scalar() != "yes" && node.Scalar() != "false" &&
            node.Scalar() != "no")
            throw SpecError(src_.mark(node), "'strike' must be true, false or refuted",
                            "refuted strikes the claim through only when the verdict is not fakta");
        return src_.boolean(node, "strike") ? Strike::always : Strike::never;
    }

    // Every number of a template, checked against number_ranges() at its own line.
    double ranged(const YAML::Node& node, const std::string& field) {
        return number_in_range(src_, node, field);
    }

    YamlSource src_;
    std::map<std::string, TextStyle> styles_;
};

Rgba parse_hex_colour(const YamlSource& src, const YAML::Node& node) {
    std::string text = src.text(node, "colour");
    auto hex = [&](size_t at) { return std::stoi(text.substr(at, 2), nullptr, 16) / 255.0; };
    bool ok = (text.size() == 7 || text.size() == 9) && text[0] == '#' &&
              text.find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos;
    if (!ok)
        throw SpecError(src.mark(node), "'" + text + "' is not a colour", "write it as #RRGGBB");
    return Rgba{hex(1), hex(3), hex(5), text.size() == 9 ? hex(7) : 1.0};
}

// The brand's `captions:` style. Its size is body text on a video's 1080 px side, from the
// legibility floor (PRODUCT.md: body text 44 px or more) to where two lines would fill the
// lower half of a reel's safe zone; its box is dark enough (50 % or more) to carry the text
// over any frame.
CaptionStyle read_caption_style(const YamlSource& src, const YAML::Node& node) {
    src.require_map(node, "captions");
    src.check_keys(node, key_names(brand_caption_keys()));
    CaptionStyle style;
    style.where = src.mark(node);
    std::vector<std::string> tokens = brand_color_tokens();
    tokens.insert(tokens.end(), optional_colour_tokens().begin(), optional_colour_tokens().end());
    if (node["font"]) style.font = src.choice(node["font"], "font", brand_font_tokens());
    if (node["size"]) {
        const Bounds size = key_doc(brand_caption_keys(), "size").bounds;
        style.size = number_within(src, node["size"], {"size", size.min, size.max});
    }
    if (node["weight"]) style.weight = int(number_in_range(src, node["weight"], "weight"));
    if (node["color"]) style.color = colour_ref(src, node["color"], "color", tokens);
    if (node["box"]) {
        style.box = colour_ref(src, node["box"], "box", tokens);
        if (style.box.alpha < 0.5)
            throw SpecError(src.mark(node["box"]), "the caption box's opacity must be 0.5 or more",
                            "a lighter box lets a bright frame show through the text; write e.g. ink/0.75");
    }
    return style;
}

}  // namespace

const std::vector<std::string>& brand_color_tokens() {
    static const std::vector<std::string> tokens = [] {
        std::vector<std::string> out;
        for (const KeyDoc& key : brand_colour_keys())
            if (std::find(optional_colour_tokens().begin(), optional_colour_tokens().end(), key.name) ==
                optional_colour_tokens().end())
                out.push_back(key.name);
        return out;
    }();
    return tokens;
}

const std::vector<std::string>& optional_colour_tokens() {
    static const std::vector<std::string> tokens = [] {
        std::vector<std::string> out = {"accent-strong", "on-accent-strong"};
        for (const auto& [token, colour] : default_verdict_colors()) out.push_back(token);
        return out;
    }();
    return tokens;
}

// Verdict colours follow the habit of Indonesian hoax clarifications (red for HOAKS,
// orange for disinformation, green for FAKTA), darkened so white bold labels keep at
// least 4.5:1 contrast (WCAG 2.1 AA). A brand may override them.
const std::map<std::string, Rgba>& default_verdict_colors() {
    static const std::map<std::string, Rgba> colors = {
        {"verdict-hoaks", {0xC9 / 255.0, 0x2A / 255.0, 0x2A / 255.0, 1}},
        {"verdict-disinformasi", {0xC2 / 255.0, 0x41 / 255.0, 0x0C / 255.0, 1}},
        {"verdict-misinformasi", {0xA8 / 255.0, 0x4E / 255.0, 0x00 / 255.0, 1}},
        {"verdict-fakta", {0x23 / 255.0, 0x7A / 255.0, 0x36 / 255.0, 1}},
    };
    return colors;
}

const std::vector<std::string>& brand_font_tokens() {
    static const std::vector<std::string> tokens = key_names(brand_font_keys());
    return tokens;
}

Template read_template(const fs::path& file, const std::string& display_name) {
    Template t = TemplateReader(load_yaml(file, display_name)).read(file.parent_path());
    t.file = display_name;
    return t;
}

Brand read_brand(const fs::path& file, const std::string& display_name) {
    YamlSource src = load_yaml(file, display_name);
    const YAML::Node& root = src.root;
    src.require_map(root, "brand");
    src.check_keys(root, key_names(brand_keys()));
    Brand b;
    b.id = root["id"] ? src.text(root["id"], "id") : file.parent_path().filename().string();
    for (const char* required : {"office", "logo", "colors", "fonts"})
        if (!root[required])
            throw SpecError(src.file_mark(), std::string("a brand kit needs '") + required + "'");
    b.office = src.text(root["office"], "office");
    if (root["unit"]) b.unit = src.text(root["unit"], "unit");
    b.logo_where = src.mark(root["logo"]);
    b.folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    b.file = display_name;
    b.logo = confined_path({b.folder, "the brand kit's folder", "put the logo in the brand kit's folder"},
                           src.text(root["logo"], "logo"), b.logo_where, "logo");
    if (!fs::exists(b.logo))
        throw SpecError(src.mark(root["logo"]), "cannot find logo '" + src.text(root["logo"], "logo") + "'",
                        "paths are relative to the brand kit's folder");
    src.require_map(root["colors"], "colors");
    src.check_keys(root["colors"], key_names(brand_colour_keys()));
    for (const auto& [token, colour] : default_verdict_colors())
        b.colors[token] = root["colors"][token] ? parse_hex_colour(src, root["colors"][token]) : colour;
    for (const auto& entry : root["colors"]) b.colour_where[entry.first.Scalar()] = src.mark(entry.second);
    for (const auto& token : brand_color_tokens()) {
        if (!root["colors"][token])
            throw SpecError(src.mark(root["colors"]), "colour token '" + token + "' is missing",
                            "a brand defines: " + join(brand_color_tokens(), ", "));
        b.colors[token] = parse_hex_colour(src, root["colors"][token]);
    }
    for (const char* token : {"accent-strong", "on-accent-strong"})
        if (root["colors"][token]) b.colors[token] = parse_hex_colour(src, root["colors"][token]);
    complete_strong_accent(b);
    src.require_map(root["fonts"], "fonts");
    src.check_keys(root["fonts"], brand_font_tokens());
    for (const auto& token : brand_font_tokens()) {
        if (!root["fonts"][token])
            throw SpecError(src.mark(root["fonts"]), "font token '" + token + "' is missing");
        b.fonts[token] = src.text(root["fonts"][token], token);
        b.font_where[token] = src.mark(root["fonts"][token]);
    }
    if (root["timezone"]) b.timezone = src.choice(root["timezone"], "timezone", timezone_names());
    if (root["website"]) b.website = src.text(root["website"], "website");
    if (root["handles"]) {
        src.require_map(root["handles"], "handles");
        for (const auto& entry : root["handles"])
            b.handles[entry.first.Scalar()] = src.text(entry.second, entry.first.Scalar());
    }
    if (root["hashtags"]) b.hashtags = src.text_list(root["hashtags"], "hashtags");
    if (root["credit"]) b.credit = src.text(root["credit"], "credit");
    b.captions.where = src.file_mark();
    if (root["captions"]) b.captions = read_caption_style(src, root["captions"]);
    return b;
}

}  // namespace rupa
