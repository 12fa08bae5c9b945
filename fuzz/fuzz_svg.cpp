// libFuzzer target: any bytes as a brand kit's SVG logo. Loading must either give an SVG with a
// positive size or throw MediaError; a loaded one is then drawn at logo size (a 400x400
// canvas), as scene drawing does, so that filter work the checks let through shows up as a
// timeout, and memory past the checks as an out-of-memory report.
#include "fuzz_support.hpp"
#include "handles/cairo.hpp"
#include "handles/gobject.hpp"
#include "media/svg_image.hpp"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static rupa::fuzz::ScratchFile file("logo.svg");
    file.write(data, size);
    try {
        rupa::SvgImage svg = rupa::load_svg(file.path());
        if (!(svg.width > 0 && svg.height > 0)) std::abort();
        rupa::CairoSurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 400, 400));
        rupa::CairoPtr cr(cairo_create(surface.get()));
        RsvgRectangle viewport{0, 0, 400, 400};
        GError* error = nullptr;
        rsvg_handle_render_document(svg.handle.get(), cr.get(), &viewport, &error);
        rupa::GErrorPtr owned(error);
    } catch (const rupa::MediaError&) {
    }
    return 0;
}
