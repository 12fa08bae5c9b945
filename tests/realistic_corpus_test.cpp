// The realistic corpus (tests/realistic/, listed in its README.md): posts as an admin of a
// regional government writes them, for every bundled still template. Each is rendered in every
// still format its template lists. A post within its template's limits comes out whole in
// each (exit 0, a PNG per format, every text's ink inside its box and the canvas, no text
// cut, shrunk past its floor, hidden or left out); a `just-over-*` post, past a declared
// limit but still fitting, the same with a warning at the field; an `over-*` post fails the
// formats it cannot fill whole (exit 1, no PNG for them, the others written) with a report
// that names the field at its line in the spec.
#include "pipeline/render_job.hpp"
#include "spec/format.hpp"
#include "spec/yaml_source.hpp"
#include "template/template_reader.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

using namespace rupa;
using namespace rupa::test;
namespace fs = std::filesystem;

namespace {

fs::path corpus_dir() { return source_dir() / "tests/realistic"; }

// The corpus's specs by name (the file name without ".yaml"), sorted.
std::vector<std::string> corpus_specs() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(corpus_dir()))
        if (entry.path().extension() == ".yaml") names.push_back(entry.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::string template_of(const std::string& name) {
    return YAML::LoadFile((corpus_dir() / (name + ".yaml")).string())["template"].as<std::string>();
}

// The still formats template `id` lists, in its order.
std::vector<std::string> still_formats(const std::string& id) {
    Template t = read_template(source_dir() / "templates" / id / "template.yaml", id + "/template.yaml");
    std::vector<std::string> stills;
    for (const std::string& f : t.formats)
        if (const Format* format = find_format(f); format && format->kind == FormatKind::still) stills.push_back(f);
    return stills;
}

// Warnings that say nothing about the post's content fitting: the sample photos are 1280 to
// 1920 px wide, so a full-height story crop enlarges them 1.5x or more, and a template's
// colour over a bright photo is the template's matter. Every other warning fails a post
// within its limits.
const std::set<std::string> kAboutPhotosOnly = {"photo-upscaled", "low-contrast"};

// The formats each `over-*` post cannot fill whole; the others are written.
const std::map<std::string, std::set<std::string>> kRefused = {
    {"over-agenda-six-entries", {"square", "portrait", "story", "landscape"}},
    {"over-agenda-title", {"portrait"}},
    {"over-announcement-four-points", {"story"}},
    {"over-announcement-long-points", {"square", "portrait", "story", "landscape"}},
    {"over-event-title", {"square", "portrait", "story", "landscape"}},
    {"over-hoax-claim", {"square", "portrait", "story", "landscape"}},
    {"over-profile-six-facts", {"square", "portrait", "story", "landscape"}},
    {"over-quote-400", {"square", "story", "landscape"}},
    {"over-stats-long-values", {"square", "portrait", "story", "landscape"}},
};

// The corpus and the sample photos in a scratch folder, as an admin's folder holds them.
struct CorpusFolder {
    ScratchDir dir;
    CorpusFolder() {
        fs::copy(source_dir() / "samples/photos", dir.path() / "photos");
        for (const std::string& name : corpus_specs())
            fs::copy_file(corpus_dir() / (name + ".yaml"), dir.path() / (name + ".yaml"));
    }
    RenderPlan plan(const std::string& name, const std::vector<std::string>& formats, Diagnostics& diagnostics) const {
        RenderRequest request;
        request.spec_file = dir.path() / (name + ".yaml");
        request.formats = formats;
        return plan_render(request, diagnostics);
    }
    CommandResult render(const std::string& name, const std::vector<std::string>& formats) const {
        return run_rupa("render " + name + ".yaml --formats " + join(formats, ",") + " -o out", dir.path());
    }
    fs::path png(const std::string& name, const std::string& format) const {
        return dir.path() / "out" / name / (format + ".png");
    }
};

}  // namespace

TEST_CASE("the realistic corpus holds 40 posts or more, covers every still template and is listed in its README") {
    std::vector<std::string> names = corpus_specs();
    CHECK(names.size() >= 40);
    std::string readme = read_file(corpus_dir() / "README.md");
    std::set<std::string> templates;
    for (const std::string& name : names) {
        INFO(name);
        CHECK(readme.find("`" + name + ".yaml`") != std::string::npos);
        templates.insert(template_of(name));
        if (name.starts_with("over-")) CHECK(kRefused.count(name) == 1);
    }
    for (const auto& [name, formats] : kRefused) CHECK(std::find(names.begin(), names.end(), name) != names.end());
    CHECK(templates == std::set<std::string>{"agenda", "announcement", "event", "hoax", "outro", "photo", "profile",
                                             "quote", "slideshow", "stats"});
}

