// POSIX rename(2) within one folder is atomic; fsync before it makes the content durable.
#include "output/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace rupa {

namespace {

class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return fd_; }
    int release_and_close() {
        int rc = ::close(fd_);
        fd_ = -1;
        return rc;
    }

private:
    int fd_;
};

[[noreturn]] void fail(const std::filesystem::path& path, const char* what) {
    throw std::runtime_error("cannot " + std::string(what) + " " + path.string() + ": " +
                             std::strerror(errno));
}

}  // namespace

void write_file_atomically(const std::filesystem::path& target, std::string_view bytes) {
    std::filesystem::path temporary = target;
    temporary += ".part-" + std::to_string(::getpid());
    FileDescriptor fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (fd.get() < 0) fail(temporary, "create");
    size_t written = 0;
    while (written < bytes.size()) {
        ssize_t n = ::write(fd.get(), bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            ::unlink(temporary.c_str());
            fail(temporary, "write");
        }
        written += size_t(n);
    }
    if (::fsync(fd.get()) != 0 || fd.release_and_close() != 0) {
        ::unlink(temporary.c_str());
        fail(temporary, "finish");
    }
    if (::rename(temporary.c_str(), target.c_str()) != 0) {
        ::unlink(temporary.c_str());
        fail(target, "rename into");
    }
}

}  // namespace rupa
