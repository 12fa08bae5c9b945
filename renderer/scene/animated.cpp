// Cubic-bezier easing, solved for x by Newton's method with a bisection fallback (the way
// browsers evaluate CSS timing functions).
#include "scene/animated.hpp"

namespace rupa {

namespace {

double bezier(double a, double b, double t) {
    // One coordinate of a cubic bezier from (0,0) to (1,1) with control values a and b.
    double u = 1 - t;
    return 3 * u * u * t * a + 3 * u * t * t * b + t * t * t;
}

double bezier_slope(double a, double b, double t) {
    double u = 1 - t;
    return 3 * u * u * a + 6 * u * t * (b - a) + 3 * t * t * (1 - b);
}

}  // namespace

double Easing::apply(double t) const {
    t = std::clamp(t, 0.0, 1.0);
    if (x1 == y1 && x2 == y2) return t;  // linear
    double s = t;
    for (int i = 0; i < 8; ++i) {
        double error = bezier(x1, x2, s) - t;
        if (std::abs(error) < 1e-7) return bezier(y1, y2, s);
        double slope = bezier_slope(x1, x2, s);
        if (std::abs(slope) < 1e-6) break;
        s -= error / slope;
    }
    double lo = 0, hi = 1;
    s = t;
    for (int i = 0; i < 40; ++i) {
        double x = bezier(x1, x2, s);
        if (std::abs(x - t) < 1e-7) break;
        (x < t ? lo : hi) = s;
        s = (lo + hi) / 2;
    }
    return bezier(y1, y2, s);
}

}  // namespace rupa
