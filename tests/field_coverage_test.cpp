// Every field shows or warns: which spec fields each built-in template shows in each format,
// and the warning at the spec's line for a field a format leaves out.
#include "pipeline/field_coverage.hpp"
#include "pipeline/render_job.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <map>

using namespace rupa;
using namespace rupa::test;
namespace fs = std::filesystem;

namespace {

// A spec that gives every field a still can show.
std::string spec_with_every_field(const std::string& tmpl) {
    return "template: " + tmpl + "\n"
           "formats: [square, portrait, story, landscape]\n"
           "content:\n"
           "  kicker: Pengumuman\n"
           "  title: Pelayanan KTP-el Keliling\n"
           "  subtitle: Di balai desa setiap Sabtu\n"
           "  date: 2024-07-06\n"
           "  time: \"08:00\"\n"
           "  place: Balai Desa Sumberagung\n"
           "  body: Warga diminta membawa Kartu Keluarga asli.\n"
           "  photo: photos/a.jpg\n"
           "  stats:\n"
           "    - {value: 120, unit: orang, label: Peserta}\n"
           "    - {value: 80, unit: orang, label: Lulus}\n"
           "  quote: {text: Pelayanan harus mudah., by: Budi, role: Bupati}\n"
           "  points: [Daftar online, Bawa KK asli]\n"
           "  items:\n"
           "    - {date: 2024-07-08, time: \"09:00\", title: Rapat, place: Aula}\n"
           "  claim: Layanan dipungut biaya\n"
           "  verdict: hoaks\n"
           "  source: Disdukcapil\n"
           "  cta: Daftar sekarang\n";
}

// photos/a.jpg in `folder`, for the specs below.
void copy_sample_photo(const fs::path& folder) {
    fs::create_directories(folder / "photos");
    fs::copy_file(source_dir() / "samples/photos/sawah.jpg", folder / "photos/a.jpg");
}

std::string joined(const std::set<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : " ") + n;
    return out;
}

}  // namespace

TEST_CASE("each built-in template shows the fields it is made for in every format") {
    // What a spec giving every field sees drawn, template by template and format by format.
    // The spec's own `date` is the post's date in agenda, quote, stats and profile (their `fields`
    // say so with `shown_in: []`); the stats template's photo decorates only its story.
    struct Row {
        const char* tmpl;
        const char* format;
        const char* shows;
    };
    const std::vector<Row> table = {
        {"event", "*", "date kicker photo place time title"},
        {"quote", "*", "photo quote.by quote.role quote.text"},
        // The announcement's subtitle only in portrait and landscape (`shown_in`): in the square
        // and the story it would push the points under their 44 px floor.
        {"announcement", "square", "cta date kicker place points source time title"},
        {"announcement", "portrait", "cta date kicker place points source subtitle time title"},
        {"announcement", "story", "cta date kicker place points source time title"},
        {"announcement", "landscape", "cta date kicker place points source subtitle time title"},
        {"hoax", "*", "body claim date source verdict"},
        {"stats", "square", "kicker source stats title"},
        {"stats", "portrait", "kicker source stats title"},
        {"stats", "story", "kicker photo source stats title"},
        {"stats", "landscape", "kicker source stats title"},
        {"agenda", "*", "items kicker title"},
        {"profile", "*", "kicker photo stats subtitle title"},
    };
    ScratchDir dir;
    copy_sample_photo(dir.path());
    std::map<std::string, RenderPlan> plans;
    for (const Row& row : table) {
        if (!plans.count(row.tmpl)) {
            write_file(dir.path() / (std::string(row.tmpl) + ".yaml"), spec_with_every_field(row.tmpl));
            RenderRequest request;
            request.spec_file = dir.path() / (std::string(row.tmpl) + ".yaml");
            Diagnostics diagnostics;
            plans.emplace(row.tmpl, plan_render(request, diagnostics));
        }
        const RenderPlan& plan = plans.at(row.tmpl);
        REQUIRE(plan.scenes.size() == 4);
        for (size_t i = 0; i < plan.scenes.size(); ++i) {
            std::string format(plan.formats[i]->id);
            if (std::string(row.format) != "*" && format != row.format) continue;
            CAPTURE(row.tmpl);
            CAPTURE(format);
            CHECK(joined(fields_shown(plan.scenes[i])) == row.shows);
        }
    }
}

TEST_CASE("a photo given to stats decorates its story only, as the template declares, without a warning") {
    ScratchDir dir;
    copy_sample_photo(dir.path());
    write_file(dir.path() / "post.yaml",
               "template: stats\n"
               "formats: [square, portrait, story, landscape]\n"
               "content:\n"
               "  title: Pengguna Internet\n"
               "  stats: [{value: 212.9, unit: juta, label: pengguna}]\n"
               "  photo: photos/a.jpg\n");
    CommandResult r = run_rupa("render post.yaml -o out", dir.path());
    CHECK(r.status == 0);
    CHECK(r.err == "");
    auto report = nlohmann::json::parse(read_file(dir.path() / "out/post/render.json"));
    CHECK(report["warnings"].empty());
}

TEST_CASE("a field no format shows is one warning naming every format, also in a video") {
    ScratchDir dir;
    write_file(dir.path() / "post.yaml",
               "template: announcement\n"
               "formats: [square, story, reel]\n"
               "content:\n"
               "  title: Pelayanan KTP-el Keliling\n"
               "  points: [Bawa KK asli]\n"
               "  claim: Layanan dipungut biaya\n"
               "video: {duration: 4}\n");
    Diagnostics diagnostics;
    RenderRequest request;
    request.spec_file = dir.path() / "post.yaml";
    plan_render(request, diagnostics);
    REQUIRE(diagnostics.warnings().size() == 1);
    CHECK(diagnostics.warnings()[0].to_string() ==
          dir.path().string() + "/post.yaml:6:10: warning: 'claim' is not shown by template 'announcement', so the "
          "post goes out without it; choose a template that shows it, or leave it out [square, story, reel]");
}

TEST_CASE("the announcement shows when, where and the source in every format") {
    ScratchDir dir;
    write_file(dir.path() / "post.yaml",
               "template: announcement\n"
               "content:\n"
               "  title: Pelayanan KTP-el Keliling\n"
               "  points: [Bawa KK asli]\n"
               "  date: 2024-07-06\n"
               "  time: \"08:00\"\n"
               "  place: Balai Desa Sumberagung\n"
               "  source: Disdukcapil\n");
    CommandResult r = run_rupa("render post.yaml -o out", dir.path());
    CHECK(r.status == 0);
    CHECK(r.err.empty());
}

TEST_CASE("a field's shown_in names only formats the template lays out") {
    ScratchDir dir;
    write_file(dir.path() / "t/template.yaml",
               "id: t\n"
               "brand: demo-kabupaten\n"
               "fields:\n"
               "  date: {shown_in: [story]}\n"
               "layouts:\n"
               "  square:\n"
               "    - {text: title, box: [72, 400, 936, 300], size: 64, color: text}\n");
    CommandResult r = run_rupa("validate t/template.yaml", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err == "t/template.yaml:4:20: error: 'date' is shown in 'story', which this template has no layout "
                   "for (it lays out: square)\n");
}
