// Writes a JSON Schema from the readers' key tables. Every mapping a reader checks with
// check_keys becomes an object with `additionalProperties: false`; each key carries its
// Indonesian description, and `markdownDescription` (shown by VS Code's YAML extension on
// hover) adds the English. Names matched ignoring case (locales, verdicts, formats, ...) are
// an `enum` for completion or the same words in any case.
#include "schema/json_schema.hpp"

#include "spec/caption_reader.hpp"
#include "spec/format.hpp"
#include "spec/spec.hpp"
#include "spec/spec_keys.hpp"
#include "spec/yaml_source.hpp"
#include "template/brand.hpp"
#include "template/template_keys.hpp"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cmath>
#include <functional>
#include <map>
#include <stdexcept>
#include <string_view>

namespace rupa {

namespace {

using Json = nlohmann::ordered_json;

// What a YAML scalar may be where a reader takes text: yaml-cpp reads `2024` or `true` as
// text too.
Json text_schema() {
    return {{"type", Json::array({"string", "number", "boolean"})}, {"maxLength", kMaxTextLength}};
}

Json list_of(const Json& item) { return {{"type", "array"}, {"items", item}}; }

Json one_or_list(const Json& item) { return {{"anyOf", Json::array({item, list_of(item)})}}; }

Json bounded_number(const Bounds& bounds) {
    Json number = {{"type", "number"}};
    // 180, not 180.0: as a designer writes it.
    auto written = [](double value) { return value == std::floor(value) ? Json(long(value)) : Json(value); };
    if (bounds.given()) {
        number["minimum"] = written(bounds.min);
        number["maximum"] = written(bounds.max);
    }
    return number;
}

// One of `words`, offered for completion, and accepted in any case as the readers do.
Json choice(const std::vector<std::string>& words) {
    std::string any_case;
    for (const std::string& word : words) {
        if (!any_case.empty()) any_case += "|";
        for (char c : word) {
            if (std::isalpha(static_cast<unsigned char>(c)))
                any_case += std::string("[") + char(std::tolower(c)) + char(std::toupper(c)) + "]";
            else if (std::string_view(".^$*+?()[]{}|\\/").find(c) != std::string_view::npos)
                any_case += std::string("\\") + c;
            else
                any_case += c;
        }
    }
    return {{"anyOf", Json::array({{{"enum", words}}, {{"type", "string"}, {"pattern", "^(?:" + any_case + ")$"}}})}};
}

std::vector<std::string> format_ids() {
    std::vector<std::string> ids;
    for (const Format& f : all_formats()) ids.emplace_back(f.id);
    return ids;
}

// A colour token of `tokens` with an optional opacity: "accent", "ink/0.6".
Json colour_token(const std::vector<std::string>& tokens) {
    std::string names;
    for (const std::string& t : tokens) names += (names.empty() ? "" : "|") + t;
    return {{"type", "string"}, {"pattern", "^(?:" + names + ")(?:/(?:0(?:\\.[0-9]+)?|1(?:\\.0+)?|\\.[0-9]+))?$"}};
}

class SchemaWriter {
public:
    // Where a key's kind of value is written: a fragment made from the key, or a definition
    // in $defs (objects, referred to by name).
    using Fragment = std::function<Json(const KeyDoc&)>;

    void kind(const std::string& type, Fragment fragment) { fragments_[type] = std::move(fragment); }
    void kind(const std::string& type, Json schema) {
        fragments_[type] = [schema](const KeyDoc&) { return schema; };
    }
    // A definition `name` in $defs, and the kind of value of the same name referring to it.
    void definition(const std::string& name, Json schema) {
        defs_[name] = std::move(schema);
        kind(name, ref(name));
    }
    static Json ref(const std::string& name) { return {{"$ref", "#/definitions/" + name}}; }

