// Shared test tools: running the rupa binary, scratch folders, reading PNG files.
#pragma once

#include "handles/cairo.hpp"
#include "media/soundtrack.hpp"

#include <cairo.h>

#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <sys/types.h>
#include <vector>

namespace rupa {
struct Scene;
struct Timeline;
}

namespace rupa::test {

struct CommandResult {
    int status = -1;
    std::string out;
    std::string err;
};

// The rupa binary under test.
std::filesystem::path rupa_binary();

// Runs `rupa ARGS` in folder `cwd` (a shell command line; quote as in sh); `binary` may be a
// copy of rupa_binary() placed elsewhere.
CommandResult run_rupa(const std::string& args, const std::filesystem::path& cwd,
                       const std::filesystem::path& binary = rupa_binary());

// What one program run cost: its peak resident memory and its wall-clock time.
struct MeasuredRun {
    int status = -1;       // exit status, or -1 when a signal ended it
    long peak_rss_kib = 0;  // the program's own peak resident memory, as GNU time reports it
    double seconds = 0;
};

// Starts `program ARGV...` directly (no shell) in folder `cwd`, with stdout and stderr sent
// to /dev/null; the caller waits for it.
pid_t start_program(const std::filesystem::path& program, const std::vector<std::string>& argv,
                    const std::filesystem::path& cwd);

// Runs a program as start_program does, but under /usr/bin/time, and measures it.
MeasuredRun run_measured(const std::filesystem::path& program, const std::vector<std::string>& argv,
                         const std::filesystem::path& cwd);

// Everything that happens to the files of one folder (not its subfolders) while the object
// lives, through inotify: opened, read, written, created, deleted, renamed. A canary folder
// watched this way proves that a run never even opened a file it had no business with.
class FolderWatch {
public:
    explicit FolderWatch(const std::filesystem::path& folder);
    ~FolderWatch();
    FolderWatch(const FolderWatch&) = delete;
    FolderWatch& operator=(const FolderWatch&) = delete;
    // "OPEN secret.jpg", "MODIFY x", ... for each event since the last call, in order.
    std::vector<std::string> events();

private:
    int fd_ = -1;
};

// Renders the specs `shorter` and `longer` of `folder` as video-square, each measured: the
// longer video may take at most 20 MB more than the shorter, and under 400 MB in all.
// Skipped under AddressSanitizer, whose quarantine grows with the work done.
void check_memory_flat(const std::filesystem::path& folder, const std::string& shorter, const std::string& longer);

// A fresh empty folder, removed when the object goes.
class ScratchDir {
public:
    ScratchDir();
    ~ScratchDir();
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// A spec folder `post/` (with the sample photo) beside a canary folder `outside/` holding a
// real photo and a text file that no run may open, read, write or delete (issue 13).
class CanaryTrial {
public:
    CanaryTrial();
    std::filesystem::path post() const { return root_.path() / "post"; }
    std::filesystem::path outside() const { return root_.path() / "outside"; }
    void spec(const std::string& yaml) const;

    struct Outcome {
        int status = -1;
        std::string err;
        MeasuredRun measured;
        std::vector<std::string> outside_events;
    };
    // Runs `rupa ARGS` (words separated by spaces) in post/ twice: once for its messages,
    // once measured, with outside/ watched.
    Outcome run(const std::string& args) const;
    // `rupa ARGS` exits 2 with exactly `message`, quickly, in bounded memory, writing nothing
    // and touching nothing outside.
    void check_refused(const std::string& args, const std::string& message) const;
    // The measured run ended with `status` within `seconds` and `megabytes` (twice that under
    // AddressSanitizer), and outside/ is untouched.
    void check_bounded(const Outcome& outcome, int status, double seconds = 2.0, long megabytes = 300) const;
    // Nothing happened in outside/ since `watch` began, and it holds what it held.
    void check_outside_untouched(FolderWatch& watch) const;

private:
    ScratchDir root_;
};

std::string read_file(const std::filesystem::path& path);
// The lines of `text`, without their '\n'.
std::vector<std::string> split_lines(const std::string& text);
// Standard error of a `rupa render` of several posts without its plain progress lines
// ("render: 2/3 posts, ..."), which carry times.
std::string without_progress(const std::string& err);
void write_file(const std::filesystem::path& path, const std::string& text);
bool is_empty_or_missing(const std::filesystem::path& dir);

struct PngSize {
    int width = 0;
    int height = 0;
};
PngSize png_size(const std::filesystem::path& path);

// One pixel of a CAIRO_FORMAT_ARGB32 surface as Cairo holds it: premultiplied by alpha.
struct Argb {
    int r = 0, g = 0, b = 0, a = 0;
};
Argb argb_at(cairo_surface_t* surface, int x, int y);
bool near(const Argb& got, const Argb& want, int tolerance);
std::ostream& operator<<(std::ostream& out, const Argb& p);

// The left channel of everything a soundtrack plays, at 48 kHz.
std::vector<float> play(const SoundtrackRequest& request);
// The level in dB of one frequency in `sound` between two times in seconds (Goertzel's
// algorithm, a one-bin DFT): a sine of amplitude 1 measures 0 dB.
double level_db(const std::vector<float>& sound, double hz, double from, double to);

std::filesystem::path source_dir();
std::filesystem::path test_media_dir();

// Frames `wanted` of an MP4 (counted from 0) as RGB canvases, read through ClipReader at the
// video's own size.
CairoSurfacePtr read_png(const std::filesystem::path& file);
std::vector<CairoSurfacePtr> frames_of(const std::filesystem::path& file, int width, int height,
                                       const std::vector<long>& wanted);
// The mean absolute difference of two canvases' channels (every other pixel), 0-255.
double mean_difference(cairo_surface_t* a, cairo_surface_t* b);

// The timeline of `spec` in the one video format `format` (laid out, nothing written).
Timeline plan_timeline(const std::filesystem::path& spec, const std::string& format);

// Every text's ink lies inside its box and inside the canvas. A line is as tall as its
// line_height says (1.0 for big figures, 1.08 for headlines), and the descenders of a tight
// last line reach a little below it, as in print: up to a tenth of the font size is allowed
// below the box, and a glyph's ink may overhang its advance sideways by a twentieth of the
// font size, as type is set (the hook of a "j", the overshoot of a "C" at 100 px); 1 px of
// antialiasing elsewhere; the canvas edge allows nothing.
void check_ink(const Scene& scene, const std::string& format);

}  // namespace rupa::test
