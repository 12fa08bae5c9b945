// Values over time, bound to scene nodes once when the scene is built and read per frame
// (the shape of rlottie's Property<T> and skottie's animators): a property is either one
// static value or keyframes, each easing toward the next. Time is a frame index at 30 fps.
#pragma once

#include <algorithm>
#include <climits>
#include <cmath>
#include <vector>

namespace rupa {

// How a value travels from one keyframe to the next: CSS's named curves and cubic-bezier
// (https://www.w3.org/TR/css-easing-1/), so designers can reuse what they know.
struct Easing {
    double x1 = 0, y1 = 0, x2 = 1, y2 = 1;  // the control points; (0,0,1,1) is linear

    static Easing linear() { return {0, 0, 1, 1}; }
    static Easing ease() { return {0.25, 0.1, 0.25, 1}; }
    static Easing ease_in() { return {0.42, 0, 1, 1}; }
    static Easing ease_out() { return {0, 0, 0.58, 1}; }
    static Easing ease_in_out() { return {0.42, 0, 0.58, 1}; }

    // Progress 0..1 in time -> progress in value (may overshoot for y outside 0..1).
    double apply(double t) const;
};

inline double lerp(double a, double b, double t) { return a + (b - a) * t; }

template <typename T>
struct Keyframe {
    long frame = 0;
    T value{};
    Easing ease = Easing::linear();  // toward the next keyframe
};

template <typename T>
class Animated {
public:
    Animated() = default;
    Animated(T value) : static_(value) {}  // NOLINT: a static value reads as one

    // Adds a keyframe; keyframes are kept in frame order.
    void key(long frame, T value, Easing ease = Easing::linear()) {
        auto at = std::upper_bound(keys_.begin(), keys_.end(), frame,
                                   [](long f, const Keyframe<T>& k) { return f < k.frame; });
        keys_.insert(at, Keyframe<T>{frame, value, ease});
    }

    bool is_static() const { return keys_.empty(); }
    // The first frame from which the value no longer changes.
    long settles_at() const { return keys_.empty() ? 0 : keys_.back().frame; }
    // The last frame before the value starts to change (LONG_MAX: it never changes).
    long starts_at() const { return keys_.empty() ? LONG_MAX : keys_.front().frame; }
    // The value once it has settled.
    const T& final_value() const { return keys_.empty() ? static_ : keys_.back().value; }
    const T& first_value() const { return keys_.empty() ? static_ : keys_.front().value; }

    T at(long frame) const {
        if (keys_.empty()) return static_;
        if (frame <= keys_.front().frame) return keys_.front().value;
        if (frame >= keys_.back().frame) return keys_.back().value;
        auto next = std::upper_bound(keys_.begin(), keys_.end(), frame,
                                     [](long f, const Keyframe<T>& k) { return f < k.frame; });
        const Keyframe<T>& from = *(next - 1);
        double t = double(frame - from.frame) / double(next->frame - from.frame);
        return lerp(from.value, next->value, from.ease.apply(t));
    }

private:
    T static_{};
    std::vector<Keyframe<T>> keys_;
};

}  // namespace rupa
