// rupa's own installed files are missing or unusable (the bundled fonts): no change to the
// input fixes it, and nothing is written. The message says what to reinstall.
#pragma once

#include <stdexcept>

namespace rupa {

class InstallationError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace rupa
