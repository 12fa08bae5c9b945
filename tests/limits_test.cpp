// PRODUCT.md's limits on hostile input: an alias bomb, 10,000-deep nesting and megabyte
// values are refused quickly and in bounded memory. Each case runs the real rupa binary as
// a child process and reads its own peak memory (GNU time), so that a parser which expands
// aliases or recurses per level shows up as memory or time, not only as a wrong message.
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <string>

using namespace rupa::test;
namespace fs = std::filesystem;

namespace {

// The bounds documented in docs/robustness.md. A plain `rupa validate` of a sample peaks at
// about 25 MB (fonts, glib, yaml-cpp); AddressSanitizer's shadow memory and quarantine add
// more, which grows with the work done before the refusal (the deepest specs reached 164 MB).
#if defined(__SANITIZE_ADDRESS__)
constexpr long kRefusalPeakKib = 200 * 1024;
#else
constexpr long kRefusalPeakKib = 80 * 1024;
#endif
constexpr double kRefusalSeconds = 2.0;

std::string repeated(const std::string& word, int times, const std::string& separator) {
    std::string out;
    for (int i = 0; i < times; ++i) out += (i ? separator : "") + word;
    return out;
}

// The bombs are anchored under 'video:', which is read after 'content:', so that the content
// field reaching for the last anchor is what rupa meets first.
// Nine levels of nine references each: 9^9 (387 million) leaves if anything expanded it.
std::string sequence_bomb() {
    std::string yaml = "  a: &a [" + repeated("\"lol\"", 9, ",") + "]\n";
    for (char level = 'b'; level <= 'i'; ++level) {
        std::string below = std::string("*") + char(level - 1);
        yaml += std::string("  ") + level + ": &" + level + " [" + repeated(below, 9, ",") + "]\n";
    }
    return yaml;
}

// The same with mappings, whose keys must differ: {k1: *a, ..., k9: *a}.
std::string mapping_bomb() {
    std::string yaml = "  a: &a {k1: lol}\n";
    for (char level = 'b'; level <= 'i'; ++level) {
        std::string entries;
        for (int k = 1; k <= 9; ++k)
            entries += (k > 1 ? ", k" : "k") + std::to_string(k) + ": *" + char(level - 1);
        yaml += std::string("  ") + level + ": &" + level + " {" + entries + "}\n";
    }
    return yaml;
}

// Writes `yaml` as bomb.yaml in a fresh folder and has `rupa COMMAND` refuse it.
MeasuredRun refuse(const std::string& command, const std::string& yaml) {
    ScratchDir dir;
    write_file(dir.path() / "bomb.yaml", yaml);
    std::vector<std::string> args = {command, "bomb.yaml"};
    if (command == "render") args.insert(args.end(), {"-o", "out"});
    MeasuredRun run = run_measured(rupa_binary(), args, dir.path());
    CHECK(is_empty_or_missing(dir.path() / "out"));
    return run;
}

void check_bounded(const MeasuredRun& run) {
    INFO("peak " << run.peak_rss_kib / 1024 << " MB in " << run.seconds << " s");
    CHECK(run.status == 2);
    CHECK(run.seconds < kRefusalSeconds);
    CHECK(run.peak_rss_kib < kRefusalPeakKib);
}

}  // namespace

TEST_CASE("measuring a run reads the child's own peak memory and status") {
    // A good spec validates, so the measure has something to compare the refusals against.
    ScratchDir dir;
    MeasuredRun run = run_measured(rupa_binary(), {"validate", (source_dir() / "samples/quote.yaml").string()},
                                   dir.path());
    CHECK(run.status == 0);
    CHECK(run.peak_rss_kib > 1024);
    CHECK(run.peak_rss_kib < kRefusalPeakKib);
    CHECK(run_measured(rupa_binary(), {"render", "missing.yaml"}, dir.path()).status == 2);
}

TEST_CASE("an alias bomb of lists, reached from every field that takes a list, is refused in bounded memory") {
    for (const std::string field : {"points", "photos", "hashtags", "stats", "items"}) {
        CAPTURE(field);
        std::string yaml = "template: announcement\nvideo:\n" + sequence_bomb() +
                           "content:\n  title: Pengumuman\n  " + field + ": *i\n";
        for (const char* command : {"validate", "render"}) {
            CAPTURE(command);
            check_bounded(refuse(command, yaml));
        }
    }
}

TEST_CASE("an alias bomb of mappings as the content or as a quote is refused in bounded memory") {
    for (const std::string place : {"content: *i\n", "content:\n  title: Kutipan\n  quote: *i\n"}) {
        CAPTURE(place);
        std::string yaml = "template: quote\nvideo:\n" + mapping_bomb() + place;
        check_bounded(refuse("render", yaml));
    }
}

TEST_CASE("the corpus's deepest and longest specs are refused in bounded memory") {
    for (const char* name : {"nested-10000-lists", "nested-10000-maps", "nested-1000-block-lists",
                             "points-10000", "agenda-2000", "agenda-10000", "billion-laughs"}) {
        CAPTURE(name);
        fs::path spec = test_media_dir() / "corpus" / (std::string(name) + ".yaml");
        if (!fs::exists(spec)) spec = source_dir() / "tests/corpus" / (std::string(name) + ".yaml");
        REQUIRE(fs::exists(spec));
        check_bounded(refuse("validate", read_file(spec)));
    }
}

TEST_CASE("a 200 MB file under a spec's name is refused by its size, before it is read") {
    ScratchDir dir;
    {
        std::ofstream file(dir.path() / "huge.yaml", std::ios::binary);
        file << "template: event\ncontent:\n  title: Rapat\n";
    }
    fs::resize_file(dir.path() / "huge.yaml", 200 << 20);  // a sparse file: no disk taken
    CommandResult result = run_rupa("validate huge.yaml", dir.path());
    CHECK(result.status == 2);
    CHECK(result.err == "huge.yaml: error: the file is 200 MB; rupa reads YAML files of at most 4 MB "
                        "(a spec is a few kilobytes: is this the right file?)\n");
    check_bounded(run_measured(rupa_binary(), {"render", "huge.yaml"}, dir.path()));
}
