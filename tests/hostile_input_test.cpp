// Hostile input, round two (issue 13): whatever a spec, its media, captions, template or brand
// kit hold, rupa reads only plain files inside the folders it was given, writes only inside
// OUTDIR, and refuses quickly in bounded memory with a message that says where and why. Each
// case runs the real binary; a folder beside the spec's holds canary files and is watched with
// inotify, so that a run that even opens one of them fails the test.
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <glib.h>
#include <zlib.h>

#include <algorithm>
#include <sys/stat.h>
#include <tuple>

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

// (5) Numbers in templates are range-checked at their line; SVG work is bounded.

namespace {

// `text` with the first `from` replaced by `to`, and the line:col where `to` now starts.
std::pair<std::string, std::string> replaced(std::string text, const std::string& from, const std::string& to) {
    size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    size_t line_start = text.rfind('\n', at) + 1;
    int line = 1 + int(std::count(text.begin(), text.begin() + long(at), '\n'));
    return {text, std::to_string(line) + ":" + std::to_string(at - line_start + 1)};
}

std::string png_chunk(const std::string& type, const std::string& data) {
    auto be32 = [](uint32_t v) {
        return std::string{char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    };
    std::string typed = type + data;
    return be32(uint32_t(data.size())) + typed + be32(uint32_t(crc32(0, reinterpret_cast<const Bytef*>(typed.data()),
                                                                     uInt(typed.size()))));
}

std::string png_header(uint32_t width, uint32_t height) {
    std::string ihdr;
    for (uint32_t v : {width, height})
        for (int shift : {24, 16, 8, 0}) ihdr += char(v >> shift);
    ihdr += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB
    return std::string("\x89PNG\r\n\x1a\n", 8) + png_chunk("IHDR", ihdr);
}

// A zlib stream of `megabytes` MB of zeros, built without compressing them all: one fully
// flushed block of 1 MB of zeros is byte-aligned and needs no earlier data, so it repeats.
std::string zeros_bomb(int megabytes) {
    z_stream z{};
    REQUIRE(deflateInit(&z, 9) == Z_OK);
    std::string zeros(1 << 20, '\0'), out(1 << 20, '\0');
    z.next_in = reinterpret_cast<Bytef*>(zeros.data());
    z.avail_in = uInt(zeros.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    REQUIRE(deflate(&z, Z_FULL_FLUSH) == Z_OK);
    std::string flushed = out.substr(0, out.size() - z.avail_out);
    deflateEnd(&z);
    std::string header = flushed.substr(0, 2), block = flushed.substr(2);
    std::string stream = header;
    for (int i = 0; i < megabytes; ++i) stream += block;
    stream += std::string("\x03\x00", 2);  // the final, empty block
    uint32_t adler = uint32_t((uint64_t(megabytes) << 20) % 65521) << 16 | 1;  // Adler-32 of zeros
    for (int shift : {24, 16, 8, 0}) stream += char(adler >> shift);
    return stream;
}

std::string svg_logo(const std::string& inside) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"200\" "
           "height=\"100\" viewBox=\"0 0 200 100\">" + inside + "</svg>\n";
}

std::string base64(const std::string& bytes) {
    gchar* text = g_base64_encode(reinterpret_cast<const guchar*>(bytes.data()), bytes.size());
    std::string out(text);
    g_free(text);
    return out;
}

}  // namespace

TEST_CASE("an absurd size, padding or radius in a template is an error at its line, not a hang") {
    CanaryTrial trial;
    const std::string original = read_file(source_dir() / "templates/announcement/template.yaml");
    for (const auto& [from, to, field, range] :
         {std::tuple{"padding: [20, 8]", "padding: [1e300, 8]", "padding", "0 and 500"},
          std::tuple{"radius: 8}", "radius: 1e300}", "radius", "0 and 1000"},
          std::tuple{"line_height: 1.2", "line_height: 1e308", "line_height", "0.5 and 4"}}) {
        CAPTURE(from);
        auto [text, at] = replaced(original, from, to);
        size_t value = std::string(to).find(' ') + 1;
        std::string shown = std::string(to).substr(value, std::string(to).find_first_of(",}", value) - value);
        if (shown.starts_with("[")) shown.erase(0, 1);
        auto [line, column] = std::pair{at.substr(0, at.find(':')), std::stoi(at.substr(at.find(':') + 1))};
        write_file(trial.post() / "tpl/template.yaml", text);
        trial.check_refused("validate tpl/template.yaml",
                            "tpl/template.yaml:" + line + ":" + std::to_string(column + int(value) + (to[value] == '[')) +
                                ": error: '" + field + "' must be between " + range + " (got " + shown + ")");
    }
    auto [sized, unused] = replaced(original, "styles:\n", "styles:\n  giant: {size: 1e308}\n");
    write_file(trial.post() / "tpl/template.yaml", sized);
    trial.spec("template: ./tpl\ncontent:\n  title: Pengumuman\n  points: [Satu]\n");
    int line = 1 + int(std::count(sized.begin(), sized.begin() + long(sized.find("giant")), '\n'));
    trial.check_refused("render post.yaml -o out", "tpl/template.yaml:" + std::to_string(line) +
                                                       ":17: error: 'size' must be between 8 and 1000 (got 1e308)");
}

TEST_CASE("an SVG logo asking for unbounded filter work, or embedding a huge or outside picture, is refused") {
    CanaryTrial trial;
    make_kit(trial, "logo.svg");
    trial.spec("template: event\nbrand: kit/brand.yaml\ncontent:\n  title: Rapat\n  photo: photos/sawah.jpg\n");
    const std::string at = "kit/brand.yaml:5:7: error: cannot use the logo: ";
    const std::string advice = " (use an SVG with a size or viewBox, or a PNG)";
    const std::string huge_png = base64(png_header(20000, 20000) + png_chunk("IEND", ""));
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"<filter id=\"f\"><feTurbulence baseFrequency=\"0.05\" numOctaves=\"1000000000\"/></filter>"
         "<rect width=\"200\" height=\"100\" filter=\"url(#f)\"/>",
         "the SVG's feTurbulence has numOctaves=\"1000000000\"; rupa draws at most 10"},
        {"<filter id=\"f\"><feConvolveMatrix order=\"3 3000\" kernelMatrix=\"1\"/></filter>",
         "the SVG's feConvolveMatrix has order=\"3 3000\"; rupa draws at most 9"},
        {"<filter id=\"f\"><feMorphology radius=\"1e9\"/></filter>",
         "the SVG's feMorphology has radius=\"1e9\"; rupa draws at most 10"},
        {std::string(60, ' ') + [] {
             std::string many;
             for (int i = 0; i < 51; ++i) many += "<feFlood/>";
             return "<filter id=\"f\">" + many + "</filter>";
         }(),
         "the SVG has more than 50 filter primitives"},
        {"<image width=\"10\" height=\"10\" xlink:href=\"data:image/png;base64," + huge_png + "\"/>",
         "the SVG embeds a picture of 20000x20000; rupa takes at most 4096 pixels a side"},
        {"<image width=\"10\" height=\"10\" href=\"../../outside/secret.jpg\"/>",
         "the SVG refers to another file ('../../outside/secret.jpg'); embed pictures in the SVG itself"},
    };
    for (const auto& [inside, message] : cases) {
        write_file(trial.post() / "kit/logo.svg", svg_logo(inside));
        trial.check_refused("render post.yaml -o out", at + message + advice);
    }
    write_file(trial.post() / "kit/logo.svg",
               "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY t \"<feTurbulence numOctaves='1000000000'/>\">]>\n" +
                   svg_logo("<filter id=\"f\">&t;</filter>"));
    trial.check_refused("validate kit/brand.yaml",
                        at + "the SVG declares entities (<!ENTITY>), which a logo never needs" + advice);
}

