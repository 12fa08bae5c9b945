// Laying out statistics: a grid of big figures with their units and labels, and a bar
// chart comparing the figures that share a unit. Both read the spec's `stats`.
#pragma once

#include "layout/font_set.hpp"
#include "scene/scene.hpp"
#include "spec/spec.hpp"
#include "template/brand.hpp"
#include "template/template.hpp"

#include <functional>
#include <vector>

namespace rupa {

struct StatLayoutInputs {
    const Element& element;
    const std::vector<Stat>& stats;
    Locale locale;
    const Brand& brand;
    const FontSet& fonts;
    std::function<Rgba(const ColorRef&)> colour;
};

// A text node showing a shaped block in `box`, in the block's colour.
SceneNode text_node(const std::string& name, const Box& box, const Rgba& colour,
                    const SharedGObject<PangoLayout>& layout);

// The nodes of a stats grid; `fits` is false when the figures could not be made to fit
// at their minimum size (they are then clipped to the element's box).
std::vector<SceneNode> layout_stat_grid(const StatLayoutInputs& in, bool& fits);

// The nodes of a bar chart of the stats sharing the most common unit, or none when fewer
// than two stats can be compared (a chart of one number says nothing).
std::vector<SceneNode> layout_bar_chart(const StatLayoutInputs& in, bool& fits);

}  // namespace rupa
