// Preflight: does each text stand out from what is actually behind it? Measured on the
// canvas as it is when the text is drawn (photo, scrim, panel), per WCAG 2.1.
#pragma once

#include "scene/scene.hpp"
#include "spec/diagnostics.hpp"
#include "template/brand_palette.hpp"

#include <cairo.h>
#include <string>

namespace rupa {

// Warns at the brand's `captions:` when its caption text falls under WCAG AA (4.5:1) against
// its box, with the box over the brightest (white) or the darkest (black) frame.
void check_caption_contrast(const Brand& brand, Diagnostics& diagnostics);

class ContrastCheck {
public:
    ContrastCheck(std::string format, Diagnostics& diagnostics)
        : format_(std::move(format)), diagnostics_(diagnostics) {}

    // Samples the canvas under `text` and warns when the text's contrast against its
    // weakest tenth of background is under WCAG AA.
    void operator()(const SceneNode& text, cairo_surface_t* canvas);

private:
    std::string format_;
    Diagnostics& diagnostics_;
};

}  // namespace rupa
