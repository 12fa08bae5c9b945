// A video's captions as the SubRip (.srt) file written beside it: platforms (YouTube,
// Facebook, TikTok) take it as closed captions, and an admin can correct it and render again.
#pragma once

#include "spec/spec.hpp"

#include <string>
#include <vector>

namespace rupa {

// "HH:MM:SS,mmm", SubRip's time of video frame `frame`, to the millisecond.
std::string subrip_time(long frame);

// Numbered blocks of a time line and the caption's own lines, separated by blank lines.
std::string subrip_text(const std::vector<Caption>& captions);

}  // namespace rupa
