// The voice's level is a running mean square (a one-pole filter over about 10 ms, the
// integration time of a speech-level meter's fast detector); the music's gain moves in
// straight lines in decibels, which the ear hears as an even fade.
#include "media/ducker.hpp"

#include <algorithm>
#include <cmath>

namespace rupa {

namespace {
constexpr double kLevelWindowSeconds = 0.01;
}

Ducker::Ducker(int sample_rate)
    : level_smoothing_(1 - std::exp(-1.0 / (kLevelWindowSeconds * sample_rate))),
      threshold_(std::pow(10.0, kSpeechThresholdDb / 10)),
      attack_step_(kDepthDb / (kAttackSeconds * sample_rate)),
      release_step_(kDepthDb / (kReleaseSeconds * sample_rate)),
      hold_samples_(std::lround(kHoldSeconds * sample_rate)) {}

float Ducker::gain(float voice_left, float voice_right) {
    double square = 0.5 * (double(voice_left) * voice_left + double(voice_right) * voice_right);
    mean_square_ += level_smoothing_ * (square - mean_square_);
    if (mean_square_ > threshold_) held_ = hold_samples_;
    else if (held_ > 0) --held_;
    if (held_ > 0) duck_db_ = std::max(-kDepthDb, duck_db_ - attack_step_);
    else duck_db_ = std::min(0.0, duck_db_ + release_step_);
    // Most of the time the music is wholly up or wholly down: convert only when it moves.
    if (duck_db_ != gain_db_) {
        gain_db_ = duck_db_;
        gain_ = float(std::pow(10.0, duck_db_ / 20));
    }
    return gain_;
}

}  // namespace rupa
