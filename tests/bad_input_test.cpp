// Bad input: compiler-style messages checked verbatim, exit status 2, nothing written.
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace rupa::test;
namespace fs = std::filesystem;

namespace {

// A spec folder with the sample photo and the given spec text as post.yaml.
struct SpecFolder {
    ScratchDir dir;
    explicit SpecFolder(const std::string& spec) {
        fs::create_directories(dir.path() / "photos");
        fs::copy_file(source_dir() / "samples/photos/sawah.jpg", dir.path() / "photos/sawah.jpg");
        write_file(dir.path() / "post.yaml", spec);
    }
    CommandResult render() const { return run_rupa("render post.yaml -o out", dir.path()); }
};

const char* kGoodContent =
    "  title: Rapat Koordinasi Humas\n"
    "  date: 2024-07-03\n"
    "  photo: photos/sawah.jpg\n";

}  // namespace

TEST_CASE("an unknown field names its line and column and suggests the right name") {
    SpecFolder folder("template: event\n"
                      "brand: demo-kabupaten\n"
                      "content:\n"
                      "  kicker: Humas\n"
                      "  tittle: Rapat Koordinasi Humas\n"
                      "  photo: photos/sawah.jpg\n");
    CommandResult r = folder.render();
    CHECK(r.status == 2);
    CHECK(r.err == "post.yaml:5:3: error: unknown field 'tittle' (did you mean 'title'?)\n");
    CHECK(r.out.empty());
    CHECK(is_empty_or_missing(folder.dir.path() / "out"));
}

TEST_CASE("a missing photo names the line and column of its path") {
    SpecFolder folder("template: event\n"
                      "content:\n"
                      "  title: Rapat Koordinasi Humas\n"
                      "  photo: photos/tidak-ada.jpg\n");
    CommandResult r = folder.render();
    CHECK(r.status == 2);
    CHECK(r.err == "post.yaml:4:10: error: cannot find photo 'photos/tidak-ada.jpg' "
                   "(paths are relative to the spec's folder)\n");
    CHECK(is_empty_or_missing(folder.dir.path() / "out"));
}

TEST_CASE("a photo path that leaves the spec's folder is refused") {
    SpecFolder folder(std::string("template: event\ncontent:\n  title: Rapat\n  photo: ../../etc/passwd\n"));
    CommandResult r = folder.render();
    CHECK(r.status == 2);
    CHECK(r.err == "post.yaml:4:10: error: '../../etc/passwd' leaves the spec's folder "
                   "(copy the file next to the spec)\n");
    CHECK(is_empty_or_missing(folder.dir.path() / "out"));
}

TEST_CASE("a file that is not an image is refused at the photo's line and column") {
    for (const char* name : {"not-an-image.jpg", "truncated.jpg", "empty.jpg"}) {
        INFO(std::string(name));
        SpecFolder folder(std::string("template: event\ncontent:\n  title: Rapat\n  photo: photos/") +
                          name + "\n");
        fs::copy_file(test_media_dir() / name, folder.dir.path() / "photos" / name);
        CommandResult r = folder.render();
        CHECK(r.status == 2);
        CHECK(r.err.rfind("post.yaml:4:10: error: cannot use photo 'photos/" + std::string(name) + "': ", 0) == 0);
        CHECK(is_empty_or_missing(folder.dir.path() / "out"));
    }
}

TEST_CASE("an unknown template, format or locale gets a suggestion") {
    SpecFolder tmpl(std::string("template: evnt\ncontent:\n") + kGoodContent);
    CHECK(tmpl.render().err == "post.yaml:1:11: error: unknown template 'evnt' (did you mean 'event'?)\n");
    SpecFolder format(std::string("template: event\nformats: [squre]\ncontent:\n") + kGoodContent);
    CommandResult r = format.render();
    CHECK(r.status == 2);
    CHECK(r.err == "post.yaml:2:11: error: unknown format 'squre' (did you mean 'square'?)\n");
    SpecFolder locale(std::string("template: event\nlocale: ind\ncontent:\n") + kGoodContent);
    CHECK(locale.render().err == "post.yaml:2:9: error: unknown locale 'ind' (did you mean 'id'?)\n");
}

TEST_CASE("a missing spec file and a usage error exit 2") {
    ScratchDir dir;
    CommandResult r = run_rupa("render nothing-here.yaml", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err == "nothing-here.yaml: error: file not found (check the path)\n");
    CHECK(run_rupa("render", dir.path()).status == 2);
    CHECK(run_rupa("paint x.yaml", dir.path()).status == 2);
    CHECK(is_empty_or_missing(dir.path() / "out"));
}

TEST_CASE("a spec that is not valid YAML points at the problem") {
    SpecFolder folder("template: event\ncontent:\n  title: [unclosed\n");
    CommandResult r = folder.render();
    CHECK(r.status == 2);
    CHECK(r.err.rfind("post.yaml:", 0) == 0);
    CHECK(r.err.find(": error: not valid YAML: ") != std::string::npos);
}

