// The `rupa` command: argument parsing and dispatch, and the one place errors are caught.
#include "cli/commands.hpp"

extern "C" {
#include <libavutil/log.h>
}

int main(int argc, char** argv) {
    // libav's own messages are for its developers; rupa says what went wrong in its words.
    av_log_set_level(AV_LOG_QUIET);
    return rupa::run_cli(argc, argv);
}
