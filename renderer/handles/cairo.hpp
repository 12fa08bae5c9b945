// Owning handles for Cairo objects: the only place cairo_*_destroy is called.
#pragma once

#include <cairo.h>
#include <memory>

namespace rupa {

struct CairoDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct CairoSurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoPatternDeleter {
    void operator()(cairo_pattern_t* p) const { cairo_pattern_destroy(p); }
};

struct CairoFontOptionsDeleter {
    void operator()(cairo_font_options_t* o) const { cairo_font_options_destroy(o); }
};

using CairoPtr = std::unique_ptr<cairo_t, CairoDeleter>;
using CairoSurfacePtr = std::unique_ptr<cairo_surface_t, CairoSurfaceDeleter>;
using CairoPatternPtr = std::unique_ptr<cairo_pattern_t, CairoPatternDeleter>;
using CairoFontOptionsPtr = std::unique_ptr<cairo_font_options_t, CairoFontOptionsDeleter>;

// A shared surface: one decoded photo may be drawn by several scenes (one per format).
using SharedSurface = std::shared_ptr<cairo_surface_t>;

inline SharedSurface share_surface(cairo_surface_t* s) {
    return SharedSurface(s, CairoSurfaceDeleter{});
}

}  // namespace rupa
