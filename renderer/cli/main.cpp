// The `rupa` command: argument parsing and dispatch, and the one place errors are caught.
#include "cli/commands.hpp"

int main(int argc, char** argv) {
    return rupa::run_cli(argc, argv);
}
