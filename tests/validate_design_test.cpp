// `rupa validate`'s design checks of templates and brand kits: fields declared against fields
// shown, fonts, colour pairs under WCAG AA, legibility floors; and every bundled template and
// kit passes them.
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

using namespace rupa::test;

namespace fs = std::filesystem;

namespace {

// A copy of the demo kit with one line of its brand.yaml replaced.
void write_kit(const fs::path& folder, const std::string& line, const std::string& replacement) {
    const fs::path demo = source_dir() / "templates/brands/demo-kabupaten";
    fs::create_directories(folder);
    fs::copy_file(demo / "logo.svg", folder / "logo.svg");
    std::string yaml = read_file(demo / "brand.yaml");
    size_t at = yaml.find(line);
    REQUIRE(at != std::string::npos);
    write_file(folder / "brand.yaml", yaml.replace(at, line.size(), replacement));
}

}  // namespace

TEST_CASE("every bundled template and brand kit validates with no error and no field or floor problem") {
    std::string files;
    for (const auto& entry : fs::directory_iterator(source_dir() / "templates")) {
        if (fs::exists(entry.path() / "template.yaml")) files += " templates/" + entry.path().filename().string();
    }
    for (const auto& entry : fs::directory_iterator(source_dir() / "templates/brands"))
        files += " templates/brands/" + entry.path().filename().string();
    CommandResult r = run_rupa("validate" + files, source_dir());
    CHECK(r.status == 0);
    CHECK(r.err.find(": error: ") == std::string::npos);
    INFO(r.err);
    CHECK(r.out.find("templates/event/template.yaml: ok\n") != std::string::npos);
    CHECK(r.out.find("templates/brands/demo-kota/brand.yaml: ok\n") != std::string::npos);
}

TEST_CASE("rupa validate reports a field a template shows but does not declare, and one it declares but never shows") {
    ScratchDir dir;
    write_file(dir.path() / "t/template.yaml",
               "id: t\n"
               "brand: demo-kabupaten\n"
               "fields:\n"
               "  title: {max: 60}\n"
               "  kicker: {max: 30}\n"
               "  body: {shown_in: []}\n"
               "layouts:\n"
               "  square:\n"
               "    - {text: title, box: [72, 400, 936, 300], size: 72, color: text}\n"
               "    - {text: place, box: [72, 800, 936, 100], size: 44, color: text}\n");
    CommandResult r = run_rupa("validate t", dir.path());
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "t/template.yaml:5:3: error: 'kicker' is among the template's 'fields' but no layout shows it "
                   "(show it in a layout, or write 'shown_in: []' when it goes only into caption.txt)\n"
                   "t/template.yaml:10:7: error: 'place' is shown by the square layout but is not among the "
                   "template's 'fields' (add 'place:' under 'fields:' with its 'max' and 'sample')\n");
}

TEST_CASE("rupa validate reports a field whose shown_in names a layout that does not show it") {
    ScratchDir dir;
    write_file(dir.path() / "t/template.yaml",
               "id: t\n"
               "brand: demo-kabupaten\n"
               "fields:\n"
               "  title: {max: 60}\n"
               "  date: {shown_in: [square]}\n"
               "layouts:\n"
               "  square:\n"
               "    - {text: title, box: [72, 400, 936, 300], size: 72, color: text}\n");
    CommandResult r = run_rupa("validate t/template.yaml", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err == "t/template.yaml:5:20: error: 'date' is shown in 'square' by its 'shown_in', but the square "
                   "layout does not show it (show it there, or take 'square' out of 'shown_in')\n");
}

TEST_CASE("rupa validate reports a brand kit's font that is not bundled") {
    ScratchDir dir;
    write_kit(dir.path() / "kit", "heading: Inter", "heading: Comic Sans");
    CommandResult r = run_rupa("validate kit", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err == "kit/brand.yaml:17:12: error: font 'Comic Sans' is not among the bundled fonts "
                   "(bundled: Inter, Lato, League Spartan, Manrope, Noto Color Emoji, Noto Sans)\n");
}

TEST_CASE("rupa validate warns of a template's text and shape under WCAG AA on the fill under them, as render does") {
    ScratchDir dir;
    write_file(dir.path() / "t/template.yaml",
               "id: t\n"
               "brand: demo-kabupaten\n"
               "fields:\n"
               "  title: {max: 60}\n"
               "layouts:\n"
               "  square:\n"
               "    - {rect: panel, box: [0, 0, 1080, 1080], fill: primary}\n"
               "    - {rect: bar, box: [72, 300, 160, 24], fill: ink}\n"
               "    - {text: title, box: [72, 400, 936, 300], size: 44, color: muted}\n");
    CommandResult r = run_rupa("validate t/template.yaml", dir.path());
    CHECK(r.status == 0);
    CHECK(r.out == "t/template.yaml: ok (2 warnings)\n");
    CHECK(r.err == "t/template.yaml:8:7: warning: 'bar' in 'ink' has a contrast of 2.0:1 on the fill of 'panel' "
                   "with brand 'demo-kabupaten', under the 3.0:1 WCAG AA needs for graphics; change its fill, or the "
                   "fill under it [square]\n"
                   "t/template.yaml:9:7: warning: 'title' in 'muted' has a contrast of 1.3:1 on the fill of 'panel' "
                   "with brand 'demo-kabupaten', under the 4.5:1 WCAG AA needs; change its colour in the template, "
                   "or the fill under it [square]\n");
}

