// A photo collage: the spec's `photos` tiled into one box, each photo in its own cell,
// cropped to cover it around its focus point.
#pragma once

#include "template/template.hpp"

#include <vector>

namespace rupa {

// The cells of `count` photos in `box`, `gap` pixels apart, in the order of the photos. The
// photos lie in lines: rows in a box taller than wide, columns in a wider one, so each cell
// keeps to the box's own shape. 1: the whole box; 2: two halves; 3: the first photo large
// (three fifths), the other two beside it; 4: two by two; 5: two, then three; more: lines of
// about the square root of the count, the shorter lines first. Cells are whole pixels.
std::vector<Box> collage_cells(size_t count, const Box& box, double gap);

}  // namespace rupa
