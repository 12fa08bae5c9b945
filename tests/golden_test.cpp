// Golden images: every sample in every still format, compared with a stored picture at a
// quarter of the size, with a tolerance. Regenerate them with scripts/update-goldens.sh
// after a deliberate change of look, and look at the new ones before committing.
#include "draw/scene_painter.hpp"
#include "pipeline/render_job.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>

using namespace rupa;
using namespace rupa::test;
namespace fs = std::filesystem;

namespace {

constexpr int kScale = 4;  // goldens are stored at 1/4 size: small in git, still telling
// Tolerance: antialiasing may move by a fraction of a pixel between library patch levels;
// a moved or missing element changes far more than this.
constexpr double kMaxMeanDifference = 1.0;   // per channel, 0-255
constexpr double kMaxChangedShare = 0.001;   // share of pixels off by more than 32

CairoSurfacePtr quarter(cairo_surface_t* full) {
    int w = cairo_image_surface_get_width(full) / kScale, h = cairo_image_surface_get_height(full) / kScale;
    CairoSurfacePtr small(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
    const uint8_t* src = cairo_image_surface_get_data(full);
    int src_stride = cairo_image_surface_get_stride(full);
    uint8_t* dst = cairo_image_surface_get_data(small.get());
    int dst_stride = cairo_image_surface_get_stride(small.get());
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < 4; ++c) {
                int sum = 0;
                for (int dy = 0; dy < kScale; ++dy)
                    for (int dx = 0; dx < kScale; ++dx)
                        sum += src[(y * kScale + dy) * src_stride + (x * kScale + dx) * 4 + c];
                dst[y * dst_stride + x * 4 + c] = uint8_t(sum / (kScale * kScale));
            }
    cairo_surface_mark_dirty(small.get());
    return small;
}

struct Difference {
    double mean = 0;
    double changed_share = 0;
};

Difference compare(cairo_surface_t* a, cairo_surface_t* b) {
    int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
    const uint8_t* pa = cairo_image_surface_get_data(a);
    const uint8_t* pb = cairo_image_surface_get_data(b);
    int sa = cairo_image_surface_get_stride(a), sb = cairo_image_surface_get_stride(b);
    double total = 0;
    long changed = 0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            int worst = 0;
            for (int c = 0; c < 3; ++c) {
                int d = std::abs(pa[y * sa + x * 4 + c] - pb[y * sb + x * 4 + c]);
                total += d;
                worst = std::max(worst, d);
            }
            if (worst > 32) ++changed;
        }
    return {total / (double(w) * h * 3), double(changed) / (double(w) * h)};
}

void check_golden(const std::string& sample) {
    RenderRequest request;
    request.spec_file = source_dir() / "samples" / (sample + ".yaml");
    Diagnostics diagnostics;
    RenderPlan plan = plan_render(request, diagnostics);
    bool update = std::getenv("RUPA_UPDATE_GOLDEN") != nullptr;
    for (size_t i = 0; i < plan.formats.size(); ++i) {
        std::string name = sample + "-" + std::string(plan.formats[i]->id) + ".png";
        INFO(name);
        CairoSurfacePtr small = quarter(paint_scene(plan.scenes[i], 0).get());
        fs::path golden = source_dir() / "tests/golden" / name;
        if (update) {
            fs::create_directories(golden.parent_path());
            REQUIRE(cairo_surface_write_to_png(small.get(), golden.c_str()) == CAIRO_STATUS_SUCCESS);
            MESSAGE("wrote " << golden.string());
            continue;
        }
        REQUIRE_MESSAGE(fs::exists(golden), "no golden image; run scripts/update-goldens.sh");
        CairoSurfacePtr expected(cairo_image_surface_create_from_png(golden.c_str()));
        REQUIRE(cairo_image_surface_get_width(expected.get()) == cairo_image_surface_get_width(small.get()));
        REQUIRE(cairo_image_surface_get_height(expected.get()) == cairo_image_surface_get_height(small.get()));
        Difference d = compare(small.get(), expected.get());
        CHECK(d.mean <= kMaxMeanDifference);
        CHECK(d.changed_share <= kMaxChangedShare);
    }
}

}  // namespace

TEST_CASE("golden: the event sample looks as approved in every format") { check_golden("event"); }
TEST_CASE("golden: the event sample in the second brand looks as approved") { check_golden("event-kota"); }
TEST_CASE("golden: the quote sample looks as approved in every format") { check_golden("quote"); }
TEST_CASE("golden: the announcement sample looks as approved in every format") { check_golden("announcement"); }
TEST_CASE("golden: the hoax sample looks as approved in every format") { check_golden("hoax"); }
TEST_CASE("golden: the stats sample looks as approved in every format") { check_golden("stats"); }
TEST_CASE("golden: the agenda sample looks as approved in every format") { check_golden("agenda"); }
TEST_CASE("golden: the slideshow sample looks as approved in every format") { check_golden("slideshow"); }
TEST_CASE("golden: the profile sample looks as approved in every format") { check_golden("profile"); }
