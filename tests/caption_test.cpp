// Captions in videos: burned in on the brand's dark box in the lower safe zone for as long as
// each is timed, written beside each video as <format>.srt, and warned about at their own
// line when they are too long or too fast to read.
#include "media/clip_reader.hpp"
#include "output/subrip.hpp"
#include "pipeline/render_job.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

using namespace rupa;
using namespace rupa::test;
namespace fs = std::filesystem;

namespace {

// A spec playing one photo (the `photo` template: no text in the frame) for 2 s.
std::string photo_spec(const std::string& video_extra, const std::string& formats = "[reel]") {
    return "template: photo\n"
           "formats: " + formats + "\n"
           "content:\n"
           "  photo: photos/sawah.jpg\n"
           "video:\n"
           "  duration: 2\n" +
           video_extra;
}

// What a 2 s video of the sample photo is always warned about.
const std::string kSoftPhoto =
    "post.yaml:4:10: warning: photo 'photos/sawah.jpg' (1280x1024) is enlarged 1.9x and will look soft; use a larger photo";
const std::string kShortReel = "post.yaml:6:13: warning: the reel is shorter than the 3 s Reels, Shorts and TikTok accept [reel]\n";

// A folder with the sample photo, for a spec written into it.
class CaptionFolder {
public:
    CaptionFolder() {
        fs::create_directories(dir_.path() / "photos");
        fs::copy_file(source_dir() / "samples/photos/sawah.jpg", dir_.path() / "photos/sawah.jpg");
    }
    const fs::path& path() const { return dir_.path(); }
    CommandResult run(const std::string& spec, const std::string& args) const {
        write_file(dir_.path() / "post.yaml", spec);
        return run_rupa(args, dir_.path());
    }

private:
    ScratchDir dir_;
};

// Frames `wanted` of an MP4, as RGB canvases at the video's size.
std::vector<CairoSurfacePtr> decoded_frames(const fs::path& file, int width, int height, const std::vector<long>& wanted) {
    ClipReader reader({file, 0, -1, width, height, 0.5, 0.5, 30});
    std::vector<CairoSurfacePtr> out;
    for (long n = 0;; ++n) {
        CairoSurfacePtr canvas(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height));
        if (!reader.next(canvas.get())) break;
        if (std::find(wanted.begin(), wanted.end(), n) != wanted.end()) out.push_back(std::move(canvas));
    }
    return out;
}

// The mean colour of a row of pixels from x0 to x1.
Argb mean_of_row(cairo_surface_t* canvas, int y, int x0, int x1) {
    long r = 0, g = 0, b = 0;
    for (int x = x0; x < x1; ++x) {
        Argb p = argb_at(canvas, x, y);
        r += p.r, g += p.g, b += p.b;
    }
    int n = x1 - x0;
    return {int(r / n), int(g / n), int(b / n), 255};
}

// demo-kabupaten's ink (#061A24) at the default 75 % over `under`.
Argb ink_box_over(const Argb& under) {
    auto mix = [](int ink, int below) { return int(0.75 * ink + 0.25 * below + 0.5); };
    return {mix(0x06, under.r), mix(0x1A, under.g), mix(0x24, under.b), 255};
}

}  // namespace