TEST_CASE("a photo reached through a symlink that leaves the spec's folder is refused") {
    SpecFolder folder(std::string("template: event\ncontent:\n  title: Rapat\n  photo: photos/link.jpg\n"));
    ScratchDir elsewhere;
    fs::copy_file(source_dir() / "samples/photos/sawah.jpg", elsewhere.path() / "outside.jpg");
    fs::create_symlink(elsewhere.path() / "outside.jpg", folder.dir.path() / "photos/link.jpg");
    CommandResult r = folder.render();
    CHECK(r.status == 2);
    CHECK(r.err == "post.yaml:4:10: error: 'photos/link.jpg' leaves the spec's folder "
                   "(copy the file next to the spec)\n");
}

TEST_CASE("a failed render leaves the earlier output intact") {
    SpecFolder folder(std::string("template: event\nformats: [square]\ncontent:\n") + kGoodContent);
    REQUIRE(folder.render().status == 0);
    fs::path square = folder.dir.path() / "out/post/square.png";
    std::string before = read_file(square);
    REQUIRE(before.size() > 1000);
    write_file(folder.dir.path() / "post.yaml",
               std::string("template: event\nformats: [square]\ncontent:\n  title: Rapat\n"
                           "  photo: photos/hilang.jpg\n"));
    CHECK(folder.render().status == 2);
    CHECK(read_file(square) == before);
    CHECK(std::distance(fs::directory_iterator(folder.dir.path() / "out/post"), fs::directory_iterator{}) == 4);
}

TEST_CASE("text that is not valid UTF-8 is refused at its place") {
    SpecFolder folder("template: event\ncontent:\n  title: \"Rapat \xff\xfe\"\n  photo: photos/sawah.jpg\n");
    CommandResult r = folder.render();
    CHECK(r.status == 2);
    CHECK(r.err == "post.yaml:3:10: error: 'title' is not valid UTF-8 text (save the file as UTF-8)\n");
}

TEST_CASE("ten thousand nested brackets are refused without a crash") {
    std::string deep = "template: event\ncontent:\n  title: " + std::string(10000, '[') + std::string(10000, ']') + "\n";
    SpecFolder folder(deep);
    CommandResult r = folder.render();
    CHECK(r.status == 2);
    CHECK(r.err.rfind("post.yaml:3:", 0) == 0);
    CHECK(is_empty_or_missing(folder.dir.path() / "out"));
}

TEST_CASE("invalid UTF-8 in a one-line list (points: as a single text) is refused too") {
    SpecFolder folder("template: announcement\ncontent:\n  title: Rapat\n  points: \"Bawa \xbb KTP\"\n");
    CommandResult r = folder.render();
    CHECK(r.status == 2);
    CHECK(r.err == "post.yaml:4:11: error: 'points' is not valid UTF-8 text (save the file as UTF-8)\n");
}

TEST_CASE("a brand kit whose logo path leaves the kit's folder is refused at the logo") {
    SpecFolder folder("template: event\nbrand: kit/brand.yaml\ncontent:\n  title: Rapat\n  photo: photos/sawah.jpg\n");
    std::string kit = read_file(source_dir() / "templates/brands/demo-kabupaten/brand.yaml");
    size_t logo = kit.find("\nlogo: ");
    REQUIRE(logo != std::string::npos);
    kit.replace(logo + 7, kit.find('\n', logo + 1) - logo - 7, "../photos/sawah.jpg");
    write_file(folder.dir.path() / "kit/brand.yaml", kit);
    int line = 1 + int(std::count(kit.begin(), kit.begin() + long(logo) + 1, '\n'));
    CommandResult r = folder.render();
    CHECK(r.status == 2);
    CHECK(r.err == "kit/brand.yaml:" + std::to_string(line) +
                       ":7: error: '../photos/sawah.jpg' leaves the brand kit's folder "
                       "(put the logo in the brand kit's folder)\n");
    CHECK(is_empty_or_missing(folder.dir.path() / "out"));
}

TEST_CASE("a spec with four mistakes reports all four in one run, in file order, and exits 2") {
    // Read in the order template, content, video; reported in the order of the file.
    SpecFolder folder("template: hoax\n"
                      "video:\n"
                      "  music_volume: 3\n"
                      "content:\n"
                      "  claim: Beredar pesan berantai bahwa pendaftaran CPNS dipungut biaya.\n"
                      "  verdict: hoax\n"
                      "  tittle: Klarifikasi\n"
                      "  body: Pendaftaran CPNS tidak dipungut biaya.\n"
                      "  date: 2024-02-30\n");
    const std::string expected =
        "post.yaml:3:17: error: 'music_volume' must be between 0 and 1 (0 is silent, 1 as loud as the file; got 3)\n"
        "post.yaml:6:12: error: unknown verdict 'hoax' (did you mean 'hoaks'? verdicts are written in Indonesian)\n"
        "post.yaml:7:3: error: unknown field 'tittle' (did you mean 'title'?)\n"
        "post.yaml:9:9: error: '2024-02-30' is not a date in the calendar (2024-02 has 29 days)\n";
    CommandResult r = folder.render();
    CHECK(r.status == 2);
    CHECK(r.err == expected);
    CHECK(r.out.empty());
    CHECK(is_empty_or_missing(folder.dir.path() / "out"));
    CommandResult v = run_rupa("validate post.yaml", folder.dir.path());
    CHECK(v.status == 2);
    CHECK(v.err == expected);
}

