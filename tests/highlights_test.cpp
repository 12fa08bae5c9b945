// The week's highlights of `rupa batch`: the reel decoded frame by frame (an opening card,
// each post's own design in date order, the outro), the carousel's slides (a cover, then each
// post's own portrait, whole, on one frame), what is left out, and when they are made again.
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

using namespace rupa;
using namespace rupa::test;
namespace fs = std::filesystem;

namespace {

// A short week: three posts of 2024-W27 (agenda 1 July, event 4 July, quote 5 July), the hoax
// of the next week, and a spec that does not read.
class ShortWeek {
public:
    ShortWeek() {
        fs::path posts = dir_.path() / "posts";
        fs::create_directories(posts);
        for (const char* name : {"agenda.yaml", "event.yaml", "quote.yaml", "hoax.yaml"})
            fs::copy(source_dir() / "samples" / name, posts / name);
        fs::copy(source_dir() / "samples/photos", posts / "photos", fs::copy_options::recursive);
        write_file(posts / "rusak.yaml", "template: event\ncontent:\n  title: [Rapat\n");
    }
    const fs::path& path() const { return dir_.path(); }
    CommandResult batch() const { return run_rupa("batch posts --week 2024-W27 -o out", path()); }
    nlohmann::json highlights() const {
        return nlohmann::json::parse(read_file(path() / "out/report.json"))["highlights"];
    }
    fs::path out(const std::string& name) const { return path() / "out" / name; }

private:
    ScratchDir dir_;
};

const std::vector<std::string> kPosts = {"agenda", "event", "quote"};  // in date order

// `picture` drawn at `box` (x, y, w, h) of a copy of `canvas`.
CairoSurfacePtr with_picture_at(cairo_surface_t* canvas, cairo_surface_t* picture, double x, double y, double w,
                                double h) {
    int width = cairo_image_surface_get_width(canvas), height = cairo_image_surface_get_height(canvas);
    CairoSurfacePtr out(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height));
    cairo_t* cr = cairo_create(out.get());
    cairo_set_source_surface(cr, canvas, 0, 0);
    cairo_paint(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, w / cairo_image_surface_get_width(picture), h / cairo_image_surface_get_height(picture));
    cairo_set_source_surface(cr, picture, 0, 0);
    cairo_paint(cr);
    cairo_destroy(cr);
    return out;
}

// The part `box` of a canvas, as a canvas of its own.
CairoSurfacePtr part_of(cairo_surface_t* canvas, int x, int y, int w, int h) {
    CairoSurfacePtr out(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
    cairo_t* cr = cairo_create(out.get());
    cairo_set_source_surface(cr, canvas, -x, -y);
    cairo_paint(cr);
    cairo_destroy(cr);
    return out;
}

}  // namespace

TEST_CASE("the week's reel opens on the week's card, plays each post's own design in date order, and closes on the outro") {
    ShortWeek week;
    CommandResult r = week.batch();
    CHECK(r.status == 1);  // the broken spec
    nlohmann::json h = week.highlights();
    CHECK(h["status"] == "rendered");
    CHECK(h["reel"] == nlohmann::json(kPosts));
    REQUIRE(h["left_out"].size() == 1);
    CHECK(h["left_out"][0]["post"] == "posts/rusak.yaml");
    CHECK(h["left_out"][0]["why"].get<std::string>().starts_with("failed: posts/rusak.yaml:4:1: error: not valid YAML"));

    // 3 s of opening card, 3 s a post, 1.8 s of outro; each scene crossfades into the next
    // over its last 0.4 s.
    fs::path reel = week.out("highlights-2024-W27/reel.mp4");
    REQUIRE(fs::exists(reel));
    const long intro = 0, first_post = 90, outro = 360;
    std::vector<long> wanted = {intro + 70, outro + 45};
    for (size_t i = 0; i < kPosts.size(); ++i) wanted.push_back(first_post + 90 * long(i) + 70);
    std::sort(wanted.begin(), wanted.end());
    std::vector<CairoSurfacePtr> frames = frames_of(reel, 1080, 1920, wanted);
    REQUIRE(frames.size() == wanted.size());
    cairo_surface_t* card = frames[0].get();
    cairo_surface_t* closing = frames.back().get();

    std::vector<CairoSurfacePtr> stills;
    for (const auto& post : kPosts) stills.push_back(read_png(week.out(post + "/story.png")));
    // The opening card is the reel's cover, and is none of the posts.
    CairoSurfacePtr cover = read_png(week.out("highlights-2024-W27/reel-cover.png"));
    CHECK(mean_difference(card, cover.get()) < 3);
    for (const auto& still : stills) CHECK(mean_difference(card, still.get()) > 15);
    // Each post's scene, settled, is that post's own story design (its photo drifts a little),
    // and nearer to it than to any other post.
    for (size_t i = 0; i < kPosts.size(); ++i) {
        INFO("post " << kPosts[i]);
        cairo_surface_t* frame = frames[1 + i].get();
        double own = mean_difference(frame, stills[i].get());
        CHECK(own < 8);
        for (size_t j = 0; j < kPosts.size(); ++j)
            if (j != i) CHECK(mean_difference(frame, stills[j].get()) > own + 10);
        CHECK(mean_difference(frame, card) > 15);
    }
    // The outro shows the brand alone: neither the card nor a post.
    CHECK(mean_difference(closing, card) > 10);
    for (const auto& still : stills) CHECK(mean_difference(closing, still.get()) > 10);
}

