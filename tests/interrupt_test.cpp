// Interruption: a render killed at any moment never leaves a truncated file at a final
// path, and Ctrl-C (SIGINT) leaves no temporaries behind.
#include "test_support.hpp"

#include <doctest/doctest.h>

#include "handles/cairo.hpp"

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <random>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>

using namespace rupa::test;
namespace fs = std::filesystem;

extern char** environ;

namespace {

pid_t start_render(const fs::path& out) {
    std::string spec = (source_dir() / "samples/event.yaml").string();
    std::string out_dir = out.string();
    std::vector<char*> argv = {const_cast<char*>(RUPA_BINARY), const_cast<char*>("render"), spec.data(),
                               const_cast<char*>("-o"), out_dir.data(), nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    int rc = posix_spawn(&pid, RUPA_BINARY, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(rc == 0);
    return pid;
}

// A PNG is complete when it ends with its IEND chunk and Cairo reads it whole.
bool complete_png(const fs::path& path) {
    std::string bytes = read_file(path);
    static const std::string iend("IEND\xae\x42\x60\x82", 8);
    if (bytes.size() < 8 || bytes.compare(bytes.size() - 8, 8, iend) != 0) return false;
    rupa::CairoSurfacePtr s(cairo_image_surface_create_from_png(path.c_str()));
    return cairo_surface_status(s.get()) == CAIRO_STATUS_SUCCESS;
}

// Starts a render, sends it `signal_number` after `delay`, and waits for it to end.
void render_and_interrupt(const fs::path& out, int signal_number, std::chrono::milliseconds delay) {
    pid_t pid = start_render(out);
    std::this_thread::sleep_for(delay);
    kill(pid, signal_number);
    int status = 0;
    waitpid(pid, &status, 0);
}

}  // namespace

TEST_CASE("a render killed with SIGKILL at any moment leaves only complete files at final paths") {
    std::mt19937 random(20240704);  // fixed seed: the same moments on every run
    std::uniform_int_distribution<int> delay_ms(0, 450);
    int finished_files = 0;
    for (int attempt = 0; attempt < 12; ++attempt) {
        ScratchDir out;
        render_and_interrupt(out.path(), SIGKILL, std::chrono::milliseconds(delay_ms(random)));
        fs::path folder = out.path() / "event";
        if (!fs::exists(folder)) continue;
        for (const auto& entry : fs::directory_iterator(folder)) {
            std::string name = entry.path().filename().string();
            if (name.find(".part-") != std::string::npos) continue;  // a temporary: allowed
            INFO(name);
            if (entry.path().extension() == ".png") CHECK(complete_png(entry.path()));
            ++finished_files;
        }
    }
    MESSAGE(finished_files << " finished files checked across 12 kills");
}

TEST_CASE("SIGINT stops a render and removes its temporaries") {
    std::mt19937 random(17081945);
    std::uniform_int_distribution<int> delay_ms(20, 400);
    for (int attempt = 0; attempt < 8; ++attempt) {
        ScratchDir out;
        render_and_interrupt(out.path(), SIGINT, std::chrono::milliseconds(delay_ms(random)));
        fs::path folder = out.path() / "event";
        if (!fs::exists(folder)) continue;
        for (const auto& entry : fs::directory_iterator(folder)) {
            std::string name = entry.path().filename().string();
            INFO(name);
            CHECK(name.find(".part-") == std::string::npos);
            if (entry.path().extension() == ".png") CHECK(complete_png(entry.path()));
        }
    }
}

TEST_CASE("temporaries left by a killed run are cleared by the next run") {
    ScratchDir out;
    write_file(out.path() / "event/square.png.part-999999-0123456789abcdef", "half a picture");
    write_file(out.path() / "event/notes.part-2", "another program's temporary");
    CommandResult r = run_rupa("render samples/event.yaml -o '" + out.path().string() + "'", source_dir());
    REQUIRE(r.status == 0);
    CHECK_FALSE(fs::exists(out.path() / "event/square.png.part-999999-0123456789abcdef"));
    CHECK(read_file(out.path() / "event/notes.part-2") == "another program's temporary");
    CHECK(complete_png(out.path() / "event/square.png"));
}
