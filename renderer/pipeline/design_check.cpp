// The design checks: what a template's layouts show against its `fields`, and the colours of
// its texts and shapes against the fills under them, resolved with its default brand.
#include "pipeline/design_check.hpp"

#include "layout/shown_fields.hpp"
#include "template/brand_palette.hpp"
#include "template/catalog.hpp"
#include "template/placeholders.hpp"
#include "spec/format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <set>
#include <tuple>

namespace rupa {

namespace {

// ---- fields ----

// One use of content fields: the names `fields:` declares them under ({quote.by} is the
// quote's; {when} is the date and the time, either of which it shows), and where.
struct FieldUse {
    std::vector<std::string> fields;
    SourceMark where;
};

// The content fields an element shows.
std::vector<FieldUse> fields_named(const Element& e) {
    switch (e.kind) {
        case ElementKind::text:
        case ElementKind::stack: {
            std::vector<FieldUse> named;
            for (const TextItem& item : e.items) {
                if (item.is_list) {
                    named.push_back({{item.name}, item.where});
                    continue;
                }
                bool unclosed = false;
                for (const std::string& placeholder : placeholders_in(item.pattern, unclosed)) {
                    std::vector<std::string> fields = fields_of_placeholder(placeholder);
                    for (std::string& field : fields)
                        if (field.rfind("quote.", 0) == 0) field = "quote";
                    if (!fields.empty()) named.push_back({fields, item.where});
                }
            }
            return named;
        }
        case ElementKind::stats:
        case ElementKind::bars: return {{{"stats"}, e.where}};
        case ElementKind::agenda: return {{{"items"}, e.where}};
        case ElementKind::photo: return {{{e.field}, e.where}};
        default: return {};
    }
}

const FieldSpec* declared(const Template& t, const std::string& name) {
    for (const FieldSpec& f : t.fields)
        if (f.name == name) return &f;
    return nullptr;
}

void check_fields(const Template& t, std::vector<SpecProblem>& errors) {
    std::map<std::string, std::set<std::string>> shown;  // field -> layouts that show it
    std::set<std::string> reported;
    auto undeclared = [&](const std::vector<std::string>& fields, const std::string& layout, const SourceMark& where,
                          const std::string& how) {
        // A template with no `fields:` at all takes any field (as caption.txt does).
        if (t.fields.empty()) return;
        for (const std::string& field : fields)
            if (declared(t, field)) return;
        const std::string& field = fields.front();
        if (!reported.insert(field).second) return;
        errors.push_back({where, "'" + field + "' is " + how + " the " + layout + " layout but is not among the template's 'fields'",
                          "add '" + field + ":' under 'fields:' with its 'max' and 'sample'"});
    };
    for (const auto& [format, layout] : t.layouts)
        for (const Element& e : layout.elements) {
            if (!e.if_field.empty()) undeclared({e.if_field}, format, e.where, "the 'if' of an element in");
            for (const FieldUse& use : fields_named(e)) {
                for (const std::string& field : use.fields) shown[field].insert(format);
                undeclared(use.fields, format, use.where, "shown by");
            }
        }
    if (t.video.slide_frames > 0) shown["photos"].insert("video");
    for (const FieldSpec& field : t.fields) {
        if (field.name == "hashtags") continue;  // caption.txt carries them, never the picture
        const auto& in = shown[field.name];
        if (field.shown_everywhere) {
            if (in.empty())
                errors.push_back({field.where, "'" + field.name + "' is among the template's 'fields' but no layout shows it",
                                  "show it in a layout, or write 'shown_in: []' when it goes only into caption.txt"});
            continue;
        }
        for (const std::string& format : field.shown_in)
            if (!in.count(format))
                errors.push_back({field.shown_in_where,
                                  "'" + field.name + "' is shown in '" + format + "' by its 'shown_in', but the " + format +
                                      " layout does not show it",
                                  "show it there, or take '" + format + "' out of 'shown_in'"});
    }
}

// ---- legibility floors ----

std::string px(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g px", std::round(value * 10) / 10);
    return text;
}

// `size` and `min_size` (the least the text shrinks to) at or over the floor of its role.
void check_floor(const Format& format, const std::string& name, const TextStyle& style, const SourceMark& where,
                 std::vector<SpecProblem>& errors) {
    double floor = legibility_floor(style.role, format.width, format.height);
    const double tolerance = 0.05;  // a floor scaled to 27.5 px is kept by a size of 27.5
    std::string role = style.role == "small" ? "any text" : "a " + style.role;
    std::string on = " on the " + std::string(format.id) + " canvas";
    if (style.size + tolerance < floor) {
        errors.push_back({where, "'" + name + "' is " + px(style.size) + ", under the " + px(floor) + " floor of " + role + on,
                          "raise its 'size' to " + px(floor) + " or more" +
                              (style.role == "small" ? "" : ", or give it a smaller 'role'")});
    } else if (style.min_size > 0 && style.min_size + tolerance < floor) {
        errors.push_back({where, "'" + name + "' may shrink to " + px(style.min_size) + ", under the " + px(floor) +
                                     " floor of " + role + on,
                          "raise its 'min_size' to " + px(floor) + " or more, and give the text the room it then needs"});
    }
}

void check_floors(const Template& t, std::vector<SpecProblem>& errors) {
    for (const auto& [id, layout] : t.layouts) {
        const Format& format = *find_format(id);
        for (const Element& e : layout.elements) {
            for (const TextItem& item : e.items) check_floor(format, item.name, item.style, item.where, errors);
            for (const auto& [part, style] : e.parts) check_floor(format, e.name + " " + part, style, e.where, errors);
        }
    }
}

// ---- colours ----

// WCAG AA on our canvases: 3:1 for text 36 px and over in bold (DESIGN.md), as render's
// contrast check measures it.
constexpr double kLargeSize = 36;
constexpr int kBold = 700;

class ColourCheck {
public:
    ColourCheck(const Template& t, const Brand& brand, Diagnostics& diagnostics)
        : tmpl_(t), brand_(brand), diagnostics_(diagnostics) {}

