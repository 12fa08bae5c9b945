// The one shrink-to-fit of the layout: texts, stacks, stats and agenda entries all get
// smaller the same way. Every size above its minimum steps down together, 2 px at a time,
// and the content is set again, until it fits or every size is at its minimum; then the
// gaps between blocks close, down to half, before the content is declared not to fit.
#pragma once

#include <functional>
#include <vector>

namespace rupa {

// A size that may shrink, down to `minimum` (a size with no minimum never shrinks).
struct ShrinkableSize {
    double* size;
    double minimum;
};

// `set` lays the content out at the current sizes and gap scale and says whether it fits.
// Returns whether it fits in the end; the sizes and `gap_scale` are left where they ended.
bool shrink_to_fit(const std::vector<ShrinkableSize>& sizes, double& gap_scale,
                   const std::function<bool()>& set);

// The same for content whose gaps never close.
bool shrink_to_fit(const std::vector<ShrinkableSize>& sizes, const std::function<bool()>& set);

}  // namespace rupa
