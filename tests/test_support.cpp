// Implementation of the shared test tools.
#include "test_support.hpp"

#include "media/clip_reader.hpp"
#include "pipeline/render_job.hpp"
#include "scene/scene.hpp"

#include <doctest/doctest.h>

#include <pango/pango.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <spawn.h>
#include <sys/inotify.h>
#include <sys/wait.h>
#include <unistd.h>

namespace rupa::test {

namespace fs = std::filesystem;

std::vector<float> play(const SoundtrackRequest& request) {
    Soundtrack sound(request);
    std::vector<float> left;
    while (const AVFrame* block = sound.next(1024)) {
        const float* l = reinterpret_cast<const float*>(block->data[0]);
        left.insert(left.end(), l, l + block->nb_samples);
    }
    return left;
}

double level_db(const std::vector<float>& sound, double hz, double from, double to) {
    size_t begin = size_t(from * kAudioRate), end = std::min(sound.size(), size_t(to * kAudioRate));
    double coefficient = 2 * std::cos(2 * M_PI * hz / kAudioRate);
    double s1 = 0, s2 = 0;
    for (size_t i = begin; i < end; ++i) {
        double s0 = sound[i] + coefficient * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    double amplitude = 2 * std::sqrt(std::max(0.0, power)) / double(end - begin);
    return 20 * std::log10(amplitude + 1e-9);
}

void check_memory_flat(const fs::path& folder, const std::string& shorter, const std::string& longer) {
#if defined(__SANITIZE_ADDRESS__)
    (void)folder, (void)shorter, (void)longer;
    MESSAGE("skipped under AddressSanitizer");
#else
    auto render = [&](const std::string& spec) {
        return run_measured(rupa_binary(), {"render", spec, "--formats", "video-square", "-o", "out"}, folder);
    };
    MeasuredRun short_run = render(shorter), long_run = render(longer);
    REQUIRE(short_run.status == 0);
    REQUIRE(long_run.status == 0);
    MESSAGE("peak memory: " << shorter << " " << short_run.peak_rss_kib / 1024 << " MB, " << longer << " "
                            << long_run.peak_rss_kib / 1024 << " MB");
    CHECK(long_run.peak_rss_kib - short_run.peak_rss_kib < 20 * 1024);
    CHECK(long_run.peak_rss_kib < 400 * 1024);
#endif
}

fs::path source_dir() { return RUPA_SOURCE_DIR; }
fs::path test_media_dir() { return RUPA_TEST_MEDIA_DIR; }

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

void write_file(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

std::string without_progress(const std::string& err) {
    static const std::regex progress_line(R"(render: \d+/\d+ posts, .*)");
    std::string kept;
    for (const std::string& line : split_lines(err))
        if (!std::regex_match(line, progress_line)) kept += line + "\n";
    return kept;
}

bool is_empty_or_missing(const fs::path& dir) {
    return !fs::exists(dir) || fs::is_empty(dir);
}

ScratchDir::ScratchDir() {
    std::random_device random;
    path_ = fs::temp_directory_path() / ("rupa-test-" + std::to_string(random()));
    fs::create_directories(path_);
}

ScratchDir::~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

CommandResult run_rupa(const std::string& args, const fs::path& cwd, const fs::path& binary) {
    ScratchDir capture;
    fs::path out = capture.path() / "out.txt", err = capture.path() / "err.txt";
    std::string command = "cd '" + cwd.string() + "' && '" + binary.string() + "' " +
                          args + " >'" + out.string() + "' 2>'" + err.string() + "'";
    int raw = std::system(command.c_str());
    CommandResult result;
    result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    result.out = read_file(out);
    result.err = read_file(err);
    return result;
}

fs::path rupa_binary() { return RUPA_BINARY; }

FolderWatch::FolderWatch(const fs::path& folder) : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
    if (fd_ < 0 || inotify_add_watch(fd_, folder.c_str(), IN_ALL_EVENTS & ~IN_CLOSE_NOWRITE) < 0)
        throw std::runtime_error("cannot watch " + folder.string());
}

FolderWatch::~FolderWatch() {
    if (fd_ >= 0) ::close(fd_);
}

std::vector<std::string> FolderWatch::events() {
    static const std::vector<std::pair<uint32_t, const char*>> names = {
        {IN_OPEN, "OPEN"}, {IN_ACCESS, "ACCESS"}, {IN_MODIFY, "MODIFY"}, {IN_ATTRIB, "ATTRIB"},
        {IN_CLOSE_WRITE, "CLOSE_WRITE"}, {IN_CREATE, "CREATE"}, {IN_DELETE, "DELETE"},
        {IN_MOVED_FROM, "MOVED_FROM"}, {IN_MOVED_TO, "MOVED_TO"}, {IN_DELETE_SELF, "DELETE_SELF"}};
    std::vector<std::string> out;
    alignas(inotify_event) char buffer[1 << 16];
    ssize_t n;
    while ((n = ::read(fd_, buffer, sizeof buffer)) > 0) {
        for (char* at = buffer; at < buffer + n;) {
            auto* event = reinterpret_cast<inotify_event*>(at);
            std::string name = event->len ? event->name : ".";
            for (const auto& [mask, word] : names)
                if (event->mask & mask) out.push_back(std::string(word) + " " + name);
            at += sizeof(inotify_event) + event->len;
        }
    }
    return out;
}

pid_t start_program(const fs::path& program, const std::vector<std::string>& argv, const fs::path& cwd) {
    // posix_spawn has no working-folder attribute in glibc 2.36: `env -C` changes folder
    // and then becomes the program (exec), so the pid is the program's.
    std::vector<std::string> words = {"/usr/bin/env", "-C", cwd.string(), program.string()};
    words.insert(words.end(), argv.begin(), argv.end());
    std::vector<char*> args;
    for (auto& word : words) args.push_back(word.data());
    args.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    int failed = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (failed) throw std::runtime_error("cannot start " + program.string());
    return pid;
}

namespace {

// GNU time's report: "Command terminated by signal N" when a signal ended the program, and
// last the peak resident memory in KiB (the format "%M").
void read_time_report(const fs::path& report, MeasuredRun& run) {
    std::istringstream lines(read_file(report));
    std::string line, last;
    while (std::getline(lines, line)) {
        if (line.rfind("Command terminated by signal", 0) == 0) run.status = -1;
        if (!line.empty()) last = line;
    }
    run.peak_rss_kib = std::atol(last.c_str());
}

}  // namespace

MeasuredRun run_measured(const fs::path& program, const std::vector<std::string>& argv,
                         const fs::path& cwd) {
    // wait4's ru_maxrss cannot be read for a child of this process: Linux carries the
    // high-water mark of the memory an exec replaces into the new program's maxrss, so a
    // program started from the test runner reports at least the runner's own peak. GNU time
    // starts the program from its own small process and reports that child's true peak.
    ScratchDir scratch;
    fs::path report = scratch.path() / "time.txt";
    std::vector<std::string> timed = {"-f", "%M", "-o", report.string(), program.string()};
    timed.insert(timed.end(), argv.begin(), argv.end());
    auto start = std::chrono::steady_clock::now();
    pid_t pid = start_program("/usr/bin/time", timed, cwd);
    int raw = 0;
    while (waitpid(pid, &raw, 0) < 0)
        if (errno != EINTR) throw std::runtime_error("cannot wait for " + program.string());
    MeasuredRun run;
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    read_time_report(report, run);
    return run;
}

namespace {

// A sanitized build takes about twice the memory (shadow memory and quarantine).
#if defined(__SANITIZE_ADDRESS__)
constexpr long kMemoryFactor = 2;
#else
constexpr long kMemoryFactor = 1;
#endif

std::vector<std::string> words_of(const std::string& args) {
    std::istringstream in(args);
    std::vector<std::string> words;
    for (std::string word; in >> word;) words.push_back(word);
    return words;
}

}  // namespace

CanaryTrial::CanaryTrial() {
    fs::create_directories(post() / "photos");
    fs::create_directories(outside());
    fs::copy_file(source_dir() / "samples/photos/sawah.jpg", post() / "photos/sawah.jpg");
    fs::copy_file(source_dir() / "samples/photos/sawah.jpg", outside() / "secret.jpg");
    write_file(outside() / "canary.txt", "canary\n");
}

void CanaryTrial::spec(const std::string& yaml) const { write_file(post() / "post.yaml", yaml); }

CanaryTrial::Outcome CanaryTrial::run(const std::string& args) const {
    FolderWatch watch(outside());
    Outcome outcome;
    CommandResult result = run_rupa(args, post());
    outcome.status = result.status;
    outcome.err = result.err;
    outcome.measured = run_measured(rupa_binary(), words_of(args), post());
    outcome.outside_events = watch.events();
    return outcome;
}

void CanaryTrial::check_refused(const std::string& args, const std::string& message) const {
    CAPTURE(args);
    Outcome outcome = run(args);
    CHECK(outcome.err == message + "\n");
    CHECK(outcome.status == 2);
    check_bounded(outcome, 2);
    CHECK(is_empty_or_missing(post() / "out"));
}

void CanaryTrial::check_bounded(const Outcome& outcome, int status, double seconds, long megabytes) const {
    INFO("peak " << outcome.measured.peak_rss_kib / 1024 << " MB in " << outcome.measured.seconds << " s");
    CHECK(outcome.measured.status == status);
    CHECK(outcome.measured.seconds < seconds);
    CHECK(outcome.measured.peak_rss_kib < megabytes * kMemoryFactor * 1024);
    CHECK(outcome.outside_events == std::vector<std::string>{});
    CHECK(read_file(outside() / "canary.txt") == "canary\n");
}

void CanaryTrial::check_outside_untouched(FolderWatch& watch) const {
    CHECK(watch.events() == std::vector<std::string>{});
    CHECK(read_file(outside() / "canary.txt") == "canary\n");
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(outside())) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"canary.txt", "secret.jpg"});
}

