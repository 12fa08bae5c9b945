// The layout puts things where the template says, and the drawing puts pixels there.
#include "draw/scene_painter.hpp"
#include "layout/scene_builder.hpp"
#include "media/image_decoder.hpp"
#include "pipeline/render_job.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace rupa;
using namespace rupa::test;

namespace {

struct Pixel {
    int r, g, b;
};

Pixel pixel_at(cairo_surface_t* s, int x, int y) {
    const uint8_t* p = cairo_image_surface_get_data(s) + y * cairo_image_surface_get_stride(s) + x * 4;
    return {p[2], p[1], p[0]};  // Cairo's native-endian xRGB
}

bool close_to(Pixel a, Pixel b, int tolerance) {
    return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance &&
           std::abs(a.b - b.b) <= tolerance;
}

RenderPlan plan_event() {
    RenderRequest request;
    request.spec_file = source_dir() / "samples/event.yaml";
    Diagnostics diagnostics;
    return plan_render(request, diagnostics);
}

const Scene& scene_for(const RenderPlan& plan, std::string_view format) {
    for (size_t i = 0; i < plan.formats.size(); ++i)
        if (plan.formats[i]->id == format) return plan.scenes[i];
    throw std::runtime_error("no scene");
}

}  // namespace

TEST_CASE("the square photo fills the box the template gives it, cropped around the focus") {
    RenderPlan plan = plan_event();
    const Scene& square = scene_for(plan, "square");
    const SceneNode* photo = square.find("photo");
    REQUIRE(photo);
    CHECK(photo->box.x == 0);
    CHECK(photo->box.y == 0);
    CHECK(photo->box.w == 1080);
    CHECK(photo->box.h == 560);
    // 1280x1024 covering 1080x560: full width, a 663.7-pixel band around focus y 0.55.
    CHECK(photo->source.w == doctest::Approx(1280));
    CHECK(photo->source.h == doctest::Approx(1280 * 560.0 / 1080));
    CHECK(photo->source.y == doctest::Approx(0.55 * 1024 - photo->source.h / 2));

    // Below the top scrim, the canvas shows the photo's own pixels at the mapped place.
    CairoSurfacePtr canvas = paint_scene(square, 0);
    DecodedImage original = decode_image(source_dir() / "samples/photos/sawah.jpg");
    double scale = photo->box.w / photo->source.w;
    for (auto [x, y] : {std::pair{540, 400}, {200, 500}, {900, 300}}) {
        int sx = int(photo->source.x + (x + 0.5) / scale);
        int sy = int(photo->source.y + (y + 0.5) / scale);
        INFO(x << "," << y);
        CHECK(close_to(pixel_at(canvas.get(), x, y), pixel_at(original.surface.get(), sx, sy), 24));
    }
}

TEST_CASE("the square title is drawn in its box on the brand panel, with calm ground around it") {
    RenderPlan plan = plan_event();
    const Scene& square = scene_for(plan, "square");
    const SceneNode* title = square.find("title");
    const SceneNode* panel = square.find("panel");
    REQUIRE(title);
    REQUIRE(panel);
    CHECK(title->box.x == 72);
    CHECK(title->box.y > panel->box.y);
    CHECK(title->box.bottom() < 1000);  // above the footer band

    CairoSurfacePtr canvas = paint_scene(square, 0);
    const Rgba& primary = plan.brand.colors.at("primary");
    Pixel panel_colour{int(std::lround(primary.r * 255)), int(std::lround(primary.g * 255)),
                       int(std::lround(primary.b * 255))};
    int white = 0, total = 0;
    for (int y = int(title->box.y); y < int(title->box.bottom()); y += 2)
        for (int x = 72; x < 1008; x += 2, ++total)
            if (close_to(pixel_at(canvas.get(), x, y), {255, 255, 255}, 40)) ++white;
    CHECK(white > total / 20);  // letters are there ...
    // ... and the margin beside the text block is plain panel.
    for (int y = int(title->box.y); y < int(title->box.bottom()); y += 4) {
        CHECK(close_to(pixel_at(canvas.get(), 30, y), panel_colour, 2));
        CHECK(close_to(pixel_at(canvas.get(), 1050, y), panel_colour, 2));
    }
}