TEST_CASE("an SVG logo that passes the scan but draws for over 2 s is refused by its trial draw, in about 2 s") {
    CanaryTrial trial;
    make_kit(trial, "logo.svg");
    trial.spec("template: event\nbrand: kit/brand.yaml\ncontent:\n  title: Rapat\n  photo: photos/sawah.jpg\n");
    // One filter primitive of 10 octaves, within every cap of the scan, used by 50 shapes:
    // about 18 s of drawing at the trial's 1024x512 with librsvg 2.54.
    std::string shapes;
    for (int i = 0; i < 50; ++i) shapes += "<rect width=\"200\" height=\"100\" filter=\"url(#f)\"/>";
    write_file(trial.post() / "kit/logo.svg",
               svg_logo("<filter id=\"f\" x=\"0\" y=\"0\" width=\"1\" height=\"1\"><feTurbulence "
                        "baseFrequency=\"0.05\" numOctaves=\"10\"/></filter>" + shapes));
    CanaryTrial::Outcome outcome = trial.run("render post.yaml -o out");
    CHECK(outcome.err == "kit/brand.yaml:5:7: error: cannot use the logo: the SVG takes longer than 2 s to draw; "
                         "simplify it: fewer filters and embedded pictures (use an SVG with a size or viewBox, or a "
                         "PNG)\n");
    CHECK(outcome.status == 2);
    trial.check_bounded(outcome, 2, 4.0);
    CHECK(outcome.measured.seconds >= 2.0);
    CHECK(is_empty_or_missing(trial.post() / "out"));
}

