// The trial draw of SVG logos (media/svg_trial.*), in this process: the refusals themselves are
// run through the rupa binary in hostile_input_test.cpp.
#include "handles/cairo.hpp"
#include "handles/gobject.hpp"
#include "media/svg_image.hpp"
#include "media/svg_trial.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <chrono>

using namespace rupa;
using namespace rupa::test;

namespace {

void draw(const SvgImage& svg) {
    CairoSurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 400, 400));
    CairoPtr cr(cairo_create(surface.get()));
    RsvgRectangle viewport{0, 0, 400, 400};
    GError* error = nullptr;
    CHECK(rsvg_handle_render_document(svg.handle.get(), cr.get(), &viewport, &error));
    GErrorPtr owned(error);
}

}  // namespace

TEST_CASE("a blurred SVG logo still loads after librsvg has drawn blurs in this process") {
    // librsvg blurs on a thread pool that a plain fork would copy without its threads: a trial
    // forked from this process after the first draw would wait for ever.
    ScratchDir dir;
    write_file(dir.path() / "logo.svg",
               "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\" viewBox=\"0 0 200 100\">"
               "<filter id=\"f\"><feGaussianBlur stdDeviation=\"3\"/></filter>"
               "<rect x=\"20\" y=\"20\" width=\"100\" height=\"50\" fill=\"red\" filter=\"url(#f)\"/></svg>\n");
    draw(load_svg(dir.path() / "logo.svg"));
    auto start = std::chrono::steady_clock::now();
    SvgImage again = load_svg(dir.path() / "logo.svg");
    CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 1.5);
    CHECK(again.width == 200);
    CHECK(again.height == 100);
}

TEST_CASE("the demo brand's SVG logo passes its trial draw quickly") {
    auto start = std::chrono::steady_clock::now();
    SvgImage logo = load_svg(source_dir() / "templates/brands/demo-kabupaten/logo.svg");
    CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 1.5);
    CHECK(logo.width > 0);
}

TEST_CASE("the trial draw runs in rupa-svg-trial, in the rupa binary alike, and says when neither runs") {
    std::filesystem::path logo = source_dir() / "templates/brands/demo-kabupaten/logo.svg";
    for (const char* program : {RUPA_SVG_TRIAL, RUPA_BINARY}) {
        CAPTURE(program);
        set_svg_trial_program(program);
        CHECK(load_svg(logo).width > 0);
    }
    set_svg_trial_program("/nonexistent/rupa-svg-trial");
    CHECK_THROWS_WITH_AS(load_svg(logo),
                         "cannot run the SVG's trial draw (/nonexistent/rupa-svg-trial ended with status 127)",
                         std::runtime_error);
    set_svg_trial_program(RUPA_SVG_TRIAL);
}
