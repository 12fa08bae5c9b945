// `rupa batch`: the week's specs, each rendered once and then only when its inputs change,
// a broken spec reported without stopping the others, shards that split the week, and a
// batch killed at any moment that a second run finishes correctly.
#include "test_support.hpp"

#include "batch/iso_week.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <sys/wait.h>
#include <thread>

using namespace rupa;
using namespace rupa::test;
namespace fs = std::filesystem;

namespace {

// The samples as a week's folder of posts: five dated in 2024-W27 (1 to 6 July), the hoax,
// stats and profile samples (8, 10 and 12 July, the next week), the scenes sample (20 June, two weeks
// before), and one undated copy of the quote.
class PostsFolder {
public:
    PostsFolder() {
        fs::create_directories(dir_.path() / "posts");
        // The sample sheet of posts is left out: these tests count the YAML samples' posts.
        for (const auto& entry : fs::directory_iterator(source_dir() / "samples"))
            if (entry.path().extension() != ".csv")
                fs::copy(entry.path(), dir_.path() / "posts" / entry.path().filename(), fs::copy_options::recursive);
        std::string undated = read_file(source_dir() / "samples/quote.yaml");
        undated.erase(undated.find("  date: "), undated.find('\n', undated.find("  date: ")) + 1 - undated.find("  date: "));
        write_file(dir_.path() / "posts/arsip/kutipan.yaml", undated);
    }
    const fs::path& path() const { return dir_.path(); }
    CommandResult batch(const std::string& args) const { return run_rupa("batch posts " + args, path()); }
    nlohmann::json report(const std::string& name = "report.json") const {
        return nlohmann::json::parse(read_file(path() / "out" / name));
    }

private:
    ScratchDir dir_;
};

const std::vector<std::string> kWeek27 = {"agenda", "event", "event-kota", "quote", "announcement"};

std::map<std::string, std::string> statuses(const nlohmann::json& report) {
    std::map<std::string, std::string> out;
    for (const auto& post : report["posts"])
        out[fs::path(post["spec"].get<std::string>()).stem().string()] = post["status"];
    return out;
}

// Every file under `dir` with its bytes, by path relative to `dir`.
std::map<std::string, std::string> tree(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_regular_file()) files[fs::relative(entry.path(), dir).string()] = read_file(entry.path());
    return files;
}

// The posts' own files: what an admin uploads, without the batch's bookkeeping and timings.
std::map<std::string, std::string> post_files(const fs::path& out) {
    std::map<std::string, std::string> files;
    for (const auto& [name, bytes] : tree(out))
        if (!name.starts_with(".rupa-batch") && !name.ends_with("render.json") && name != "report.json")
            files[name] = bytes;
    return files;
}

// Standard error without the progress lines a batch writes when it is not on a terminal.
std::string errors(const CommandResult& r) {
    std::istringstream in(r.err);
    std::string out;
    for (std::string line; std::getline(in, line);)
        if (!line.starts_with("batch: ")) out += line + "\n";
    return out;
}

}  // namespace

TEST_CASE("ISO weeks are read as YYYY-Www and dates fall in the week of their Thursday") {
    CHECK(to_string(*parse_iso_week("2024-W27")) == "2024-W27");
    CHECK(parse_iso_week("2020-W53"));
    CHECK_FALSE(parse_iso_week("2021-W53"));  // 2021 has 52 weeks
    CHECK_FALSE(parse_iso_week("2024-27"));
    CHECK_FALSE(parse_iso_week("2024-W00"));
    CHECK(to_string(week_of({2024, 7, 1})) == "2024-W27");   // a Monday
    CHECK(to_string(week_of({2024, 7, 7})) == "2024-W27");   // the Sunday after
    CHECK(to_string(week_of({2024, 7, 8})) == "2024-W28");
    CHECK(to_string(week_of({2021, 1, 1})) == "2020-W53");   // a Friday: the old year's week
    CHECK(to_string(week_of({2024, 12, 30})) == "2025-W01"); // a Monday: the new year's week
    WeekDays w27 = days_of(*parse_iso_week("2024-W27"));
    CHECK((w27.monday.year == 2024 && w27.monday.month == 7 && w27.monday.day == 1));
    CHECK((w27.sunday.year == 2024 && w27.sunday.month == 7 && w27.sunday.day == 7));
    WeekDays w53 = days_of(*parse_iso_week("2020-W53"));
    CHECK((w53.monday.month == 12 && w53.monday.day == 28 && w53.sunday.year == 2021 && w53.sunday.day == 3));
    WeekDays w01 = days_of(*parse_iso_week("2025-W01"));
    CHECK((w01.monday.year == 2024 && w01.monday.month == 12 && w01.monday.day == 30));
}