PngSize png_size(const fs::path& path) {
    std::string bytes = read_file(path);
    if (bytes.size() < 24 || bytes.compare(1, 3, "PNG") != 0 || bytes.compare(12, 4, "IHDR") != 0)
        throw std::runtime_error(path.string() + " is not a PNG");
    auto be32 = [&](size_t at) {
        return (uint32_t(uint8_t(bytes[at])) << 24) | (uint32_t(uint8_t(bytes[at + 1])) << 16) |
               (uint32_t(uint8_t(bytes[at + 2])) << 8) | uint32_t(uint8_t(bytes[at + 3]));
    };
    return {int(be32(16)), int(be32(20))};
}

Argb argb_at(cairo_surface_t* surface, int x, int y) {
    cairo_surface_flush(surface);
    const unsigned char* row =
        cairo_image_surface_get_data(surface) + y * cairo_image_surface_get_stride(surface);
    uint32_t argb;  // CAIRO_FORMAT_ARGB32 is a native-endian 32-bit word per pixel
    std::memcpy(&argb, row + 4 * x, 4);
    return {int(argb >> 16 & 0xff), int(argb >> 8 & 0xff), int(argb & 0xff), int(argb >> 24)};
}

bool near(const Argb& got, const Argb& want, int tolerance) {
    return std::abs(got.r - want.r) <= tolerance && std::abs(got.g - want.g) <= tolerance &&
           std::abs(got.b - want.b) <= tolerance && std::abs(got.a - want.a) <= tolerance;
}

