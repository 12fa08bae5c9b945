// The bad-input corpus (PRODUCT.md, "Bad input"): each spec under tests/corpus/, and each
// generated one in build/test-media/corpus/ (tests/media/make-test-media.sh: too big, too
// deep or too binary for git), must be refused by `rupa render` and by `rupa validate` with
// exit status 2, exactly the line of stderr stored with it (among the spec's other mistakes,
// if it has more, all in file order), and nothing written.
// The stored line is the spec's first line, "# expect: LINE", or, for a file that cannot hold
// a comment (empty, binary), the whole of NAME.expect beside it.
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <set>
#include <vector>

using namespace rupa::test;
namespace fs = std::filesystem;

namespace {

fs::path case_spec(const std::string& name) {
    fs::path written = source_dir() / "tests/corpus" / (name + ".yaml");
    return fs::exists(written) ? written : test_media_dir() / "corpus" / (name + ".yaml");
}

std::string expected_line(const fs::path& spec) {
    fs::path sidecar = fs::path(spec).replace_extension(".expect");
    std::string text = read_file(fs::exists(sidecar) ? sidecar : spec);
    const std::string tag = "# expect: ";
    if (!fs::exists(sidecar)) {
        REQUIRE(text.rfind(tag, 0) == 0);
        text.erase(0, tag.size());
    }
    return text.substr(0, text.find('\n'));
}

// Where every case runs: the spec beside photos/, which holds a good photo and one of each
// kind of bad media, and a photo just outside the folder for the cases that reach for it.
class CorpusFolder {
public:
    explicit CorpusFolder(const fs::path& spec) {
        fs::path photos = spec_dir() / "photos";
        fs::create_directories(photos / "photo.jpg");  // a folder with a photo's name
        fs::copy_file(source_dir() / "samples/photos/sawah.jpg", photos / "sawah.jpg");
        fs::copy_file(source_dir() / "samples/photos/sawah.jpg", root_.path() / "outside.jpg");
        for (const char* name : {"not-an-image.jpg", "truncated.png", "document.pdf", "huge.png"})
            fs::copy_file(test_media_dir() / name, photos / name);
        write_file(photos / "empty.png", "");
        fs::path audio = spec_dir() / "audio", video = spec_dir() / "video";
        fs::create_directories(audio);
        fs::create_directories(video);
        for (const char* name : {"tone.mp3", "not-media.mp3", "truncated.m4a"})
            fs::copy_file(test_media_dir() / name, audio / name);
        write_file(audio / "empty.mp3", "");
        fs::copy_file(test_media_dir() / "clip-h264.mp4", video / "sambutan.mp4");
        fs::copy_file(test_media_dir() / "clip-silent.mp4", video / "silent.mp4");
        fs::copy_file(test_media_dir() / "truncated.mp4", video / "truncated.mp4");
        fs::create_symlink("loop.jpg", photos / "loop.jpg");
        fs::create_symlink(root_.path() / "outside.jpg", photos / "outside.jpg");
        fs::copy_file(spec, spec_dir() / spec.filename());
    }
    fs::path spec_dir() const { return root_.path() / "spec"; }

private:
    ScratchDir root_;
};

// stderr holds the case's line verbatim, among any other mistakes the spec has: every line an
// error in this spec, in file order (PRODUCT.md: one run reports every error it can find).
void check_errors(const std::string& err, const std::string& expected, const std::string& name) {
    CAPTURE(err);
    REQUIRE(!err.empty());
    CHECK(err.back() == '\n');
    std::vector<std::string> lines = split_lines(err);
    CHECK(std::find(lines.begin(), lines.end(), expected) != lines.end());
    CHECK(lines.size() <= 21);
    std::regex form(name + R"(\.yaml(?::(\d+):(\d+))?: error: \S.*)");
    std::pair<int, int> last{0, 0};
    for (const auto& line : lines) {
        std::smatch m;
        REQUIRE(std::regex_match(line, m, form));
        std::pair<int, int> at{m[1].matched ? std::stoi(m[1]) : 0, m[2].matched ? std::stoi(m[2]) : 0};
        CHECK(last <= at);
        last = at;
    }
}

void check_refused(const std::string& name) {
    INFO("corpus case: " << name);
    fs::path spec = case_spec(name);
    REQUIRE(fs::exists(spec));
    std::string expected = expected_line(spec);
    // The stored line keeps the contract itself: "FILE:LINE:COL: error: " and a problem, or
    // "FILE: error: " for a problem with the file as a whole.
    CHECK(std::regex_match(expected, std::regex(name + R"(\.yaml(:[1-9]\d*:[1-9]\d*)?: error: \S.*)")));

    CorpusFolder folder(spec);
    std::string file = spec.filename().string();
    CommandResult render = run_rupa("render '" + file + "' -o out", folder.spec_dir());
    CHECK(render.status == 2);
    check_errors(render.err, expected, name);
    CHECK(render.out.empty());
    CHECK(is_empty_or_missing(folder.spec_dir() / "out"));

    CommandResult validate = run_rupa("validate '" + file + "'", folder.spec_dir());
    CHECK(validate.status == 2);
    check_errors(validate.err, expected, name);
    CHECK(validate.out.empty());
}

void check_refused(const std::vector<std::string>& names) {
    for (const auto& name : names) check_refused(name);
}

const std::vector<std::string> kYamlSlips = {
    "tab-indentation", "tab-after-spaces", "unclosed-double-quote", "unclosed-single-quote",
    "unclosed-bracket", "unclosed-brace", "indented-too-deep", "indented-too-shallow",
    "duplicate-field", "duplicate-top-level-field", "undefined-alias", "two-documents",
    "backslash-in-double-quotes"};

const std::vector<std::string> kWholeFile = {
    "top-level-list", "top-level-text", "empty-file", "only-comments", "empty-document",
    "binary-spec", "utf16-without-bom", "missing-template", "missing-content"};

const std::vector<std::string> kWrongKinds = {
    "title-is-list", "title-is-mapping", "points-is-mapping", "stats-is-mapping",
    "formats-is-mapping", "stat-is-number", "agenda-entry-is-text", "focus-is-text",
    "date-is-number", "time-is-number", "quote-is-list", "content-is-list", "field-name-is-list"};

const std::vector<std::string> kOutOfRange = {
    "focus-above-one", "focus-below-zero", "focus-three-numbers", "no-stats", "seven-stats",
    "february-30", "month-13", "time-24-00", "time-25-61", "agenda-time-13-60"};

const std::vector<std::string> kUnknownIds = {
    "template-close", "template-far", "template-empty", "brand-close", "brand-far",
    "locale-close", "locale-far", "format-close", "format-far", "platform-close"};

const std::vector<std::string> kUnknownWords = {
    "verdict-close", "verdict-english", "verdict-far", "field-close", "field-far",
    "top-level-field-close", "stat-field-close"};

const std::vector<std::string> kNotUtf8 = {
    "invalid-utf8-title", "invalid-utf8-field-name", "invalid-utf8-hashtag", "latin1-place"};

// Each finishes in well under a second; that the test ends at all is the check that none hangs.
const std::vector<std::string> kTooDeep = {
    "billion-laughs", "nested-10000-lists", "nested-10000-maps", "nested-1000-block-lists"};

const std::vector<std::string> kTooMany = {"points-10000", "agenda-2000", "agenda-10000"};

const std::vector<std::string> kTooLong = {"megabyte-verdict", "megabyte-photo-path"};

const std::vector<std::string> kBadMedia = {
    "photo-missing", "photo-text-file", "photo-zero-byte-png", "photo-truncated-png",
    "photo-pdf", "photo-is-folder", "photo-over-100-megapixels", "photo-symlink-loop"};

const std::vector<std::string> kPathEscapes = {
    "photo-dot-dot", "photo-dot-dot-inside-path", "photo-absolute-path", "photo-symlink-out",
    "gallery-symlink-out", "template-dot-dot", "template-absolute-path", "brand-dot-dot"};

const std::vector<std::string> kVideo = {
    "video-duration-200", "video-scene-template-close", "video-scene-missing-field",
    "video-music-dot-dot", "video-clip-missing", "video-slideshow-text-file",
    "video-captions-srt-missing", "video-captions-same-start", "video-scene-is-text"};

const std::vector<std::string> kBadSoundOrClip = {
    "video-music-text-file", "video-music-truncated", "video-music-empty-file",
    "video-music-silent-clip", "video-voiceover-is-photo", "video-clip-truncated",
    "video-clip-is-sound", "video-clip-is-photo", "video-trim-past-end",
    "video-trim-starts-after-end", "video-scenes-over-180"};

// Cases whose fix lies outside the spec reader; each has its own test case below.
const std::vector<std::string> kKnownBugs = {
    "required-field-missing", "gallery-text-file", "megabyte-template", "megabyte-format",
    "megabyte-title", "megabyte-word-title"};

const std::vector<const std::vector<std::string>*> kTables = {
    &kYamlSlips, &kWholeFile, &kWrongKinds, &kOutOfRange, &kUnknownIds, &kUnknownWords, &kNotUtf8,
    &kTooDeep, &kTooMany, &kTooLong, &kBadMedia, &kPathEscapes, &kVideo, &kBadSoundOrClip, &kKnownBugs};

}  // namespace