TEST_CASE("a batch renders the week's specs in date order, with a report and a contact sheet") {
    PostsFolder folder;
    CommandResult r = folder.batch("--week 2024-W27 -o out -j 2");
    CHECK(r.status == 0);
    // Not on a terminal, progress is a plain line per post as it finishes, and nothing else.
    std::istringstream err(r.err);
    std::set<std::string> finished;
    int count = 0;
    for (std::string line; std::getline(err, line);) {
        std::string head = "batch: " + std::to_string(++count) + "/5 posts, ";
        REQUIRE(line.starts_with(head));
        std::string post = line.substr(head.size(), line.find(' ', head.size()) - head.size());
        finished.insert(post);
        CHECK(line.find(post + " rendered, ") == head.size());
        CHECK((count == 5 ? line.ends_with(" elapsed") : line.ends_with(" left")));
    }
    CHECK(count == 5);
    CHECK(finished == std::set<std::string>(kWeek27.begin(), kWeek27.end()));
    nlohmann::json report = folder.report();
    CHECK(report["week"] == "2024-W27");
    CHECK(report["other_weeks"] == 5);
    CHECK(report["undated"] == nlohmann::json::array({"posts/arsip/kutipan.yaml"}));
    std::vector<std::string> order;
    for (const auto& post : report["posts"]) {
        order.push_back(fs::path(post["spec"].get<std::string>()).stem().string());
        CHECK(post["status"] == "rendered");
    }
    // By date (1, 4, 4, 5, 6 July), then by path.
    CHECK(order == std::vector<std::string>{"agenda", "event-kota", "event", "quote", "announcement"});
    for (const auto& stem : kWeek27) {
        CHECK(png_size(folder.path() / "out" / stem / "square.png").width == 1080);
        CHECK(fs::exists(folder.path() / "out" / stem / "render.json"));
    }
    CHECK_FALSE(fs::exists(folder.path() / "out/hoax"));
    CHECK_FALSE(fs::exists(folder.path() / "out/stats"));
    std::string sheet = read_file(folder.path() / "out/highlights-2024-W27/index.html");
    CHECK(sheet.find("<img src=\"../event/square.png\"") != std::string::npos);
    CHECK(sheet.find("Kamis, 4 Juli 2024") != std::string::npos);
    CHECK(sheet.find("../hoax/") == std::string::npos);
}

TEST_CASE("a second batch skips posts whose inputs did not change, and re-renders one whose photo did") {
    PostsFolder folder;
    REQUIRE(folder.batch("--week 2024-W27 -o out").status == 0);
    auto before = tree(folder.path() / "out/event");
    CommandResult again = folder.batch("--week 2024-W27 -o out --json");
    CHECK(again.status == 0);
    CHECK(again.err.empty());  // --json: the report on stdout, no progress lines
    CHECK(nlohmann::json::parse(again.out) == folder.report());
    for (const auto& [stem, status] : statuses(folder.report())) CHECK(status == "unchanged");
    CHECK(tree(folder.path() / "out/event") == before);

    // quote.yaml and both event samples use the rice-field photo; agenda and announcement do not.
    fs::path photo = folder.path() / "posts/photos/sawah.jpg";
    std::string bytes = read_file(photo);
    bytes.back() = char(bytes.back() ^ 1);  // one bit after the JPEG's end: the inputs changed
    write_file(photo, bytes);
    REQUIRE(folder.batch("--week 2024-W27 -o out").status == 0);
    auto now = statuses(folder.report());
    CHECK(now["agenda"] == "unchanged");
    CHECK(now["announcement"] == "unchanged");
    CHECK(now["event"] == "rendered");
    CHECK(now["event-kota"] == "rendered");
}

