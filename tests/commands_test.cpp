// The listing and checking commands: formats, templates, validate.
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <set>

#include <algorithm>

using namespace rupa::test;

TEST_CASE("rupa formats --json gives the fixed format table") {
    CommandResult r = run_rupa("formats --json", source_dir());
    REQUIRE(r.status == 0);
    auto table = nlohmann::json::parse(r.out);
    REQUIRE(table.size() == 7);
    CHECK(table[0]["id"] == "square");
    CHECK(table[3]["id"] == "landscape");
    CHECK(table[3]["width"] == 1200);
    CHECK(table[3]["height"] == 675);
    CHECK(table[4]["id"] == "reel");
    CHECK(table[4]["kind"] == "mp4");
}

TEST_CASE("rupa templates lists each installed template with its fields") {
    CommandResult r = run_rupa("templates --json", source_dir());
    REQUIRE(r.status == 0);
    auto list = nlohmann::json::parse(r.out);
    auto event = std::find_if(list.begin(), list.end(), [](const auto& t) { return t["id"] == "event"; });
    REQUIRE(event != list.end());
    CHECK((*event)["formats"] == nlohmann::json({"square", "portrait", "story", "landscape"}));
    bool title_required = false;
    for (const auto& f : (*event)["fields"])
        if (f["name"] == "title") title_required = f["required"];
    CHECK(title_required);
    CHECK((*event)["name"] == "Laporan kegiatan");
    CHECK((*event)["name_en"] == "Activity report");
    CHECK((*event)["description"] == "Foto kegiatan dengan judul, tanggal, jam dan tempatnya.");
    CHECK((*event)["description_en"] == "A photo of an activity with its title, date, time and place.");
    CHECK((*event)["duration"] == 8.0);
    // Every template says what it is in both languages, and every field its kind of value.
    const std::set<std::string> kinds = {"text", "date", "time", "photo", "photos", "stats",
                                         "quote", "text-list", "items", "verdict"};
    for (const auto& t : list) {
        INFO(t["id"]);
        for (const char* key : {"name", "name_en", "description", "description_en"})
            CHECK(!t[key].get<std::string>().empty());
        CHECK(t["duration"].get<double>() > 0);
        for (const auto& f : t["fields"]) CHECK(kinds.count(f["type"].get<std::string>()) == 1);
    }
    // Limits and samples, structured ones as JSON values.
    auto stats = std::find_if(list.begin(), list.end(), [](const auto& t) { return t["id"] == "stats"; });
    REQUIRE(stats != list.end());
    nlohmann::json numbers;
    for (const auto& f : (*stats)["fields"])
        if (f["name"] == "stats") numbers = f;
    CHECK(numbers["type"] == "stats");
    CHECK(numbers["entries"] == 6);
    CHECK(numbers["max"] == nlohmann::json({{"value", 8}, {"unit", 7}, {"label", 30}}));
    CHECK(numbers["sample"][1] == nlohmann::json({{"value", 78}, {"unit", "%"}, {"label", "aktif di media sosial"}}));
}

TEST_CASE("rupa validate accepts a good spec, template and brand and writes nothing") {
    ScratchDir dir;
    CommandResult r = run_rupa("validate samples/event.yaml templates/event/template.yaml "
                               "templates/brands/demo-kabupaten/brand.yaml",
                               source_dir());
    CHECK(r.status == 0);
    CHECK(r.out == "samples/event.yaml: ok\ntemplates/event/template.yaml: ok\n"
                   "templates/brands/demo-kabupaten/brand.yaml: ok\n");
}

TEST_CASE("rupa validate reports a template's unknown colour token at its place, exit 2") {
    ScratchDir dir;
    write_file(dir.path() / "t/template.yaml",
               "id: broken\n"
               "layouts:\n"
               "  square:\n"
               "    - {rect: panel, box: [0, 0, 1080, 1080], fill: primay}\n");
    CommandResult r = run_rupa("validate t/template.yaml", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err == "t/template.yaml:4:52: error: unknown colour token 'primay' (did you mean 'primary'?)\n");
}

TEST_CASE("rupa validate reports a box outside the canvas") {
    ScratchDir dir;
    write_file(dir.path() / "t/template.yaml",
               "layouts:\n"
               "  landscape:\n"
               "    - {rect: panel, box: [0, 0, 1200, 1080]}\n");
    CommandResult r = run_rupa("validate t/template.yaml", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err == "t/template.yaml:3:26: error: 'box' lies outside the landscape canvas (1200x675)\n");
}

TEST_CASE("rupa validate reports a template's misspelt placeholder with a suggestion") {
    ScratchDir dir;
    write_file(dir.path() / "t/template.yaml",
               "layouts:\n"
               "  square:\n"
               "    - {text: title, box: [72, 72, 936, 300], value: \"{titel}\"}\n");
    CommandResult r = run_rupa("validate t/template.yaml", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err == "t/template.yaml:3:53: error: unknown placeholder '{titel}' (did you mean '{title}'?)\n");
}

TEST_CASE("a template with only a video layout has nothing to render and says so") {
    ScratchDir dir;
    write_file(dir.path() / "t/template.yaml",
               "layouts:\n"
               "  reel:\n"
               "    - {rect: panel, box: [0, 0, 1080, 1920]}\n");
    CommandResult r = run_rupa("validate t/template.yaml", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err == "t/template.yaml:1:1: error: the template has no format to render "
                   "(list at least one still format with a layout)\n");
}

