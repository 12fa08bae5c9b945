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
#include <ctime>
#include <fcntl.h>
#include <random>
#include <string_view>
#include <sys/file.h>
#include <sys/stat.h>
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

// The handler runs on one thread while the others go on: a temporary that another thread
// creates just as the handler removes the registered names would be left behind. So the
// handler first says the process is ending, then waits (100 ms at most: it may itself have
// interrupted a creation) for the creations under way to finish; a creation that starts
// after that waits for the process to end instead (see create_exclusively).
std::atomic<bool> ending{false};
std::atomic<int> creating{0};

void remove_temporaries_and_reraise(int signal_number) {
    ending.store(true);
    for (int waited = 0; creating.load() > 0 && waited < 100; ++waited) {
        struct timespec millisecond {0, 1'000'000};
        ::nanosleep(&millisecond, nullptr);  // async-signal-safe
    }
    for (size_t i = 0; i < kSlots; ++i)
        if (slot_used[i].load()) ::unlink(slot_path[i].data());  // async-signal-safe
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
}

// A signal the process inherited as ignored stays ignored: under `nohup` (SIGHUP) or a
// shell's background job (SIGINT) the caller asked for the render to go on.
void handle_unless_ignored(int signal_number, const struct sigaction& action) {
    struct sigaction current {};
    if (sigaction(signal_number, nullptr, &current) == 0 && current.sa_handler == SIG_IGN) return;
    sigaction(signal_number, &action, nullptr);
}

void install_handlers_once() {
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction action {};
        action.sa_handler = remove_temporaries_and_reraise;
        sigemptyset(&action.sa_mask);
        for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) handle_unless_ignored(signal_number, action);
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

// Creates the temporary `path`, already registered, exclusively and not through a symlink
// (a name that exists can only have been planted). Once a signal is being handled it creates
// nothing and waits for the process to end.
FileDescriptor create_exclusively(const std::filesystem::path& path) {
    creating.fetch_add(1);
    if (ending.load()) {
        creating.fetch_sub(1);
        for (;;) ::pause();
    }
    FileDescriptor fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
    creating.fetch_sub(1);
    return fd;
}

// rupa's own temporary names: "<name>.part-<pid>-<16 hex digits>", unique per write, so
// that two processes never share one and stale-temporary cleanup removes only these.
constexpr std::string_view kPart = ".part-";

std::string unique_suffix() {
    static std::atomic<uint64_t> counter{0};
    static thread_local std::mt19937_64 random{std::random_device{}()};
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(random() ^ counter.fetch_add(1)));
    return std::string(kPart) + std::to_string(::getpid()) + "-" + hex;
}

bool is_own_temporary(const std::string& name) {
    size_t at = name.rfind(kPart);
    if (at == std::string::npos || at == 0) return false;
    std::string_view rest = std::string_view(name).substr(at + kPart.size());
    size_t dash = rest.find('-');
    if (dash == std::string_view::npos || dash == 0 || rest.size() - dash - 1 != 16) return false;
    auto all = [](std::string_view s, const char* set) { return s.find_first_not_of(set) == std::string_view::npos; };
    return all(rest.substr(0, dash), "0123456789") && all(rest.substr(dash + 1), "0123456789abcdef");
}

[[noreturn]] void fail(const std::filesystem::path& path, const char* what) {
    throw OutputError("cannot " + std::string(what) + " " + path.string() + ": " +
                             std::strerror(errno));
}

}  // namespace

void write_file_atomically(const std::filesystem::path& target, std::string_view bytes) {
    std::filesystem::path temporary = target;
    temporary += unique_suffix();
    TemporaryName registered(temporary);
    FileDescriptor fd = create_exclusively(temporary);
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
        if (is_own_temporary(entry.path().filename().string()) && entry.is_regular_file(ec) &&
            !entry.is_symlink(ec))
            std::filesystem::remove(entry.path(), ec);
}

PostFolder::PostFolder(const std::filesystem::path& out_dir, const std::string& name)
    : path_(out_dir / name) {
    std::error_code ec;
    if (std::filesystem::exists(out_dir, ec) && !std::filesystem::is_directory(out_dir, ec))
        throw OutputError("the output folder " + out_dir.string() + " is a file (name a folder with -o)");
    std::filesystem::create_directories(out_dir, ec);
    if (ec) throw OutputError("cannot create the output folder " + out_dir.string() + ": " + ec.message());
    if (::mkdir(path_.c_str(), 0755) != 0 && errno != EEXIST) fail(path_, "create");
    // O_NOFOLLOW: a symlink planted at OUTDIR/<name> is refused, never followed.
    fd_ = FileDescriptor(::open(path_.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (fd_.get() < 0) {
        struct stat status {};
        if (::lstat(path_.c_str(), &status) == 0 && S_ISLNK(status.st_mode))
            throw OutputError(path_.string() + " is a symlink; rupa never writes through a symlink in the output "
                                               "folder (remove it)");
        if (::lstat(path_.c_str(), &status) == 0 && !S_ISDIR(status.st_mode))
            throw OutputError(path_.string() + " is a file, not a folder (remove it or choose another output folder)");
        fail(path_, "open");
    }
    // One render at a time per folder: a second render of the same post waits here, so that
    // neither removes the other's temporaries nor renames over files it is still writing.
    while (::flock(fd_.get(), LOCK_EX) != 0)
        if (errno != EINTR) fail(path_, "lock");
    remove_stale_temporaries(path_);
}

}  // namespace rupa

namespace rupa {

struct PendingFile::Registration {
    explicit Registration(const std::filesystem::path& path) : name(path) {}
    TemporaryName name;
};

PendingFile::PendingFile(const std::filesystem::path& target) : target_(target), temporary_(target) {
    temporary_ += unique_suffix();
    registration_ = std::make_unique<Registration>(temporary_);
    // Created here, exclusively and not through a symlink, so that the library that writes it
    // opens a file of rupa's own.
    FileDescriptor fd = create_exclusively(temporary_);
    if (fd.get() < 0) fail(temporary_, "create");
}

PendingFile::~PendingFile() {
    if (!committed_) ::unlink(temporary_.c_str());
}

void PendingFile::commit() {
    FileDescriptor fd(::open(temporary_.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0 || ::fsync(fd.get()) != 0) fail(temporary_, "finish");
    if (::rename(temporary_.c_str(), target_.c_str()) != 0) fail(target_, "rename into");
    committed_ = true;
}

}  // namespace rupa
