// Motion: easing curves, keyframed values, count-up text, the template's `video:` block and
// how it is bound to a scene's nodes.
#include "draw/timeline_painter.hpp"
#include "handles/gobject.hpp"
#include "layout/motion_binder.hpp"
#include "locale/locale_text.hpp"
#include "pipeline/render_job.hpp"
#include "scene/animated.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <pango/pango.h>

#include <algorithm>
#include <cstring>

using namespace rupa;
using namespace rupa::test;
namespace fs = std::filesystem;

namespace {

// The plan of a sample's reel: one timeline.
RenderPlan reel_plan(const std::string& sample) {
    RenderRequest request;
    request.spec_file = source_dir() / "samples" / (sample + ".yaml");
    request.formats = {"reel"};
    Diagnostics diagnostics;
    RenderPlan plan = plan_render(request, diagnostics);
    REQUIRE(plan.timelines.size() == 1);
    return plan;
}

}  // namespace

TEST_CASE("easing curves give the values browsers give for CSS's timing functions") {
    CHECK(Easing::linear().apply(0.3) == doctest::Approx(0.3));
    CHECK(Easing::ease_out().apply(0.5) == doctest::Approx(0.68464).epsilon(1e-4));
    CHECK(Easing::ease().apply(0.5) == doctest::Approx(0.80240).epsilon(1e-4));
    CHECK(Easing::ease_in().apply(0.5) == doctest::Approx(0.31536).epsilon(1e-4));
    CHECK(Easing::ease_in_out().apply(0.25) == doctest::Approx(0.12916).epsilon(1e-4));
    CHECK(Easing::ease_out().apply(0) == 0);
    CHECK(Easing::ease_out().apply(1) == doctest::Approx(1));
}

TEST_CASE("a keyframed value holds before its first key, eases between keys and settles on its last") {
    Animated<double> opacity;
    opacity.key(30, 1.0);
    opacity.key(15, 0.0, Easing::ease_out());  // keys may come in any order
    CHECK(opacity.at(0) == 0);
    CHECK(opacity.at(15) == 0);
    CHECK(opacity.at(22) == doctest::Approx(Easing::ease_out().apply(7.0 / 15)));
    CHECK(opacity.at(30) == 1);
    CHECK(opacity.at(1000) == 1);
    CHECK(opacity.settles_at() == 30);
    Animated<double> still(0.5);
    CHECK(still.is_static());
    CHECK(still.at(99) == 0.5);
}

TEST_CASE("a counting figure keeps its decimals, grouping and the text around it, and lands exactly") {
    CHECK(count_up_text("212,9", ',', 0.5) == "106,5");
    CHECK(count_up_text("212,9", ',', 1.0) == "212,9");
    CHECK(count_up_text("Rp2.500.000", ',', 0.5) == "Rp1.250.000");
    CHECK(count_up_text("Rp2.500.000", ',', 0.0) == "Rp0");
    CHECK(count_up_text("1,500", '.', 0.5) == "750");
    CHECK(count_up_text("0,5", ',', 0.5) == "0,3");
    CHECK(count_up_text("78", ',', 0.25) == "20");
    CHECK(count_up_text("2024", ',', 0.5) == "1012");  // a year is never grouped
    CHECK(count_up_text("-", ',', 0.5) == "-");
}

namespace {

// Reads the `video:` block of a template written into `folder`, returning the error or "".
std::string template_error(const fs::path& folder, const std::string& video_block) {
    fs::create_directories(folder / "uji");
    write_file(folder / "uji/template.yaml",
               "formats: [square]\n"
               "layouts:\n"
               "  square:\n"
               "    - {rect: panel, box: [0, 0, 1080, 1080], fill: primary}\n"
               "    - {text: title, box: [72, 72, 936, 300], size: 72}\n" +
                   video_block);
    CommandResult r = run_rupa("validate uji/template.yaml", folder);
    return r.status == 0 ? "" : r.err;
}

}  // namespace

TEST_CASE("a template's video block is checked at its lines: element names, keys, animations and ranges") {
    ScratchDir dir;
    CHECK(template_error(dir.path(), "video:\n  duration: 8\n  elements:\n    title: {enter: rise}\n") == "");
    CHECK(template_error(dir.path(), "video:\n  duration: 8\n  elements:\n    titel: {enter: rise}\n") ==
          "uji/template.yaml:9:5: error: no layout has an element named 'titel' (did you mean 'title'?)\n");
    CHECK(template_error(dir.path(), "video:\n  duration: 8\n  elements:\n    title: {enter: spin}\n") ==
          "uji/template.yaml:9:20: error: unknown animation 'spin' (expected one of: none, fade, rise, drop, "
          "slide-left, slide-right, zoom, wipe)\n");
    CHECK(template_error(dir.path(), "video:\n  duration: 8\n  elements:\n    title: {enter: {duration: 9}}\n") ==
          "uji/template.yaml:9:31: error: 'duration' must lie between 0.1 and 2\n");
    CHECK(template_error(dir.path(), "video:\n  duration: 1\n") ==
          "uji/template.yaml:7:13: error: 'duration' must lie between 3 and 60\n");
    CHECK(template_error(dir.path(), "video:\n  elements: {}\n") ==
          "uji/template.yaml:7:3: error: 'video' needs a 'duration' (seconds the video plays by default, e.g. 8)\n");
    CHECK(template_error(dir.path(), "video:\n  duration: 8\n  elements:\n    title: {ken_burns: 2}\n") ==
          "uji/template.yaml:9:24: error: 'ken_burns' must lie between 1.01 and 1.2 "
          "(the photo's zoom at the scene's end; 1.06 drifts in by 6 %)\n");
}

