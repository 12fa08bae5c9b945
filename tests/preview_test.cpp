// rupa preview: a template's samples in every format, the guides on copies, the contact
// sheet, --watch, and the errors.
#include "handles/cairo.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <vector>

using namespace rupa;
using namespace rupa::test;
namespace fs = std::filesystem;

namespace {

CairoSurfacePtr load_png(const fs::path& file) {
    CairoSurfacePtr surface(cairo_image_surface_create_from_png(file.c_str()));
    REQUIRE(cairo_surface_status(surface.get()) == CAIRO_STATUS_SUCCESS);
    return surface;
}

bool same_colour(const Argb& a, int r, int g, int b, int tolerance) {
    return std::abs(a.r - r) <= tolerance && std::abs(a.g - g) <= tolerance && std::abs(a.b - b) <= tolerance;
}

// The share of sampled pixels that differ noticeably between two pictures of one size.
double differing_share(cairo_surface_t* a, cairo_surface_t* b) {
    int width = cairo_image_surface_get_width(a), height = cairo_image_surface_get_height(a);
    long differ = 0, sampled = 0;
    for (int y = 0; y < height; y += 6)
        for (int x = 0; x < width; x += 6, ++sampled) {
            Argb p = argb_at(a, x, y), q = argb_at(b, x, y);
            if (std::abs(p.r - q.r) + std::abs(p.g - q.g) + std::abs(p.b - q.b) > 24) ++differ;
        }
    return double(differ) / double(sampled);
}

const std::vector<std::string> kStills = {"square", "portrait", "story", "landscape"};
const std::vector<std::string> kVideos = {"reel", "video-square", "video-landscape"};

}  // namespace

TEST_CASE("rupa preview event writes the contact sheet and every format's pictures, guided and guide-free") {
    ScratchDir out;
    CommandResult r = run_rupa("preview event -o " + out.path().string(), source_dir());
    INFO(r.err);
    REQUIRE(r.status == 0);
    fs::path folder = out.path() / "preview-event";
    CHECK(r.out == (folder / "preview.png").string() + "\n" + (folder / "index.html").string() + "\n");
    std::string page = read_file(folder / "index.html");
    for (const auto& id : kStills)
        for (const std::string& file : {id + ".png", id + "-guides.png"}) {
            INFO(file);
            CHECK(fs::is_regular_file(folder / file));
            CHECK(page.find("\"" + file + "\"") != std::string::npos);
        }
    for (const auto& id : kVideos)
        for (const char* suffix : {"-cover.png", "-cover-guides.png", "-0.5s.png", "-1.5s.png", "-middle.png", "-end.png"}) {
            INFO(id << suffix);
            CHECK(fs::is_regular_file(folder / (id + suffix)));
            CHECK(page.find("\"" + id + suffix + "\"") != std::string::npos);
        }
    CHECK(png_size(folder / "story.png").height == 1920);
    CHECK(png_size(folder / "video-landscape-middle.png").width == 1920);
    PngSize sheet = png_size(folder / "preview.png");
    CHECK(sheet.width > 1400);
    CHECK(sheet.height > 1000);
    // No MP4 is encoded: the strip is drawn from the timeline.
    CHECK(!fs::exists(folder / "reel.mp4"));
}