TEST_CASE("rupa validate measures a rule along a panel's edge against the panel, a bar on the paper against the paper") {
    ScratchDir dir;
    write_file(dir.path() / "t/template.yaml",
               "id: t\n"
               "brand: demo-kabupaten\n"
               "fields:\n"
               "  title: {max: 60}\n"
               "layouts:\n"
               "  square:\n"
               "    - {rect: header, box: [0, 0, 1080, 330], fill: primary}\n"
               "    - {rect: rule, box: [0, 330, 1080, 8], fill: accent}\n"
               "    - {rect: bar, box: [72, 600, 160, 24], fill: accent}\n"
               "    - {text: title, box: [72, 400, 936, 150], size: 72, color: text}\n");
    CommandResult r = run_rupa("validate t/template.yaml", dir.path());
    CHECK(r.status == 0);
    CHECK(r.out == "t/template.yaml: ok (1 warning)\n");
    CHECK(r.err == "t/template.yaml:9:7: warning: 'bar' in 'accent' has a contrast of 1.7:1 on the background "
                   "with brand 'demo-kabupaten', under the 3.0:1 WCAG AA needs for graphics; change its fill, or the "
                   "fill under it [square]\n");
}

TEST_CASE("rupa validate warns of a brand kit's text colour under WCAG AA on its ground") {
    ScratchDir dir;
    write_kit(dir.path() / "kit", "muted: \"#4F5F68\"", "muted: \"#A0A8AC\"");
    CommandResult r = run_rupa("validate kit", dir.path());
    CHECK(r.status == 0);
    CHECK(r.out == "kit/brand.yaml: ok (1 warning)\n");
    CHECK(r.err == "kit/brand.yaml:13:10: warning: 'muted' #A0A8AC on 'background' #F6F4EE has a contrast of 2.2:1, "
                   "under the 4.5:1 WCAG AA needs for small print on the background; darken or lighten one of the two\n");
}

TEST_CASE("rupa validate warns of a brand kit's accent-strong that does not stand out 3:1 on its grounds") {
    ScratchDir dir;
    write_kit(dir.path() / "kit", "paper: \"#FFFFFF\"", "paper: \"#FFFFFF\"\n  accent-strong: \"#F4B41A\"");
    CommandResult r = run_rupa("validate kit", dir.path());
    CHECK(r.status == 0);
    CHECK(r.out == "kit/brand.yaml: ok (2 warnings)\n");
    CHECK(r.err == "kit/brand.yaml:16:18: warning: 'accent-strong' #F4B41A on 'background' #F6F4EE has a contrast of 1.7:1, "
                   "under the 3.0:1 WCAG AA needs for date blocks, numbered discs and kicker pills on the background; "
                   "darken or lighten one of the two\n"
                   "kit/brand.yaml:16:18: warning: 'accent-strong' #F4B41A on 'paper' #FFFFFF has a contrast of 1.8:1, "
                   "under the 3.0:1 WCAG AA needs for date blocks, numbered discs and kicker pills on the paper; "
                   "darken or lighten one of the two\n");
}

TEST_CASE("rupa validate reports text under the legibility floor of its role, scaled to the canvas") {
    ScratchDir dir;
    write_file(dir.path() / "t/template.yaml",
               "id: t\n"
               "brand: demo-kabupaten\n"
               "fields:\n"
               "  title: {max: 60}\n"
               "  source: {max: 60}\n"
               "styles:\n"
               "  title: {role: headline, size: 80, min_size: 60, color: text}\n"
               "layouts:\n"
               "  square:\n"
               "    - {text: title, box: [72, 400, 936, 300], style: title}\n"
               "    - {text: source, box: [72, 900, 936, 100], size: 30, color: text}\n"
               "  landscape:\n"
               "    - {text: title, box: [45, 200, 1110, 300], style: title, size: 46, min_size: 45}\n"
               "    - {text: source, box: [45, 550, 1110, 80], size: 20, color: text}\n");
    CommandResult r = run_rupa("validate t/template.yaml", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err == "t/template.yaml:10:7: error: 'title' may shrink to 60 px, under the 72 px floor of a headline on "
                   "the square canvas (raise its 'min_size' to 72 px or more, and give the text the room it then needs)\n"
                   "t/template.yaml:11:7: error: 'source' is 30 px, under the 32 px floor of any text on the square "
                   "canvas (raise its 'size' to 32 px or more)\n");
}

TEST_CASE("the bundled templates that keep the legibility floors say so: their headline and body styles carry a role") {
    // Which style of each template is its headline and which its body text; validate (above)
    // then holds them to 72 and 44 px on a 1080 short side.
    const std::vector<std::tuple<std::string, std::string, std::string>> roles = {
        {"agenda", "title", "headline"},      {"agenda", "item-title", "body"},
        {"announcement", "title", "headline"}, {"announcement", "subtitle", "body"}, {"announcement", "point", "body"},
        {"event", "title", "headline"},      {"highlights", "title", "headline"}, {"hoax", "fact", "body"},
        {"hoax", "claim", "small"},          {"profile", "name", "headline"},     {"profile", "role", "body"},
        {"quote", "quote", "body"},          {"slideshow", "title", "headline"},  {"stats", "title", "headline"},
        {"stats", "label", "body"},
    };
    for (const auto& [id, style, role] : roles) {
        INFO(id << "'s style " << style);
        YAML::Node tmpl = YAML::LoadFile((source_dir() / "templates" / id / "template.yaml").string());
        REQUIRE(tmpl["styles"][style]);
        CHECK(tmpl["styles"][style]["role"].as<std::string>("") == role);
    }
}