std::ostream& operator<<(std::ostream& out, const Argb& p) {
    return out << "rgba(" << p.r << "," << p.g << "," << p.b << "," << p.a << ")";
}

// Frames of an MP4 as RGB canvases, read through ClipReader at the video's own size.
std::vector<CairoSurfacePtr> frames_of(const fs::path& file, int width, int height, const std::vector<long>& wanted) {
    ClipReader reader({file, 0, -1, width, height, 0.5, 0.5, 30});
    std::vector<CairoSurfacePtr> out;
    CairoSurfacePtr canvas(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height));
    for (long n = 0; reader.next(canvas.get()); ++n) {
        if (std::find(wanted.begin(), wanted.end(), n) == wanted.end()) continue;
        CairoSurfacePtr copy(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height));
        cairo_t* cr = cairo_create(copy.get());
        cairo_set_source_surface(cr, canvas.get(), 0, 0);
        cairo_paint(cr);
        cairo_destroy(cr);
        out.push_back(std::move(copy));
    }
    return out;
}

// The mean absolute difference of two canvases' channels, 0-255.
double mean_difference(cairo_surface_t* a, cairo_surface_t* b) {
    int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
    double sum = 0;
    for (int y = 0; y < h; y += 2)
        for (int x = 0; x < w; x += 2) {
            Argb p = argb_at(a, x, y), q = argb_at(b, x, y);
            sum += std::abs(p.r - q.r) + std::abs(p.g - q.g) + std::abs(p.b - q.b);
        }
    return sum / (3.0 * ((w + 1) / 2) * ((h + 1) / 2));
}

CairoSurfacePtr read_png(const fs::path& file) {
    return CairoSurfacePtr(cairo_image_surface_create_from_png(file.c_str()));
}

Timeline plan_timeline(const std::filesystem::path& spec, const std::string& format) {
    RenderRequest request;
    request.spec_file = spec;
    request.formats = {format};
    Diagnostics diagnostics;
    RenderPlan plan = plan_render(request, diagnostics);
    REQUIRE(plan.timelines.size() == 1);
    return std::move(plan.timelines[0]);
}

void check_ink(const Scene& scene, const std::string& format) {
    constexpr double kSlack = 1;
    for (const SceneNode& n : scene.nodes) {
        if (n.kind != NodeKind::text || !n.text) continue;
        PangoRectangle ink;
        pango_layout_get_pixel_extents(n.text.get(), &ink, nullptr);
        if (ink.width <= 0 || ink.height <= 0) continue;
        double size = pango_font_description_get_size(pango_layout_get_font_description(n.text.get())) / double(PANGO_SCALE);
        double x0 = n.box.x + ink.x, y0 = n.box.y + ink.y, x1 = x0 + ink.width, y1 = y0 + ink.height;
        INFO(format << ": '" << n.name << "' ink " << x0 << "," << y0 << " - " << x1 << "," << y1 << " in box "
                    << n.box.x << "," << n.box.y << " - " << n.box.right() << "," << n.box.bottom());
        double side = std::max(kSlack, 0.05 * size);
        CHECK(x0 >= n.box.x - side);
        CHECK(y0 >= n.box.y - kSlack);
        CHECK(x1 <= n.box.right() + side);
        CHECK(y1 <= n.box.bottom() + std::max(kSlack, 0.1 * size));
        CHECK(x0 >= 0);
        CHECK(y0 >= 0);
        CHECK(x1 <= scene.width);
        CHECK(y1 <= scene.height);
    }
}

}  // namespace rupa::test