#if !defined(__SANITIZE_ADDRESS__)  // memory is not budgeted under AddressSanitizer
TEST_CASE("an SVG logo that passes the scan but swells past 256 MB while drawing is refused by its trial draw") {
    CanaryTrial trial;
    make_kit(trial, "logo.svg");
    // 250 nested see-through groups, each beside a shape: librsvg keeps a 1024x512 layer for each
    // while it draws the innermost, 500 MB in all. The trial ends it as it passes 256 MB.
    std::string nested;
    for (int i = 0; i < 250; ++i) nested += "<g opacity=\"0.9\"><rect width=\"200\" height=\"100\"/>";
    for (int i = 0; i < 250; ++i) nested += "</g>";
    write_file(trial.post() / "kit/logo.svg", svg_logo(nested));
    CanaryTrial::Outcome outcome = trial.run("validate kit/brand.yaml");
    CHECK(outcome.err == "kit/brand.yaml:5:7: error: cannot use the logo: the SVG needs more than 256 MB of memory "
                         "to draw; simplify it: fewer embedded pictures, filters and nested groups (use an SVG with "
                         "a size or viewBox, or a PNG)\n");
    CHECK(outcome.status == 2);
    trial.check_bounded(outcome, 2, 4.0, 450);
}
#endif

TEST_CASE("a template's logo box over 640 px a side is an error at its line") {
    CanaryTrial trial;
    auto [text, at] = replaced(read_file(source_dir() / "templates/event/template.yaml"),
                               "{logo: logo, box: [72, 72, 88, 88]}", "{logo: logo, box: [72, 72, 700, 88]}");
    write_file(trial.post() / "tpl/template.yaml", text);
    size_t column = std::string("{logo: logo, box: ").size() + 1;
    trial.check_refused("validate tpl/template.yaml",
                        "tpl/template.yaml:" + at.substr(0, at.find(':')) + ":" +
                            std::to_string(std::stoi(at.substr(at.find(':') + 1)) + int(column) - 1) +
                            ": error: a logo's 'box' may be at most 640 pixels a side (a logo is drawn up to 1.6 "
                            "times larger, in video-landscape)");
}

// (6) Memory bombs past the 100-megapixel limit, and (9) size bombs named by their limit.

