// Shaping text with Pango in a template's style, and fitting a column of text blocks into
// a box by shrinking the blocks that may shrink, down to their minimum (shrink_to_fit.hpp).
// Text is never cut: a block either fits whole or the column says it does not fit.
// Lines break between words only (never inside a word, never at an invented hyphen, never
// inside the stretches line_breaks.hpp keeps together); a word too long for its line makes
// the text shrink. Headlines (styles with `balance`) are then narrowed to even lines.
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
    double design_gap = -1;  // gap_before as designed (-1: not set yet), before gaps close
    std::string marker;      // "dot" or "number" for a list point, else empty
    int marker_number = 0;
    ColorRef marker_color;
    double indent = 0;       // px the text stands right of the marker
    SharedGObject<PangoLayout> layout;
    double height = 0;       // including the pill's padding
    double text_x = 0;       // where the text's ink starts inside the layout width
    double text_width = 0;   // the widest line
    int lines = 0;
    bool too_many_lines = false;  // more lines than the style's max_lines
    bool word_split = false;  // a word is longer than the line (it would have to be broken)
    std::string too_wide;     // that word, or the words kept together that are (see line_breaks.hpp)
    double wrap_width = 0;    // px the lines were broken to
    double narrowed = 0;      // px taken off wrap_width to balance the lines (see balance_lines)
};

// A block of plain text (escaped for markup) in `style` at `size`, not yet shaped.
TextBlock plain_block(const std::string& name, const std::string& text, const TextStyle& style, double size);

// Shapes `block` at `block.size` into `width` pixels.
void shape_text(TextBlock& block, double width, const Brand& brand, const FontSet& fonts);

// Shrinks the blocks, then closes the gaps, until the column fits `height`, each block
// respects its max_lines and no word is wider than its line. Returns false when it still
// does not fit with every block at its minimum. Balances the lines of the blocks whose
// style asks for it.
bool fit_column(std::vector<TextBlock>& blocks, double width, double height, const Brand& brand,
                const FontSet& fonts);

// The same for a column that may also be set wider: at each size it tries `widths` in order
// (narrowest first) and keeps the first that fits; `chosen` says which (the last when none).
// The blocks stay as large as any width allows: a wider column comes before smaller text.
bool fit_column(std::vector<TextBlock>& blocks, const std::vector<double>& widths, double height,
                const Brand& brand, const FontSet& fonts, double& chosen);

double column_height(const std::vector<TextBlock>& blocks);

// Whether a shaped block breaks its style's rules: more lines than max_lines, a word wider
// than its line.
inline bool breaks_its_lines(const TextBlock& b) { return b.too_many_lines || b.word_split; }

// A headline with a short last line (one word left over) is ugly and reads badly: narrows
// the block to the smallest width that keeps its number of lines, so that its lines are
// about even. Only for styles with `balance: true`; the height does not change.
void balance_lines(TextBlock& block);

// Where the layout of `block` stands right of its column's left edge once balanced: its
// narrower lines keep the alignment the style asks for within the full column.
double balanced_offset(const TextBlock& block);

// Where content `used` pixels tall starts in element `e`'s box, by its anchor.
double anchored_top(const Element& e, double used);
double anchored_top(const std::string& anchor, const Box& box, double used);

}  // namespace rupa