TEST_CASE("a deleted output is rendered again even though the inputs did not change") {
    PostsFolder folder;
    REQUIRE(folder.batch("--week 2024-W27 -o out").status == 0);
    fs::remove(folder.path() / "out/agenda/story.png");
    REQUIRE(folder.batch("--week 2024-W27 -o out").status == 0);
    CHECK(statuses(folder.report())["agenda"] == "rendered");
    CHECK(fs::exists(folder.path() / "out/agenda/story.png"));
}

TEST_CASE("a broken spec is reported with its error and the others are rendered; the exit status is 1") {
    PostsFolder folder;
    write_file(folder.path() / "posts/rusak.yaml", "template: event\ncontent:\n  title: [Rapat\n");
    write_file(folder.path() / "posts/lain/agenda.yaml", read_file(folder.path() / "posts/agenda.yaml"));
    CommandResult r = folder.batch("--week 2024-W27 -o out");
    CHECK(r.status == 1);
    // Of two specs with one output folder, the later in date-then-path order is refused.
    CHECK(errors(r) == "posts/lain/agenda.yaml: error: renders into the same folder 'agenda' as posts/agenda.yaml "
                   "(rename one of the two files)\n"
                   "posts/rusak.yaml:4:1: error: not valid YAML: end of sequence flow not found "
                   "(a '[' is not closed with ']')\n");
    std::map<std::string, std::string> now;
    nlohmann::json report = folder.report();
    for (const auto& post : report["posts"]) now[post["spec"].get<std::string>()] = post["status"].get<std::string>();
    CHECK(now["posts/rusak.yaml"] == "failed");
    CHECK(now["posts/lain/agenda.yaml"] == "failed");
    for (const auto& stem : kWeek27)
        CHECK(now["posts/" + stem + ".yaml"] == "rendered");
    CHECK(fs::exists(folder.path() / "out/announcement/square.png"));
}

namespace {

// The headless Chromium the test set-up installs (scripts/setup.sh --with-tests).
std::string chromium() {
    for (const char* path : {"/usr/bin/chromium", "/usr/bin/chromium-browser"})
        if (fs::exists(path)) return path;
    return {};
}

bool near_rgb(const Argb& p, int r, int g, int b, int tolerance = 6) {
    return std::abs(p.r - r) <= tolerance && std::abs(p.g - g) <= tolerance && std::abs(p.b - b) <= tolerance;
}

}  // namespace

