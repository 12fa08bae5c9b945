// Text: inline emphasis, shrink-to-fit, colour emoji from the bundled font set.
#include "draw/scene_painter.hpp"
#include "layout/text_fields.hpp"
#include "pipeline/render_job.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <pango/pango.h>

using namespace rupa;
using namespace rupa::test;

namespace {

RenderPlan plan_spec(const std::filesystem::path& spec, Diagnostics& diagnostics) {
    RenderRequest request;
    request.spec_file = spec;
    return plan_render(request, diagnostics);
}

double font_size_of(const SceneNode& node) {
    const PangoFontDescription* font = pango_layout_get_font_description(node.text.get());
    return pango_font_description_get_size(font) / double(PANGO_SCALE);
}

}  // namespace

TEST_CASE("**bold** and _italic_ become markup and everything else is escaped") {
    CHECK(markdown_to_markup("Bupati membuka **Bimtek** _Medsos_ & <Web>") ==
          "Bupati membuka <b>Bimtek</b> <i>Medsos</i> &amp; &lt;Web&gt;");
    CHECK(markdown_to_markup("file_name_here stays") == "file_name_here stays");
    CHECK(markdown_to_markup("**unclosed bold") == "<b>unclosed bold</b>");
}

TEST_CASE("a title too long for its box shrinks to the template's minimum, then fails the format at its spec line") {
    ScratchDir dir;
    std::filesystem::create_directories(dir.path() / "photos");
    std::filesystem::copy_file(source_dir() / "samples/photos/sawah.jpg", dir.path() / "photos/a.jpg");
    std::string long_title;
    for (int i = 0; i < 12; ++i) long_title += "Rapat Koordinasi Hubungan Masyarakat ";
    std::string longer_title = long_title.substr(0, 97);  // more than the square flow makes room for at 76 px
    write_file(dir.path() / "short.yaml", "template: event\nformats: [square]\ncontent:\n"
                                          "  title: Rapat Humas\n  photo: photos/a.jpg\n");
    write_file(dir.path() / "longer.yaml", "template: event\nformats: [square]\ncontent:\n"
                                           "  title: " + longer_title + "\n  photo: photos/a.jpg\n");
    write_file(dir.path() / "long.yaml", "template: event\nformats: [square]\ncontent:\n"
                                         "  title: " + long_title + "\n  photo: photos/a.jpg\n");
    Diagnostics quiet, shrunk, noisy;
    RenderPlan short_plan = plan_spec(dir.path() / "short.yaml", quiet);
    RenderPlan longer_plan = plan_spec(dir.path() / "longer.yaml", shrunk);
    RenderPlan long_plan = plan_spec(dir.path() / "long.yaml", noisy);
    CHECK(font_size_of(*short_plan.scenes[0].find("title")) == doctest::Approx(76));  // the style's size
    REQUIRE(longer_plan.scenes[0].find("title"));
    CHECK(font_size_of(*longer_plan.scenes[0].find("title")) < 76);
    CHECK(quiet.empty());
    CHECK(short_plan.scenes[0].whole);
    CHECK_FALSE(long_plan.scenes[0].whole);
    CHECK_FALSE(long_plan.scenes[0].find("title"));  // nothing of it is drawn
    REQUIRE_FALSE(noisy.empty());
    const Warning& w = noisy.warnings().back();
    CHECK(w.code == "content-does-not-fit");
    CHECK(w.error);
    CHECK(w.where.to_string() == (dir.path() / "long.yaml").string() + ":4:10");
    CHECK(w.message.find("'title' does not fit the square layout even at its smallest size: about ") == 0);
}

TEST_CASE("an emoji in a title is drawn in colour from the bundled emoji font") {
    ScratchDir dir;
    write_file(dir.path() / "post.yaml",
               "template: announcement\nformats: [square]\ncontent:\n"
               "  title: \"Panen Apel \\U0001F34E\"\n  points: [Gratis]\n");
    Diagnostics diagnostics;
    RenderPlan plan = plan_spec(dir.path() / "post.yaml", diagnostics);
    const SceneNode* title = plan.scenes[0].find("title");
    REQUIRE(title);
    CHECK(pango_layout_get_unknown_glyphs_count(title->text.get()) == 0);
    CairoSurfacePtr canvas = paint_scene(plan.scenes[0], 0);
    // The apple is the only red on this blue-on-paper graphic.
    int red = 0;
    const uint8_t* data = cairo_image_surface_get_data(canvas.get());
    int stride = cairo_image_surface_get_stride(canvas.get());
    for (int y = int(title->box.y); y < int(title->box.bottom()); ++y)
        for (int x = int(title->box.x); x < int(title->box.right()); ++x) {
            const uint8_t* p = data + y * stride + x * 4;
            if (p[2] > 180 && p[1] < 90 && p[0] < 90) ++red;
        }
    CHECK(red > 200);
}

TEST_CASE("an empty value takes its joiner with it") {
    Spec spec;
    spec.content.date = Located<CalendarDate>{{2024, 7, 8}, {}};
    Brand brand;
    CHECK(fill_pattern("{source_line} · {date}", spec, brand, {}) == "Senin, 8 Juli 2024");
    spec.content.texts["source"] = {"BKPSDM", {}};
    CHECK(fill_pattern("{source_line} · {date}", spec, brand, {}) == "Sumber: BKPSDM · Senin, 8 Juli 2024");
    spec.content.date.reset();
    CHECK(fill_pattern("{source_line} · {date}", spec, brand, {}) == "Sumber: BKPSDM");
    spec.content.texts.clear();
    CHECK(fill_pattern("{source_line} · {date}", spec, brand, {}) == "");
}
