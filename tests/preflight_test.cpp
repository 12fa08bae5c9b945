// Preflight warnings: contrast against what is really behind the text, glyphs no font has,
// photos enlarged too far; and --strict turning them into errors before anything is written.
#include "pipeline/contrast_check.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

using namespace rupa;
using namespace rupa::test;
namespace fs = std::filesystem;

namespace {

// A one-element template whose text colour is `colour` on the brand's background.
void write_plain_template(const fs::path& folder, const std::string& colour) {
    write_file(folder / "t/template.yaml",
               "id: plain\n"
               "brand: demo-kabupaten\n"
               "layouts:\n"
               "  square:\n"
               "    - {text: title, box: [72, 400, 936, 300], size: 64, weight: 400, color: " + colour + "}\n");
}

// A story template whose title sits under the app's buttons; `more` is YAML added after it.
void write_low_story_template(const fs::path& folder, const std::string& more) {
    write_file(folder / "t/template.yaml",
               "id: low\n"
               "brand: demo-kabupaten\n"
               "layouts:\n"
               "  story:\n"
               "    - {text: title, box: [72, 1500, 828, 200], size: 64, color: text}\n" + more);
}

}  // namespace

TEST_CASE("contrast ratios follow WCAG 2.1") {
    CHECK(contrast_ratio({1, 1, 1, 1}, {0, 0, 0, 1}) == doctest::Approx(21.0));
    CHECK(contrast_ratio({1, 1, 1, 1}, {1, 1, 1, 1}) == doctest::Approx(1.0));
    double grey = 0x76 / 255.0;  // #767676, the lightest grey that passes AA on white
    CHECK(contrast_ratio({grey, grey, grey, 1}, {1, 1, 1, 1}) == doctest::Approx(4.54).epsilon(0.01));
}

TEST_CASE("white text on the light paper ground is reported as low contrast") {
    ScratchDir dir;
    write_plain_template(dir.path(), "paper");
    write_file(dir.path() / "post.yaml", "template: t/template.yaml\ncontent:\n  title: Rapat Koordinasi\n");
    CommandResult r = run_rupa("render post.yaml -o out", dir.path());
    CHECK(r.status == 0);
    // The warning points at the spec's title, and names the template's line for its designer.
    CHECK(r.err == "post.yaml:3:10: warning: 'title' has a contrast of 1.1:1 against what is behind it, under "
                   "the 4.5:1 WCAG AA needs; change its colour in the template, or the photo behind it "
                   "(drawn by 'title' at t/template.yaml:5:7) [square]\n");
    auto report = nlohmann::json::parse(read_file(dir.path() / "out/post/render.json"));
    REQUIRE(report["warnings"].size() == 1);
    CHECK(report["warnings"][0]["code"] == "low-contrast");
}

TEST_CASE("dark text on the same ground passes") {
    ScratchDir dir;
    write_plain_template(dir.path(), "text");
    write_file(dir.path() / "post.yaml", "template: t/template.yaml\ncontent:\n  title: Rapat Koordinasi\n");
    CommandResult r = run_rupa("render post.yaml -o out", dir.path());
    CHECK(r.status == 0);
    CHECK(r.err.empty());
}

TEST_CASE("--strict makes a warning an error and writes nothing") {
    ScratchDir dir;
    write_plain_template(dir.path(), "paper");
    write_file(dir.path() / "post.yaml", "template: t/template.yaml\ncontent:\n  title: Rapat Koordinasi\n");
    CommandResult r = run_rupa("render post.yaml -o out --strict", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err == "post.yaml:3:10: error: 'title' has a contrast of 1.1:1 against what is behind it, under "
                   "the 4.5:1 WCAG AA needs; change its colour in the template, or the photo behind it "
                   "(drawn by 'title' at t/template.yaml:5:7) [square] (--strict treats warnings as errors)\n");
    CHECK(is_empty_or_missing(dir.path() / "out"));
}

TEST_CASE("a character that no bundled font has is a warning") {
    ScratchDir dir;
    write_plain_template(dir.path(), "text");
    write_file(dir.path() / "post.yaml",
               "template: t/template.yaml\ncontent:\n  title: \"Rapat \\U00013000 Koordinasi\"\n");
    CommandResult r = run_rupa("render post.yaml -o out", dir.path());
    CHECK(r.status == 0);
    CHECK(r.err == "post.yaml:3:10: warning: 'title' has 1 character(s) that no bundled font can show; they "
                   "would be drawn as boxes: replace or remove them [square]\n");
}

TEST_CASE("a small photo enlarged past 1.5x is a warning naming the photo") {
    ScratchDir dir;
    fs::create_directories(dir.path() / "photos");
    fs::copy_file(test_media_dir() / "rotated-exif6.jpg", dir.path() / "photos/kecil.jpg");
    write_file(dir.path() / "post.yaml",
               "template: event\nformats: [square]\ncontent:\n  title: Rapat\n  photo: photos/kecil.jpg\n");
    CommandResult r = run_rupa("render post.yaml -o out", dir.path());
    CHECK(r.status == 0);
    CHECK(r.err.find("post.yaml:5:10: warning: photo 'photos/kecil.jpg' (640x512) is enlarged 1.7x and "
                     "will look soft; use a larger photo [square]") != std::string::npos);
}

TEST_CASE("text placed under a story's app buttons is outside the safe zone") {
    ScratchDir dir;
    write_low_story_template(dir.path(), "");
    write_file(dir.path() / "post.yaml", "template: t/template.yaml\ncontent:\n  title: Rapat Koordinasi\n");
    CommandResult r = run_rupa("render post.yaml -o out", dir.path());
    CHECK(r.status == 0);
    CHECK(r.err == "post.yaml:3:10: warning: 'title' lies outside the safe zone (x 65-900, y 270-1248), where "
                   "the app's buttons and captions may cover it; shorten it, or move it inside the zone in the "
                   "template (drawn by 'title' at t/template.yaml:5:7) [story]\n");
}

TEST_CASE("a reel playing a story design is named as the reel, once with its story") {
    ScratchDir dir;
    write_low_story_template(dir.path(),
                             "    - {text: office, value: \"{brand.office}\", box: [72, 100, 828, 100], size: 40, color: text}\n"
                             "video: {duration: 4}\n");
    write_file(dir.path() / "post.yaml", "template: t/template.yaml\nformats: [story, reel]\n"
                                         "content:\n  title: Rapat Koordinasi\n");
    CommandResult r = run_rupa("render post.yaml -o out", dir.path());
    CHECK(r.status == 0);
    CHECK(r.err == "post.yaml:4:10: warning: 'title' lies outside the safe zone (x 65-900, y 270-1248), where "
                   "the app's buttons and captions may cover it; shorten it, or move it inside the zone in the "
                   "template (drawn by 'title' at t/template.yaml:5:7) [story, reel]\n"
                   "t/template.yaml:6:7: warning: the template's 'office' lies outside the safe zone "
                   "(x 65-900, y 270-1248), where the app's buttons and captions may cover it; move it inside "
                   "the zone in the template [story, reel]\n");
}
