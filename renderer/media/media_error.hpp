// The one error of media/: a photo, clip or sound file rupa cannot use. The message says why,
// for a person, and reads after "cannot use photo 'x': " (the caller names the file).
#pragma once

#include <stdexcept>

namespace rupa {

class MediaError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace rupa
