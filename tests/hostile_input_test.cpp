// Hostile input, round two (issue 13): whatever a spec, its media, captions, template or brand
// kit hold, rupa reads only plain files inside the folders it was given, writes only inside
// OUTDIR, and refuses quickly in bounded memory with a message that says where and why. Each
// case runs the real binary; a folder beside the spec's holds canary files and is watched with
// inotify, so that a run that even opens one of them fails the test.
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>

using namespace rupa::test;
namespace fs = std::filesystem;

namespace {

const std::string kEvent =
    "template: event\n"
    "content:\n"
    "  title: Rapat Koordinasi\n"
    "  photo: photos/sawah.jpg\n";

// An HLS playlist and an ffconcat script, each naming the canary photo by its full path.
std::string hls_playlist(const fs::path& target) {
    return "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:10\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:10.0,\n" +
           target.string() + "\n#EXT-X-ENDLIST\n";
}
std::string concat_script(const fs::path& target) { return "ffconcat version 1.0\nfile '" + target.string() + "'\n"; }

// A brand kit folder kit/ beside the spec, a copy of the demo kit with its logo named `logo`.
void make_kit(const CanaryTrial& trial, const std::string& logo) {
    std::string brand = read_file(source_dir() / "templates/brands/demo-kabupaten/brand.yaml");
    brand.replace(brand.find("logo: logo.svg"), 14, "logo: " + logo);
    write_file(trial.post() / "kit/brand.yaml", brand);
}

}  // namespace

// (4) No recursion that depends on input length.

TEST_CASE("an .srt line of 30,000 characters is refused by a linear scan, not a stack overflow") {
    CanaryTrial trial;
    trial.spec(kEvent + "video:\n  captions: teks.srt\n");
    std::string text_line(30000, 'a');
    for (size_t i = 0; i < text_line.size(); i += 2) text_line[i] = '<';
    write_file(trial.post() / "teks.srt", "1\n00:00:01,000 --> 00:00:03,000\n" + text_line + "\n");
    trial.check_refused("render post.yaml -o out",
                        "teks.srt:2:1: error: this caption is longer than 10000 characters (a caption is a line or two)");
    write_file(trial.post() / "teks.srt", "1\n00:00:01,000 --> 00:00:03,000\n" + std::string(15000, '<') +
                                              std::string(15000, '{') + "\n");
    trial.check_refused("render post.yaml -o out",
                        "teks.srt:2:1: error: this caption is longer than 10000 characters (a caption is a line or two)");
    write_file(trial.post() / "teks.srt", "1\n00:00:01,000 --> " + std::string(30000, '9') + "\nHalo\n");
    trial.check_refused("render post.yaml -o out",
                        "teks.srt:2:18: error: '" + std::string(60, '9') +
                            "...' is not a time (write HH:MM:SS,mmm)");
    write_file(trial.post() / "teks.srt", "1\n" + std::string(30000, ' ') + "-->\nHalo\n");
    trial.check_refused("render post.yaml -o out",
                        "teks.srt:2:1: error: expected a time line like '00:00:01,000 --> 00:00:03,000' (got '" +
                            std::string(60, ' ') + "...')");
}

TEST_CASE("a UTF-16 .srt is refused at line 1, column 1, and one without a byte-order mark at its first NUL") {
    CanaryTrial trial;
    trial.spec(kEvent + "video:\n  captions: teks.srt\n");
    write_file(trial.post() / "teks.srt", std::string("\xFF\xFE" "1\0\n\0", 6));
    trial.check_refused("render post.yaml -o out", "teks.srt:1:1: error: the file is saved as UTF-16 text (save it as UTF-8)");
    write_file(trial.post() / "teks.srt", std::string("1\0\n\0", 4));
    trial.check_refused("render post.yaml -o out",
                        "teks.srt:1:2: error: not a text file (a NUL byte) (captions are a SubRip (.srt) text file "
                        "saved as UTF-8)");
}

// (1) Every libav open goes through one guarded path.

TEST_CASE("a photo that is an HLS playlist or an ffconcat script naming a file outside is refused unread") {
    CanaryTrial trial;
    trial.spec(kEvent);
    write_file(trial.post() / "photos/sawah.jpg", hls_playlist(trial.outside() / "secret.jpg"));
    const std::string advice = " (use a JPEG, PNG or WebP file)";
    trial.check_refused("render post.yaml -o out",
                        "post.yaml:4:10: error: cannot use photo 'photos/sawah.jpg': a playlist that points to "
                        "other files, not an image" + advice);
    write_file(trial.post() / "photos/sawah.jpg", concat_script(trial.outside() / "secret.jpg"));
    trial.check_refused("render post.yaml -o out",
                        "post.yaml:4:10: error: cannot use photo 'photos/sawah.jpg': a playlist that points to "
                        "other files, not an image" + advice);
    trial.check_refused("validate post.yaml",
                        "post.yaml:4:10: error: cannot use photo 'photos/sawah.jpg': a playlist that points to "
                        "other files, not an image" + advice);
}