TEST_CASE("captions are burned in on a dark box in the lower safe zone while they play, and written beside each video as <format>.srt") {
    CaptionFolder folder;
    const std::string srt =
        "1\n00:00:00,100 --> 00:00:01,000\nSelamat datang\n\n"
        "2\n00:00:01,100 --> 00:00:01,900\nTerima kasih\n";
    write_file(folder.path() / "teks.srt", srt);
    CommandResult r = folder.run(photo_spec("  captions: teks.srt\n", "[reel, video-landscape]"), "render post.yaml -o out");
    INFO(r.err);
    REQUIRE(r.status == 0);
    fs::path out = folder.path() / "out/post";
    CHECK(read_file(out / "reel.srt") == srt);
    CHECK(read_file(out / "video-landscape.srt") == srt);
    nlohmann::json report = nlohmann::json::parse(read_file(out / "render.json"));
    std::vector<std::string> listed;
    for (const auto& f : report["files"]) listed.push_back(f["file"].get<std::string>() + " " + f.value("format", ""));
    CHECK(std::find(listed.begin(), listed.end(), "reel.srt reel") != listed.end());
    CHECK(std::find(listed.begin(), listed.end(), "video-landscape.srt video-landscape") != listed.end());

    // Frame 15 shows the first caption, 31 falls between the two, 45 shows the second.
    struct Probe {
        const char* video;
        int width, height;
        int y, x0, x1;  // a row of the box's lower padding: inside the box, under its text
        int below;      // a row under the box
    };
    // The reel's box stands in the safe zone (x 65-900, y 270-1248), on its lower edge; the
    // landscape's above the bottom 13 %, where players draw their controls.
    for (const Probe& p : {Probe{"reel.mp4", 1080, 1920, 1218, 420, 545, 1252},
                           Probe{"video-landscape.mp4", 1920, 1080, 934, 900, 1020, 948}}) {
        INFO(p.video);
        std::vector<CairoSurfacePtr> frames = decoded_frames(out / p.video, p.width, p.height, {15, 31, 45});
        REQUIRE(frames.size() == 3);
        Argb during = mean_of_row(frames[0].get(), p.y, p.x0, p.x1);
        Argb between = mean_of_row(frames[1].get(), p.y, p.x0, p.x1);
        Argb second = mean_of_row(frames[2].get(), p.y, p.x0, p.x1);
        CHECK(near(during, ink_box_over(between), 10));
        CHECK(near(second, ink_box_over(between), 10));
        CHECK_FALSE(near(between, during, 30));  // the photo shows there without a caption
        // Under the box the photo shows with or without a caption.
        CHECK(near(mean_of_row(frames[0].get(), p.below, p.x0, p.x1), mean_of_row(frames[1].get(), p.below, p.x0, p.x1), 8));
    }
}

TEST_CASE("a caption too fast to read, over two lines, or after the video's end is warned about at its own line") {
    CaptionFolder folder;
    CommandResult r = folder.run(photo_spec("  captions:\n"
                                            "    - {text: Selamat datang di Sukamakmur, from: 0, to: 0.5}\n"
                                            "    - {text: Bupati membuka pelatihan admin media sosial bagi seluruh OPD dan kecamatan se-Kabupaten Sukamakmur, from: 0.5, to: 1.9}\n"
                                            "    - {text: Terima kasih, from: 2.5, to: 3}\n",
                                            "[reel, video-square]"),
                                 "validate post.yaml");
    CHECK(r.status == 0);
    CHECK(r.err ==
          kSoftPhoto + " [reel]\n"
          "post.yaml:10:7: warning: this caption starts at 2.5 s, after the video ends at 2.0 s, so it is never shown: "
          "move it, or make the video longer\n"
          "post.yaml:8:7: warning: this caption shows 28 characters in 0.5 s, 56.0 a second; viewers read at most 17 a "
          "second: show it longer, or shorten it\n"
          "post.yaml:9:7: warning: this caption shows 98 characters in 1.4 s, 70.0 a second; viewers read at most 17 a "
          "second: show it longer, or shorten it\n"
          "post.yaml:9:7: warning: this caption needs 4 lines; a burned-in caption is at most 2 lines of about 32 "
          "characters: shorten it, or split it into two captions [reel, video-square]\n" +
              kShortReel);

    write_file(folder.path() / "teks.srt", "1\n00:00:00,000 --> 00:00:01,500\nSatu\ndua\ntiga\n");
    r = folder.run(photo_spec("  captions: teks.srt\n"), "validate post.yaml");
    CHECK(r.status == 0);
    CHECK(r.err == kSoftPhoto + " [reel]\n" +
                       "teks.srt:2:1: warning: this caption needs 3 lines; a burned-in caption is at most 2 lines of "
                       "about 32 characters: shorten it, or split it into two captions [reel]\n" +
                       kShortReel);
}

