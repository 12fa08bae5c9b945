#include "output/progress.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include <unistd.h>

namespace rupa {

namespace {

constexpr double kLiveInterval = 0.1;  // seconds between redraws of a live line

}  // namespace

Progress::Progress(std::ostream& out, Mode mode, std::string what, std::string unit, Clock clock)
    : out_(out), mode_(mode), what_(std::move(what)), unit_(std::move(unit)), clock_(std::move(clock)) {
    if (!clock_) {
        auto start = std::chrono::steady_clock::now();
        clock_ = [start] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    }
}

Progress::~Progress() { end(); }

std::string Progress::line(long done, long total, std::string_view current) const {
    double elapsed = clock_();
    std::string text = what_ + ": " + std::to_string(done) + "/" + std::to_string(total) + " " + unit_;
    if (!current.empty()) text += ", " + std::string(current);
    text += ", " + clock_text(elapsed) + " elapsed";
    if (done > 0 && done < total)
        text += ", about " + clock_text(elapsed / double(done) * double(total - done)) + " left";
    return text;
}

void Progress::update(long done, long total, std::string_view current) {
    if (mode_ == Mode::quiet || total <= 0) return;
    done = std::clamp(done, 0L, total);
    if (mode_ == Mode::plain) {
        long step = std::max(1L, total / 10);
        bool due = done == total || last_done_ < 0 || done / step > last_done_ / step;
        if (!due || done == last_done_) return;
        last_done_ = done;
        out_ << line(done, total, current) << "\n" << std::flush;
        return;
    }
    double now = clock_();
    if (done != total && last_drawn_ >= 0 && now - last_drawn_ < kLiveInterval) return;
    last_drawn_ = now;
    // \r and "erase to the end of the line": the new text replaces the old, however short.
    out_ << "\r\033[K" << line(done, total, current) << std::flush;
    drawn_ = true;
}

void Progress::end() {
    if (mode_ == Mode::live && drawn_) out_ << "\n" << std::flush;
    drawn_ = false;
}

void Progress::clear() {
    if (mode_ == Mode::live && drawn_) out_ << "\r\033[K" << std::flush;
    drawn_ = false;
    last_drawn_ = -1;
}

Progress::Mode progress_mode(int fd, bool json) {
    if (json) return Progress::Mode::quiet;
    return isatty(fd) ? Progress::Mode::live : Progress::Mode::plain;
}

std::string clock_text(double seconds) {
    long total = std::lround(std::max(0.0, seconds));
    char text[32];
    if (total >= 3600)
        std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60, total % 60);
    else
        std::snprintf(text, sizeof text, "%ld:%02ld", total / 60, total % 60);
    return text;
}

}  // namespace rupa
