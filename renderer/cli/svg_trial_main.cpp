// `rupa-svg-trial`: an SVG logo's trial draw (media/svg_trial.hpp), as a program of its own.
// It links only what drawing an SVG needs (librsvg, Cairo and what they bring: about a third
// of the libraries rupa loads), so the fresh process a render starts for each SVG logo is
// ready in half the time of a second rupa. rupa falls back to `rupa --svg-trial` when this
// program is not installed beside it.
#include "media/svg_trial.hpp"

int main(int argc, char** argv) { return rupa::run_svg_trial(argc, argv); }
