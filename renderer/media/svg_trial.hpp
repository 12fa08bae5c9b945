// The trial draw of an SVG logo, in a process of its own, under a deadline and a memory budget.
// librsvg 2.54 cannot be interrupted while it draws, and the logo is drawn later, in draw/,
// once per format and once per frame of its entrance: a logo that could hang or swell there
// is refused when it is loaded instead, from what its trial cost.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace rupa {

// The longest side the trial draws at, in pixels: no template draws a logo larger. The
// template reader holds a logo's box to 640 px a side, and a design plays at most 1.6 times
// its size (landscape, 1200 wide, in video-landscape, 1920 wide); the built-in templates'
// largest logo box is 280 px, 448 px in video-landscape.
inline constexpr int kSvgTrialSide = 1024;

// The trial runs `PROGRAM --svg-trial WIDTH HEIGHT`, the SVG on its standard input, where
// PROGRAM is rupa-svg-trial (cli/svg_trial_main.cpp) or the rupa binary itself. Set once
// where the process starts (cli/, the test runner); with none set (the fuzz targets, which
// draw each SVG themselves) SVGs are loaded without a trial.
inline constexpr std::string_view kSvgTrialCommand = "--svg-trial";
void set_svg_trial_program(const std::filesystem::path& program);

// Draws `svg` (of intrinsic size width x height) at kSvgTrialSide on its long side in a child
// process. Throws MediaError when the drawing takes over 2 s or 512 MB, or librsvg crashes.
void trial_draw_svg(const std::string& svg, double width, double height);

// The child's side: `argv` is `PROGRAM --svg-trial WIDTH HEIGHT`; returns the exit status.
int run_svg_trial(int argc, char** argv);

}  // namespace rupa
