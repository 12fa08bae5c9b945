// The commands of PRODUCT.md's command line. Returns the process exit status.
#pragma once

namespace rupa {

// 0 everything rendered, 1 some output failed, 2 invalid input or usage.
int run_cli(int argc, char** argv);

}  // namespace rupa
