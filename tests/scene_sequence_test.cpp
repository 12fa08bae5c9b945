// A spec's `video.scenes`: template scenes and photo slideshows played in order, each
// entering the one before as its template says, lasting exactly their frames.
#include "draw/timeline_painter.hpp"
#include "pipeline/render_job.hpp"
#include "media/mp4_check.hpp"
#include "spec/spec_error.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace rupa;
using namespace rupa::test;
namespace fs = std::filesystem;

namespace {

// A post folder with the sample photo, and a spec of the stats template with `scenes`.
void write_scenes_spec(const fs::path& folder, const std::string& scenes) {
    fs::create_directories(folder / "photos");
    fs::copy_file(source_dir() / "samples/photos/sawah.jpg", folder / "photos/sawah.jpg",
                  fs::copy_options::overwrite_existing);
    write_file(folder / "scenes.yaml",
               "template: stats\n"
               "brand: demo-kabupaten\n"
               "content:\n"
               "  title: Hasil Panen Padi 2024\n"
               "  stats:\n"
               "    - {value: 12500, unit: ton, label: gabah kering panen}\n"
               "    - {value: 120, label: petani terlibat}\n"
               "video:\n"
               "  scenes:\n" +
                   scenes);
}

// The `photo` template under another name, entering by `animation`.
void write_photo_template(const fs::path& folder, const std::string& animation) {
    std::string text = read_file(source_dir() / "templates/photo/template.yaml");
    size_t at = text.find("animation: crossfade");
    REQUIRE(at != std::string::npos);
    text.replace(at, 20, "animation: " + animation);
    fs::create_directories(folder);
    write_file(folder / "template.yaml", text);
}

Timeline plan_reel(const fs::path& spec) {
    RenderRequest request;
    request.spec_file = spec;
    request.formats = {"reel"};
    Diagnostics diagnostics;
    RenderPlan plan = plan_render(request, diagnostics);
    REQUIRE(plan.timelines.size() == 1);
    return std::move(plan.timelines[0]);
}

// The mean absolute difference of two canvases' channels over columns [x0, x1), 0-255.
double mean_difference(cairo_surface_t* a, cairo_surface_t* b, int x0, int x1) {
    int h = cairo_image_surface_get_height(a);
    double sum = 0;
    long n = 0;
    for (int y = 0; y < h; y += 4)
        for (int x = x0; x < x1; x += 4, ++n) {
            Argb p = argb_at(a, x, y), q = argb_at(b, x, y);
            sum += std::abs(p.r - q.r) + std::abs(p.g - q.g) + std::abs(p.b - q.b);
        }
    return sum / (3.0 * double(n));
}

}  // namespace

TEST_CASE("scenes play in order and last exactly their frames, a photo scene's slides sharing its length") {
    ScratchDir dir;
    write_scenes_spec(dir.path(), "    - {template: stats, duration: 2.5}\n"
                                  "    - {photos: [photos/sawah.jpg, photos/sawah.jpg, photos/sawah.jpg], duration: 7.1}\n"
                                  "    - {template: event, duration: 4, content: {title: Panen Raya, photo: photos/sawah.jpg}}\n");
    Timeline t = plan_reel(dir.path() / "scenes.yaml");
    // 75 + 213 (71 + 71 + 71) + 120 frames of scenes, then the 54-frame outro.
    REQUIRE(t.scenes.size() == 6);
    std::vector<long> starts, entrances;
    for (const TimedScene& s : t.scenes) starts.push_back(s.start), entrances.push_back(s.fade_in);
    CHECK(starts == std::vector<long>{0, 75, 146, 217, 288, 408});
    CHECK(entrances == std::vector<long>{0, 14, 14, 14, 12, 12});  // photo: 0.45 s; event, outro: 0.4 s
    CHECK(t.frames == 408 + 54);
    // Each scene plays on beneath the next one's entrance, and no longer.
    for (size_t i = 0; i + 1 < t.scenes.size(); ++i)
        CHECK(t.scenes[i].start + t.scenes[i].frames == t.scenes[i + 1].start + t.scenes[i + 1].fade_in);
    CHECK(t.scenes.back().start + t.scenes.back().frames == t.frames);
    CHECK(t.cover_frame < 75);  // the first scene, settled
}

TEST_CASE("fifty scenes add up to the frame, with no drift") {
    ScratchDir dir;
    std::string scenes;
    for (int i = 0; i < 50; ++i) scenes += "    - {photos: [photos/sawah.jpg, photos/sawah.jpg, photos/sawah.jpg], duration: 3.1}\n";
    write_scenes_spec(dir.path(), scenes);
    Timeline t = plan_reel(dir.path() / "scenes.yaml");
    REQUIRE(t.scenes.size() == 151);
    CHECK(t.frames == 50 * 93 + 54);
    CHECK(t.scenes[150].start == 50 * 93);  // the outro
    long slides = 0;
    for (size_t i = 0; i < 150; ++i) slides += t.scenes[i].frames - (i + 1 < 151 ? t.scenes[i + 1].fade_in : 0);
    CHECK(slides == 50 * 93);
}

