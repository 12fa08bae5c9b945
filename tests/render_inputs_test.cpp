// `rupa render INPUT...`: several specs and folders of specs, each post into its own folder.
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <regex>

using namespace rupa::test;
namespace fs = std::filesystem;

namespace {

const char* kQuote = "template: quote\nformats: [square]\ncontent:\n  quote: Bekerja sepenuh hati\n";

// The files one quote post renders, as render lists them.
std::string listed(const std::string& folder) {
    return folder + "/square.png\n" + folder + "/caption.txt\n" + folder + "/alt.txt\n" + folder + "/render.json\n";
}

// posts/a-kutipan.yaml and posts/c-kutipan.yaml, and between them posts/b-salah.yaml with a
// misspelt field.
void write_posts_with_a_broken_one(const fs::path& dir) {
    write_file(dir / "posts/a-kutipan.yaml", kQuote);
    write_file(dir / "posts/b-salah.yaml", "template: quote\ncontent:\n  qoute: Rapat\n");
    write_file(dir / "posts/c-kutipan.yaml", kQuote);
}

}  // namespace

TEST_CASE("render takes specs and folders of specs, and renders each post into its own folder") {
    ScratchDir dir;
    write_file(dir.path() / "posts/juli/kutipan-bupati.yaml", kQuote);
    write_file(dir.path() / "posts/agustus/kutipan-wakil.yml", kQuote);
    write_file(dir.path() / "posts/catatan.txt", "bukan spec\n");
    write_file(dir.path() / "sambutan.yaml", kQuote);
    CommandResult r = run_rupa("render posts sambutan.yaml -o out", dir.path());
    CHECK(r.status == 0);
    CHECK(without_progress(r.err).empty());
    CHECK(r.out == listed("out/kutipan-wakil") + listed("out/kutipan-bupati") + listed("out/sambutan"));
    for (const char* post : {"kutipan-bupati", "kutipan-wakil", "sambutan"})
        CHECK(png_size(dir.path() / "out" / post / "square.png").width == 1080);
}

TEST_CASE("a broken spec among several fails alone: the others render, each failure is named, exit 1") {
    ScratchDir dir;
    write_posts_with_a_broken_one(dir.path());
    CommandResult r = run_rupa("render posts -o out", dir.path());
    CHECK(r.status == 1);
    CHECK(r.out == listed("out/a-kutipan") + listed("out/c-kutipan"));
    CHECK(without_progress(r.err) == "posts/b-salah.yaml:3:3: error: unknown field 'qoute' (did you mean 'quote'?)\n"
                                     "rupa: 1 of 3 posts not rendered whole: posts/b-salah.yaml\n");
    CHECK(!fs::exists(dir.path() / "out/b-salah"));
}

TEST_CASE("when every input is invalid, render exits 2 and writes nothing") {
    ScratchDir dir;
    write_file(dir.path() / "a.yaml", "template: quote\ncontent:\n  qoute: Rapat\n");
    write_file(dir.path() / "b.yaml", "template: kutipan\ncontent:\n  quote: Rapat\n");
    CommandResult r = run_rupa("render a.yaml b.yaml -o out", dir.path());
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(without_progress(r.err) == "a.yaml:3:3: error: unknown field 'qoute' (did you mean 'quote'?)\n"
                   "b.yaml:1:11: error: unknown template 'kutipan' (installed: agenda, announcement, event, highlights, hoax, "
                   "outro, photo, profile, quote, slideshow, stats)\n"
                   "rupa: 2 of 2 posts not rendered whole: a.yaml, b.yaml\n");
    CHECK(is_empty_or_missing(dir.path() / "out"));
}

TEST_CASE("two inputs that would render into one folder are refused before anything renders") {
    ScratchDir dir;
    write_file(dir.path() / "juli/rapat.yaml", kQuote);
    write_file(dir.path() / "agustus/rapat.yaml", kQuote);
    write_file(dir.path() / "lain.yaml", kQuote);
    CommandResult r = run_rupa("render lain.yaml juli agustus -o out", dir.path());
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "agustus/rapat.yaml: error: renders into the same folder 'out/rapat' as juli/rapat.yaml "
                   "(rename one of the two files, or render them into different folders with -o)\n");
    CHECK(is_empty_or_missing(dir.path() / "out"));
}

TEST_CASE("a spec named both itself and inside a folder given too renders once") {
    ScratchDir dir;
    write_file(dir.path() / "posts/rapat.yaml", kQuote);
    CommandResult r = run_rupa("render posts posts/rapat.yaml -o out", dir.path());
    CHECK(r.status == 0);
    CHECK(r.out == listed("out/rapat"));
}

TEST_CASE("a folder with no spec in it is an error naming the folder") {
    ScratchDir dir;
    write_file(dir.path() / "kosong/catatan.txt", "bukan spec\n");
    CommandResult r = run_rupa("render kosong -o out", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err == "kosong: error: the folder holds no spec (name a .yaml or .csv file, or a folder that holds some)\n");
    CHECK(is_empty_or_missing(dir.path() / "out"));
}

TEST_CASE("several posts report how far the render has come: a line per post in a log, nothing with --json") {
    ScratchDir dir;
    write_posts_with_a_broken_one(dir.path());
    CommandResult r = run_rupa("render posts -o out", dir.path());
    CHECK(r.status == 1);
    // Standard error is a file here, not a terminal: plain lines, each naming the post it starts.
    std::vector<std::string> lines = split_lines(r.err);
    REQUIRE(lines.size() == 6);
    const std::string time = R"(\d+:\d\d)";
    CHECK(std::regex_match(lines[0], std::regex("render: 0/3 posts, posts/a-kutipan.yaml, " + time + " elapsed")));
    CHECK(std::regex_match(lines[1], std::regex("render: 1/3 posts, posts/b-salah.yaml, " + time + " elapsed, about " +
                                                time + " left")));
    CHECK(lines[2] == "posts/b-salah.yaml:3:3: error: unknown field 'qoute' (did you mean 'quote'?)");
    CHECK(std::regex_match(lines[3], std::regex("render: 2/3 posts, posts/c-kutipan.yaml, " + time + " elapsed, about " +
                                                time + " left")));
    CHECK(std::regex_match(lines[4], std::regex("render: 3/3 posts, " + time + " elapsed")));
    CHECK(lines[5] == "rupa: 1 of 3 posts not rendered whole: posts/b-salah.yaml");

    CommandResult quiet = run_rupa("render posts -o out --json", dir.path());
    CHECK(quiet.status == 1);
    CHECK(quiet.err == "posts/b-salah.yaml:3:3: error: unknown field 'qoute' (did you mean 'quote'?)\n"
                       "rupa: 1 of 3 posts not rendered whole: posts/b-salah.yaml\n");
}
