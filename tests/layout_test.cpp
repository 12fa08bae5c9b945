// The layout puts things where the template says, and the drawing puts pixels there.
#include "draw/scene_painter.hpp"
#include "layout/scene_builder.hpp"
#include "media/image_decoder.hpp"
#include "pipeline/render_job.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <pango/pango.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>

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

// The plan of the spec `file`, its warnings left aside.
RenderPlan plan_spec(const std::filesystem::path& file) {
    RenderRequest request;
    request.spec_file = file;
    Diagnostics diagnostics;
    return plan_render(request, diagnostics);
}

RenderPlan plan_event() { return plan_spec(source_dir() / "samples/event.yaml"); }

const Scene& scene_for(const RenderPlan& plan, std::string_view format) {
    for (size_t i = 0; i < plan.formats.size(); ++i)
        if (plan.formats[i]->id == format) return plan.scenes[i];
    throw std::runtime_error("no scene");
}

}  // namespace

TEST_CASE("the square photo fills the box the layout gives it, cropped around the focus") {
    RenderPlan plan = plan_event();
    const Scene& square = scene_for(plan, "square");
    const SceneNode* photo = square.find("photo");
    REQUIRE(photo);
    CHECK(photo->box.x == 0);
    CHECK(photo->box.y == 0);
    CHECK(photo->box.w == 1080);
    // The sample's three-line title takes part of the photo's 560 px (the text's flow).
    CHECK(photo->box.h < 560);
    CHECK(photo->box.h >= 380);
    // 1280x1024 covering 1080 wide: full width, a band around focus y 0.55.
    CHECK(photo->source.w == doctest::Approx(1280));
    CHECK(photo->source.h == doctest::Approx(1280 * photo->box.h / 1080));
    CHECK(photo->source.y == doctest::Approx(0.55 * 1024 - photo->source.h / 2));

    // Below the top scrim, the canvas shows the photo's own pixels at the mapped place.
    CairoSurfacePtr canvas = paint_scene(square, 0);
    DecodedImage original = decode_image(source_dir() / "samples/photos/sawah.jpg");
    double scale = photo->box.w / photo->source.w;
    for (auto [x, y] : {std::pair{540, 360}, {200, 370}, {900, 320}}) {
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

namespace {

// The event template with `content` (lines under `content:`), in one format, planned.
RenderPlan plan_event_with(ScratchDir& dir, const std::string& format, const std::string& content,
                           Diagnostics& diagnostics) {
    std::filesystem::create_directories(dir.path() / "photos");
    std::filesystem::copy_file(source_dir() / "samples/photos/sawah.jpg", dir.path() / "photos/a.jpg",
                               std::filesystem::copy_options::overwrite_existing);
    write_file(dir.path() / "post.yaml", "template: event\nformats: [" + format + "]\ncontent:\n" + content +
                                             "  photo: photos/a.jpg\n");
    RenderRequest request;
    request.spec_file = dir.path() / "post.yaml";
    return plan_render(request, diagnostics);
}

double font_size(const SceneNode& n) {
    return pango_font_description_get_size(pango_layout_get_font_description(n.text.get())) / double(PANGO_SCALE);
}

const std::string kLongEvent =
    "  kicker: Ketahanan Pangan\n"
    "  title: Penyelenggaraan Gerakan Tanam Padi Serentak Kabupaten Sukamakmur di Timur\n"
    "  date: 2024-09-30\n  time: \"08:00\"\n"
    "  place: Persawahan Desa Sumberagung, Kecamatan Tanjungpinang Timur\n";

// The same format planned for a two-word title and for kLongEvent.
struct ShortAndLong {
    ScratchDir short_dir, long_dir;
    Diagnostics quiet, noisy;
    RenderPlan short_plan, long_plan;
    explicit ShortAndLong(const std::string& format)
        : short_plan(plan_event_with(short_dir, format, "  title: Rapat Humas\n", quiet)),
          long_plan(plan_event_with(long_dir, format, kLongEvent, noisy)) {}
};

}  // namespace

TEST_CASE("a long event title takes room from the square photo before it shrinks; panel and accent bar rise with it") {
    ShortAndLong plans("square");
    const Scene& calm = plans.short_plan.scenes[0];
    const Scene& busy = plans.long_plan.scenes[0];
    REQUIRE(busy.whole);
    CHECK(plans.noisy.empty());
    // A short title leaves the design as drawn.
    CHECK(calm.find("photo")->box.h == 560);
    CHECK(calm.find("panel")->box.y == 560);
    // A long one: the photo gives up some of its height, at most the flow's 280 px ...
    const SceneNode* photo = busy.find("photo");
    double given = 560 - photo->box.h;
    CHECK(given > 0);
    CHECK(given <= 280);
    // ... the panel starts where the photo ends, the accent bar moved by as much ...
    CHECK(busy.find("panel")->box.y == doctest::Approx(photo->box.bottom()));
    CHECK(busy.find("panel")->box.bottom() == doctest::Approx(1080));
    CHECK(busy.find("accent-bar")->box.y == doctest::Approx(548 - given));
    CHECK(busy.find("kicker")->box.y == doctest::Approx(612 - given));
}

TEST_CASE("a flowing text shrinks less than the same text in a fixed box: the photo gives way first") {
    // The event template as installed, and a copy whose square text box is fixed.
    ScratchDir dir;
    std::filesystem::create_directories(dir.path() / "fixed");
    std::string yaml = read_file(source_dir() / "templates/event/template.yaml");
    std::string flow = "      flow: {edge: top, grow: 280, pull: {photo: bottom, panel: top, accent-bar: move}}\n";
    REQUIRE(yaml.find(flow) != std::string::npos);
    yaml.erase(yaml.find(flow), flow.size());
    write_file(dir.path() / "fixed/template.yaml", yaml);
    Diagnostics flowing_d, fixed_d;
    RenderPlan flowing = plan_event_with(dir, "square", kLongEvent, flowing_d);
    write_file(dir.path() / "post.yaml", "template: ./fixed\nformats: [square]\ncontent:\n" + kLongEvent +
                                             "  photo: photos/a.jpg\n");
    RenderRequest request;
    request.spec_file = dir.path() / "post.yaml";
    RenderPlan fixed = plan_render(request, fixed_d);
    REQUIRE(flowing.scenes[0].whole);
    const SceneNode* fixed_title = fixed.scenes[0].find("title");
    // In the fixed box the title shrinks to its minimum and may not fit at all.
    double fixed_size = fixed_title ? font_size(*fixed_title) : 0;
    CHECK(font_size(*flowing.scenes[0].find("title")) > fixed_size);
    CHECK(fixed.scenes[0].find("photo")->box.h == 560);
}

TEST_CASE("a short event text in a story gives its spare height to the photo, which comes up under the credit") {
    ShortAndLong plans("story");
    const Scene& calm = plans.short_plan.scenes[0];
    const Scene& busy = plans.long_plan.scenes[0];
    REQUIRE(calm.whole);
    REQUIRE(busy.whole);
    // The short text pulls the photo up by the flow's whole reach (200 px); the credit moves
    // up by as much and still ends above the photo.
    CHECK(calm.find("photo")->box.y == doctest::Approx(1290 - 200));
    CHECK(calm.find("photo")->box.bottom() == doctest::Approx(1920));
    CHECK(calm.find("photo-blend")->box.y == doctest::Approx(calm.find("photo")->box.y));
    CHECK(calm.find("website")->box.bottom() <= calm.find("photo")->box.y);
    // The long text keeps more of the band for itself: the photo rises less.
    CHECK(busy.find("photo")->box.y > calm.find("photo")->box.y);
    CHECK(busy.find("place")->box.bottom() <= busy.find("credit")->box.y);
}

TEST_CASE("a landscape event widens its text column into the photo for a long title; the logo moves along") {
    ScratchDir dir;
    Diagnostics diagnostics;
    RenderPlan plan = plan_event_with(dir, "landscape", kLongEvent, diagnostics);
    const Scene& scene = plan.scenes[0];
    REQUIRE(scene.whole);
    const SceneNode* photo = scene.find("photo");
    double given = 500 - photo->box.w;
    CHECK(given > 0);
    CHECK(given <= 160);
    CHECK(scene.find("panel")->box.x == doctest::Approx(photo->box.right()));
    CHECK(scene.find("logo")->box.x == doctest::Approx(560 - given));
    CHECK(scene.find("title")->box.x == doctest::Approx(560 - given));
}

TEST_CASE("a flow that pulls an unknown element, pulls across its axis or pushes a box off the canvas is refused at its line") {
    ScratchDir dir;
    std::filesystem::create_directories(dir.path() / "t");
    auto validate = [&](const std::string& flow) {
        write_file(dir.path() / "t/template.yaml",
                   "layouts:\n  square:\n"
                   "    - {photo: photo, box: [0, 0, 1080, 560]}\n"
                   "    - stack: info\n"
                   "      box: [72, 612, 936, 372]\n"
                   "      flow: " + flow + "\n"
                   "      items: [{text: title}]\n");
        return run_rupa("validate t/template.yaml", dir.path());
    };
    CommandResult unknown = validate("{edge: top, grow: 100, pull: {phoot: bottom}}");
    CHECK(unknown.status == 2);
    CHECK(unknown.err == "t/template.yaml:6:43: error: no element named 'phoot' in the square layout "
                         "(did you mean 'photo'?)\n");
    CommandResult across = validate("{edge: top, grow: 100, pull: {photo: left}}");
    CHECK(across.status == 2);
    CHECK(across.err.find("t/template.yaml:6:50: error: ") == 0);
    CHECK(across.err.find("expected one of: top, bottom, move") != std::string::npos);
    CommandResult too_far = validate("{edge: top, grow: 600, pull: {photo: bottom}}");
    CHECK(too_far.status == 2);
    CHECK(too_far.err == "t/template.yaml:6:43: error: 'photo' would leave the square canvas or vanish when "
                         "'info' moves its edge 600 px (make 'grow' or 'shrink' smaller, or pull another edge)\n");
    CommandResult sideways_shrink = validate("{edge: left, shrink: 10}");
    CHECK(sideways_shrink.status == 2);
    CHECK(sideways_shrink.err.find("'shrink' works on a top or bottom edge only") != std::string::npos);
    CHECK(validate("{edge: top, grow: 100, pull: {photo: bottom}}").status == 0);
}

namespace {

// Whether the text node's layout draws a line through its text.
bool struck(const SceneNode& n) {
    PangoAttrList* attrs = pango_layout_get_attributes(n.text.get());
    if (!attrs) return false;
    bool found = false;
    GSList* list = pango_attr_list_get_attributes(attrs);
    for (GSList* a = list; a; a = a->next) {
        auto* attr = static_cast<PangoAttribute*>(a->data);
        if (attr->klass->type == PANGO_ATTR_STRIKETHROUGH && reinterpret_cast<PangoAttrInt*>(attr)->value) found = true;
    }
    g_slist_free_full(list, reinterpret_cast<GDestroyNotify>(pango_attribute_destroy));
    return found;
}

}  // namespace

TEST_CASE("the hoax claim is struck through when its verdict refutes it, and not when it is fakta") {
    auto claim_struck = [](const std::string& verdict) {
        ScratchDir dir;
        write_file(dir.path() / "post.yaml",
                   "template: hoax\nformats: [square]\ncontent:\n"
                   "  claim: Pendaftaran beasiswa dibuka bulan ini.\n  verdict: " + verdict + "\n"
                   "  body: Pendaftaran dibuka 1 sampai 31 Juli lewat laman resmi.\n");
        RenderPlan plan = plan_spec(dir.path() / "post.yaml");
        const SceneNode* claim = scene_for(plan, "square").find("claim");
        REQUIRE(claim);
        return struck(*claim);
    };
    CHECK(claim_struck("hoaks"));
    CHECK(claim_struck("disinformasi"));
    CHECK(claim_struck("misinformasi"));
    CHECK_FALSE(claim_struck("fakta"));
}

TEST_CASE("strike takes true, false or refuted, and says so at its line") {
    ScratchDir dir;
    std::filesystem::create_directories(dir.path() / "t");
    write_file(dir.path() / "t/template.yaml",
               "styles:\n  claim: {strike: sometimes}\n"
               "layouts:\n  square:\n    - {text: claim, value: \"{claim}\", box: [72, 72, 936, 300], style: claim}\n");
    CommandResult result = run_rupa("validate t/template.yaml", dir.path());
    CHECK(result.status == 2);
    CHECK(result.err == "t/template.yaml:2:19: error: 'strike' must be true, false or refuted (refuted strikes "
                        "the claim through only when the verdict is not fakta)\n");
}

TEST_CASE("the stats template makes the first of up to four numbers the hero, and five or six an even grid") {
    auto figure_sizes = [](size_t count) {
        ScratchDir dir;
        std::string stats;
        for (size_t i = 0; i < count; ++i)
            stats += "    - {value: " + std::to_string(10 + i) + ", unit: \"%\", label: capaian ke-" + std::to_string(i + 1) + "}\n";
        write_file(dir.path() / "post.yaml",
                   "template: stats\nformats: [square]\ncontent:\n  title: Capaian 2024\n  stats:\n" + stats);
        RenderPlan plan = plan_spec(dir.path() / "post.yaml");
        std::vector<double> sizes;
        for (size_t i = 1; i <= count; ++i) {
            const SceneNode* figure = scene_for(plan, "square").find("numbers-" + std::to_string(i) + "-figure");
            REQUIRE(figure);
            sizes.push_back(font_size(*figure));
        }
        return sizes;
    };
    std::vector<double> four = figure_sizes(4);
    CHECK(four[0] >= 160);  // DESIGN.md: the hero 160-260 px
    CHECK(four[0] <= 260);
    CHECK(four[1] < four[0] / 2);
    CHECK(four[1] == four[2]);
    CHECK(four[2] == four[3]);
    std::vector<double> six = figure_sizes(6);
    for (double size : six) CHECK(size == six[0]);
    CHECK(six[0] < 160);
}

TEST_CASE("a stats element's hero_label and hero_up_to need a hero") {
    ScratchDir dir;
    std::filesystem::create_directories(dir.path() / "t");
    write_file(dir.path() / "t/template.yaml",
               "layouts:\n  square:\n    - {stats: numbers, box: [72, 72, 936, 600], hero_up_to: 4}\n");
    CommandResult result = run_rupa("validate t/template.yaml", dir.path());
    CHECK(result.status == 2);
    CHECK(result.err == "t/template.yaml:3:61: error: 'hero_up_to' needs a 'hero' (add hero: {style: ...} for the "
                        "first stat's figure, or remove hero_up_to)\n");
}

TEST_CASE("the quote mark's block ends at its ink, so the quote sits right under it") {
    RenderPlan plan = plan_spec(source_dir() / "samples/quote.yaml");
    const SceneNode* mark = scene_for(plan, "square").find("mark");
    const SceneNode* quote = scene_for(plan, "square").find("quote");
    REQUIRE(mark);
    REQUIRE(quote);
    // A 200 px mark: its line would be 200 px tall; its ink ends a little over half way down.
    CHECK(quote->box.y - mark->box.y < 140);
    CHECK(quote->box.y >= mark->box.y + mark->box.h);
}

TEST_CASE("a photo's half-size copy is the mean of each 2x2 block, and a photo drawn small from it looks as from the full size") {
    DecodedImage image;
    image.width = 5;  // an odd last column is left out
    image.height = 2;
    CairoSurfacePtr full(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 5, 2));
    auto* px = reinterpret_cast<uint32_t*>(cairo_image_surface_get_data(full.get()));
    int stride = cairo_image_surface_get_stride(full.get()) / 4;
    const uint32_t top[5] = {0xFF000000, 0xFF040404, 0xFFFF0000, 0xFFFF0000, 0xFFFFFFFF};
    const uint32_t bottom[5] = {0xFF080808, 0xFF0C0C0C, 0x80800000, 0x80800000, 0xFFFFFFFF};
    for (int x = 0; x < 5; ++x) px[x] = top[x], px[stride + x] = bottom[x];
    cairo_surface_mark_dirty(full.get());
    image.surface = share_surface(full.release());
    add_half(image);
    REQUIRE(image.half);
    CHECK(cairo_image_surface_get_width(image.half.get()) == 2);
    CHECK(cairo_image_surface_get_height(image.half.get()) == 1);
    auto* half = reinterpret_cast<uint32_t*>(cairo_image_surface_get_data(image.half.get()));
    CHECK(half[0] == 0xFF060606);
    CHECK(half[1] == 0xC0C00000);  // premultiplied red, three quarters opaque

    // The sample photo in a 300 px cell, drawn from the full size and from the half.
    DecodedImage photo = decode_image(source_dir() / "samples/photos/bukit.jpg");
    add_half(photo);
    auto drawn = [&](bool with_half) {
        Scene scene;
        scene.width = scene.height = 400;
        SceneNode n;
        n.kind = NodeKind::image;
        n.box = {50, 50, 300, 200};
        n.image = photo.surface;
        if (with_half) n.half = photo.half;
        n.source = {0, 0, double(photo.width), photo.width * 200.0 / 300};
        scene.nodes.push_back(n);
        return paint_scene(scene, 0);
    };
    CairoSurfacePtr a = drawn(false), b = drawn(true);
    const unsigned char* pa = cairo_image_surface_get_data(a.get());
    const unsigned char* pb = cairo_image_surface_get_data(b.get());
    double total = 0;
    size_t bytes = size_t(cairo_image_surface_get_stride(a.get())) * 400;
    for (size_t i = 0; i < bytes; ++i) total += std::abs(int(pa[i]) - int(pb[i]));
    CHECK(total / bytes < 2.0);  // a mean difference under 2 of 255
    CHECK(std::memcmp(pa, pb, bytes) != 0);  // and the half was used
}