TEST_CASE("an unknown template field and an unknown format are reported together with the spec's own mistakes") {
    SpecFolder folder("template: event\n"
                      "formats: [square, squre, instagram]\n"
                      "content:\n"
                      "  title: Rapat Koordinasi Humas\n"
                      "  photo: photos/sawah.jpg\n"
                      "  time: \"25:00\"\n");
    CommandResult r = folder.render();
    CHECK(r.status == 2);
    CHECK(r.err == "post.yaml:2:19: error: unknown format 'squre' (did you mean 'square'?)\n"
                   "post.yaml:6:9: error: '25:00' is not a time of day (hours run from 00 to 23 and minutes "
                   "from 00 to 59; midnight is 00:00)\n");
}

TEST_CASE("past twenty mistakes, the first twenty are reported and a last line counts the rest") {
    std::string spec = "template: announcement\ncontent:\n  title: Pengumuman\n  points:\n";
    for (int i = 0; i < 25; ++i) spec += "    - [daftar " + std::to_string(i) + "]\n";
    SpecFolder folder(spec);
    CommandResult r = folder.render();
    CHECK(r.status == 2);
    std::vector<std::string> lines = split_lines(r.err);
    REQUIRE(lines.size() == 21);
    CHECK(lines[0] == "post.yaml:5:7: error: 'points' must be text, not a list");
    CHECK(lines[19] == "post.yaml:24:7: error: 'points' must be text, not a list");
    CHECK(lines[20] == "post.yaml: error: 5 more errors not shown (fix these, then run again)");
}

TEST_CASE("a line that lacks its ':' is reported at that line, not at the next") {
    SpecFolder folder("template: event\n"
                      "content:\n"
                      "  title Rapat Koordinasi Humas\n"
                      "  photo: photos/sawah.jpg\n");
    CommandResult r = folder.render();
    CHECK(r.status == 2);
    CHECK(r.err == "post.yaml:3:3: error: this line has no ':' after its field name "
                   "(write 'title: Rapat Koordinasi Humas')\n");
}

TEST_CASE("a comma inside {...} says to put the text in quotes") {
    SpecFolder folder("template: quote\n"
                      "content:\n"
                      "  quote: {text: Ayo, kita bangun desa, by: Bupati}\n");
    CommandResult r = folder.render();
    CHECK(r.status == 2);
    CHECK(r.err == "post.yaml:3:22: error: 'kita bangun desa' reads as a field of its own: a comma inside {...} "
                   "ends the text before it (put the text in quotes: text: \"Ayo, kita bangun desa\")\n");
}

TEST_CASE("a content field written at the left margin says to indent it under 'content:'") {
    SpecFolder folder("template: event\n"
                      "content:\n"
                      "  kicker: Humas\n"
                      "  photo: photos/sawah.jpg\n"
                      "title: Rapat Koordinasi Humas\n");
    CommandResult r = folder.render();
    CHECK(r.status == 2);
    CHECK(r.err == "post.yaml:5:1: error: 'title' belongs under 'content:' "
                   "(indent it by 2 spaces, like the other fields under 'content:')\n");
}

TEST_CASE("template, brand, locale, format, platform and verdict names match ignoring case") {
    SpecFolder folder("template: Hoax\n"
                      "brand: DEMO-Kabupaten\n"
                      "locale: EN\n"
                      "formats: [Square, WEBSITE]\n"
                      "content:\n"
                      "  claim: Beredar pesan berantai.\n"
                      "  verdict: HOAKS\n"
                      "  body: Pendaftaran tidak dipungut biaya.\n");
    CommandResult r = folder.render();
    CHECK(r.status == 0);
    CHECK(r.err == "");
    CHECK(fs::exists(folder.dir.path() / "out/post/square.png"));
    CHECK(fs::exists(folder.dir.path() / "out/post/landscape.png"));
    CHECK(read_file(folder.dir.path() / "out/post/caption.txt").starts_with("[HOAX] Beredar pesan berantai."));
}

TEST_CASE("after rendering more formats, then fewer, the output folder holds only what render.json lists") {
    SpecFolder folder("template: event\ncontent:\n" + std::string(kGoodContent));
    write_file(folder.dir.path() / "out/post/notes.txt", "mine\n");  // not rupa's: kept
    CHECK(run_rupa("render post.yaml -o out --formats square,portrait,story", folder.dir.path()).status == 0);
    CHECK(fs::exists(folder.dir.path() / "out/post/story.png"));
    CommandResult r = run_rupa("render post.yaml -o out --formats square", folder.dir.path());
    CHECK(r.status == 0);
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder.dir.path() / "out/post"))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"alt.txt", "caption.txt", "notes.txt", "render.json", "square.png"});
    CHECK(read_file(folder.dir.path() / "out/post/notes.txt") == "mine\n");
}
