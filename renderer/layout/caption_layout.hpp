// Captions + Brand + a video format -> the captions of a Timeline: each caption's text shaped
// in the brand's caption style, wrapped to at most two lines of about 32 characters, on a
// soft dark box in the lower part of the format's safe area, above where the platform draws
// its own text and controls. Findings (too many lines, too fast to read, after the end) go to
// Diagnostics at the caption's own line.
#pragma once

#include "layout/font_set.hpp"
#include "scene/timeline.hpp"
#include "spec/diagnostics.hpp"
#include "spec/format.hpp"
#include "spec/spec.hpp"
#include "template/brand.hpp"

#include <vector>

namespace rupa {

// Where a video format's captions stand, in its pixels: the column their box is centred in,
// the line the box stands on, and the highest its top may reach.
struct CaptionArea {
    double left = 0, right = 0;
    double top = 0, bottom = 0;
    double centre() const { return (left + right) / 2; }
};

CaptionArea caption_area(const Format& format);

// Lays out `captions` (in time order, never overlapping) over `timeline`, a video of
// `format`: sets its captions, and clears its captions_whole when a caption cannot be drawn
// whole in the frame (an error in `diagnostics`, like content that does not fit a layout).
void add_captions(Timeline& timeline, const std::vector<Caption>& captions, const Format& format,
                  const Brand& brand, const FontSet& fonts, Diagnostics& diagnostics);

}  // namespace rupa