TEST_CASE("the week's carousel is a cover and one slide per post, each post's portrait whole on the same frame") {
    ShortWeek week;
    REQUIRE(week.batch().status == 1);
    nlohmann::json h = week.highlights();
    CHECK(h["carousel"] == nlohmann::json(kPosts));
    fs::path folder = week.out("highlights-2024-W27");
    for (int n = 1; n <= 4; ++n) {
        fs::path slide = folder / ("portrait-0" + std::to_string(n) + ".png");
        REQUIRE(fs::exists(slide));
        CHECK(png_size(slide).width == 1080);
        CHECK(png_size(slide).height == 1350);
    }
    CHECK_FALSE(fs::exists(folder / "portrait-05.png"));

    std::vector<CairoSurfacePtr> slides;
    for (int n = 1; n <= 4; ++n) slides.push_back(read_png(folder / ("portrait-0" + std::to_string(n) + ".png")));
    // One frame for all: the band's logo and office are the same on every slide; its number
    // (top right) differs on each.
    CairoSurfacePtr band = part_of(slides[0].get(), 0, 0, 800, 120);
    for (size_t i = 1; i < slides.size(); ++i) {
        INFO("slide " << i + 1);
        CHECK(mean_difference(part_of(slides[i].get(), 0, 0, 800, 120).get(), band.get()) == 0);
        for (size_t j = 0; j < i; ++j)
            CHECK(mean_difference(part_of(slides[i].get(), 820, 24, 160, 72).get(),
                                  part_of(slides[j].get(), 820, 24, 160, 72).get()) > 1);
    }
    // Slides 2-4 hold each post's own portrait, whole, scaled into the card at (100, 164).
    for (size_t i = 0; i < kPosts.size(); ++i) {
        INFO("post " << kPosts[i]);
        CairoSurfacePtr portrait = read_png(week.out(kPosts[i] + "/portrait.png"));
        cairo_surface_t* slide = slides[i + 1].get();
        CairoSurfacePtr expected = with_picture_at(slide, portrait.get(), 100, 164, 880, 1100);
        CHECK(mean_difference(slide, expected.get()) < 1.5);
        CHECK(mean_difference(slides[0].get(), slide) > 10);
    }
}

TEST_CASE("the highlights are made again only when the week's posts change") {
    ShortWeek week;
    fs::remove(week.path() / "posts/rusak.yaml");
    REQUIRE(week.batch().status == 0);
    fs::path reel = week.out("highlights-2024-W27/reel.mp4");
    std::string first = read_file(reel);
    REQUIRE(week.batch().status == 0);
    CHECK(week.highlights()["status"] == "unchanged");
    CHECK(read_file(reel) == first);

    fs::path quote = week.path() / "posts/quote.yaml";
    std::string spec = read_file(quote);
    spec.replace(spec.find("Jangan lelah"), 12, "Jangan bosan");
    write_file(quote, spec);
    REQUIRE(week.batch().status == 0);
    CHECK(week.highlights()["status"] == "rendered");
    CHECK(read_file(reel) != first);

    // One post fewer: the carousel loses its last slide.
    fs::remove(quote);
    REQUIRE(week.batch().status == 0);
    CHECK(week.highlights()["reel"] == nlohmann::json({"agenda", "event"}));
    CHECK(fs::exists(week.out("highlights-2024-W27/portrait-03.png")));
    CHECK_FALSE(fs::exists(week.out("highlights-2024-W27/portrait-04.png")));
}

TEST_CASE("highlights.yaml beside the specs is checked before anything renders") {
    ShortWeek week;
    write_file(week.path() / "posts/highlights.yaml", "music: lagu.mp3\npost_seconds: 8\nmusik_volume: 0.5\n");
    CommandResult r = week.batch();
    CHECK(r.status == 2);
    CHECK(r.err == "posts/highlights.yaml:3:1: error: unknown field 'musik_volume' (did you mean 'music_volume'?)\n");
    write_file(week.path() / "posts/highlights.yaml", "music: lagu.mp3\npost_seconds: 8\n");
    r = week.batch();
    CHECK(r.status == 2);
    CHECK(r.err == "posts/highlights.yaml:1:8: error: cannot find music 'lagu.mp3' (paths are relative to the batch "
                   "folder)\n"
                   "posts/highlights.yaml:2:15: error: 'post_seconds' must be between 3 and 5 (each post plays 3 to "
                   "5 s in the week's reel; got 8)\n");
    CHECK_FALSE(fs::exists(week.path() / "out"));
}