TEST_CASE("an empty formats list in a spec is an error, not a crash") {
    ScratchDir dir;
    write_file(dir.path() / "post.yaml", "template: quote\nformats: []\ncontent:\n  quote: Bekerja\n");
    CommandResult r = run_rupa("render post.yaml -o out", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err == "post.yaml:2:10: error: 'formats' is empty (name formats or platforms, or leave "
                   "'formats' out for the template's own)\n");
}

TEST_CASE("an installation whose fonts folder is empty exits 2, naming the folder and saying to reinstall") {
    // rupa finds its data beside the binary first (PREFIX/bin/rupa -> PREFIX/share/rupa): a copy
    // of the binary in a prefix with the templates but no fonts is such an installation.
    namespace fs = std::filesystem;
    ScratchDir prefix;
    fs::path root = fs::canonical(prefix.path());
    fs::create_directories(root / "bin");
    fs::create_directories(root / "share/rupa/fonts");
    fs::create_directory_symlink(source_dir() / "templates", root / "share/rupa/templates");
    fs::copy_file(rupa_binary(), root / "bin/rupa");
    ScratchDir out;
    const std::string message = "rupa: error: no fonts found in " + (root / "share/rupa/fonts").string() +
                                ": rupa's installation is incomplete; reinstall rupa so that this folder holds its "
                                "bundled .ttf and .otf fonts\n";
    CommandResult render = run_rupa("render samples/event.yaml -o '" + out.path().string() + "'", source_dir(),
                                    root / "bin/rupa");
    CHECK(render.err == message);
    CHECK(render.status == 2);
    CHECK(is_empty_or_missing(out.path()));
    CommandResult validate = run_rupa("validate samples/quote.yaml", source_dir(), root / "bin/rupa");
    CHECK(validate.err == message);
    CHECK(validate.status == 2);
}

TEST_CASE("rupa validate takes a template's or brand kit's folder and checks its YAML file") {
    CommandResult r = run_rupa("validate templates/event templates/brands/demo-kota", source_dir());
    CHECK(r.status == 0);
    CHECK(r.out == "templates/event/template.yaml: ok\ntemplates/brands/demo-kota/brand.yaml: ok\n");
    CHECK(r.err.empty());
}

TEST_CASE("rupa validate of a folder checks every spec under it, and its ok line counts the warnings") {
    ScratchDir dir;
    write_file(dir.path() / "posts/kutipan.yaml", "template: quote\ncontent:\n  quote: Bekerja\n  place: Pendopo\n");
    write_file(dir.path() / "posts/minggu-2/rapat.yaml", "template: quote\ncontent:\n  quote: Rapat\n");
    CommandResult r = run_rupa("validate posts", dir.path());
    CHECK(r.status == 0);
    CHECK(r.out == "posts/kutipan.yaml: ok (1 warning)\nposts/minggu-2/rapat.yaml: ok\n");
    CHECK(r.err == "posts/kutipan.yaml:4:10: warning: 'place' is not shown by template 'quote', so the post goes "
                   "out without it; choose a template that shows it, or leave it out "
                   "[square, portrait, story, landscape]\n");
}

TEST_CASE("rupa validate of a folder with nothing to check is an error naming the folder") {
    ScratchDir dir;
    std::filesystem::create_directories(dir.path() / "kosong");
    CommandResult r = run_rupa("validate kosong", dir.path());
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "kosong: error: the folder holds no spec, template or brand kit "
                   "(name a .yaml file, or a folder that holds some)\n");
}

TEST_CASE("rupa validate --json prints each file's errors and warnings with their place, and nothing else") {
    ScratchDir dir;
    write_file(dir.path() / "kutipan.yaml", "template: quote\ncontent:\n  quote: Bekerja\n  place: Pendopo\n");
    write_file(dir.path() / "salah.yaml", "template: quote\ncontent:\n  qoute: Bekerja\n");
    CommandResult r = run_rupa("validate kutipan.yaml salah.yaml --json", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err.empty());
    auto result = nlohmann::json::parse(r.out);
    CHECK(result["status"] == 2);
    CHECK(result["errors"] == 1);
    CHECK(result["warnings"] == 1);
    REQUIRE(result["files"].size() == 2);
    const auto& ok = result["files"][0];
    CHECK(ok["file"] == "kutipan.yaml");
    CHECK(ok["kind"] == "spec");
    CHECK(ok["status"] == "ok");
    CHECK(ok["errors"].empty());
    REQUIRE(ok["warnings"].size() == 1);
    CHECK(ok["warnings"][0] == nlohmann::json{{"file", "kutipan.yaml"}, {"line", 4}, {"col", 10},
                                              {"code", "field-not-shown"},
                                              {"format", "square, portrait, story, landscape"},
                                              {"message", "'place' is not shown by template 'quote', so the post goes "
                                                          "out without it; choose a template that shows it, or leave it out"}});
    const auto& bad = result["files"][1];
    CHECK(bad["status"] == "invalid");
    REQUIRE(bad["errors"].size() == 1);
    CHECK(bad["errors"][0] == nlohmann::json{{"file", "salah.yaml"}, {"line", 3}, {"col", 3}, {"code", "invalid-input"},
                                             {"message", "unknown field 'qoute'"}, {"hint", "did you mean 'quote'?"}});
}