TEST_CASE("bound motion staggers an element's parts, counts numbers up and reports the settled frame") {
    Scene scene;
    scene.width = scene.height = 1080;
    for (int part = 0; part < 3; ++part) {
        SceneNode n;
        n.kind = NodeKind::text;
        n.name = "numbers-" + std::to_string(part + 1) + "-figure";
        n.element = "numbers";
        n.part = part;
        n.countable = true;
        scene.nodes.push_back(n);
    }
    SceneNode panel;
    panel.element = "panel";
    scene.nodes.push_back(panel);

    TemplateVideo video;
    ElementMotion numbers;
    numbers.enter = Movement{EnterKind::rise, 10, 15, 4, {0, 0, 0.58, 1}, 40};
    numbers.count_up = 30;
    video.elements["numbers"] = numbers;
    long settled = bind_motion(scene, video, 300, Locale::id);

    CHECK(settled == 10 + 2 * 4 + 30);
    const NodeMotion& third = scene.nodes[2].motion;
    CHECK(third.opacity.at(18) == 0);                  // starts 2 x 4 frames after the first
    CHECK(third.dy.at(18) == 40);
    CHECK(third.dy.at(33) == 0);
    CHECK(third.count.at(48) == 1);                    // lands on the exact value
    CHECK(third.count.at(30) < 1);
    CHECK(third.decimal_mark == ',');
    CHECK(scene.nodes[3].motion.is_static());           // an element with no motion stays put
}

TEST_CASE("a unit after a counting figure stays beside it as it counts, and lands where the still has it") {
    RenderPlan plan = reel_plan("stats");
    const Scene& scene = plan.timelines[0].scenes.at(0).scene;
    int units = 0;
    for (size_t i = 1; i < scene.nodes.size(); ++i) {
        const SceneNode& unit = scene.nodes[i];
        if (!unit.trails_figure) continue;
        const SceneNode& figure = scene.nodes[i - 1];
        INFO(figure.name, " ", unit.name);
        REQUIRE(figure.countable);
        const Animated<double>& count = figure.motion.count;
        REQUIRE(!count.is_static());
        ++units;
        // The unit's offset is the width the figure shown then lacks, frame by frame.
        std::string full = pango_layout_get_text(figure.text.get());
        auto width = [&](const std::string& text) {
            GObjectPtr<PangoLayout> layout(pango_layout_copy(figure.text.get()));
            pango_layout_set_text(layout.get(), text.c_str(), -1);
            PangoRectangle logical;
            pango_layout_get_extents(layout.get(), nullptr, &logical);
            return double(logical.width) / PANGO_SCALE;
        };
        long first = count.starts_at(), last = count.settles_at();
        for (long frame : {first, (first + last) / 2, last}) {
            std::string shown = count_up_text(full, ',', count.at(frame));
            CHECK(unit.motion.dx.at(frame) == doctest::Approx(width(shown) - width(full)).epsilon(0.001));
        }
        CHECK(unit.motion.dx.at(first) < -20);  // "0" against "212,9"
        CHECK(unit.motion.dx.at(last) == 0);
        CHECK(unit.motion.dx.at(plan.timelines[0].cover_frame) == 0);
    }
    CHECK(units == 3);  // "juta" after 212,9 and after 167, "%" after 78
}

