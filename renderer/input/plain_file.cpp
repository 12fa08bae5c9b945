// Reading input files with POSIX calls: open without blocking (a FIFO would otherwise wait for
// a writer for ever), check the opened file is regular, then read up to the cap plus one byte.
#include "input/plain_file.hpp"

#include "handles/posix.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rupa {

namespace {

// What `status` is, when it is not something rupa reads.
void refuse_unless_regular(const struct stat& status, const PlainFileKind& kind) {
    if (S_ISREG(status.st_mode)) return;
    if (S_ISDIR(status.st_mode)) throw FileRefused("a folder, not " + kind.noun, "name the file itself");
    std::string what = S_ISFIFO(status.st_mode)   ? "a FIFO (named pipe)"
                       : S_ISSOCK(status.st_mode) ? "a socket"
                                                  : "a device";
    throw FileRefused(what + ", not " + kind.noun, "rupa reads only plain files; save the content to a file");
}

void refuse_too_large(std::uintmax_t size, const PlainFileKind& kind, bool at_least) {
    throw FileRefused("the file is " + std::string(at_least ? "over " : "") + shown_size(size) +
                          "; rupa reads " + kind.plural + " of at most " + shown_size(kind.max_bytes),
                      kind.too_large_hint);
}

}  // namespace

std::string shown_size(std::uintmax_t bytes) {
    if (bytes >= (1u << 20)) return std::to_string(bytes >> 20) + " MB";
    if (bytes >= (1u << 10)) return std::to_string(bytes >> 10) + " KB";
    return std::to_string(bytes) + " bytes";
}

void check_plain_file(const std::filesystem::path& path, const PlainFileKind& kind) {
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) {
        if (errno == ENOENT || errno == ENOTDIR) throw FileRefused("file not found", "check the path");
        throw FileRefused("cannot read the file", std::strerror(errno));
    }
    refuse_unless_regular(status, kind);
    if (std::uintmax_t(status.st_size) > kind.max_bytes) refuse_too_large(std::uintmax_t(status.st_size), kind, false);
}

std::string read_plain_file(const std::filesystem::path& path, const PlainFileKind& kind) {
    // Checked by name first, so that a device is never even opened (opening some has effects).
    check_plain_file(path, kind);
    FileDescriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
    if (file.get() < 0) throw FileRefused("cannot read the file", "check its permissions");
    // ... and again as opened: the name may have been swapped for a FIFO in between.
    struct stat status {};
    if (::fstat(file.get(), &status) != 0) throw FileRefused("cannot read the file", std::strerror(errno));
    refuse_unless_regular(status, kind);
    std::string bytes;
    char buffer[1 << 16];
    while (true) {
        ssize_t n = ::read(file.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw FileRefused("cannot read the file", std::strerror(errno));
        if (n == 0) break;
        bytes.append(buffer, size_t(n));
        if (bytes.size() > kind.max_bytes) refuse_too_large(kind.max_bytes, kind, true);
    }
    return bytes;
}

}  // namespace rupa
