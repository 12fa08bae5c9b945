// Honest limits: every built-in template renders whole in every still format it lists with
// each text at the most characters its `fields:` declare (long Indonesian words, the widest
// date) and each list at its most entries; one character or one entry more is a warning.
// The specs are made from the templates' own declarations, so a limit raised without room
// for it fails here.
#include "pipeline/render_job.hpp"
#include "spec/spec_keys.hpp"
#include "template/template_reader.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>

using namespace rupa;
using namespace rupa::test;
namespace fs = std::filesystem;

namespace {

// The built-in templates, whose declared limits hold in every format.
const std::vector<std::string> kTemplates = {"event", "quote", "agenda", "stats", "hoax", "announcement", "slideshow", "profile"};

// Long words of Indonesian government posts, the words that break lines worst, and one word
// of every length from 2 to 15 letters to end a text on exactly the length asked for.
const std::vector<std::string> kLongWords = {"Penyelenggaraan", "Kabupaten",  "Sukamakmur",  "Kecamatan",
                                             "Tanjungpinang",   "Timur",      "Pemberdayaan", "Masyarakat",
                                             "Pelaksanaan",     "Penanggulangan"};
const std::map<size_t, std::string> kWordOfLength = {
    {2, "di"},          {3, "dan"},          {4, "Desa"},          {5, "Pasar"},
    {6, "Kantor"},      {7, "Selatan"},      {8, "Pedesaan"},      {9, "Kecamatan"},
    {10, "Sukamakmur"}, {11, "Pelaksanaan"}, {12, "Pemberdayaan"}, {13, "Tanjungpinang"},
    {14, "Penanggulangan"}, {15, "Penyelenggaraan"}};

// Exactly `n` characters of long words; `start` varies which words lead.
std::string long_text(size_t n, size_t start) {
    if (n < 2) return std::string(n, 'A');
    std::string text;
    for (size_t i = start; n - text.size() > 17; ++i) text += (text.empty() ? "" : " ") + kLongWords[i % kLongWords.size()];
    size_t rest = n - text.size() - (text.empty() ? 0 : 1);
    std::string tail;
    if (rest <= 15) {
        tail = kWordOfLength.at(rest);
    } else {
        size_t first = std::min<size_t>(15, rest - 3);
        tail = kWordOfLength.at(first) + " " + kWordOfLength.at(rest - first - 1);
    }
    return text + (text.empty() ? "" : " ") + tail;
}

// A figure of `n` characters as wide as figures get: "88.888.888" (quoted in the spec, so
// that it is shown as written, whatever YAML would read it as).
std::string wide_figure(size_t n) {
    std::string text;
    for (size_t digits = 0; text.size() < n; ++digits) text.insert(0, digits && digits % 3 == 0 && text.size() + 1 < n ? "8." : "8");
    return text;
}

int part_max(const FieldSpec& f, const std::string& part, int otherwise) {
    auto it = f.part_max.find(part);
    return it == f.part_max.end() ? otherwise : it->second;
}

// The content of a spec filling every field `t` declares to its limits, `over` characters and
// entries beyond them. A field without a limit gets a plain value.
std::string content_at_limits(const Template& t, int over) {
    std::string yaml;
    size_t start = 0;
    auto text = [&](int max) { return long_text(size_t(std::max(1, max + over)), start++); };
    // A spec never has more than 6 stats (the reader refuses a seventh), whatever the limit.
    auto entries = [&](const FieldSpec& f) {
        int n = f.max_entries > 0 ? f.max_entries + over : 3;
        return f.name == "stats" ? std::min(n, int(kMaxStats)) : n;
    };
    for (const FieldSpec& f : t.fields) {
        const std::string& n = f.name;
        if (n == "date") yaml += "  date: 2024-09-29\n";  // Minggu, 29 September 2024: the widest
        else if (n == "time") yaml += "  time: \"08:00\"\n";
        else if (n == "photo") yaml += "  photo: photos/a.jpg\n";
        else if (n == "photos") {
            yaml += "  photos:\n";
            for (int i = 0; i < entries(f); ++i) yaml += "    - photos/a.jpg\n";
        }
        else if (n == "verdict") yaml += "  verdict: disinformasi\n";
        else if (n == "points") {
            yaml += "  points:\n";
            for (int i = 0; i < entries(f); ++i) yaml += "    - " + text(f.max_chars > 0 ? f.max_chars : 30) + "\n";
        } else if (n == "stats") {
            yaml += "  stats:\n";
            for (int i = 0; i < entries(f); ++i)
                yaml += "    - {value: \"" + wide_figure(size_t(part_max(f, "value", 8 - over) + over)) + "\", unit: " +
                        text(part_max(f, "unit", 4 - over)) + ", label: " + text(part_max(f, "label", 30 - over)) + "}\n";
        } else if (n == "items") {
            yaml += "  items:\n";
            for (int i = 0; i < entries(f); ++i)
                yaml += "    - {date: 2024-09-29, time: \"13:30\", title: " + text(part_max(f, "title", 30 - over)) +
                        ", place: " + text(part_max(f, "place", 30 - over)) + "}\n";
        } else if (n == "quote") {
            yaml += "  quote: {text: " + text(part_max(f, "text", 60 - over)) + ", by: " + text(part_max(f, "by", 20 - over)) +
                    ", role: " + text(part_max(f, "role", 20 - over)) + "}\n";
        } else if (n != "photos" && n != "hashtags" && (f.max_chars > 0 || f.required)) {
            yaml += "  " + n + ": " + text(f.max_chars > 0 ? f.max_chars : 30 - over) + "\n";
        }
    }
    return yaml;
}

// A spec folder for template `id` at its limits (plus `over`), with the sample photo.
struct LimitSpec {
    ScratchDir dir;
    Template tmpl;
    LimitSpec(const std::string& id, int over)
        : tmpl(read_template(source_dir() / "templates" / id / "template.yaml", id + "/template.yaml")) {
        fs::create_directories(dir.path() / "photos");
        fs::copy_file(source_dir() / "samples/photos/sawah.jpg", dir.path() / "photos/a.jpg");
        std::string formats;
        for (const auto& f : tmpl.formats) formats += (formats.empty() ? "" : ", ") + f;
        write_file(dir.path() / "post.yaml", "template: " + id + "\nformats: [" + formats + "]\ncontent:\n" +
                                                 content_at_limits(tmpl, over));
    }
    RenderPlan plan(Diagnostics& diagnostics) const {
        RenderRequest request;
        request.spec_file = dir.path() / "post.yaml";
        return plan_render(request, diagnostics);
    }
};

}  // namespace