TEST_CASE("a preview's guide copy has the margin line where the margin is, and the output itself has none") {
    ScratchDir out;
    REQUIRE(run_rupa("preview event -o " + out.path().string(), source_dir()).status == 0);
    fs::path folder = out.path() / "preview-event";
    CairoSurfacePtr guided = load_png(folder / "square-guides.png");
    CairoSurfacePtr clean = load_png(folder / "square.png");
    // DESIGN.md: margins of 72 px on 1080; the line is 2 px wide, centred on x = 72.
    constexpr int kMagenta[3] = {255, 0, 217};
    for (int y : {300, 540, 800}) {
        INFO("y = " << y);
        for (int x : {71, 72, 1008, 1007}) {
            INFO("x = " << x);
            CHECK(same_colour(argb_at(guided.get(), x, y), kMagenta[0], kMagenta[1], kMagenta[2], 3));
            CHECK(!same_colour(argb_at(clean.get(), x, y), kMagenta[0], kMagenta[1], kMagenta[2], 60));
        }
        CHECK(!same_colour(argb_at(guided.get(), 66, y), kMagenta[0], kMagenta[1], kMagenta[2], 60));
    }
    // The story's top 270 px are covered by the app: shaded red over the blue panel there.
    CairoSurfacePtr story = load_png(folder / "story-guides.png");
    CairoSurfacePtr story_clean = load_png(folder / "story.png");
    Argb shaded = argb_at(story.get(), 30, 120), plain = argb_at(story_clean.get(), 30, 120);
    CHECK(shaded.r > plain.r + 40);
    CHECK(shaded.g < plain.g);
    // Inside the safe zone, between columns' edges, the copy is only lightly tinted.
    Argb inside = argb_at(story.get(), 500, 700), inside_plain = argb_at(story_clean.get(), 500, 700);
    CHECK(std::abs(inside.r - inside_plain.r) < 40);
}

TEST_CASE("a preview's video strip holds four different frames: 0.5 s, 1.5 s, the middle and the end") {
    ScratchDir out;
    REQUIRE(run_rupa("preview event -o " + out.path().string(), source_dir()).status == 0);
    fs::path folder = out.path() / "preview-event";
    std::vector<CairoSurfacePtr> frames;
    for (const char* which : {"-0.5s.png", "-1.5s.png", "-middle.png", "-end.png"})
        frames.push_back(load_png(folder / (std::string("reel") + which)));
    for (size_t i = 0; i < frames.size(); ++i)
        for (size_t j = i + 1; j < frames.size(); ++j) {
            INFO("frames " << i << " and " << j);
            CHECK(differing_share(frames[i].get(), frames[j].get()) > 0.002);
        }
    // The end is the brand's outro, nothing like the design's cover.
    CairoSurfacePtr cover = load_png(folder / "reel-cover.png");
    CHECK(differing_share(cover.get(), frames[3].get()) > 0.3);
}

namespace {

// A child process whose standard output and error come back through pipes.
struct Child {
    pid_t pid = -1;
    int out = -1, err = -1;
    std::string out_text, err_text;

    Child(const std::vector<std::string>& argv, const fs::path& cwd) {
        int out_pipe[2], err_pipe[2];
        REQUIRE(pipe(out_pipe) == 0);
        REQUIRE(pipe(err_pipe) == 0);
        pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            dup2(out_pipe[1], 1);
            dup2(err_pipe[1], 2);
            close(out_pipe[0]);
            close(err_pipe[0]);
            if (chdir(cwd.c_str()) != 0) _exit(127);
            std::signal(SIGINT, SIG_DFL);  // as at a terminal, whatever the test runner has
            sigset_t none;
            sigemptyset(&none);
            sigprocmask(SIG_SETMASK, &none, nullptr);
            std::vector<char*> args;
            for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
            args.push_back(nullptr);
            execv(args[0], args.data());
            _exit(127);
        }
        close(out_pipe[1]);
        close(err_pipe[1]);
        out = out_pipe[0];
        err = err_pipe[0];
    }
    ~Child() {
        if (pid > 0) {
            kill(pid, SIGKILL);
            waitpid(pid, nullptr, 0);
        }
        close(out);
        close(err);
    }

    // Reads what the child writes until `text` appears in standard output (or error), or
    // `seconds` pass; true when it appeared.
    bool wait_for(const std::string& text, bool in_err, int seconds) {
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
        for (;;) {
            if ((in_err ? err_text : out_text).find(text) != std::string::npos) return true;
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) return false;
            pollfd fds[2] = {{out, POLLIN, 0}, {err, POLLIN, 0}};
            if (poll(fds, 2, int(left.count())) <= 0) continue;
            char buffer[4096];
            for (int i = 0; i < 2; ++i)
                if (fds[i].revents & (POLLIN | POLLHUP)) {
                    ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
                    if (n > 0) (i == 0 ? out_text : err_text).append(buffer, size_t(n));
                    else if (n == 0 && !(fds[1 - i].revents & POLLIN)) return false;  // the child ended
                }
        }
    }
};

}  // namespace