TEST_CASE("unchanged rows are exactly those of the frame before, and a recycled canvas repainted where it changed is the whole frame") {
    // `scenes` has captions coming and going over a sequence.
    for (const char* sample : {"event", "stats", "hoax", "agenda", "scenes"}) {
        INFO(sample);
        RenderPlan plan = reel_plan(sample);
        const Timeline& timeline = plan.timelines[0];
        TimelinePainter painter(timeline);
        CairoSurfacePtr previous = painter.paint(0);
        int stride = cairo_image_surface_get_stride(previous.get());
        size_t row_bytes = size_t(timeline.width) * 4;
        // A ring of canvases as the video is drawn: each repainted only where its frame changed.
        std::vector<CairoSurfacePtr> ring;
        std::vector<long> holds(4, -1);
        for (int i = 0; i < 4; ++i) ring.push_back(new_canvas(CAIRO_FORMAT_RGB24, timeline.width, timeline.height));
        long mismatched_rows = 0, mismatched_canvases = 0, unchanged_rows = 0;
        // Every frame of the first 2.5 s (the entries), then every seventh to the outro's end.
        for (long frame = 1; frame < timeline.frames; frame += frame < 75 ? 1 : 7) {
            CairoSurfacePtr whole = painter.paint(frame);
            ChangedRows changed = painter.changed_rows(frame);
            bool consecutive = frame < 75;
            for (int y = 0; consecutive && y < timeline.height; ++y) {
                if (y >= changed.top && y < changed.bottom) continue;
                ++unchanged_rows;
                const uint8_t* a = cairo_image_surface_get_data(whole.get()) + size_t(y) * stride;
                const uint8_t* b = cairo_image_surface_get_data(previous.get()) + size_t(y) * stride;
                if (std::memcmp(a, b, row_bytes) != 0) ++mismatched_rows;
            }
            size_t slot = size_t(frame % 4);
            painter.paint(frame, ring[slot].get(), painter.changed_since(holds[slot], frame));
            holds[slot] = frame;
            cairo_surface_flush(ring[slot].get());
            if (std::memcmp(cairo_image_surface_get_data(ring[slot].get()), cairo_image_surface_get_data(whole.get()),
                            size_t(stride) * timeline.height) != 0)
                ++mismatched_canvases;
            previous = std::move(whole);
        }
        CHECK(mismatched_rows == 0);
        CHECK(unchanged_rows > 0);  // the check above checked something
        CHECK(mismatched_canvases == 0);
    }
}

TEST_CASE("photos, gradients and logos composited from their rasters as they fade and rise look as drawn afresh") {
    // The stats reel's photo fades in with its Ken Burns drift under the rising watermark;
    // the event reel's logo fades in above a photo behind a scrim; in both the outro's
    // gradient and logo come in over the last frames.
    for (const char* sample : {"stats", "event"}) {
        INFO(std::string(sample));
        RenderPlan plan = reel_plan(sample);
        const Timeline& timeline = plan.timelines[0];
        TimelinePainter playing(timeline);  // frame after frame: its rasters are reused
        int largest = 0;
        long differing = 0;
        long checked = 0;
        for (long frame = 0; frame < timeline.frames; frame = frame == 69 ? timeline.frames - 70 : frame + 1) {
            ++checked;
            CairoSurfacePtr played = playing.paint(frame);
            CairoSurfacePtr fresh = TimelinePainter(timeline).paint(frame);
            const uint8_t* a = cairo_image_surface_get_data(played.get());
            const uint8_t* b = cairo_image_surface_get_data(fresh.get());
            size_t bytes = size_t(cairo_image_surface_get_stride(played.get())) * timeline.height;
            for (size_t i = 0; i < bytes; ++i) {
                int d = std::abs(int(a[i]) - int(b[i]));
                largest = std::max(largest, d);
                differing += d > 0;
            }
        }
        CHECK(largest <= 2);  // roundings of premultiplied alpha: a gradient's stops at an opacity, or its raster at it
        CHECK(checked == 140);
        CHECK(differing < checked * timeline.width * timeline.height / 100);
    }
}

TEST_CASE("a Ken Burns drift is redrawn in steps too small to see, and only on the frames it steps") {
    RenderPlan plan = reel_plan("event");
    const Scene& scene = plan.timelines[0].scenes.front().scene;
    auto photo = std::find_if(scene.nodes.begin(), scene.nodes.end(),
                              [](const SceneNode& n) { return n.motion.ken_burns; });
    REQUIRE(photo != scene.nodes.end());
    const NodeMotion& m = photo->motion;
    CHECK(m.drift_every >= 2);
    CHECK(m.drift_every <= 4);
    double largest_step = 0;
    for (long frame = m.drift_every; frame < 240; ++frame) {
        Box now = m.source_at(frame), before = m.source_at(frame - 1);
        bool steps = frame % m.drift_every == 0;
        CHECK(m.changes_at(frame) == (steps || frame <= m.opacity.settles_at()));
        if (!steps) {
            CHECK(now.x == before.x);
            CHECK(now.w == before.w);
            continue;
        }
        double scale = photo->box.w / now.w;  // picture pixels -> design pixels
        largest_step = std::max({largest_step, std::abs(now.x - before.x) * scale,
                                 std::abs(now.right() - before.right()) * scale, std::abs(now.y - before.y) * scale,
                                 std::abs(now.bottom() - before.bottom()) * scale});
    }
    CHECK(largest_step > 0);
    CHECK(largest_step <= 1.0 / 3);
}