TEST_CASE("YAML that does not parse is refused at the line and column of the slip") {
    check_refused(kYamlSlips);
}

TEST_CASE("a file that is not a mapping of fields, or lacks 'template' or 'content', is refused") {
    check_refused(kWholeFile);
}

TEST_CASE("a value of the wrong kind names its field and the kind expected") {
    check_refused(kWrongKinds);
}

TEST_CASE("a value out of range is refused at its place and says what the range is") {
    check_refused(kOutOfRange);
}

TEST_CASE("an unknown template, brand, locale or format is refused, with a suggestion when one is close") {
    check_refused(kUnknownIds);
}

TEST_CASE("an unknown verdict or field is refused, with a suggestion when one is close") {
    check_refused(kUnknownWords);
}

TEST_CASE("text that is not UTF-8 is refused wherever it stands") {
    check_refused(kNotUtf8);
}

TEST_CASE("an alias bomb and ten thousand levels of nesting are refused quickly") {
    check_refused(kTooDeep);
}

TEST_CASE("ten thousand points or agenda entries are refused quickly") {
    check_refused(kTooMany);
}

TEST_CASE("a megabyte-long verdict or path is refused quickly and quoted short") {
    check_refused(kTooLong);
}

TEST_CASE("a photo that is missing, empty, cut short, not an image or too big is refused at its path") {
    check_refused(kBadMedia);
}

