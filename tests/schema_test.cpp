// The JSON Schemas of schemas/: written from the readers' own key tables, shipped as they are
// written, and accepting what rupa accepts among the bundled files and refusing what it refuses.
#include "schema/json_schema.hpp"
#include "spec/spec.hpp"
#include "spec/spec_keys.hpp"
#include "template/brand.hpp"
#include "template/template_keys.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

using namespace rupa;
using namespace rupa::test;
namespace fs = std::filesystem;

TEST_CASE("the shipped JSON Schemas are what the readers' key tables make now") {
    for (const std::string& kind : schema_kinds()) {
        INFO("schemas/" << kind << ".schema.json");
        fs::path shipped = source_dir() / "schemas" / (kind + ".schema.json");
        REQUIRE_MESSAGE(fs::exists(shipped), "missing: run scripts/update-schemas.sh");
        bool same = read_file(shipped) == json_schema(kind);
        CHECK_MESSAGE(same, "schemas/" << kind << ".schema.json differs from the readers' key tables: "
                                        "run scripts/update-schemas.sh and commit schemas/");
        // The hidden command the script runs prints the same text.
        CommandResult printed = run_rupa("schema " + kind, source_dir());
        CHECK(printed.status == 0);
        CHECK(printed.out == json_schema(kind));
    }
    CommandResult unknown = run_rupa("schema spek", source_dir());
    CHECK(unknown.status == 2);
}

TEST_CASE("a content field in the spec schema takes the kind of value and the range the reader does") {
    auto spec = nlohmann::json::parse(json_schema("spec"));
    const auto& content = spec["definitions"]["content"];
    CHECK(content["additionalProperties"] == false);
    CHECK(content["properties"].size() == content_fields().size());
    CHECK(content["properties"]["title"]["description"] == "Judul unggahan.");
    CHECK(content["properties"]["title"]["markdownDescription"] == "Judul unggahan.\n\n*English:* The post's headline.");
    CHECK(content["properties"]["stats"]["minItems"] == 1);
    CHECK(content["properties"]["stats"]["maxItems"] == 6);
    CHECK(content["properties"]["verdict"]["anyOf"][0]["enum"] ==
          nlohmann::json({"hoaks", "disinformasi", "misinformasi", "fakta"}));
    const auto& video = spec["definitions"]["video"]["properties"];
    CHECK(video["duration"]["minimum"] == 0.1);
    CHECK(video["duration"]["maximum"] == 180);
    CHECK(spec["required"] == nlohmann::json({"template", "content"}));

    auto tmpl = nlohmann::json::parse(json_schema("template"));
    const auto& text = tmpl["definitions"]["element_text"];
    CHECK(text["required"] == nlohmann::json({"text", "box"}));
    CHECK(text["properties"]["size"]["minimum"] == 8);
    CHECK(text["properties"]["size"]["maximum"] == 1000);
    CHECK(text["properties"].size() == element_keys("text").size());

    auto brand = nlohmann::json::parse(json_schema("brand"));
    CHECK(brand["properties"]["timezone"]["anyOf"][0]["enum"] == nlohmann::json({"WIB", "WITA", "WIT"}));
    CHECK(brand["definitions"]["colors"]["required"] == nlohmann::json(brand_color_tokens()));
}

TEST_CASE("every key a reader checks is described in Indonesian and in English") {
    std::vector<const KeyTable*> tables = {
        &spec_keys(),       &content_fields(),   &video_keys(),        &scene_keys(),      &stat_keys(),
        &quote_keys(),      &item_keys(),        &photo_keys(),        &caption_keys(),    &transition_keys(),
        &template_keys(),   &field_rule_keys(),  &style_keys(),        &flow_keys(),       &stack_item_keys(),
        &list_item_keys(),  &part_keys(),        &motion_keys(),       &element_motion_keys(), &movement_keys(),
        &outro_keys(),      &motion_transition_keys(), &slides_keys(), &brand_keys(),      &brand_caption_keys(),
        &brand_colour_keys(), &brand_font_keys()};
    for (const std::string& kind : element_kinds()) tables.push_back(&element_keys(kind));
    for (const KeyTable* table : tables)
        for (const KeyDoc& key : *table) {
            INFO("key '" << key.name << "'");
            CHECK(!key.id.empty());
            CHECK(!key.en.empty());
            CHECK(key.id != key.en);
        }
}