    void run() {
        for (const auto& [format, layout] : tmpl_.layouts) {
            const auto& elements = layout.elements;
            for (size_t i = 0; i < elements.size(); ++i) {
                const Element& e = elements[i];
                for (const TextItem& item : e.items) check_text(format, elements, i, item.name, item.style, item.where);
                for (const auto& [part, style] : e.parts) {
                    if (e.kind == ElementKind::agenda && (part == "day" || part == "month"))
                        check_text_on(format, part, style, e.where, colour(e.track), "the agenda's date block");
                    else
                        check_text(format, elements, i, e.name + " " + part, style, e.where);
                }
                if (e.kind == ElementKind::rect && is_graphic(elements, i)) {
                    auto fill = colour(e.fill);
                    if (!fill || fill->a < 1) continue;
                    auto ground = best_ground(elements, i, *fill);
                    if (!ground) continue;
                    double ratio = contrast_ratio(*fill, ground->colour);
                    if (ratio >= kGraphicContrast) continue;
                    diagnostics_.warn({"low-contrast",
                                       "'" + e.name + "' in '" + e.fill.token + "' has a contrast of " + contrast_text(ratio, kGraphicContrast) +
                                           " on " + ground->what + " with brand '" + brand_.id +
                                           "', under the " + contrast_text(kGraphicContrast) +
                                           " WCAG AA needs for graphics; change its fill, or the fill under it",
                                       format, e.where});
                }
            }
        }
    }

private:
    struct Ground {
        Rgba colour;
        std::string what;
    };

    std::optional<Rgba> colour(const ColorRef& ref) const {
        auto it = brand_.colors.find(ref.token);
        if (it == brand_.colors.end()) return std::nullopt;  // the spec's verdict: its colour varies
        Rgba c = it->second;
        c.a *= ref.alpha;
        return c;
    }

    static bool inside(const Box& b, double x, double y) {
        return x >= b.x && x <= b.right() && y >= b.y && y <= b.bottom();
    }

    // The solid colour at (x, y) under element `below`: the fills there blended, down to an
    // opaque one or the canvas's background; none over a photo or a gradient, whose contrast
    // render measures on the picture itself.
    std::optional<Ground> ground_at(const std::vector<Element>& elements, size_t below, double x, double y) const {
        for (size_t i = below; i-- > 0;) {
            const Element& e = elements[i];
            if (!inside(e.box, x, y)) continue;
            if (e.kind == ElementKind::photo || e.kind == ElementKind::gradient) return std::nullopt;
            if (e.kind != ElementKind::rect) continue;
            auto fill = colour(e.fill);
            if (!fill) return std::nullopt;
            std::string what = "the fill of '" + e.name + "'";
            if (fill->a >= 1) return Ground{*fill, what};
            auto under = ground_at(elements, i, x, y);
            if (!under) return std::nullopt;
            return Ground{over(*fill, under->colour), what};
        }
        return Ground{brand_.colors.at("background"), "the background"};
    }

