// The trial draw runs in a fresh program, not in a plain fork of this one: librsvg 2.54 does
// parts of its filters on a Rayon thread pool, which a process makes once and keeps; a fork
// holds the pool's bookkeeping but none of its threads, so a child forked after any earlier
// draw waits forever for the first blur (measured: a 3 px feGaussianBlur that takes 50 ms
// drew nothing in 5 s). An exec'd rupa starts with no threads and no locks held.
#include "media/svg_trial.hpp"

#include "handles/cairo.hpp"
#include "handles/gobject.hpp"
#include "handles/posix.hpp"
#include "media/media_error.hpp"

#include <librsvg/rsvg.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <system_error>
#include <thread>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
#define RUPA_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RUPA_UNDER_ASAN 1
#endif
#endif

namespace rupa {

namespace {

using Clock = std::chrono::steady_clock;

// An ordinary logo draws in a few milliseconds at the trial size, and no template draws one
// larger than the trial: 2 s is far beyond any logo and short enough not to stall a render.
// The 2 s are the trial's own CPU time (the program's start included), so that a busy
// machine, or a batch run under `nice`, does not make a good logo look slow.
constexpr double kCpuDeadlineSeconds = 2;
constexpr std::string_view kDeadlineShown = "2 s";
// On the clock: a trial that uses no CPU and does not end (it waits on something that never
// comes) is given up after this long, however busy the machine is.
constexpr auto kWallDeadline = std::chrono::seconds(30);
// Resident memory the drawing may add. A logo embedding a 4096x4096 picture (the largest the
// pre-scan lets in) adds about 110 MB, two add 175 MB; sixty of them took 3.9 GB and 17 s
// before this trial. A plain logo adds a few megabytes.
constexpr long kBudgetMib = 256;
// The address space the trial may add (RLIMIT_AS): twice the budget, so that a drawing that
// runs into it has first grown past the budget and is named by it. librsvg survives most
// failed allocations and draws on without the picture that failed, so the limit alone would
// not show; the budget is read from the peak resident memory after the drawing.
constexpr rlim_t kAddressSpaceBytes = rlim_t(2 * kBudgetMib) << 20;
// RLIMIT_CPU: a backstop to the parent's watch only, for a trial whose parent is stopped.
constexpr rlim_t kCpuSeconds = 5;
// The largest input read from the parent: svg_image's cap on an SVG file, with room to spare.
constexpr size_t kMaxInputBytes = 16 << 20;

constexpr int kStatusUsage = 2;
constexpr int kStatusOverBudget = 3;
constexpr int kStatusNotStarted = 127;

#ifdef RUPA_UNDER_ASAN
// AddressSanitizer reserves terabytes of address space for its shadow and holds freed memory
// in quarantine: neither limit means anything there, and scripts/sanitize.sh runs the suite.
constexpr bool kMemoryLimited = false;
#else
constexpr bool kMemoryLimited = true;
#endif

std::filesystem::path& trial_program() {
    static std::filesystem::path program;
    return program;
}

// The SVG as a file in memory, read from its start, which the child takes as standard input.
FileDescriptor svg_in_memory(const std::string& svg) {
    FileDescriptor fd(memfd_create("rupa-svg-trial", MFD_CLOEXEC));
    if (fd.get() < 0) throw std::system_error(errno, std::generic_category(), "cannot start the SVG's trial draw");
    for (size_t written = 0; written < svg.size();) {
        ssize_t n = ::write(fd.get(), svg.data() + written, svg.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw std::system_error(errno, std::generic_category(), "cannot start the SVG's trial draw");
        written += size_t(n);
    }
    if (::lseek(fd.get(), 0, SEEK_SET) != 0)
        throw std::system_error(errno, std::generic_category(), "cannot start the SVG's trial draw");
    return fd;
}

// In the forked child, which may be the copy of a process with other threads (a video's
// encoder, libav's decoders, librsvg's pool): any lock one of them held stays held here, so
// only system calls are made (no allocation, no stdio, no exit handlers) until exec replaces
// the program. The child dies with the thread that forked it, so a trial never outlives
// its render.
[[noreturn]] void become_trial(int input, int null_fd, char** argv, pid_t parent) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(kStatusNotStarted);
    if (dup2(input, 0) < 0 || dup2(null_fd, 1) < 0 || dup2(null_fd, 2) < 0) _exit(kStatusNotStarted);
    close_range(3, ~0U, 0);
    execv(argv[0], argv);
    _exit(kStatusNotStarted);
}

// The CPU time the running child `pid` has used (user and system, all its threads), from
// /proc/PID/stat; 0 when it cannot be read.
double cpu_seconds(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    size_t name_end = stat.rfind(')');  // the program's name may hold spaces and parentheses
    if (name_end == std::string::npos) return 0;
    std::istringstream fields(stat.substr(name_end + 1));
    std::string field;
    for (int i = 3; i <= 13; ++i) fields >> field;  // state .. cmajflt: fields 3 to 13
    unsigned long long user = 0, system = 0;          // fields 14 and 15, in clock ticks
    if (!(fields >> user >> system)) return 0;
    return double(user + system) / double(sysconf(_SC_CLK_TCK));
}

// The child's wait status, or nothing when it is still drawing after `cpu_limit` seconds of
// its own CPU time, or at `wall_deadline`. Its CPU time is looked at every 20 ms at most; its
// end is seen at once through a pidfd (a trial takes 20-40 ms: sleeping 1, 2, 4, 8, 16 ms in
// turn saw one that ended at 32 ms at 51), or, where the system has none, within the pause.
std::optional<int> wait_until(pid_t pid, double cpu_limit, Clock::time_point wall_deadline) {
    FileDescriptor ended(static_cast<int>(syscall(SYS_pidfd_open, pid, 0)));  // readable once it has ended (close-on-exec)
    for (auto pause = std::chrono::milliseconds(1);; pause = std::min(pause * 2, std::chrono::milliseconds(20))) {
        int raw = 0;
        pid_t done = waitpid(pid, &raw, WNOHANG);
        if (done == pid) return raw;
        if (done < 0 && errno != EINTR)
            throw std::system_error(errno, std::generic_category(), "lost the SVG's trial draw");
        Clock::time_point now = Clock::now();
        if (now >= wall_deadline || cpu_seconds(pid) >= cpu_limit) return std::nullopt;
        auto wait = std::min<Clock::duration>(pause, wall_deadline - now);
        if (ended.get() < 0) {
            std::this_thread::sleep_for(wait);
            continue;
        }
        pollfd end{ended.get(), POLLIN, 0};
        poll(&end, 1, int(std::chrono::ceil<std::chrono::milliseconds>(wait).count()));
    }
}

void reap(pid_t pid) {
    int raw = 0;
    while (waitpid(pid, &raw, 0) < 0 && errno == EINTR) {
    }
}

MediaError too_slow() {
    return MediaError("the SVG takes longer than " + std::string(kDeadlineShown) +
                      " to draw; simplify it: fewer filters and embedded pictures");
}

// What the trial's end says about the SVG.
void judge(int raw, const std::filesystem::path& program) {
    if (WIFEXITED(raw) && WEXITSTATUS(raw) == 0) return;
    if (WIFEXITED(raw) && WEXITSTATUS(raw) == kStatusOverBudget)
        throw MediaError("the SVG needs more than " + std::to_string(kBudgetMib) +
                         " MB of memory to draw; simplify it: fewer embedded pictures, filters and nested groups");
    if (WIFSIGNALED(raw) && WTERMSIG(raw) == SIGXCPU) throw too_slow();
    if (WIFSIGNALED(raw))
        throw MediaError("librsvg crashes while drawing the SVG (signal " + std::to_string(WTERMSIG(raw)) + ")");
    // Not the SVG's doing: the program could not be run, or does not know the trial.
    throw std::runtime_error("cannot run the SVG's trial draw (" + program.string() + " ended with status " +
                             std::to_string(WEXITSTATUS(raw)) + ")");
}

// A field of /proc/self/status in KiB ("VmRSS:", "VmHWM:"), 0 when it cannot be read.
long status_kib(std::string_view field) {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.starts_with(field)) return std::atol(line.c_str() + field.size());
    return 0;
}

// The address space the trial may take: what it has now, which is the rupa program and its
// libraries, plus kAddressSpaceBytes.
void limit_this_process() {
    rlimit cpu{kCpuSeconds, kCpuSeconds + 1};
    setrlimit(RLIMIT_CPU, &cpu);
    if (!kMemoryLimited) return;
    std::ifstream statm("/proc/self/statm");
    unsigned long long pages = 0;
    if (!(statm >> pages)) return;
    rlim_t most = rlim_t(pages) * rlim_t(sysconf(_SC_PAGESIZE)) + kAddressSpaceBytes;
    rlimit space{most, most};
    setrlimit(RLIMIT_AS, &space);
}

// Resident memory from /proc/self/statm, read through an open descriptor: cheap enough to read
// every few milliseconds. 0 when it cannot be read.
long resident_kib(int statm) {
    char text[128];
    ssize_t n = ::pread(statm, text, sizeof text - 1, 0);
    if (n <= 0) return 0;
    text[n] = '\0';
    unsigned long long size = 0, resident = 0;
    if (std::sscanf(text, "%llu %llu", &size, &resident) != 2) return 0;
    return long(resident * (unsigned long long)(sysconf(_SC_PAGESIZE)) / 1024);
}

// Ends the trial as soon as the drawing's resident memory passes the budget, rather than
// after it: a drawing that swells on would otherwise run into the address-space limit and go
// on without what failed to allocate, taking twice the memory and often more than the
// deadline, which then names the wrong cause.
class BudgetWatch {
public:
    explicit BudgetWatch(long resident_before)
        : statm_(::open("/proc/self/statm", O_RDONLY | O_CLOEXEC)), before_(resident_before) {
        if (statm_.get() >= 0) watcher_ = std::jthread([this](std::stop_token stop) { watch(stop); });
    }

private:
    void watch(std::stop_token stop) const {
        while (!stop.stop_requested()) {
            if (resident_kib(statm_.get()) - before_ > kBudgetMib * 1024) _exit(kStatusOverBudget);
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    }

    FileDescriptor statm_;
    long before_;
    std::jthread watcher_;  // last: stopped and joined before the descriptor closes
};

std::string read_standard_input() {
    std::string bytes;
    char buffer[65536];
    while (bytes.size() < kMaxInputBytes) {
        ssize_t n = ::read(0, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        bytes.append(buffer, size_t(n));
    }
    return bytes;
}

}  // namespace

void set_svg_trial_program(const std::filesystem::path& program) { trial_program() = program; }

void trial_draw_svg(const std::string& svg, double width, double height) {
    const std::filesystem::path& program = trial_program();
    if (program.empty()) return;
    double scale = kSvgTrialSide / std::max(width, height);
    int w = std::clamp(int(std::lround(width * scale)), 1, kSvgTrialSide);
    int h = std::clamp(int(std::lround(height * scale)), 1, kSvgTrialSide);
    FileDescriptor input = svg_in_memory(svg);
    FileDescriptor null_fd(::open("/dev/null", O_WRONLY | O_CLOEXEC));
    if (null_fd.get() < 0) throw std::system_error(errno, std::generic_category(), "cannot open /dev/null");
    std::vector<std::string> words = {program.string(), std::string(kSvgTrialCommand), std::to_string(w),
                                      std::to_string(h)};
    std::vector<char*> argv;
    for (auto& word : words) argv.push_back(word.data());
    argv.push_back(nullptr);
    pid_t parent = getpid();
    Clock::time_point wall_deadline = Clock::now() + kWallDeadline;
    pid_t pid = fork();
    if (pid == 0) become_trial(input.get(), null_fd.get(), argv.data(), parent);
    if (pid < 0) throw std::system_error(errno, std::generic_category(), "cannot start the SVG's trial draw");
    std::optional<int> raw = wait_until(pid, kCpuDeadlineSeconds, wall_deadline);
    if (!raw) {
        kill(pid, SIGKILL);
        reap(pid);
        throw too_slow();
    }
    judge(*raw, program);
}

int run_svg_trial(int argc, char** argv) {
    int width = argc == 4 ? std::atoi(argv[2]) : 0;
    int height = argc == 4 ? std::atoi(argv[3]) : 0;
    if (width < 1 || height < 1 || width > kSvgTrialSide || height > kSvgTrialSide) return kStatusUsage;
    std::string svg = read_standard_input();
    limit_this_process();
    long resident_before = status_kib("VmRSS:");
    std::optional<BudgetWatch> watch;
    if (kMemoryLimited) watch.emplace(resident_before);
    GError* raw_error = nullptr;
    GObjectPtr<RsvgHandle> handle(
        rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), gsize(svg.size()), &raw_error));
    GErrorPtr error(raw_error);
    if (!handle) return kStatusUsage;  // the parent has read it: not an SVG the parent sent
    CairoSurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height));
    CairoPtr cr(cairo_create(surface.get()));
    RsvgRectangle viewport{0, 0, double(width), double(height)};
    GError* draw_error = nullptr;
    rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &draw_error);
    GErrorPtr drawn(draw_error);  // as in draw/: a logo that fails to draw leaves its box empty
    if (!kMemoryLimited) return 0;
    if (cairo_status(cr.get()) == CAIRO_STATUS_NO_MEMORY || status_kib("VmHWM:") - resident_before > kBudgetMib * 1024)
        return kStatusOverBudget;
    return 0;
}

}  // namespace rupa
