// The slideshow template and the photo collage: the collage's cells, the stills of the
// sample, and the video the template plays of its own (title card, one slide per photo,
// outro), to the frame.
#include "layout/collage_layout.hpp"
#include "pipeline/render_job.hpp"
#include "spec/spec_error.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

using namespace rupa;
using namespace rupa::test;
namespace fs = std::filesystem;

namespace {

// A slideshow spec with the first `count` sample photos (taken in turn) and `video`.
void write_slideshow(const fs::path& folder, size_t count, const std::string& video = "") {
    const char* names[] = {"bukit.jpg", "danau.jpg", "sawah.jpg", "sungai.jpg", "hutan.jpg"};
    fs::create_directories(folder / "photos");
    std::string photos;
    for (size_t i = 0; i < count; ++i) {
        std::string name = names[i % 5];
        fs::copy_file(source_dir() / "samples/photos" / name, folder / "photos" / name,
                      fs::copy_options::overwrite_existing);
        photos += "    - photos/" + name + "\n";
    }
    write_file(folder / "galeri.yaml", "template: slideshow\n"
                                       "content:\n"
                                       "  title: Jelajah Wisata Alam Kabupaten Sukamakmur\n"
                                       "  date: 2024-08-17\n"
                                       "  place: Kecamatan Gandusari\n"
                                       "  photos:\n" + photos + video);
}

RenderPlan plan(const fs::path& spec, std::vector<std::string> formats, Diagnostics& diagnostics) {
    RenderRequest request;
    request.spec_file = spec;
    request.formats = std::move(formats);
    return plan_render(request, diagnostics);
}

std::vector<Box> collage_of(const Scene& scene) {
    std::vector<Box> cells;
    for (const SceneNode& n : scene.nodes)
        if (n.kind == NodeKind::image && n.element == "collage") cells.push_back(n.box);
    return cells;
}

}  // namespace

TEST_CASE("a collage's cells fill its box without overlapping, the gap between them, for any count") {
    for (Box box : {Box{0, 0, 1080, 560}, Box{0, 1270, 1080, 650}, Box{0, 0, 580, 675}}) {
        for (size_t n = 1; n <= 9; ++n) {
            CAPTURE(n);
            CAPTURE(box.w);
            std::vector<Box> cells = collage_cells(n, box, 8);
            REQUIRE(cells.size() == n);
            double area = 0;
            for (size_t i = 0; i < n; ++i) {
                const Box& c = cells[i];
                CHECK(c.x >= box.x);
                CHECK(c.y >= box.y);
                CHECK(c.right() <= box.right());
                CHECK(c.bottom() <= box.bottom());
                CHECK(c.w == std::round(c.w));
                CHECK(c.h == std::round(c.h));
                area += c.w * c.h;
                for (size_t j = 0; j < i; ++j) {
                    const Box& d = cells[j];
                    double apart = std::max({d.x - c.right(), c.x - d.right(), d.y - c.bottom(), c.y - d.bottom()});
                    CHECK(apart >= 8);  // never overlapping; at least the gap apart
                }
            }
            // Only the gaps are left uncovered: at most a gap's strip per line and cell.
            double gaps = 8 * (box.w + box.h) * double(n);
            CHECK(area >= box.w * box.h - gaps);
        }
    }
    // Three lead with the first photo, three fifths of the box: on top in a tall box, on the
    // left in a wide one.
    std::vector<Box> tall = collage_cells(3, {0, 0, 600, 1000}, 10);
    CHECK(tall[0].w == 600);
    CHECK(tall[0].h == 594);  // (1000 - 10) * 3/5
    CHECK(tall[1].y == 604);
    std::vector<Box> wide = collage_cells(3, {0, 0, 1000, 600}, 10);
    CHECK(wide[0].h == 600);
    CHECK(wide[0].w == 594);
    // Five lie two, then three.
    std::vector<Box> five = collage_cells(5, {0, 0, 1000, 1000}, 0);
    CHECK(five[0].w == 500);
    CHECK(five[2].w == std::round(1000.0 / 3));
    CHECK(five[2].y == 500);
}

TEST_CASE("the slideshow sample draws every photo in the collage of every still format, without a warning") {
    Diagnostics diagnostics;
    RenderPlan p = plan(source_dir() / "samples/slideshow.yaml", {"square", "portrait", "story", "landscape"}, diagnostics);
    for (const Warning& w : diagnostics.warnings()) FAIL_CHECK(w.to_string());
    REQUIRE(p.scenes.size() == 4);
    for (size_t i = 0; i < 4; ++i) {
        CAPTURE(p.formats[i]->id);
        CHECK(p.scenes[i].whole);
        CHECK(collage_of(p.scenes[i]).size() == 5);
    }
}

