// Spec + Template + Brand + Format -> Scene: boxes resolved, text shaped and fitted, photos
// cropped around their focus point. Preflight findings go to Diagnostics.
#pragma once

#include "layout/assets.hpp"
#include "layout/font_set.hpp"
#include "scene/scene.hpp"
#include "spec/diagnostics.hpp"
#include "spec/format.hpp"
#include "spec/spec.hpp"

namespace rupa {

struct LayoutInputs {
    const Spec& spec;
    const Template& tmpl;
    const Brand& brand;
    const FontSet& fonts;
    const Assets& assets;
};

Scene build_scene(const LayoutInputs& in, const Format& format, Diagnostics& diagnostics);

// The part of an image (in its pixels) that covers `box`, centred on the focus point as far
// as the image's edges allow.
Box cover_crop(double image_w, double image_h, const Box& box, double focus_x, double focus_y);

}  // namespace rupa