TEST_CASE("the contact sheet shows every post with every format it made, its warnings, and every failure") {
    PostsFolder folder;
    // The quote makes a video too, and carries a field its template does not show (a warning).
    std::string quote = read_file(folder.path() / "posts/quote.yaml");
    quote.replace(quote.find("content:\n"), 9, "formats: [square, story, video-square]\ncontent:\n  place: Pendopo\n");
    write_file(folder.path() / "posts/quote.yaml", quote);
    write_file(folder.path() / "posts/rusak.yaml", "template: event\ncontent:\n  title: [Rapat <b>\n");
    CommandResult r = folder.batch("--week 2024-W27 -o out -j 2");
    CHECK(r.status == 1);
    fs::path sheet_path = folder.path() / "out/highlights-2024-W27/index.html";
    std::string sheet = read_file(sheet_path);
    CHECK(sheet.find("<h1>Pekan 2024-W27</h1>\n<p>1–7 Juli 2024 · 5 unggahan siap · 1 gagal</p>") != std::string::npos);
    for (const std::string& stem : kWeek27) {
        INFO("post " << stem);
        for (const auto& entry : fs::directory_iterator(folder.path() / "out" / stem)) {
            std::string name = entry.path().filename().string();
            if (name == "render.json") continue;
            CHECK(sheet.find("<a href=\"../" + stem + "/" + name + "\">" + name + "</a>") != std::string::npos);
            if (name.ends_with(".png") && !name.ends_with("-cover.png"))
                CHECK(sheet.find("<img src=\"../" + stem + "/" + name + "\"") != std::string::npos);
        }
    }
    CHECK(sheet.find("<video controls preload=\"none\" src=\"../quote/video-square.mp4\" "
                     "poster=\"../quote/video-square-cover.png\" width=\"1080\" height=\"1080\"></video>") !=
          std::string::npos);
    CHECK(sheet.find("<li>posts/quote.yaml:") != std::string::npos);
    // The week's highlights first: the reel playable with its cover, every slide of the carousel.
    CHECK(sheet.find("<h2>Sorotan pekan</h2>\n<p class=\"meta\">reel: 5 unggahan · korsel: 6 slide</p>") !=
          std::string::npos);
    CHECK(sheet.find("<video controls preload=\"none\" src=\"reel.mp4\" poster=\"reel-cover.png\" width=\"1080\" "
                     "height=\"1920\"></video>") != std::string::npos);
    for (int n = 1; n <= 6; ++n)
        CHECK(sheet.find("<img src=\"portrait-0" + std::to_string(n) + ".png\"") != std::string::npos);
    CHECK(sheet.find("<li>posts/rusak.yaml: failed: ") != std::string::npos);
    CHECK(sheet.find("&#39;place&#39; is not shown by template &#39;quote&#39;") != std::string::npos);
    // The failure, escaped as it is: its spec's text never becomes markup.
    CHECK(sheet.find("<span class=\"status\">gagal</span></p>\n<pre>posts/rusak.yaml:4:1: error: not valid YAML") !=
          std::string::npos);
    CHECK(sheet.find("<b>\n") == std::string::npos);

    // Opened offline in a browser, it shows the week's highlights, then a card for each of the
    // six, the failed one marked red, and each card's pictures inside it.
    std::string browser = chromium();
    REQUIRE_MESSAGE(!browser.empty(), "no chromium: run scripts/setup.sh --with-tests");
    fs::path shot = folder.path() / "sheet.png";
    CommandResult shown = run_rupa("--headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,4000 "
                                   "--screenshot='" + shot.string() + "' 'file://" + sheet_path.string() + "'",
                                   folder.path(), browser);
    INFO(shown.err);
    REQUIRE(fs::exists(shot));
    cairo_surface_t* picture = cairo_image_surface_create_from_png(shot.string().c_str());
    REQUIRE(cairo_surface_status(picture) == CAIRO_STATUS_SUCCESS);
    int height = cairo_image_surface_get_height(picture);
    // Cards are white on #f1f3f6; x = 44 is inside every card's padding, left of its pictures.
    struct Card { int top, bottom; };
    std::vector<Card> cards;
    for (int y = 0; y < height; ++y) {
        bool white = near_rgb(argb_at(picture, 44, y), 255, 255, 255, 2);
        if (white && (cards.empty() || cards.back().bottom != y - 1)) cards.push_back({y, y});
        else if (white) cards.back().bottom = y;
    }
    std::erase_if(cards, [](const Card& c) { return c.bottom - c.top < 60; });
    REQUIRE(cards.size() == 7);
    for (size_t i = 0; i < cards.size(); ++i) {
        INFO("card " << i);
        int middle = (cards[i].top + cards[i].bottom) / 2;
        bool red = near_rgb(argb_at(picture, 34, middle), 0xc6, 0x28, 0x28, 20);
        CHECK(red == (i == 6));  // the failure sorts last: it has no date
        if (red) continue;
        // The band of pictures: mostly the posts' own pixels, not the card's white or the grey
        // of a picture that did not load.
        long coloured = 0, all = 0;
        for (int y = cards[i].top + 80; y < cards[i].top + 270; y += 5)
            for (int x = 52; x < 900; ++x, ++all) {
                Argb p = argb_at(picture, x, y);
                if (!near_rgb(p, 255, 255, 255, 3) && !near_rgb(p, 0xdd, 0xe2, 0xe8, 3)) ++coloured;
            }
        CHECK(coloured > all / 2);
    }
    cairo_surface_destroy(picture);
}