TEST_CASE("a brand kit's logo that is a playlist is refused unread") {
    CanaryTrial trial;
    make_kit(trial, "logo.png");
    write_file(trial.post() / "kit/logo.png", concat_script(trial.outside() / "secret.jpg"));
    trial.spec("template: event\nbrand: kit/brand.yaml\ncontent:\n  title: Rapat\n  photo: photos/sawah.jpg\n");
    trial.check_refused("render post.yaml -o out",
                        "kit/brand.yaml:5:7: error: cannot use the logo: a playlist that points to other files, not "
                        "an image (use an SVG with a size or viewBox, or a PNG)");
    write_file(trial.post() / "kit/logo.png", hls_playlist(trial.outside() / "secret.jpg"));
    trial.check_refused("validate kit/brand.yaml",
                        "kit/brand.yaml:5:7: error: cannot use the logo: a playlist that points to other files, not "
                        "an image (use an SVG with a size or viewBox, or a PNG)");
}

TEST_CASE("a photo with a file-name pattern in its name is read as that one file") {
    CanaryTrial trial;
    fs::rename(trial.post() / "photos/sawah.jpg", trial.post() / "photos/foto%d.jpg");
    fs::copy_file(trial.outside() / "secret.jpg", trial.post() / "photos/foto1.jpg");
    trial.spec("template: event\ncontent:\n  title: Rapat\n  photo: photos/foto%d.jpg\n");
    CanaryTrial::Outcome outcome = trial.run("render post.yaml -o out");
    CHECK(outcome.status == 0);
    CHECK(outcome.err == "");
    trial.check_bounded(outcome, 0);
}

// (2) One reader: regular files only, confined after resolving symlinks, capped while read.

TEST_CASE("a template.yaml or brand.yaml that is a symlink out of its folder is refused, not read") {
    CanaryTrial trial;
    fs::create_directories(trial.post() / "tpl");
    fs::create_symlink(trial.outside() / "canary.txt", trial.post() / "tpl/template.yaml");
    trial.spec("template: ./tpl\ncontent:\n  title: Rapat\n  photo: photos/sawah.jpg\n");
    trial.check_refused("render post.yaml -o out",
                        "post.yaml:1:11: error: 'template.yaml' leaves its template folder (put the file itself in the "
                        "folder)");
    fs::create_directories(trial.post() / "kit");
    fs::create_symlink("/dev/zero", trial.post() / "kit/brand.yaml");
    trial.spec("template: event\nbrand: ./kit\ncontent:\n  title: Rapat\n  photo: photos/sawah.jpg\n");
    trial.check_refused("render post.yaml -o out",
                        "post.yaml:2:8: error: 'brand.yaml' leaves its brand folder (put the file itself in the folder)");
}

TEST_CASE("a FIFO or device named as a spec, template, brand, photo or captions is refused at once") {
    CanaryTrial trial;
    const std::string plain = " (rupa reads only plain files; save the content to a file)";
    REQUIRE(::mkfifo((trial.post() / "pipe.yaml").c_str(), 0644) == 0);
    trial.check_refused("render pipe.yaml -o out", "pipe.yaml: error: a FIFO (named pipe), not a YAML file" + plain);
    trial.check_refused("validate /dev/zero", "/dev/zero: error: a device, not a YAML file" + plain);
    CommandResult piped = run_rupa("render /dev/stdin -o out < /dev/zero", trial.post());
    CHECK(piped.err == "/dev/stdin: error: a device, not a YAML file" + plain + "\n");
    CHECK(piped.status == 2);
    piped = run_rupa("--version >/dev/null; printf 'template: event' | '" + rupa_binary().string() +
                         "' render /dev/stdin -o out", trial.post());
    CHECK(piped.err == "/dev/stdin: error: a FIFO (named pipe), not a YAML file" + plain + "\n");

    fs::create_directories(trial.post() / "kit");
    REQUIRE(::mkfifo((trial.post() / "kit/brand.yaml").c_str(), 0644) == 0);
    trial.spec("template: event\nbrand: ./kit\ncontent:\n  title: Rapat\n  photo: photos/sawah.jpg\n");
    trial.check_refused("render post.yaml -o out",
                        "kit/brand.yaml: error: a FIFO (named pipe), not a YAML file" + plain);

    REQUIRE(::mkfifo((trial.post() / "photos/pipa.jpg").c_str(), 0644) == 0);
    trial.spec("template: event\ncontent:\n  title: Rapat\n  photo: photos/pipa.jpg\n");
    trial.check_refused("render post.yaml -o out",
                        "post.yaml:4:10: error: 'photos/pipa.jpg' is not a regular file");

    REQUIRE(::mkfifo((trial.post() / "teks.srt").c_str(), 0644) == 0);
    trial.spec(kEvent + "video:\n  captions: teks.srt\n");
    trial.check_refused("render post.yaml -o out", "post.yaml:6:13: error: 'teks.srt' is not a regular file");
}