    // A mapping whose keys are `table`'s, and no others.
    Json object(const KeyTable& table, const std::vector<std::string>& required = {}) const {
        Json properties = Json::object();
        for (const KeyDoc& key : table) properties[key.name] = described(value(key), key);
        Json object = {{"type", "object"}, {"properties", properties}, {"additionalProperties", false}};
        if (!required.empty()) object["required"] = required;
        return object;
    }

    Json value(const KeyDoc& key) const {
        auto it = fragments_.find(key.type);
        if (it == fragments_.end())
            throw std::logic_error("the schema writer knows no kind of value '" + key.type + "' (key '" + key.name +
                                   "'): add it to renderer/schema/json_schema.cpp");
        return it->second(key);
    }

    static Json described(Json schema, const KeyDoc& key) {
        Json out = {{"description", key.id}, {"markdownDescription", key.id + "\n\n*English:* " + key.en}};
        for (auto& [name, part] : schema.items()) out[name] = part;
        return out;
    }

    std::string document(const std::string& title, Json root) const {
        Json doc = {{"$schema", "http://json-schema.org/draft-07/schema#"}, {"title", title}};
        for (auto& [name, part] : root.items()) doc[name] = part;
        doc["definitions"] = defs_;
        return doc.dump(2) + "\n";
    }

private:
    std::map<std::string, Fragment> fragments_;
    Json defs_ = Json::object();
};

// The kinds of value every schema shares.
void common_kinds(SchemaWriter& w) {
    w.kind("text", text_schema());
    w.kind("name", text_schema());
    w.kind("path", {{"type", "string"}, {"minLength", 1}});
    w.kind("text-list", one_or_list(text_schema()));
    w.kind("number", [](const KeyDoc& key) { return bounded_number(key.bounds); });
    w.kind("seconds", [](const KeyDoc& key) { return bounded_number(key.bounds); });
    // A number of a template or brand kit, in the range template_keys.hpp gives its name.
    w.kind("ranged", [](const KeyDoc& key) {
        const NumberRange* range = number_range(key.name);
        if (!range) throw std::logic_error("no number range for key '" + key.name + "'");
        return bounded_number({range->min, range->max});
    });
    // yaml-cpp reads yes and no as booleans too.
    w.kind("boolean", {{"enum", Json::array({true, false, "yes", "no"})}});
}

std::string spec_schema() {
    SchemaWriter w;
    common_kinds(w);
    std::vector<std::string> formats = format_ids();
    for (auto platform : all_platform_names()) formats.emplace_back(platform);
    w.kind("locale", choice(locale_names()));
    w.kind("formats", one_or_list(choice(formats)));
    w.kind("verdict", choice(verdict_names()));
    w.kind("date", {{"type", "string"}, {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}});
    // An unquoted 13.30 is a number to a YAML 1.2 reader; rupa reads it as the time it looks like.
    w.kind("time", {{"type", Json::array({"string", "number"})},
                    {"pattern", "^[0-9]{1,2}[:.][0-9]{2}$"},
                    {"minimum", 0},
                    {"maximum", 23.59}});
    w.kind("focus", {{"type", "array"},
                     {"items", {{"type", "number"}, {"minimum", 0}, {"maximum", 1}}},
                     {"minItems", 2},
                     {"maxItems", 2}});
    w.definition("photo_source", w.object(photo_keys(), {"src"}));
    w.kind("photo", {{"anyOf", Json::array({{{"type", "string"}, {"minLength", 1}}, SchemaWriter::ref("photo_source")})}});
    w.kind("photos", list_of(w.value({"", "photo", "", ""})));
    w.kind("stat-value", {{"type", Json::array({"number", "string"})}});
    w.definition("stat", w.object(stat_keys(), {"value"}));
    w.kind("stats", {{"type", "array"},
                     {"items", SchemaWriter::ref("stat")},
                     {"minItems", kMinStats},
                     {"maxItems", kMaxStats}});
    w.definition("quote_parts", w.object(quote_keys(), {"text"}));
    w.kind("quote", {{"anyOf", Json::array({text_schema(), SchemaWriter::ref("quote_parts")})}});
    w.definition("item", w.object(item_keys(), {"title"}));
    w.kind("items", {{"type", "array"}, {"items", SchemaWriter::ref("item")}, {"maxItems", kMaxListEntries}});
    w.definition("content", w.object(content_fields()));
    w.kind("caption-time", {{"type", Json::array({"number", "string"})}});
    w.definition("caption", w.object(caption_keys(), {"text", "from", "to"}));
    w.kind("captions", {{"anyOf", Json::array({{{"type", "string"}, {"pattern", "\\.srt$"}},
                                                {{"type", "array"},
                                                 {"items", SchemaWriter::ref("caption")},
                                                 {"maxItems", kMaxCaptions}}})}});
    w.kind("trim", {{"type", "array"},
                    {"items", {{"type", "number"}, {"minimum", 0}}},
                    {"minItems", 2},
                    {"maxItems", 2}});
    w.kind("scene-transition", choice(scene_transition_names()));
    w.definition("transition_parts", w.object(transition_keys(), {"animation"}));
    w.kind("transition", {{"anyOf", Json::array({choice(scene_transition_names()), SchemaWriter::ref("transition_parts")})}});
    Json scene = w.object(scene_keys());
    // A scene shows a template, photos or a clip.
    Json kinds = Json::array();
    for (const std::string& kind : scene_kind_keys()) kinds.push_back({{"required", Json::array({kind})}});
    scene["anyOf"] = kinds;
    w.definition("scene", scene);
    w.kind("scenes", {{"type", "array"}, {"items", SchemaWriter::ref("scene")}, {"minItems", 1}, {"maxItems", kMaxListEntries}});
    w.definition("video", w.object(video_keys()));
    return w.document("rupa content spec", w.object(spec_keys(), {"template", "content"}));
}

std::string template_schema() {
    SchemaWriter w;
    common_kinds(w);
    const std::vector<std::string> formats = format_ids();
    w.kind("any", Json::object());
    w.kind("template-formats", one_or_list(choice(formats)));
    w.kind("shown-in", one_or_list(choice(formats)));
    w.kind("field-max", {{"anyOf", Json::array({w.value({"max", "ranged", "", ""}),
                                                {{"type", "object"}, {"additionalProperties", w.value({"max", "ranged", "", ""})}}})}});
    w.definition("field_rules", w.object(field_rule_keys()));
    w.kind("fields", {{"type", "object"},
                      {"propertyNames", {{"enum", content_field_names()}}},
                      {"additionalProperties", {{"anyOf", Json::array({{{"type", "null"}}, SchemaWriter::ref("field_rules")})}}}});
    std::vector<std::string> colours = brand_color_tokens();
    colours.push_back("verdict");
    colours.insert(colours.end(), optional_colour_tokens().begin(), optional_colour_tokens().end());
    w.kind("colour", colour_token(colours));
    w.kind("font-token", choice(brand_font_tokens()));
    w.kind("align", choice(align_names()));
    w.kind("role", choice(text_role_names()));
    w.kind("strike", {{"enum", Json::array({true, false, "yes", "no", "refuted"})}});
    w.kind("anchor", choice(anchor_names()));
    w.kind("direction", choice(gradient_directions()));
    w.kind("photo-field", choice(photo_field_names()));
    w.kind("marker", choice(marker_names()));
    w.kind("edge", choice(edge_names()));
    w.kind("list-name", choice(list_field_names()));
    w.kind("if-field", choice(content_field_names()));
    // `columns: 2` is a number to a YAML 1.2 reader and text to rupa's.
    Json columns = Json::array();
    for (const std::string& n : column_counts()) columns.push_back(std::stoi(n));
    for (const std::string& n : column_counts()) columns.push_back(n);
    w.kind("columns", {{"enum", columns}});
    w.kind("box", {{"type", "array"}, {"items", {{"type", "number"}, {"minimum", 0}}}, {"minItems", 4}, {"maxItems", 4}});
    Json padding = w.value({"padding", "ranged", "", ""});
    w.kind("padding", {{"anyOf", Json::array({padding, {{"type", "array"}, {"items", padding}, {"minItems", 2}, {"maxItems", 2}}})}});
    w.kind("style-name", text_schema());
    w.kind("pattern", text_schema());
    std::vector<std::string> ways = edge_names();
    ways.push_back("move");
    w.kind("pull", {{"type", "object"}, {"additionalProperties", choice(ways)}});
    w.definition("flow", w.object(flow_keys(), {"edge"}));
    w.definition("style", w.object(style_keys()));
    w.kind("styles", {{"type", "object"}, {"additionalProperties", SchemaWriter::ref("style")}});
    w.definition("stack_item", w.object(stack_item_keys(), {"text"}));
    w.definition("list_item", w.object(list_item_keys(), {"list"}));
    w.kind("stack-items", list_of({{"anyOf", Json::array({SchemaWriter::ref("stack_item"), SchemaWriter::ref("list_item")})}}));
    w.definition("part", w.object(part_keys()));
    Json elements = Json::array();
    for (const std::string& kind : element_kinds()) {
        w.definition("element_" + kind, w.object(element_keys(kind), {kind, "box"}));
        elements.push_back(SchemaWriter::ref("element_" + kind));
    }
    w.definition("element", {{"anyOf", elements}});
    w.kind("layouts", {{"type", "object"},
                       {"propertyNames", {{"enum", formats}}},
                       {"additionalProperties", list_of(SchemaWriter::ref("element"))}});
    w.kind("enter-kind", choice(enter_kinds()));
    w.kind("motion-transition-kind", choice(motion_transition_names()));
    w.kind("easing", {{"anyOf", Json::array({choice(easing_names()),
                                             {{"type", "array"}, {"items", {{"type", "number"}}}, {"minItems", 4}, {"maxItems", 4}}})}});
    w.definition("movement_parts", w.object(movement_keys()));
    w.kind("movement", {{"anyOf", Json::array({choice(enter_kinds()), SchemaWriter::ref("movement_parts")})}});
    w.definition("element_motion", w.object(element_motion_keys()));
    w.kind("element-motions", {{"type", "object"}, {"additionalProperties", SchemaWriter::ref("element_motion")}});
    w.definition("outro", w.object(outro_keys(), {"template"}));
    w.definition("motion-transition", w.object(motion_transition_keys()));
    w.definition("slides", w.object(slides_keys(), {"each"}));
    w.definition("motion", w.object(motion_keys(), {"duration"}));
    return w.document("rupa template", w.object(template_keys(), {"layouts"}));
}

std::string brand_schema() {
    SchemaWriter w;
    common_kinds(w);
    w.kind("hex-colour", {{"type", "string"}, {"pattern", "^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$"}});
    w.kind("font-family", text_schema());
    w.kind("font-token", choice(brand_font_tokens()));
    std::vector<std::string> colours = brand_color_tokens();
    colours.insert(colours.end(), optional_colour_tokens().begin(), optional_colour_tokens().end());
    w.kind("brand-colour", colour_token(colours));
    w.kind("timezone", choice(timezone_names()));
    w.kind("handles", {{"type", "object"}, {"additionalProperties", text_schema()}});
    w.definition("colors", w.object(brand_colour_keys(), brand_color_tokens()));
    w.definition("fonts", w.object(brand_font_keys(), brand_font_tokens()));
    w.definition("brand-captions", w.object(brand_caption_keys()));
    return w.document("rupa brand kit", w.object(brand_keys(), {"office", "logo", "colors", "fonts"}));
}

}  // namespace

const std::vector<std::string>& schema_kinds() {
    static const std::vector<std::string> kinds = {"spec", "template", "brand"};
    return kinds;
}

std::string json_schema(const std::string& kind) {
    if (kind == "spec") return spec_schema();
    if (kind == "template") return template_schema();
    if (kind == "brand") return brand_schema();
    throw std::invalid_argument("no schema for '" + kind + "'");
}

}  // namespace rupa
