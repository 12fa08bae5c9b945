// POSIX rename(2) within one folder is atomic; fsync before it makes the content durable.
// While a temporary exists its name is registered, so that Ctrl-C (SIGINT) or SIGTERM
// removes it before the process ends; SIGKILL cannot be caught, but then only a
// temporary is left, never a truncated file at the final name.
#include "output/atomic_file.hpp"

#include "handles/posix.hpp"

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace rupa {

namespace {

// Fixed storage, so the signal handler needs no allocation: one slot per file being
// written at once (one per format, plus the text files).
constexpr size_t kSlots = 32;
constexpr size_t kPathMax = 4096;
std::array<std::atomic<bool>, kSlots> slot_used{};
std::array<std::array<char, kPathMax>, kSlots> slot_path{};
std::mutex slot_mutex;

void remove_temporaries_and_reraise(int signal_number) {
    for (size_t i = 0; i < kSlots; ++i)
        if (slot_used[i].load()) ::unlink(slot_path[i].data());  // async-signal-safe
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
}

void install_handlers_once() {
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction action {};
        action.sa_handler = remove_temporaries_and_reraise;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, nullptr);
        sigaction(SIGTERM, &action, nullptr);
        sigaction(SIGHUP, &action, nullptr);
    });
}

// Registers a temporary's name for the signal handler while it exists.
class TemporaryName {
public:
    explicit TemporaryName(const std::filesystem::path& path) {
        install_handlers_once();
        const std::string& text = path.native();
        if (text.size() >= kPathMax) return;
        std::lock_guard lock(slot_mutex);
        for (size_t i = 0; i < kSlots; ++i) {
            if (slot_used[i].load()) continue;
            std::memcpy(slot_path[i].data(), text.c_str(), text.size() + 1);
            slot_used[i].store(true);
            slot_ = int(i);
            return;
        }
    }
    ~TemporaryName() {
        if (slot_ >= 0) slot_used[size_t(slot_)].store(false);
    }
    TemporaryName(const TemporaryName&) = delete;
    TemporaryName& operator=(const TemporaryName&) = delete;

private:
    int slot_ = -1;
};

[[noreturn]] void fail(const std::filesystem::path& path, const char* what) {
    throw std::runtime_error("cannot " + std::string(what) + " " + path.string() + ": " +
                             std::strerror(errno));
}

}  // namespace

void write_file_atomically(const std::filesystem::path& target, std::string_view bytes) {
    std::filesystem::path temporary = target;
    temporary += ".part-" + std::to_string(::getpid());
    TemporaryName registered(temporary);
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

void remove_stale_temporaries(const std::filesystem::path& folder) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
        if (entry.path().filename().string().find(".part-") != std::string::npos)
            std::filesystem::remove(entry.path(), ec);
}

}  // namespace rupa