    // The ground a shape of colour `fill` stands out best against: the fill under its middle,
    // or one it borders. An accent rule along a dark header's edge reads against the header
    // even where the paper beside it is as pale as the rule (a bar on the paper alone is
    // measured against the paper).
    std::optional<Ground> best_ground(const std::vector<Element>& elements, size_t index, const Rgba& fill) const {
        const Box& b = elements[index].box;
        double cx = b.x + b.w / 2, cy = b.y + b.h / 2;
        std::optional<Ground> best = ground_at(elements, index, cx, cy);
        if (!best) return std::nullopt;  // on a photo or a gradient: render measures it
        double best_ratio = contrast_ratio(fill, best->colour);
        const double beside[][2] = {{cx, b.y - 1}, {cx, b.bottom() + 1}, {b.x - 1, cy}, {b.right() + 1, cy}};
        for (const auto& [x, y] : beside) {
            auto ground = ground_at(elements, index, x, y);
            if (!ground) continue;
            double ratio = contrast_ratio(fill, ground->colour);
            if (ratio > best_ratio) best_ratio = ratio, best = ground;
        }
        return best;
    }

    // A shape no text is drawn on: an accent bar, a divider (a panel is the ground of its text).
    static bool is_graphic(const std::vector<Element>& elements, size_t index) {
        for (size_t i = index + 1; i < elements.size(); ++i) {
            const Element& e = elements[i];
            if (e.items.empty() && e.parts.empty()) continue;
            if (inside(elements[index].box, e.box.x + e.box.w / 2, e.box.y + e.box.h / 2)) return false;
        }
        return true;
    }

    void check_text(const std::string& format, const std::vector<Element>& elements, size_t index,
                    const std::string& name, const TextStyle& style, const SourceMark& where) {
        if (style.has_background) {
            if (auto pill = colour(style.background); pill && pill->a >= 1)
                check_text_on(format, name, style, where, *pill, "its own background");
            return;
        }
        const Box& b = elements[index].box;
        if (auto ground = ground_at(elements, index, b.x + b.w / 2, b.y + b.h / 2))
            check_text_on(format, name, style, where, ground->colour, ground->what);
    }

    void check_text_on(const std::string& format, const std::string& name, const TextStyle& style,
                       const SourceMark& where, std::optional<Rgba> ground, const std::string& what) {
        auto text = colour(style.color);
        if (!text || !ground) return;
        double ratio = contrast_ratio(over(*text, *ground), *ground);
        double needed = style.size >= kLargeSize && style.weight >= kBold ? kGraphicContrast : kTextContrast;
        if (ratio >= needed) return;
        diagnostics_.warn({"low-contrast",
                           "'" + name + "' in '" + style.color.token + "' has a contrast of " + contrast_text(ratio, needed) + " on " +
                               what + " with brand '" + brand_.id + "', under the " + contrast_text(needed) +
                               " WCAG AA needs; change its colour in the template, or the fill under it",
                           format, where});
    }

    const Template& tmpl_;
    const Brand& brand_;
    Diagnostics& diagnostics_;
};

}  // namespace

// Errors in the file's order, as a spec's are.
void check_template_design(const Template& tmpl, std::vector<SpecProblem>& errors, Diagnostics& diagnostics) {
    check_fields(tmpl, errors);
    check_floors(tmpl, errors);
    std::stable_sort(errors.begin(), errors.end(), [](const SpecProblem& a, const SpecProblem& b) {
        return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
    });
    if (tmpl.default_brand.empty()) return;
    try {
        Brand brand = load_brand(tmpl.default_brand, tmpl.brand_where);
        ColourCheck(tmpl, brand, diagnostics).run();
    } catch (const SpecError& e) {
        errors.insert(errors.end(), e.problems().begin(), e.problems().end());
    }
}

void check_brand_colours(const Brand& brand, Diagnostics& diagnostics) {
    for (const ColourPair& pair : brand_colour_pairs()) {
        const Rgba& colour = brand.colors.at(pair.colour);
        const Rgba& ground = brand.colors.at(pair.ground);
        double ratio = contrast_ratio(colour, ground);
        if (ratio >= pair.needed) continue;
        // At the colour the kit gives; a verdict's default colour is not in the file, and the
        // strong accent and its text, when the kit leaves them out, come from the accent.
        auto where = brand.colour_where.find(pair.colour);
        if (where == brand.colour_where.end()) where = brand.colour_where.find(pair.ground);
        if (where == brand.colour_where.end()) where = brand.colour_where.find("accent");
        diagnostics.warn({"low-contrast",
                          "'" + std::string(pair.colour) + "' " + to_hex(colour) + " on '" + pair.ground + "' " +
                              to_hex(ground) + " has a contrast of " + contrast_text(ratio, pair.needed) + ", under the " +
                              contrast_text(pair.needed) + " WCAG AA needs for " + pair.use +
                              "; darken or lighten one of the two",
                          "", where != brand.colour_where.end() ? where->second : SourceMark{brand.file.string(), 1, 1}});
    }
}

double legibility_floor(const std::string& role, int width, int height) {
    double floor = role == "headline" ? 72 : role == "body" ? 44 : 32;
    return floor * std::min(width, height) / 1080.0;
}

}  // namespace rupa
