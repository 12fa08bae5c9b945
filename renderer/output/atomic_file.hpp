// Writing a finished file in one step: the bytes go to a temporary name in the same folder
// and are renamed over the target only when complete, so a crash or kill never leaves a
// truncated file where a finished one belongs.
#pragma once

#include <filesystem>
#include <memory>
#include <string_view>

namespace rupa {

// Throws std::runtime_error when the file cannot be written. A SIGINT, SIGTERM or SIGHUP
// while writing removes the temporary before the process ends.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

// Removes temporaries left in `folder` by an earlier run that was killed (SIGKILL).
void remove_stale_temporaries(const std::filesystem::path& folder);

}  // namespace rupa

namespace rupa {

// A file written by another library (an MP4 from libavformat) under a temporary name in its
// target's folder, renamed over the target by commit(); removed if never committed, and on
// SIGINT, SIGTERM or SIGHUP like every temporary.
class PendingFile {
public:
    explicit PendingFile(const std::filesystem::path& target);
    ~PendingFile();
    PendingFile(const PendingFile&) = delete;
    PendingFile& operator=(const PendingFile&) = delete;

    const std::filesystem::path& temporary() const { return temporary_; }
    // Makes the temporary durable and renames it over the target; throws std::runtime_error.
    void commit();

private:
    std::filesystem::path target_, temporary_;
    struct Registration;
    std::unique_ptr<Registration> registration_;
    bool committed_ = false;
};

}  // namespace rupa
