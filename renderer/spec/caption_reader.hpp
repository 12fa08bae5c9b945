// Captions for burning into a video, from a SubRip (.srt) file or the spec's own list, turned
// into frame ranges in time order. Errors point at file:line:col like every other input.
#pragma once

#include "spec/spec.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rupa {

// The most captions one video takes: a 180 s video with a caption every second.
constexpr size_t kMaxCaptions = 180;

// Seconds written as a number ("12.5"), "M:SS" ("1:02.5") or SubRip's "HH:MM:SS,mmm";
// nothing when `text` is none of these.
std::optional<double> parse_caption_time(const std::string& text);

// Reads a SubRip file: numbered blocks of a timing line and text lines, separated by blank
// lines. Markup tags (<i>, {\an8}) are dropped: the brand styles burned-in captions.
std::vector<Caption> read_srt(const std::filesystem::path& file, const std::string& display_name);

// Refuses a caption that ends before it starts or starts after the longest video.
void check_caption_range(double from, double to, const SourceMark& where);

// Puts captions in time order and shortens each to end where the next begins (subtitle tools
// often let cues overlap by a few frames). Two captions starting together are an error.
void order_captions(std::vector<Caption>& captions);

// The captions a video `frames` long shows: those that start before it ends, each ending by
// then at the latest.
std::vector<Caption> captions_within(const std::vector<Caption>& captions, long frames);

}  // namespace rupa