TEST_CASE("long words make texts of exactly the length asked for") {
    for (size_t n : {2, 5, 16, 17, 18, 40, 61, 85, 90, 160, 320}) {
        std::string t = long_text(n, n);
        INFO(t);
        CHECK(t.size() == n);
        CHECK(t.front() != ' ');
        CHECK(t.find("  ") == std::string::npos);
    }
    CHECK(wide_figure(10) == "88.888.888");
    CHECK(wide_figure(3) == "888");
}

TEST_CASE("every built-in template renders whole at its declared limits in every format it lists") {
    for (const std::string& id : kTemplates) {
        INFO("template " << id);
        LimitSpec spec(id, 0);
        INFO(read_file(spec.dir.path() / "post.yaml"));
        Diagnostics diagnostics;
        RenderPlan plan = spec.plan(diagnostics);
        for (const Warning& w : diagnostics.warnings()) {
            INFO(w.to_string());
            CHECK(w.code != "content-does-not-fit");
            CHECK(w.code != "text-too-long");
            CHECK(w.code != "too-many-entries");
            CHECK(w.code != "outside-safe-zone");
        }
        REQUIRE(plan.scenes.size() == spec.tmpl.formats.size());
        for (size_t i = 0; i < plan.scenes.size(); ++i) {
            CHECK(plan.scenes[i].whole);
            check_ink(plan.scenes[i], std::string(plan.formats[i]->id));
        }
        // The program itself: exit 0 and a PNG for every format.
        CommandResult run = run_rupa("render post.yaml -o out", spec.dir.path());
        INFO(run.err);
        CHECK(run.status == 0);
        for (const std::string& format : spec.tmpl.formats) CHECK(fs::exists(spec.dir.path() / "out/post" / (format + ".png")));
    }
}

TEST_CASE("one character or one entry over a template's limits is a warning at the field") {
    for (const std::string& id : kTemplates) {
        INFO("template " << id);
        LimitSpec spec(id, 1);
        Diagnostics diagnostics;
        spec.plan(diagnostics);
        auto warned = [&](const std::string& code, const std::string& start) {
            for (const Warning& w : diagnostics.warnings())
                if (w.code == code && w.message.rfind(start, 0) == 0) return true;
            return false;
        };
        for (const FieldSpec& f : spec.tmpl.fields) {
            INFO("field " << f.name);
            if (f.max_chars > 0 && f.name != "points") CHECK(warned("text-too-long", "'" + f.name + "' has " + std::to_string(f.max_chars + 1) + " characters"));
            if (f.name == "points" && f.max_chars > 0) CHECK(warned("text-too-long", "'points' entry 1 has " + std::to_string(f.max_chars + 1) + " characters"));
            if (f.max_entries > 0 && !(f.name == "stats" && size_t(f.max_entries) == kMaxStats))
                CHECK(warned("too-many-entries", "'" + f.name + "' has " + std::to_string(f.max_entries + 1) + " entries"));
            for (const auto& [part, max] : f.part_max) {
                std::string what = f.name == "quote" ? "'quote." + part + "'" : "'" + f.name + "' entry 1's " + part;
                CHECK(warned("text-too-long", what + " has " + std::to_string(max + 1) + " characters"));
            }
        }
    }
}