TEST_CASE("a crossfade blends both scenes; a wipe uncovers the new one from the left; a slide pushes the old one out") {
    for (const char* animation : {"crossfade", "wipe", "slide"}) {
        INFO(animation);
        ScratchDir dir;
        write_photo_template(dir.path() / "slide", animation);
        write_scenes_spec(dir.path(), "    - {template: stats, duration: 3}\n"
                                      "    - {template: ./slide, duration: 3, content: {photo: {src: photos/sawah.jpg}}}\n");
        Timeline t = plan_reel(dir.path() / "scenes.yaml");
        REQUIRE(t.scenes.size() == 3);
        const TimedScene& entering = t.scenes[1];
        REQUIRE(entering.fade_in == 14);
        TimelinePainter painter(t);
        long middle = entering.start + entering.fade_in / 2;  // 8 of 15 steps in
        CairoSurfacePtr before = painter.paint(entering.start - 1);
        CairoSurfacePtr during = painter.paint(middle);
        CairoSurfacePtr after = painter.paint(entering.start + entering.fade_in);
        int width = t.width, edge = int(std::lround(8.0 / 15 * width));
        if (std::string(animation) == "crossfade") {
            CHECK(mean_difference(during.get(), before.get(), 0, width) > 10);
            CHECK(mean_difference(during.get(), after.get(), 0, width) > 10);
        } else if (std::string(animation) == "wipe") {
            // Left of the edge the photo (drifting a little), right of it the stats scene as it was.
            CHECK(mean_difference(during.get(), after.get(), 0, edge - 4) < 3);
            CHECK(mean_difference(during.get(), before.get(), edge + 4, width) < 1);
            CHECK(mean_difference(during.get(), before.get(), 0, edge - 4) > 10);
        } else {
            // The photo's left part has come in from the right; the stats scene's right part
            // has gone out to the left.
            CairoSurfacePtr shifted = new_canvas(CAIRO_FORMAT_RGB24, width, t.height);
            cairo_t* cr = cairo_create(shifted.get());
            cairo_set_source_surface(cr, before.get(), -edge, 0);
            cairo_paint(cr);
            cairo_destroy(cr);
            CHECK(mean_difference(during.get(), shifted.get(), 0, width - edge - 4) < 1);
            CHECK(mean_difference(during.get(), before.get(), 0, width - edge - 4) > 10);
        }
    }
}

TEST_CASE("a scene whose template does not play, or scenes over 180 s, are errors at the scene") {
    ScratchDir dir;
    write_scenes_spec(dir.path(), "    - {template: stats, duration: 3}\n"
                                  "    - {photos: [photos/sawah.jpg], duration: 3}\n");
    fs::path no_video = dir.path() / "still";
    fs::create_directories(no_video);
    std::string text = read_file(source_dir() / "templates/photo/template.yaml");
    write_file(no_video / "template.yaml", text.substr(0, text.find("# DESIGN.md")));
    write_file(dir.path() / "still.yaml",
               read_file(dir.path() / "scenes.yaml") + "    - {template: ./still, content: {photo: photos/sawah.jpg}}\n");
    CommandResult r = run_rupa("render still.yaml --formats reel -o out", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err == "still.yaml:12:18: error: template 'photo' cannot play in 'reel' (use a template with a 'video' block)\n");
    CHECK(is_empty_or_missing(dir.path() / "out"));

    std::string many;
    for (int i = 0; i < 40; ++i) many += "    - {template: stats}\n";  // 8.2 s each by default
    write_scenes_spec(dir.path(), many);
    r = run_rupa("render scenes.yaml --formats reel -o out", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err == "scenes.yaml:31:7: error: the scenes up to this one last 180.4 s; a video is at most 180 s (shorten or remove scenes, or give them shorter 'duration's)\n");
}

TEST_CASE("a reel of scenes is written whole: its frames, the outro and a conformant MP4") {
    ScratchDir dir;
    write_scenes_spec(dir.path(), "    - {template: stats, duration: 3}\n"
                                  "    - {photos: [photos/sawah.jpg, photos/sawah.jpg], duration: 2}\n");
    CommandResult r = run_rupa("render scenes.yaml --formats reel -o out", dir.path());
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.find("video-unplayed") == std::string::npos);
    CHECK(r.err.find("not played") == std::string::npos);
    Mp4Facts facts = read_mp4_facts(dir.path() / "out/scenes/reel.mp4");
    CHECK(facts.frames == 90 + 60 + 54);
    CHECK(broken_platform_rules(facts, {1080, 1920, 90 + 60 + 54, true}).empty());
}