TEST_CASE("a broken spec dated in another week is left alone") {
    PostsFolder folder;
    std::string hoax = read_file(folder.path() / "posts/hoax.yaml");
    write_file(folder.path() / "posts/hoax.yaml", hoax + "  tittle: Salah ketik\n");
    CommandResult r = folder.batch("--week 2024-W27 -o out");
    CHECK(r.status == 0);
    CHECK(errors(r).empty());
    CHECK(folder.report()["other_weeks"] == 5);
    CHECK(folder.batch("--week 2024-W28 -o out").status == 1);  // its own week reports it
}

TEST_CASE("a spec that reads but cannot render fails alone, with the render's own error") {
    PostsFolder folder;
    std::string spec = read_file(folder.path() / "posts/event.yaml");
    spec.replace(spec.find("photos/sawah.jpg"), 16, "photos/hilang.jpg");
    write_file(folder.path() / "posts/event.yaml", spec);
    CommandResult r = folder.batch("--week 2024-W27 -o out");
    CHECK(r.status == 1);
    CHECK(errors(r).find("posts/event.yaml:") == 0);
    CHECK(r.err.find(": error: cannot find photo 'photos/hilang.jpg'") != std::string::npos);
    CHECK(statuses(folder.report())["event"] == "failed");
    CHECK(statuses(folder.report())["quote"] == "rendered");
}

TEST_CASE("shards split the week between them, and a final run only assembles") {
    PostsFolder folder;
    REQUIRE(folder.batch("--week 2024-W27 -o out --shard 1/2").status == 0);
    REQUIRE(folder.batch("--week 2024-W27 -o out --shard 2/2").status == 0);
    std::set<std::string> first, second;
    for (const auto& [stem, status] : statuses(folder.report("report-shard-1-of-2.json")))
        if (status == "rendered") first.insert(stem);
    for (const auto& [stem, status] : statuses(folder.report("report-shard-2-of-2.json")))
        if (status == "rendered") second.insert(stem);
    CHECK(first.size() == 3);
    CHECK(second.size() == 2);
    std::set<std::string> both(first);
    both.insert(second.begin(), second.end());
    CHECK(both == std::set<std::string>(kWeek27.begin(), kWeek27.end()));
    CHECK_FALSE(fs::exists(folder.path() / "out/report.json"));
    CHECK_FALSE(fs::exists(folder.path() / "out/highlights-2024-W27"));

    REQUIRE(folder.batch("--week 2024-W27 -o out").status == 0);
    for (const auto& [stem, status] : statuses(folder.report())) CHECK(status == "unchanged");
    CHECK(fs::exists(folder.path() / "out/highlights-2024-W27/index.html"));
}

TEST_CASE("the GNU parallel form in docs/batch.md, run as written, equals one unsharded run file for file") {
    std::string doc = read_file(source_dir() / "docs/batch.md");
    size_t section = doc.find("### GNU parallel");
    REQUIRE(section != std::string::npos);
    size_t begin = doc.find("```sh\n", section);
    REQUIRE(begin != std::string::npos);
    begin += 6;
    std::string block = doc.substr(begin, doc.find("```", begin) - begin);
    CHECK(block.find("--shard {}/2 ::: 1 2\n") != std::string::npos);
    REQUIRE_MESSAGE(fs::exists("/usr/bin/parallel"), "no GNU parallel: run scripts/setup.sh --with-tests");

    PostsFolder sharded;
    fs::create_directories(sharded.path() / "bin");
    fs::create_symlink(rupa_binary(), sharded.path() / "bin/rupa");
    write_file(sharded.path() / "week.sh", block);
    // rupa_binary() stands in for `rupa`, found on PATH as an installed rupa is.
    CommandResult run = run_rupa("-c 'PATH=\"$PWD/bin:$PATH\" sh week.sh'", sharded.path(), "/bin/sh");
    INFO(run.err);
    CHECK(run.status == 0);
    CHECK(fs::exists(sharded.path() / "out/report-shard-1-of-2.json"));
    CHECK(fs::exists(sharded.path() / "out/report-shard-2-of-2.json"));
    for (const auto& [stem, status] : statuses(sharded.report())) CHECK(status == "unchanged");

    PostsFolder whole;
    REQUIRE(whole.batch("--week 2024-W27 -o out").status == 0);
    auto got = post_files(sharded.path() / "out"), want = post_files(whole.path() / "out");
    CHECK(got.erase("report-shard-1-of-2.json") == 1);
    CHECK(got.erase("report-shard-2-of-2.json") == 1);
    CHECK(got.size() == want.size());
    CHECK(got.count("highlights-2024-W27/index.html") == 1);
    for (const auto& [name, bytes] : want) {
        INFO(name);
        CHECK((got.count(name) == 1 && got[name] == bytes));
    }
}

