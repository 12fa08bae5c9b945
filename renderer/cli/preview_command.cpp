// The preview once, or (--watch) again after every change to the template, the brand kit or
// a sample photo. While watching, Ctrl-C and SIGTERM are taken as the end of the watch: they
// are blocked for the whole process and read from a signalfd beside the inotify descriptor,
// so a picture being written is finished, never cut, and the watch ends with status 0.
#include "cli/preview_command.hpp"

#include "cli/terminal.hpp"
#include "input/change_watch.hpp"
#include "output/atomic_file.hpp"
#include "spec/spec_error.hpp"

#include <csignal>
#include <ctime>
#include <iostream>

#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>

namespace rupa {

namespace fs = std::filesystem;

namespace {

constexpr int kDebounceMs = 200;  // an editor's save is several events; one redraw for them

void print_result(const PreviewResult& result) {
    print_warnings(result.diagnostics);
    std::cout << terminal_safe(result.sheet.string()) << "\n" << terminal_safe(result.page.string()) << "\n";
    for (const auto& failed : result.failed)
        std::cerr << "rupa preview: error: could not draw '" << failed << "'\n";
}

std::string clock_now() {
    std::time_t now = std::time(nullptr);
    char text[16];
    std::strftime(text, sizeof text, "%H:%M:%S", std::localtime(&now));
    return text;
}

// SIGINT and SIGTERM, blocked and readable from a descriptor; a signal inherited as ignored
// (nohup, a background job) stays ignored.
class StopSignals {
public:
    StopSignals() {
        sigemptyset(&set_);
        for (int signal_number : {SIGINT, SIGTERM}) {
            struct sigaction current {};
            if (sigaction(signal_number, nullptr, &current) == 0 && current.sa_handler == SIG_IGN) continue;
            sigaddset(&set_, signal_number);
        }
        pthread_sigmask(SIG_BLOCK, &set_, nullptr);  // before any thread: they all inherit it
        fd_ = FileDescriptor(signalfd(-1, &set_, SFD_CLOEXEC | SFD_NONBLOCK));
    }
    int fd() const { return fd_.get(); }

private:
    sigset_t set_{};
    FileDescriptor fd_;
};

// Waits for a change (or a stop signal) and then for the changes to settle; returns the
// first file that changed, or nullopt for a stop.
std::optional<fs::path> wait_for_change(ChangeWatch& watch, const StopSignals& stop) {
    std::vector<fs::path> seen;
    int timeout = -1;  // wait without end for the first change
    for (;;) {
        pollfd fds[2] = {{watch.fd(), POLLIN, 0}, {stop.fd(), POLLIN, 0}};
        int ready = poll(fds, 2, timeout);
        if (ready < 0 && errno == EINTR) continue;
        if (fds[1].revents & POLLIN) return std::nullopt;
        if (ready == 0) return seen.front();  // quiet for kDebounceMs: the save is done
        for (fs::path& changed : watch.changes()) seen.push_back(std::move(changed));
        if (!seen.empty()) timeout = kDebounceMs;
    }
}

// One redraw while watching: one line on standard output, and the errors on standard error.
void render_again(const PreviewRequest& request, const fs::path& changed, ChangeWatch& watch) {
    std::string what = changed.empty() ? "a file" : fs::proximate(changed).string();
    std::string line = clock_now() + " " + what + " changed: ";
    try {
        PreviewResult result = render_preview(request);
        print_warnings(result.diagnostics);
        size_t warnings = result.diagnostics.warnings().size();
        line += "rendered " + result.sheet.string() + " (" + counted(warnings, "warning") +
                (result.failed.empty() ? "" : ", " + counted(result.failed.size(), "format") + " not drawn") + ")";
        watch.watch(result.sources);
    } catch (const SpecError& e) {
        std::cerr << terminal_safe(e.what()) << "\n";
        line += "not rendered (" + counted(e.problems().size(), "error") + ")";
    } catch (const std::exception& e) {
        std::cerr << "rupa: error: " << terminal_safe(e.what()) << "\n";
        line += "not rendered";
    }
    std::cout << terminal_safe(line) << std::endl;
}

}  // namespace

int run_preview(const PreviewRequest& request, bool watch) {
    if (!watch) {
        PreviewResult result = render_preview(request);
        print_result(result);
        return result.failed.empty() ? 0 : 1;
    }
    StopSignals stop;
    ChangeWatch changes;
    PreviewResult first = render_preview(request);  // invalid input at the start: exit 2
    print_result(first);
    changes.watch(first.sources);
    std::cerr << "rupa preview: watching " << terminal_safe(fs::proximate(first.sources.front()).string())
              << " and its brand kit and photos; Ctrl-C ends\n";
    while (std::optional<fs::path> changed = wait_for_change(changes, stop)) render_again(request, *changed, changes);
    return 0;
}

}  // namespace rupa
