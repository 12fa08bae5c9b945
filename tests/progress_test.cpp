// Progress lines: redrawn in place on a terminal, plain lines in a log, nothing when quiet.
#include "output/progress.hpp"

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

using namespace rupa;

TEST_CASE("plain progress writes a line per tenth of the work, with the time left") {
    std::ostringstream out;
    double now = 0;
    Progress progress(out, Progress::Mode::plain, "reel", "frames", [&] { return now; });
    for (long done = 0; done <= 450; done += 15) {
        now = done / 30.0;  // a frame a thirtieth of a second
        progress.update(done, 450);
    }
    progress.end();
    std::string text = out.str();
    CHECK(text.starts_with("reel: 0/450 frames, 0:00 elapsed\nreel: 45/450 frames, 0:02 elapsed, about 0:14 left\n"));
    CHECK(text.ends_with("reel: 405/450 frames, 0:14 elapsed, about 0:02 left\nreel: 450/450 frames, 0:15 elapsed\n"));
    CHECK(std::count(text.begin(), text.end(), '\n') == 11);
}

TEST_CASE("live progress redraws one line at most ten times a second and ends it") {
    std::ostringstream out;
    double now = 0;
    Progress progress(out, Progress::Mode::live, "batch", "posts", [&] { return now; });
    progress.update(1, 3, "kegiatan rendered");
    now = 0.05;
    progress.update(2, 3, "agenda failed");  // too soon after the last: not drawn
    now = 62;
    progress.update(2, 3, "agenda failed");
    progress.update(3, 3, "kutipan unchanged");  // the last is always drawn
    progress.end();
    CHECK(out.str() ==
          "\r\033[Kbatch: 1/3 posts, kegiatan rendered, 0:00 elapsed, about 0:00 left"
          "\r\033[Kbatch: 2/3 posts, agenda failed, 1:02 elapsed, about 0:31 left"
          "\r\033[Kbatch: 3/3 posts, kutipan unchanged, 1:02 elapsed\n");
}

TEST_CASE("quiet progress writes nothing, and times read as clocks") {
    std::ostringstream out;
    Progress progress(out, Progress::Mode::quiet, "batch", "posts");
    progress.update(1, 2, "x");
    progress.end();
    CHECK(out.str().empty());
    CHECK(progress_mode(-1, true) == Progress::Mode::quiet);
    CHECK(progress_mode(-1, false) == Progress::Mode::plain);  // not a terminal
    CHECK(clock_text(0.4) == "0:00");
    CHECK(clock_text(59.6) == "1:00");
    CHECK(clock_text(3725) == "1:02:05");
}

TEST_CASE("a long video's render counts its frames in log lines; a short one and --json stay quiet") {
    rupa::test::ScratchDir dir;
    auto spec = [&](const std::string& name, int seconds) {
        rupa::test::write_file(dir.path() / name,
                               "template: quote\nformats: [video-square]\ncontent:\n  quote:\n    text: Jangan lelah "
                               "memberikan pelayanan terbaik.\n    by: Hj. Ratna Dewi Kusuma\nvideo:\n  duration: " +
                                   std::to_string(seconds) + "\n");
    };
    spec("panjang.yaml", 30);
    spec("pendek.yaml", 8);
    rupa::test::CommandResult long_run = rupa::test::run_rupa("render panjang.yaml -o out", dir.path());
    CHECK(long_run.status == 0);
    std::vector<std::string> lines = rupa::test::split_lines(long_run.err);
    REQUIRE(lines.size() == 11);  // 30 s is 900 frames: a line each 90, the first at 30
    CHECK(lines[0].starts_with("render: 30/900 frames, video-square, "));
    for (size_t i = 1; i < 10; ++i) {
        INFO(lines[i]);
        CHECK(lines[i].starts_with("render: " + std::to_string(90 * i) + "/900 frames, video-square, "));
        CHECK(lines[i].ends_with(" left"));
    }
    CHECK(lines[10].starts_with("render: 900/900 frames, video-square, "));
    CHECK(lines[10].ends_with(" elapsed"));
    rupa::test::CommandResult json = rupa::test::run_rupa("render panjang.yaml -o out --json", dir.path());
    CHECK(json.status == 0);
    CHECK(json.err == "");
    rupa::test::CommandResult short_run = rupa::test::run_rupa("render pendek.yaml -o out", dir.path());
    CHECK(short_run.status == 0);
    CHECK(short_run.err == "");
}

TEST_CASE("a cleared live line makes room for other output and is drawn again at the next update") {
    std::ostringstream out;
    double now = 0;
    Progress progress(out, Progress::Mode::live, "render", "posts", [&] { return now; });
    progress.update(0, 2, "a.yaml");
    progress.clear();
    out << "out/a/square.png\n";
    now = 0.01;  // sooner than a redraw is due, but the line was cleared: drawn at once
    progress.update(1, 2, "b.yaml");
    progress.end();
    CHECK(out.str() == "\r\033[Krender: 0/2 posts, a.yaml, 0:00 elapsed\r\033[Kout/a/square.png\n"
                       "\r\033[Krender: 1/2 posts, b.yaml, 0:00 elapsed, about 0:00 left\n");

    std::ostringstream plain_out;
    Progress plain(plain_out, Progress::Mode::plain, "render", "posts", [&] { return now; });
    plain.update(0, 2, "a.yaml");
    plain.clear();  // a plain line is never erased
    CHECK(plain_out.str() == "render: 0/2 posts, a.yaml, 0:00 elapsed\n");
}