TEST_CASE("a PNG whose zTXt chunk inflates to 1 GB is refused after inflating at most 4 MB of it") {
    CanaryTrial trial;
    std::string idat;
    {
        std::string scanline("\0\0\0\0", 4);  // filter byte and one RGB pixel
        uLongf size = compressBound(uLong(scanline.size()));
        idat.resize(size);
        compress(reinterpret_cast<Bytef*>(idat.data()), &size, reinterpret_cast<const Bytef*>(scanline.data()),
                 uLong(scanline.size()));
        idat.resize(size);
    }
    std::string bomb = png_header(1, 1) + png_chunk("zTXt", std::string("Comment\0\0", 9) + zeros_bomb(1024)) +
                       png_chunk("IDAT", idat) + png_chunk("IEND", "");
    REQUIRE(bomb.size() < (2 << 20));
    write_file(trial.post() / "photos/bom.png", bomb);
    trial.spec("template: event\ncontent:\n  title: Rapat\n  photo: photos/bom.png\n");
    trial.check_refused("render post.yaml -o out",
                        "post.yaml:4:10: error: cannot use photo 'photos/bom.png': the image's zTXt chunk holds more "
                        "than 4 MB of text or colour profile; rupa takes at most 4 MB (use a JPEG, PNG or WebP file)");
    // The same picture without the bomb renders: the check is not what refuses it.
    write_file(trial.post() / "photos/bom.png", png_header(1, 1) + png_chunk("IDAT", idat) + png_chunk("IEND", ""));
    CanaryTrial::Outcome fine = trial.run("validate post.yaml");
    CHECK(fine.err.find("error") == std::string::npos);
    CHECK(fine.status == 0);
}

TEST_CASE("pictures over the limits are refused naming the limit, not as 'no picture found' or 'not enough memory'") {
    CanaryTrial trial;
    trial.spec("template: event\ncontent:\n  title: Rapat\n  photo: photos/besar.png\n");
    const std::string at = "post.yaml:4:10: error: cannot use photo 'photos/besar.png': ";
    const std::string advice = " (use a JPEG, PNG or WebP file)";
    write_file(trial.post() / "photos/besar.png", png_header(70000, 70000) + png_chunk("IEND", ""));
    trial.check_refused("render post.yaml -o out", at + "image of 70000x70000 is over the 100-megapixel limit" + advice);
    write_file(trial.post() / "photos/besar.png", png_header(40000, 1000) + png_chunk("IEND", ""));
    trial.check_refused("render post.yaml -o out",
                        at + "image of 40000x1000 is over 32767 pixels a side, the most rupa can draw" + advice);
}

// (9) Control characters never reach a terminal, caption.txt or alt.txt.

TEST_CASE("ESC and C1 control characters in a spec or captions are refused at their place, and never echoed raw") {
    CanaryTrial trial;
    const std::string hint = " (remove it: it is invisible, and in a terminal or a post it can change how text shows)";
    trial.spec("template: event\ncontent:\n  title: \"Rapat \\e]0;pwned\\a\"\n  photo: photos/sawah.jpg\n");
    trial.check_refused("render post.yaml -o out", "post.yaml:3:10: error: 'title' contains the control character U+001B" + hint);
    trial.spec("template: event\ncontent:\n  title: \"Rapat \\u009B31m\"\n  photo: photos/sawah.jpg\n");
    trial.check_refused("render post.yaml -o out", "post.yaml:3:10: error: 'title' contains the control character U+009B" + hint);
    trial.spec("template: event\ncontent:\n  title: Rapat\n  photo: photos/sawah.jpg\nvideo:\n  captions: teks.srt\n");
    write_file(trial.post() / "teks.srt", "1\n00:00:01,000 --> 00:00:03,000\nHalo \x1b[2J semua\n");
    trial.check_refused("render post.yaml -o out", "teks.srt:3:6: error: this caption contains the control character U+001B" + hint);

    // A file name is echoed with each control and the escape sequence it starts shown as one
    // '?' ("\302\233c" is CSI c, which asks a terminal to answer).
    CommandResult r = run_rupa("render \"$(printf 'a\\033[2Jb\\302\\233c')\".yaml -o out", trial.post());
    CHECK(r.status == 2);
    CHECK(r.err == "a?b?.yaml: error: file not found (check the path)\n");
    CHECK(is_empty_or_missing(trial.post() / "out"));
}