TEST_CASE("a caption that cannot be drawn whole in the frame fails its video, which is not written") {
    CaptionFolder folder;
    std::string words;
    for (int i = 0; i < 120; ++i) words += "kata" + std::to_string(i) + " ";
    CommandResult r = folder.run(photo_spec("  captions:\n    - {text: " + words + ", from: 0, to: 1.9}\n"),
                                 "render post.yaml -o out");
    CHECK(r.status == 1);
    CHECK(r.err == kSoftPhoto + " [reel]\n" +
                       "post.yaml:8:7: warning: this caption shows 849 characters in 1.9 s, 446.8 a second; viewers "
                       "read at most 17 a second: show it longer, or shorten it\n"
                       "post.yaml:8:7: error: this caption cannot be drawn whole even at 44 px: its 25 lines are "
                       "taller than the frame; shorten it, or split it into several captions [reel]\n" +
                       kShortReel + "post.yaml: error: could not render 'reel'\n");
    CHECK_FALSE(fs::exists(folder.path() / "out/post/reel.mp4"));
    CHECK_FALSE(fs::exists(folder.path() / "out/post/reel.srt"));
}

TEST_CASE("a caption's text keeps clear of the design's text when the frame has room, and says so when it has none") {
    CaptionFolder folder;
    // The event design in a reel leaves room between its header and its kicker: the caption
    // stands there, above the date and place it would otherwise cover.
    std::string event =
        "template: event\nformats: [reel]\ncontent:\n  title: Rapat Koordinasi Humas\n"
        "  date: 2024-07-03\n  place: Ruang Rapat Candi Penataran\n  photo: photos/sawah.jpg\n"
        "video:\n  duration: 4\n  captions:\n    - {text: Selamat datang, from: 1, to: 2}\n";
    write_file(folder.path() / "post.yaml", event);
    Diagnostics diagnostics;
    RenderPlan plan = plan_render({folder.path() / "post.yaml", "out", {}, false, {}, {}, {}}, diagnostics);
    REQUIRE(plan.timelines.size() == 1);
    const Timeline& t = plan.timelines[0];
    REQUIRE(t.captions.size() == 1);
    const Box& box = t.captions[0].nodes[0].box;
    for (const SceneNode& n : t.scenes[0].scene.nodes) {
        if (n.kind != NodeKind::text) continue;
        INFO(n.name);
        bool apart = n.box.bottom() <= box.y || box.bottom() <= n.box.y || n.box.right() <= box.x || box.right() <= n.box.x;
        CHECK(apart);
    }
    CHECK(box.x >= 65);
    CHECK(box.right() <= 900);
    CHECK(box.y >= 270);
    CHECK(box.bottom() <= 1248);
    for (const Warning& w : diagnostics.warnings()) CHECK(w.code != "caption-covers-text");

    // A long caption over a full design has nowhere free to go: it stands low and is warned about.
    write_file(folder.path() / "post.yaml",
               event.substr(0, event.find("    - {text:")) +
                   "    - {text: Bupati membuka rapat koordinasi humas bersama seluruh admin, from: 1, to: 3.9}\n");
    Diagnostics crowded;
    plan_render({folder.path() / "post.yaml", "out", {}, false, {}, {}, {}}, crowded);
    std::vector<std::string> messages;
    for (const Warning& w : crowded.warnings()) messages.push_back(w.to_string());
    CHECK(std::find(messages.begin(), messages.end(),
                    (folder.path() / "post.yaml").string() +
                        ":11:7: warning: this caption covers the design's text wherever it stands; time it over a scene "
                        "with room for it (a photo), or shorten it [reel]") != messages.end());
}