TEST_CASE("every realistic post that is not over its template's limits renders whole in every still format") {
    CorpusFolder corpus;
    for (const std::string& name : corpus_specs()) {
        if (name.starts_with("over-")) continue;
        bool just_over = name.starts_with("just-over-");
        std::vector<std::string> formats = still_formats(template_of(name));
        INFO("post " << name << " in " << join(formats, ", "));
        REQUIRE(!formats.empty());

        Diagnostics diagnostics;
        RenderPlan plan = corpus.plan(name, formats, diagnostics);
        bool warned_at_limit = false;
        for (const Warning& w : diagnostics.warnings()) {
            INFO(w.to_string());
            bool past_limit = w.code == "text-too-long" || w.code == "too-many-entries";
            warned_at_limit = warned_at_limit || past_limit;
            CHECK((kAboutPhotosOnly.count(w.code) == 1 || (just_over && past_limit)));
            // A contrast under its threshold never reads as the threshold ("4.5:1, under the
            // 4.5:1 WCAG AA needs").
            if (w.code == "low-contrast") {
                size_t at = w.message.find("a contrast of "), under = w.message.find("under the ");
                REQUIRE(at != std::string::npos);
                REQUIRE(under != std::string::npos);
                CHECK(std::stod(w.message.substr(at + 14)) < std::stod(w.message.substr(under + 10)));
            }
            // A past-limit warning names its field at its line in the spec.
            if (past_limit) {
                CHECK(fs::path(w.where.file).filename() == name + ".yaml");
                CHECK(w.where.line > 0);
                CHECK(w.message.rfind("'", 0) == 0);
            }
        }
        CHECK(warned_at_limit == just_over);
        REQUIRE(plan.scenes.size() == formats.size());
        for (size_t i = 0; i < plan.scenes.size(); ++i) {
            CHECK(plan.scenes[i].whole);
            check_ink(plan.scenes[i], std::string(plan.formats[i]->id));
        }

        CommandResult run = corpus.render(name, formats);
        INFO(run.err);
        CHECK(run.status == 0);
        CHECK(run.err.find("error") == std::string::npos);
        for (const std::string& format : formats) CHECK(fs::exists(corpus.png(name, format)));
    }
}

TEST_CASE("every realistic post over its template's limits fails only the formats it cannot fill, at the field's line") {
    CorpusFolder corpus;
    for (const auto& [name, refused] : kRefused) {
        std::vector<std::string> formats = still_formats(template_of(name));
        INFO("post " << name);
        CommandResult run = corpus.render(name, formats);
        INFO(run.err);
        CHECK(run.status == 1);
        std::vector<std::string> lines = split_lines(run.err);
        auto has_line = [&](const std::string& line) { return std::find(lines.begin(), lines.end(), line) != lines.end(); };
        for (const std::string& format : formats) {
            INFO("format " << format);
            bool fails = refused.count(format) == 1;
            CHECK(fs::exists(corpus.png(name, format)) == !fails);
            CHECK(has_line(name + ".yaml: error: could not render '" + format + "'") == fails);
            // Each failed format is reported at a field's line and column in the spec:
            // "NAME.yaml:LINE:COL: error: 'FIELD' does not fit the FORMAT layout ... [FORMAT]".
            bool located = false;
            for (const std::string& line : lines) {
                std::string tail = " layout even at its smallest size: ";
                size_t does = line.find(" does not fit the " + format + tail);
                if (!line.starts_with(name + ".yaml:") || does == std::string::npos) continue;
                size_t error = line.find(": error: '");
                CHECK(error != std::string::npos);
                CHECK(error < does);
                CHECK(line.substr(line.size() - format.size() - 3) == " [" + format + "]");
                // LINE:COL between the file name and ": error:".
                std::string place = line.substr(name.size() + 6, error - name.size() - 6);
                CHECK(place.find(':') != std::string::npos);
                CHECK(place.find_first_not_of("0123456789:") == std::string::npos);
                located = true;
            }
            CHECK(located == fails);
        }
    }
}

