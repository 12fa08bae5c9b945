// How far a long job has come, on standard error: one line redrawn in place on a terminal,
// plain log lines when the output goes to a file or a pipe (cron, CI), nothing with --json.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace rupa {

class Progress {
public:
    enum class Mode { quiet, plain, live };
    // Seconds since the job started.
    using Clock = std::function<double()>;

    // `what` names the job ("batch", "reel"); `unit` what is counted ("posts", "frames").
    // Without a clock, the time since construction.
    Progress(std::ostream& out, Mode mode, std::string what, std::string unit, Clock clock = {});
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    // `done` of `total` are finished; `current` is what is being worked on now (may be empty).
    // Live, the line is redrawn at most ten times a second, and always when all are done;
    // plain, a line is written each time `done` grows by a tenth of the total (each time, for
    // at most 20), and when all are done.
    void update(long done, long total, std::string_view current = {});
    // Ends a live line so that what is printed next starts on a line of its own.
    void end();
    // Erases a live line, so that what is printed next takes its place; the next update draws
    // it again at once.
    void clear();

private:
    std::string line(long done, long total, std::string_view current) const;

    std::ostream& out_;
    Mode mode_;
    std::string what_, unit_;
    Clock clock_;
    double last_drawn_ = -1;
    long last_done_ = -1;
    bool drawn_ = false;
};

// The mode for output on file descriptor `fd`: quiet when `json` is asked, live on a terminal.
Progress::Mode progress_mode(int fd, bool json);

// "0:42", "1:05:09"
std::string clock_text(double seconds);

}  // namespace rupa
