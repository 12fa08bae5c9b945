// Writing a finished file in one step: the bytes go to a temporary name in the same folder
// and are renamed over the target only when complete, so a crash or kill never leaves a
// truncated file where a finished one belongs.
#pragma once

#include <filesystem>
#include <string_view>

namespace rupa {

// Throws std::runtime_error when the file cannot be written. A SIGINT, SIGTERM or SIGHUP
// while writing removes the temporary before the process ends.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

// Removes temporaries left in `folder` by an earlier run that was killed (SIGKILL).
void remove_stale_temporaries(const std::filesystem::path& folder);

}  // namespace rupa
