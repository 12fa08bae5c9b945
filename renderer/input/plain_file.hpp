// The one way rupa reads an input file: specs, templates, brand kits, captions and SVG logos
// through read_plain_file; photos, sound and video (opened by libav) after check_plain_file.
// Only a regular file is read: a FIFO, socket or device (/dev/zero, /dev/stdin) is refused
// before a byte is read, and the size cap holds while reading, not only by the file's stated
// size. Confinement (paths that may not leave a folder, also through symlinks) is decided
// before, by confined_path; this reader is where every file read ends up.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace rupa {

// Why a file was not read, in an admin's words, and what to do; the caller adds where.
class FileRefused : public std::runtime_error {
public:
    FileRefused(const std::string& what, std::string hint)
        : std::runtime_error(what), hint_(std::move(hint)) {}
    const std::string& hint() const { return hint_; }

private:
    std::string hint_;
};

// What kind of file a caller reads, for the messages and the cap.
struct PlainFileKind {
    std::string noun;    // "a YAML file"
    std::string plural;  // "YAML files"
    std::uintmax_t max_bytes = 0;
    std::string too_large_hint;  // "a spec is a few kilobytes: is this the right file?"
};

// Refuses a missing file, a folder, and anything that is not a regular file.
void check_plain_file(const std::filesystem::path& path, const PlainFileKind& kind);

// The whole file, at most kind.max_bytes of it; throws FileRefused.
std::string read_plain_file(const std::filesystem::path& path, const PlainFileKind& kind);

// "4 MB", "512 KB", "300 bytes": a size as messages show it.
std::string shown_size(std::uintmax_t bytes);

}  // namespace rupa
