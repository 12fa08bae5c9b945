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

// Whether a list's entries (stats, agenda entries) fit their box whole, and if not, how
// many of them, in order, would, and what stops the first that does not.
enum class ListFault {
    room,        // the entries together are taller than the box
    wide_value,  // a stat's figure and unit are wider than their cell at the smallest size
    long_label,  // a stat's label needs more lines than its style allows
};
struct ListFit {
    bool fits = true;
    size_t entries = 0;
    ListFault fault = ListFault::room;
};

// The nodes of a stats grid; none when the figures do not fit whole at their minimum size.
std::vector<SceneNode> layout_stat_grid(const StatLayoutInputs& in, ListFit& fit);

// The nodes of a bar chart of the stats sharing the most common unit, or none when fewer
// than two stats can be compared (a chart of one number says nothing). The chart repeats
// the numbers of the grid: when its labels do not fit on one line each, `fits` is false and
// it is left out; when its rows do not fit its box, it is left out and `fits` stays true.
std::vector<SceneNode> layout_bar_chart(const StatLayoutInputs& in, bool& fits);

}  // namespace rupa