TEST_CASE("batch usage errors exit 2 and write nothing") {
    PostsFolder folder;
    CommandResult week = folder.batch("--week 2024-27 -o out");
    CHECK(week.status == 2);
    CHECK(week.err == "--week: error: '2024-27' is not an ISO week (write YYYY-Www, e.g. 2024-W27)\n");
    CommandResult shard = folder.batch("--week 2024-W27 -o out --shard 3/2");
    CHECK(shard.status == 2);
    CHECK(shard.err == "--shard: error: '3/2' is not a share I/N (write e.g. 2/4 for the second of four shares)\n");
    CommandResult jobs = folder.batch("-o out -j 0");
    CHECK(jobs.status == 2);
    CHECK(jobs.err == "-j: error: the number of jobs must be between 1 and 64\n");
    CommandResult missing = run_rupa("batch tidak-ada -o out", folder.path());
    CHECK(missing.status == 2);
    CHECK(missing.err == "tidak-ada: error: no such folder (name the folder that holds the specs)\n");
    CHECK_FALSE(fs::exists(folder.path() / "out"));
}

TEST_CASE("a batch killed with SIGKILL or stopped with SIGINT at any moment is finished correctly by the next run") {
    PostsFolder reference;
    REQUIRE(reference.batch("--week 2024-W27 -o out").status == 0);
    auto expected = post_files(reference.path() / "out");

    std::mt19937 random(20240704);  // seeded: the moments are the same on every run
    for (int round = 0; round < 6; ++round) {
        PostsFolder folder;
        int signal_number = round % 2 ? SIGINT : SIGKILL;
        int delay_ms = std::uniform_int_distribution<int>(50, 1800)(random);
        CAPTURE(signal_number);
        CAPTURE(delay_ms);
        pid_t pid = start_program(rupa_binary(), {"batch", "posts", "--week", "2024-W27", "-o", "out", "-j", "2"},
                                  folder.path());
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
        kill(pid, signal_number);
        int raw = 0;
        waitpid(pid, &raw, 0);
        // The renders it started get SIGTERM as it ends (PR_SET_PDEATHSIG) and remove their
        // temporaries as they stop, which on a loaded machine may take a while (a render
        // stops between steps, e.g. after the PNG it is compressing): wait for them, up to 10 s.
        // SIGKILL gives the batch itself no chance to clean up: only what it writes itself
        // (its report and records, and the week's highlights, drawn in the batch's own
        // process) may have a temporary left, never a post's folder; the next run removes it.
        auto left_behind = [&] {
            std::vector<std::string> names;
            if (fs::exists(folder.path() / "out"))
                for (const auto& [name, bytes] : tree(folder.path() / "out")) {
                    bool post_file = name.find('/') != std::string::npos && !name.starts_with(".rupa-batch") &&
                                     !name.starts_with("highlights-");
                    if ((signal_number == SIGINT || post_file) && name.find(".part-") != std::string::npos)
                        names.push_back(name);
                }
            return names;
        };
        for (int wait = 0; wait < 100 && !left_behind().empty(); ++wait)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        CHECK(left_behind().empty());

        CommandResult resumed = folder.batch("--week 2024-W27 -o out -j 2");
        CHECK(resumed.status == 0);
        CHECK(post_files(folder.path() / "out") == expected);
        for (const auto& [name, bytes] : tree(folder.path() / "out"))
            if (!name.starts_with(".rupa-batch")) CHECK(name.find(".part-") == std::string::npos);
        // What the killed run finished is not rendered again.
        for (const auto& [stem, status] : statuses(folder.report()))
            CHECK((status == "rendered" || status == "unchanged"));
    }
}
