// Shaping text with Pango in a template's style, and fitting a column of text blocks into
// a box by shrinking the blocks that may shrink, step by step, down to their minimum.
#pragma once

#include "handles/gobject.hpp"
#include "layout/font_set.hpp"
#include "template/brand.hpp"
#include "template/template.hpp"

#include <string>
#include <vector>

namespace rupa {

struct TextBlock {
    std::string name;
    std::string markup;
    TextStyle style;
    double size = 0;        // the size it ends up at
    double gap_before = 0;
    std::string marker;      // "dot" or "number" for a list point, else empty
    int marker_number = 0;
    ColorRef marker_color;
    double indent = 0;       // px the text stands right of the marker
    SharedGObject<PangoLayout> layout;
    double height = 0;       // including the pill's padding
    double text_x = 0;       // where the text's ink starts inside the layout width
    double text_width = 0;   // the widest line
    int lines = 0;
    bool ellipsized = false;  // cut at max_lines with "…"
};

// A block of plain text (escaped for markup) in `style` at `size`, not yet shaped.
TextBlock plain_block(const std::string& name, const std::string& text, const TextStyle& style, double size);

// Shapes `block` at `block.size` into `width` pixels.
void shape_text(TextBlock& block, double width, const Brand& brand, const FontSet& fonts);

// Shrinks the blocks until the column (with its gaps) fits `height` and each respects its
// max_lines. Returns false when it still does not fit with every block at its minimum.
bool fit_column(std::vector<TextBlock>& blocks, double width, double height, const Brand& brand,
                const FontSet& fonts);

double column_height(const std::vector<TextBlock>& blocks);

// Where content `used` pixels tall starts in element `e`'s box, by its anchor.
double anchored_top(const Element& e, double used);

}  // namespace rupa
