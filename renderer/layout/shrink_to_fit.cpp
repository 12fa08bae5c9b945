// Steps of 2 px are fine enough to fill a box and few enough to stay fast (a 150 px figure
// reaches an 88 px minimum in 31 settings).
#include "layout/shrink_to_fit.hpp"

#include <algorithm>

namespace rupa {

namespace {

constexpr double kShrinkStep = 2.0;
// Gaps close in quarters of their design size, to half of it: tighter, blocks that belong
// apart would read as one.
constexpr double kGapStep = 0.25;
constexpr double kSmallestGapScale = 0.5;

bool shrink_once(const std::vector<ShrinkableSize>& sizes) {
    bool shrunk = false;
    for (const ShrinkableSize& s : sizes) {
        if (s.minimum <= 0 || *s.size <= s.minimum) continue;
        *s.size = std::max(s.minimum, *s.size - kShrinkStep);
        shrunk = true;
    }
    return shrunk;
}

}  // namespace

bool shrink_to_fit(const std::vector<ShrinkableSize>& sizes, double& gap_scale,
                   const std::function<bool()>& set) {
    while (true) {
        if (set()) return true;
        if (shrink_once(sizes)) continue;
        if (gap_scale <= kSmallestGapScale) return false;
        gap_scale = std::max(kSmallestGapScale, gap_scale - kGapStep);
    }
}

bool shrink_to_fit(const std::vector<ShrinkableSize>& sizes, const std::function<bool()>& set) {
    double fixed = kSmallestGapScale;
    return shrink_to_fit(sizes, fixed, set);
}

}  // namespace rupa
