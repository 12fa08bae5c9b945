// The week's highlights (PRODUCT.md, "Weekly batch"): a reel of the week (an opening card,
// each post's own design in date order, the brand outro) and a portrait carousel (a cover,
// then each post's own portrait on the same branded frame), made from the posts that
// rendered, without rendering them again.
#pragma once

#include "batch/batch_run.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rupa {

// `highlights.yaml` beside the specs: how the week's reel sounds and plays.
struct HighlightsSettings {
    std::filesystem::path file;       // empty: the batch folder has none
    std::optional<MediaRef> music;    // under the reel, faded out at its end
    double music_volume = 1.0;        // 0 silent .. 1 as loud as the file
    long post_frames = 3 * kVideoFps; // each post's scene, 3 to 5 s
    std::optional<Located<std::string>> brand;  // the opening card's and outro's brand
};

inline constexpr const char* kHighlightsFile = "highlights.yaml";
// The carousel's slides, cover included (Instagram's limit for a carousel is higher; ten is
// what a week's summary is read to the end at).
inline constexpr size_t kMaxSlides = 10;

// Reads DIR/highlights.yaml when there is one. Throws SpecError at its line for anything
// wrong in it (an unknown key, a music file that is missing or outside DIR).
HighlightsSettings read_highlights_settings(const std::filesystem::path& dir);

// Writes the reel and the carousel into OUTDIR/highlights-YYYY-Www/ from `report`'s posts
// that rendered or were unchanged, unless the same posts with the same inputs made them
// last time (recorded in `state_dir`). Never throws for a post: what cannot be shown is
// left out and said so; a reel that cannot be made is `failed` with its error.
HighlightsOutcome write_highlights(const BatchRequest& request, const HighlightsSettings& settings,
                                   const BatchReport& report, const std::filesystem::path& state_dir);

}  // namespace rupa