TEST_CASE("a brand's caption style is checked at its lines and drawn as written") {
    CaptionFolder folder;
    std::string brand = read_file(source_dir() / "templates/brands/demo-kabupaten/brand.yaml");
    auto with_captions = [&](const std::string& style) {
        fs::create_directories(folder.path() / "kit");
        if (!fs::exists(folder.path() / "kit/logo.svg"))
            fs::copy_file(source_dir() / "templates/brands/demo-kabupaten/logo.svg", folder.path() / "kit/logo.svg");
        write_file(folder.path() / "kit/brand.yaml", brand + style);
    };
    std::string spec = "brand: ./kit\n" + photo_spec("  captions:\n    - {text: Halo, from: 0, to: 1}\n");
    with_captions("captions: {size: 40}\n");
    CommandResult r = folder.run(spec, "validate post.yaml");
    CHECK(r.status == 2);
    CHECK(r.err == "kit/brand.yaml:26:18: error: 'size' must be between 44 and 96 (got 40)\n");
    with_captions("captions: {box: ink/0.3}\n");
    r = folder.run(spec, "validate post.yaml");
    CHECK(r.err == "kit/brand.yaml:26:17: error: the caption box's opacity must be 0.5 or more (a lighter box lets a "
                   "bright frame show through the text; write e.g. ink/0.75)\n");
    with_captions("captions: {colour: paper}\n");
    r = folder.run(spec, "validate post.yaml");
    CHECK(r.err == "kit/brand.yaml:26:12: error: unknown field 'colour' (did you mean 'color'?)\n");

    with_captions("captions: {color: muted, box: primary/0.6}\n");
    r = folder.run(spec, "validate post.yaml");
    CHECK(r.status == 0);
    CHECK(r.err.find("kit/brand.yaml:26:11: warning: the brand's captions have a contrast of 2.1:1 on their box over a "
                     "white or black frame, under the 4.5:1 WCAG AA needs; give 'captions' a darker, more opaque box or "
                     "a lighter text colour\n") != std::string::npos);

    with_captions("captions: {font: heading, size: 60, weight: 800, color: accent, box: primary/0.9}\n");
    write_file(folder.path() / "post.yaml", spec);
    Diagnostics diagnostics;
    RenderPlan plan = plan_render({folder.path() / "post.yaml", "out", {}, false, {}, {}, {}}, diagnostics);
    REQUIRE(plan.timelines.at(0).captions.size() == 1);
    const std::vector<SceneNode>& nodes = plan.timelines[0].captions[0].nodes;
    const Rgba& primary = plan.brand.colors.at("primary");
    CHECK(nodes[0].fill.r == primary.r);
    CHECK(nodes[0].fill.a == doctest::Approx(0.9));
    CHECK(nodes[1].fill.r == plan.brand.colors.at("accent").r);
    PangoFontDescription* font = const_cast<PangoFontDescription*>(pango_layout_get_font_description(nodes[1].text.get()));
    CHECK(pango_font_description_get_size(font) == 60 * PANGO_SCALE);
    CHECK(pango_font_description_get_weight(font) == 800);
}

TEST_CASE("SubRip times are written to the millisecond of their frame") {
    CHECK(subrip_time(0) == "00:00:00,000");
    CHECK(subrip_time(75) == "00:00:02,500");
    CHECK(subrip_time(1) == "00:00:00,033");
    CHECK(subrip_time(2) == "00:00:00,067");
    CHECK(subrip_time(3 * 3600 * 30 + 62 * 30 + 29) == "03:01:02,967");
    CHECK(subrip_text({{"Satu\n\ndua", 0, 30, {}}, {"Tiga", 45, 60, {}}}) ==
          "1\n00:00:00,000 --> 00:00:01,000\nSatu\ndua\n\n2\n00:00:01,500 --> 00:00:02,000\nTiga\n");
}
