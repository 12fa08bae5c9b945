// librsvg loading; the intrinsic size decides the logo's aspect ratio.
#include "media/svg_image.hpp"

namespace rupa {

SvgImage load_svg(const std::filesystem::path& path) {
    GError* raw_error = nullptr;
    RsvgHandle* raw = rsvg_handle_new_from_file(path.c_str(), &raw_error);
    GErrorPtr error(raw_error);
    if (!raw) throw MediaError(std::string("not a readable SVG: ") + (error ? error->message : "unknown"));
    SvgImage svg;
    svg.handle = share_gobject(raw);
    gdouble w = 0, h = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(raw, &w, &h) || w <= 0 || h <= 0)
        throw MediaError("the SVG has no width and height (give it a viewBox and a size)");
    svg.width = w;
    svg.height = h;
    return svg;
}

}  // namespace rupa
