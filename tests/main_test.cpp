// The doctest runner. SVG logos loaded in this process get their trial draw from the
// rupa-svg-trial program built beside the rupa binary under test, as in the rupa command.
#define DOCTEST_CONFIG_IMPLEMENT
#include "media/svg_trial.hpp"

#include <doctest/doctest.h>

int main(int argc, char** argv) {
    rupa::set_svg_trial_program(RUPA_SVG_TRIAL);
    doctest::Context context(argc, argv);
    return context.run();
}