TEST_CASE("a photo path that leaves the spec's folder is refused") {
    check_refused(kPathEscapes);
}

TEST_CASE("a video section with a bad value, scene, path or caption is refused at its place") {
    check_refused(kVideo);
}

TEST_CASE("music, a voiceover or a clip that is not usable sound or video, or a trim past its end, is refused") {
    check_refused(kBadSoundOrClip);
}

TEST_CASE("a missing required field points at 'content'") {
    check_refused("required-field-missing");
}

TEST_CASE("a gallery photo that is not an image is refused at its path") {
    check_refused("gallery-text-file");
}

// A pasted megabyte as a name is quoted at most 60 characters long.
TEST_CASE("a megabyte-long template or format name is quoted short") {
    check_refused(std::vector<std::string>{"megabyte-template", "megabyte-format"});
}

// One text field holds at most 10,000 characters: a pasted document is refused at once
// instead of keeping layout busy (breaking one long word takes time growing with the square
// of its length).
TEST_CASE("a megabyte-long title is refused before layout") {
    check_refused("megabyte-title");
}

TEST_CASE("a megabyte-long word as the title is refused before layout") {
    check_refused("megabyte-word-title");
}

TEST_CASE("every spec in the corpus folders is listed in exactly one table") {
    std::multiset<std::string> listed;
    for (const auto* table : kTables) listed.insert(table->begin(), table->end());
    std::multiset<std::string> on_disk;
    for (const fs::path& dir : {source_dir() / "tests/corpus", test_media_dir() / "corpus"})
        for (const auto& entry : fs::directory_iterator(dir))
            if (entry.path().extension() == ".yaml") on_disk.insert(entry.path().stem().string());
    CHECK(listed == on_disk);
    CHECK(listed.size() >= 40);
}