TEST_CASE("rupa preview --watch renders again when the template changes, and Ctrl-C ends it with status 0") {
    ScratchDir dir;
    fs::copy(source_dir() / "templates/event", dir.path() / "event");
    Child child({rupa_binary().string(), "preview", "./event", "-o", "out", "--watch"}, dir.path());
    // The first render, then the watch begins.
    REQUIRE(child.wait_for("Ctrl-C ends", true, 300));
    CHECK(child.out_text == "out/preview-event/preview.png\nout/preview-event/index.html\n");
    auto before = fs::last_write_time(dir.path() / "out/preview-event/preview.png");
    // As `touch` does it: only the file's times change, both to now.
    REQUIRE(utimensat(AT_FDCWD, (dir.path() / "event/template.yaml").c_str(), nullptr, 0) == 0);
    REQUIRE(child.wait_for("event/template.yaml changed: rendered out/preview-event/preview.png (0 warnings)\n", false, 300));
    CHECK(fs::last_write_time(dir.path() / "out/preview-event/preview.png") > before);
    // A broken save is reported at its line, and the watch goes on.
    std::string yaml = read_file(dir.path() / "event/template.yaml");
    write_file(dir.path() / "event/template.yaml", yaml + "  oops: [\n");
    REQUIRE(child.wait_for("changed: not rendered (1 error)\n", false, 300));
    CHECK(child.err_text.find("event/template.yaml:") != std::string::npos);
    REQUIRE(kill(child.pid, SIGINT) == 0);
    int status = 0;
    REQUIRE(waitpid(child.pid, &status, 0) == child.pid);
    child.pid = -1;
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("rupa preview refuses an unknown template or brand with a did-you-mean, exit 2, nothing written") {
    ScratchDir out;
    CommandResult r = run_rupa("preview evnt -o " + out.path().string(), source_dir());
    CHECK(r.status == 2);
    CHECK(r.err == "rupa preview: error: unknown template 'evnt' (did you mean 'event'?)\n");
    CHECK(r.out.empty());
    r = run_rupa("preview event --brand demo-kabupatn -o " + out.path().string(), source_dir());
    CHECK(r.status == 2);
    CHECK(r.err == "--brand: error: unknown brand 'demo-kabupatn' (did you mean 'demo-kabupaten'?)\n");
    CHECK(is_empty_or_missing(out.path()));
}

TEST_CASE("rupa preview of a template with broken YAML, a required field without a sample or a missing photo says where") {
    ScratchDir dir;
    write_file(dir.path() / "broken/template.yaml", "id: broken\nlayouts:\n  square: [\n");
    CommandResult r = run_rupa("preview ./broken -o out", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err == "broken/template.yaml:4:1: error: not valid YAML: end of sequence flow not found "
                   "(a '[' is not closed with ']')\n");
    std::string layout = "layouts:\n  square:\n    - {text: title, box: [72, 72, 936, 400]}\n";
    write_file(dir.path() / "kartu/template.yaml",
               "id: kartu\nbrand: demo-kabupaten\nformats: [square]\nfields:\n  title: {required: true}\n"
               "  photo: {required: true, sample: sawh.jpg}\n" + layout);
    r = run_rupa("preview ./kartu -o out", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err == "kartu/template.yaml:5:3: error: the required field 'title' has no sample to preview "
                   "(give it one: title: {required: true, sample: ...})\n"
                   "kartu/template.yaml:6:35: error: cannot find the sample photo 'sawh.jpg' (did you mean 'sawah.jpg'?)\n");
    CHECK(is_empty_or_missing(dir.path() / "out"));
}
