// The `rupa` command: argument parsing and dispatch, and the one place errors are caught.
#include "cli/commands.hpp"
#include "media/svg_trial.hpp"

#include <csignal>
#include <filesystem>
#include <string_view>

extern "C" {
#include <libavutil/log.h>
}

int main(int argc, char** argv) {
    // A hidden mode: an SVG logo's trial draw, in a process of its own, when rupa-svg-trial is missing.
    if (argc > 1 && argv[1] == rupa::kSvgTrialCommand) return rupa::run_svg_trial(argc, argv);
    // libav's own messages are for its developers; rupa says what went wrong in its words.
    av_log_set_level(AV_LOG_QUIET);
    // rupa waits for the processes it starts (renders, SVG trials) and reads how they ended;
    // SIGCHLD inherited as ignored would have the system reap them unread.
    std::signal(SIGCHLD, SIG_DFL);
    // SVG trials run in rupa-svg-trial beside this program, or in this program when it is not there.
    std::error_code ec;
    std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    std::filesystem::path trial = self.parent_path() / "rupa-svg-trial";
    rupa::set_svg_trial_program(!self.empty() && std::filesystem::is_regular_file(trial, ec) ? trial : self);
    return rupa::run_cli(argc, argv);
}