TEST_CASE("a brand kit's verdict colour keys are the verdict colours rupa has defaults for") {
    std::vector<std::string> from_table;
    for (const KeyDoc& key : brand_colour_keys())
        if (key.name.starts_with("verdict-")) from_table.push_back(key.name);
    std::vector<std::string> defaults;
    for (const auto& [token, colour] : default_verdict_colors()) defaults.push_back(token);
    CHECK(from_table == defaults);
}

namespace {

// Node.js, which the test set-up installs for the schema check (scripts/setup.sh --with-tests).
std::string node() {
    for (const char* path : {"/usr/bin/node", "/usr/bin/nodejs"})
        if (fs::exists(path)) return path;
    return {};
}

// The files of tests/schema/, wrong on purpose, and the error rupa gives each.
const std::vector<std::pair<std::string, std::string>> kWrongFiles = {
    {"unknown-content-field.spec.yaml", ":3:3: error: unknown field 'tittle' (did you mean 'title'?)"},
    {"unknown-top-field.spec.yaml", ":4:1: error: unknown field 'vidio' (did you mean 'video'?)"},
    {"stats-as-text.spec.yaml", ":4:10: error: 'stats' must be a list of {value, label}, not a single value"},
    {"verdict-in-english.spec.yaml", ":4:12: error: unknown verdict 'hoax' (did you mean 'hoaks'? verdicts are written in Indonesian)"},
    {"music-too-loud.spec.yaml", ":5:17: error: 'music_volume' must be between 0 and 1 (0 is silent, 1 as loud as the file; got 2)"},
    {"unknown-element-key.template.yaml", ":3:64: error: unknown field 'colr' (did you mean 'color'?)"},
    {"size-as-words.template.yaml", ":3:70: error: 'size' must be a number (got 'besar')"},
    {"unknown-field.brand.yaml", ":2:1: error: unknown field 'logo_file'"},
    {"colour-by-name.brand.yaml", ":3:19: error: 'green' is not a colour (write it as #RRGGBB)"},
    {"timezone-gmt.brand.yaml", ":5:11: error: unknown timezone 'GMT+7'"},
};

}  // namespace

TEST_CASE("rupa validate refuses each file of tests/schema, wrong on purpose, at its line") {
    size_t listed = 0;
    for (const auto& entry : fs::directory_iterator(source_dir() / "tests/schema"))
        if (entry.path().extension() == ".yaml") ++listed;
    CHECK(listed == kWrongFiles.size());
    for (const auto& [file, error] : kWrongFiles) {
        INFO(file);
        CommandResult r = run_rupa("validate tests/schema/" + file, source_dir());
        CHECK(r.status == 2);
        CHECK(r.err.find("tests/schema/" + file + error) != std::string::npos);
    }
}

TEST_CASE("ajv accepts every sample, template and brand kit against its schema, and refuses the wrong files") {
    std::string program = node();
    REQUIRE_MESSAGE(!program.empty(), "no Node.js: run scripts/setup.sh --with-tests");
    REQUIRE_MESSAGE(fs::exists(source_dir() / "tests/tools/schema-check/node_modules/ajv"),
                    "no ajv: run scripts/setup.sh --with-tests");
    CommandResult r = run_rupa("tests/tools/schema-check/check.mjs .", source_dir(), program);
    INFO(r.out << r.err);
    CHECK(r.status == 0);
    std::vector<std::string> expected;
    for (const auto& entry : fs::directory_iterator(source_dir() / "samples"))
        if (entry.path().extension() == ".yaml") expected.push_back("accepted samples/" + entry.path().filename().string());
    for (const auto& entry : fs::directory_iterator(source_dir() / "templates"))
        if (fs::exists(entry.path() / "template.yaml"))
            expected.push_back("accepted templates/" + entry.path().filename().string() + "/template.yaml");
    for (const auto& entry : fs::directory_iterator(source_dir() / "templates/brands"))
        expected.push_back("accepted templates/brands/" + entry.path().filename().string() + "/brand.yaml");
    for (const auto& [file, error] : kWrongFiles) expected.push_back("rejected tests/schema/" + file + ":");
    CHECK(expected.size() > 20);
    for (const std::string& line : expected) {
        INFO(line);
        CHECK(r.out.find(line) != std::string::npos);
    }
    CHECK(r.out.find(std::to_string(expected.size()) + " passed, 0 failed") != std::string::npos);
}