TEST_CASE("of a gallery's photos, decoded two at a time, the first damaged one in the spec's order is reported") {
    ScratchDir dir;
    write_slideshow(dir.path(), 5);
    // The third and the fourth cut short: the third is reported, whichever decoder fails first.
    for (const char* name : {"sawah.jpg", "sungai.jpg"}) fs::resize_file(dir.path() / "photos" / name, 600);
    CommandResult r = run_rupa("render galeri.yaml -o out --formats square", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err.rfind("galeri.yaml:9:7: error: cannot use photo 'photos/sawah.jpg': ", 0) == 0);
    CHECK_FALSE(fs::exists(dir.path() / "out/galeri/square.png"));
}

TEST_CASE("a slideshow of more photos than its design shows them all, smaller, and warns at 'photos'") {
    ScratchDir dir;
    write_slideshow(dir.path(), 7);
    Diagnostics diagnostics;
    RenderPlan p = plan(dir.path() / "galeri.yaml", {"square", "story"}, diagnostics);
    for (const Scene& s : p.scenes) CHECK(collage_of(s).size() == 7);
    bool warned = false;
    for (const Warning& w : diagnostics.warnings()) {
        INFO(w.to_string());
        if (w.code != "too-many-entries") continue;
        warned = true;
        CHECK(w.message == "'photos' has 7 entries; template 'slideshow' is designed for 5");
        CHECK(w.where.line == 7);
    }
    CHECK(warned);
}

TEST_CASE("a slideshow plays its title card, then each photo for 3.5 s, then the outro, to the frame") {
    ScratchDir dir;
    write_slideshow(dir.path(), 4);
    Diagnostics diagnostics;
    RenderPlan p = plan(dir.path() / "galeri.yaml", {"reel", "video-landscape"}, diagnostics);
    // The landscape photos fill the upright reel only enlarged: that is warned, nothing else.
    for (const Warning& w : diagnostics.warnings())
        if (w.code != "photo-upscaled" || w.format != "reel") FAIL_CHECK(w.to_string());
    REQUIRE(p.timelines.size() == 2);
    for (const Timeline& t : p.timelines) {
        // 3.2 s of title card (5 s less the 1.8 s outro), 4 x 105 frames of photos, 54 of outro.
        REQUIRE(t.scenes.size() == 6);
        std::vector<long> starts, entrances;
        for (const TimedScene& s : t.scenes) starts.push_back(s.start), entrances.push_back(s.fade_in);
        CHECK(starts == std::vector<long>{0, 96, 201, 306, 411, 516});
        CHECK(entrances == std::vector<long>{0, 14, 14, 14, 14, 12});
        CHECK(t.frames == 516 + 54);
        CHECK(collage_of(t.scenes[0].scene).size() == 4);  // the title card is the design
        CHECK(t.cover_frame < 96);
        // Each slide is one photo filling the frame, drifting.
        for (size_t i = 1; i <= 4; ++i) {
            const Scene& slide = t.scenes[i].scene;
            auto photo = std::find_if(slide.nodes.begin(), slide.nodes.end(),
                                      [](const SceneNode& n) { return n.kind == NodeKind::image; });
            REQUIRE(photo != slide.nodes.end());
            CHECK(photo->box.w == slide.width);
            CHECK(photo->box.h == slide.height);
            CHECK(photo->motion.ken_burns);
        }
    }
}

TEST_CASE("a slideshow's video.duration is shared by its photos; one too short for them is an error at it") {
    ScratchDir dir;
    write_slideshow(dir.path(), 5, "video:\n  duration: 20\n");
    Diagnostics diagnostics;
    RenderPlan p = plan(dir.path() / "galeri.yaml", {"video-square"}, diagnostics);
    REQUIRE(p.timelines.size() == 1);
    const Timeline& t = p.timelines[0];
    CHECK(t.frames == 600);
    CHECK(t.scenes.back().start == 600 - 54);  // the outro
    CHECK(t.scenes[1].start == 96);
    CHECK(t.scenes[2].start == 96 + 90);  // (600 - 96 - 54) / 5 frames a photo

    write_slideshow(dir.path(), 5, "video:\n  duration: 6\n");
    CommandResult r = run_rupa("render galeri.yaml --formats reel -o out", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err == "galeri.yaml:13:13: error: a video of 6.0 s leaves its 5 photos less than 1 s each after the "
                   "title card and the outro (make it at least 10.0 s, or leave 'duration' out (3.5 s a photo))\n");
    CHECK(is_empty_or_missing(dir.path() / "out"));
}

TEST_CASE("a slideshow's alt text says how many photos it shows") {
    ScratchDir dir;
    write_slideshow(dir.path(), 3);
    CommandResult r = run_rupa("render galeri.yaml --formats square -o out", dir.path());
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(read_file(dir.path() / "out/galeri/alt.txt")
              .rfind("Galeri foto dari Pemerintah Kabupaten Sukamakmur, dengan 3 foto. ", 0) == 0);
}
