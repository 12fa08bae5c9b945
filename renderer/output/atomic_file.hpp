// Writing a finished file in one step: the bytes go to a temporary name in the same folder
// and are renamed over the target only when complete, so a crash or kill never leaves a
// truncated file where a finished one belongs.
#pragma once

#include "handles/posix.hpp"

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace rupa {

// An output that cannot be written: the folder is not writable, is a file, or is a symlink.
class OutputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Throws OutputError when the file cannot be written. The temporary has a name of rupa's own,
// unique to this write, created exclusively: two renders never touch each other's. A SIGINT, SIGTERM or SIGHUP
// while writing removes the temporary before the process ends.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

// Removes temporaries left in `folder` by an earlier run that was killed (SIGKILL): only
// regular files with rupa's own temporary names, never another program's "*.part-*".
void remove_stale_temporaries(const std::filesystem::path& folder);

// The folder one post (or the batch's state) is written into, OUTDIR/<name>: created, opened
// without following a symlink (one planted there is refused), and locked for as long as the
// object lives, with rupa's stale temporaries removed under the lock. `name` must be a
// plain folder name (read_spec refuses the stems '.', '..' and hidden names).
class PostFolder {
public:
    PostFolder(const std::filesystem::path& out_dir, const std::string& name);  // throws OutputError
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
    FileDescriptor fd_;
};

}  // namespace rupa

namespace rupa {

// A file written by another library (an MP4 from libavformat) under a temporary name of
// rupa's own in its target's folder (created exclusively, never through a symlink), renamed
// over the target by commit(); removed if never committed, and on SIGINT, SIGTERM or SIGHUP
// like every temporary.
class PendingFile {
public:
    explicit PendingFile(const std::filesystem::path& target);
    ~PendingFile();
    PendingFile(const PendingFile&) = delete;
    PendingFile& operator=(const PendingFile&) = delete;

    const std::filesystem::path& temporary() const { return temporary_; }
    // Makes the temporary durable and renames it over the target; throws OutputError.
    void commit();

private:
    std::filesystem::path target_, temporary_;
    struct Registration;
    std::unique_ptr<Registration> registration_;
    bool committed_ = false;
};

}  // namespace rupa