TEST_CASE("the refusals of realistic posts over their limits, verbatim") {
    CorpusFolder corpus;
    auto err_of = [&](const std::string& name) {
        return corpus.render(name, still_formats(template_of(name))).err;
    };
    CHECK(err_of("over-event-title") ==
          "over-event-title.yaml:6:10: warning: 'title' has 251 characters; template 'event' is designed for 75\n"
          "over-event-title.yaml:6:10: error: 'title' does not fit the square layout even at its smallest size: about 96 of its 251 characters fit; shorten it [square]\n"
          "over-event-title.yaml:6:10: error: 'title' does not fit the portrait layout even at its smallest size: about 96 of its 251 characters fit; shorten it [portrait]\n"
          "over-event-title.yaml:6:10: error: 'title' does not fit the story layout even at its smallest size: about 135 of its 251 characters fit; shorten it [story]\n"
          "over-event-title.yaml:6:10: error: 'title' does not fit the landscape layout even at its smallest size: about 100 of its 251 characters fit; shorten it [landscape]\n"
          "over-event-title.yaml: error: could not render 'square'\n"
          "over-event-title.yaml: error: could not render 'portrait'\n"
          "over-event-title.yaml: error: could not render 'story'\n"
          "over-event-title.yaml: error: could not render 'landscape'\n");
    // The report points at the first entry that does not fit: the sixth in the portrait, the
    // fifth in the square, story and landscape.
    CHECK(err_of("over-agenda-six-entries") ==
          "over-agenda-six-entries.yaml:9:7: warning: 'items' has 6 entries; template 'agenda' is designed for 3\n"
          "over-agenda-six-entries.yaml:9:7: warning: 'items' entry 1's place has 21 characters; template 'agenda' is designed for 20\n"
          "over-agenda-six-entries.yaml:13:7: warning: 'items' entry 2's place has 28 characters; template 'agenda' is designed for 20\n"
          "over-agenda-six-entries.yaml:17:7: warning: 'items' entry 3's place has 22 characters; template 'agenda' is designed for 20\n"
          "over-agenda-six-entries.yaml:25:7: warning: 'items' entry 5's place has 22 characters; template 'agenda' is designed for 20\n"
          "over-agenda-six-entries.yaml:25:7: error: 'items' does not fit the square layout even at its smallest size: about 4 of its 6 entries fit; use fewer or shorter entries [square]\n"
          "over-agenda-six-entries.yaml:29:7: error: 'items' does not fit the portrait layout even at its smallest size: about 5 of its 6 entries fit; use fewer or shorter entries [portrait]\n"
          "over-agenda-six-entries.yaml:25:7: error: 'items' does not fit the story layout even at its smallest size: about 4 of its 6 entries fit; use fewer or shorter entries [story]\n"
          "over-agenda-six-entries.yaml:25:7: error: 'items' does not fit the landscape layout even at its smallest size: about 4 of its 6 entries fit; use fewer or shorter entries [landscape]\n"
          "over-agenda-six-entries.yaml: error: could not render 'square'\n"
          "over-agenda-six-entries.yaml: error: could not render 'portrait'\n"
          "over-agenda-six-entries.yaml: error: could not render 'story'\n"
          "over-agenda-six-entries.yaml: error: could not render 'landscape'\n");
    // A value far too wide for the hero at its smallest size: the report points at it.
    // (The lines about the post; a note on the template's chart would be the template's.)
    std::string about_post;
    for (const std::string& line : split_lines(err_of("over-stats-long-values")))
        if (line.starts_with("over-stats-long-values.yaml")) about_post += line + "\n";
    CHECK(about_post ==
          "over-stats-long-values.yaml:9:7: warning: 'stats' entry 1's value has 19 characters; template 'stats' is designed for 8\n"
          "over-stats-long-values.yaml:10:7: warning: 'stats' entry 2's value has 21 characters; template 'stats' is designed for 8\n"
          "over-stats-long-values.yaml:9:7: error: 'stats' does not fit the square layout even at its smallest size: its value is too wide for its place; shorten it (\"1,25 triliun\", not \"1.250.000.000.000\") [square]\n"
          "over-stats-long-values.yaml:9:7: error: 'stats' does not fit the portrait layout even at its smallest size: its value is too wide for its place; shorten it (\"1,25 triliun\", not \"1.250.000.000.000\") [portrait]\n"
          "over-stats-long-values.yaml:9:7: error: 'stats' does not fit the story layout even at its smallest size: its value is too wide for its place; shorten it (\"1,25 triliun\", not \"1.250.000.000.000\") [story]\n"
          "over-stats-long-values.yaml:9:7: error: 'stats' does not fit the landscape layout even at its smallest size: its value is too wide for its place; shorten it (\"1,25 triliun\", not \"1.250.000.000.000\") [landscape]\n"
          "over-stats-long-values.yaml: error: could not render 'square'\n"
          "over-stats-long-values.yaml: error: could not render 'portrait'\n"
          "over-stats-long-values.yaml: error: could not render 'story'\n"
          "over-stats-long-values.yaml: error: could not render 'landscape'\n");
    CHECK(err_of("over-profile-six-facts") ==
          "over-profile-six-facts.yaml:9:7: warning: 'stats' has 6 entries; template 'profile' is designed for 3\n"
          "over-profile-six-facts.yaml:10:7: warning: 'stats' entry 2's label has 26 characters; template 'profile' is designed for 24\n"
          "over-profile-six-facts.yaml:12:7: error: 'stats' does not fit the square layout even at its smallest size: about 3 of its 6 entries fit; use fewer or shorter entries [square]\n"
          "over-profile-six-facts.yaml:12:7: error: 'stats' does not fit the portrait layout even at its smallest size: about 3 of its 6 entries fit; use fewer or shorter entries [portrait]\n"
          "over-profile-six-facts.yaml:12:7: error: 'stats' does not fit the story layout even at its smallest size: about 3 of its 6 entries fit; use fewer or shorter entries [story]\n"
          "over-profile-six-facts.yaml:12:7: error: 'stats' does not fit the landscape layout even at its smallest size: about 3 of its 6 entries fit; use fewer or shorter entries [landscape]\n"
          "over-profile-six-facts.yaml: error: could not render 'square'\n"
          "over-profile-six-facts.yaml: error: could not render 'portrait'\n"
          "over-profile-six-facts.yaml: error: could not render 'story'\n"
          "over-profile-six-facts.yaml: error: could not render 'landscape'\n");
}
