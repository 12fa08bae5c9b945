// Writes stay inside OUTDIR (issue 13): unsafe stems are refused, symlinks found in OUTDIR are
// never written or deleted through, only rupa's own temporaries are cleaned up, render.json
// is read back as untrusted, two renders of one post wait for each other, and a render
// started under nohup survives SIGHUP.
#include "test_support.hpp"

#include "batch/batch_run.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <sys/wait.h>

using namespace rupa::test;
namespace fs = std::filesystem;

namespace {

const std::string kPost = "template: event\ncontent:\n  title: Rapat Koordinasi\n  photo: photos/sawah.jpg\n";

bool complete_png(const fs::path& file) {
    std::string bytes = read_file(file);
    return bytes.size() > 12 && bytes.compare(bytes.size() - 12, 12, std::string("\0\0\0\0IEND\xAE\x42\x60\x82", 12)) == 0;
}

}  // namespace

TEST_CASE("a spec whose name gives the stem '..' or a hidden name is refused before anything is written") {
    CanaryTrial trial;
    trial.spec(kPost);
    fs::copy_file(trial.post() / "post.yaml", trial.post() / "...yaml");
    fs::copy_file(trial.post() / "post.yaml", trial.post() / ".yaml");
    FolderWatch watch(trial.post());
    CommandResult r = run_rupa("render ...yaml -o out", trial.post());
    CHECK(r.status == 2);
    CHECK(r.err == "...yaml: error: the file's name gives the output folder '..', which is not a folder of its own "
                   "(rename the file, e.g. to rapat.yaml)\n");
    r = run_rupa("render .yaml -o out", trial.post());
    CHECK(r.status == 2);
    CHECK(r.err == ".yaml: error: the file's name gives the output folder '.yaml', which is not a folder of its own "
                   "(rename the file, e.g. to rapat.yaml)\n");
    CHECK(is_empty_or_missing(trial.post() / "out"));
    for (const std::string& event : watch.events()) CHECK(event.find("CREATE") == std::string::npos);
}

TEST_CASE("a symlink planted at OUTDIR/<stem>, the batch's state folder or its highlights folder is refused, not followed") {
    for (const auto& [args, link] : {std::pair{"render post.yaml -o out", "out/post"},
                                     std::pair{"batch . --week 2024-W27 -o out", "out/.rupa-batch"},
                                     std::pair{"batch . --week 2024-W27 -o out", "out/highlights-2024-W27"}}) {
        CAPTURE(args);
        CanaryTrial trial;
        trial.spec(kPost);
        fs::create_directories(trial.post() / "out");
        fs::create_directory_symlink(trial.outside(), trial.post() / link);
        FolderWatch watch(trial.outside());
        CommandResult r = run_rupa(args, trial.post());
        CHECK(r.status == 2);
        CHECK(r.err == "rupa: error: " + std::string(link) +
                           " is a symlink; rupa never writes through a symlink in the output folder (remove it)\n");
        trial.check_outside_untouched(watch);
    }
}

TEST_CASE("symlinks planted at final and temporary names are replaced, never written through") {
    CanaryTrial trial;
    trial.spec(kPost);
    fs::create_directories(trial.post() / "out/post");
    for (const char* name : {"square.png", "caption.txt", "render.json"})
        fs::create_symlink(trial.outside() / "canary.txt", trial.post() / "out/post" / name);
    fs::create_symlink(trial.outside() / "canary.txt",
                       trial.post() / "out/post/alt.txt.part-1-0123456789abcdef");  // looks like rupa's own
    FolderWatch watch(trial.outside());
    CommandResult r = run_rupa("render post.yaml -o out", trial.post());
    CHECK(r.status == 0);
    for (const char* name : {"square.png", "caption.txt", "render.json"}) {
        CAPTURE(name);
        CHECK_FALSE(fs::is_symlink(trial.post() / "out/post" / name));
        CHECK(fs::is_regular_file(trial.post() / "out/post" / name));
    }
    CHECK(complete_png(trial.post() / "out/post/square.png"));
    trial.check_outside_untouched(watch);
}

TEST_CASE("stale-temporary cleanup removes rupa's own temporaries only") {
    CanaryTrial trial;
    trial.spec(kPost);
    const fs::path folder = trial.post() / "out/post";
    write_file(folder / "square.png.part-4242-00112233445566ff", "half a picture");
    for (const char* foreign : {"data.part-1", "square.png.part-4242", "x.part-12-notahexnumber!!", "y.part--0123456789abcdef"})
        write_file(folder / foreign, "kept");
    CommandResult r = run_rupa("render post.yaml -o out", trial.post());
    CHECK(r.status == 0);
    CHECK_FALSE(fs::exists(folder / "square.png.part-4242-00112233445566ff"));
    for (const char* foreign : {"data.part-1", "square.png.part-4242", "x.part-12-notahexnumber!!", "y.part--0123456789abcdef"}) {
        CAPTURE(foreign);
        CHECK(read_file(folder / foreign) == "kept");
    }
}

TEST_CASE("-o naming a file, or a folder that cannot be written, is a usage error") {
    CanaryTrial trial;
    trial.spec(kPost);
    write_file(trial.post() / "afile", "not a folder\n");
    CommandResult r = run_rupa("render post.yaml -o afile", trial.post());
    CHECK(r.status == 2);
    CHECK(r.err == "rupa: error: the output folder afile is a file (name a folder with -o)\n");
    CHECK(read_file(trial.post() / "afile") == "not a folder\n");
    if (::geteuid() != 0) {  // root writes anywhere
        fs::create_directories(trial.post() / "locked");
        fs::permissions(trial.post() / "locked", fs::perms::owner_read | fs::perms::owner_exec);
        r = run_rupa("render post.yaml -o locked", trial.post());
        CHECK(r.status == 2);
        CHECK(r.err == "rupa: error: cannot create locked/post: Permission denied\n");
    }
    // Folders no one writes in, root included (the kernel's): the same usage error.
    r = run_rupa("render post.yaml -o /sys/rupa-out", trial.post());
    CHECK(r.status == 2);
    CHECK(r.err.rfind("rupa: error: cannot create the output folder /sys/rupa-out: ", 0) == 0);
    r = run_rupa("render post.yaml -o /proc/self", trial.post());
    CHECK(r.status == 2);
    CHECK(r.err == "rupa: error: cannot create /proc/self/post: No such file or directory\n");
}

TEST_CASE("a render.json listing paths outside its folder is not trusted") {
    ScratchDir dir;
    write_file(dir.path() / "render.json",
               R"({"files": [{"file": "square.png", "bytes": 10}, {"file": "../../etc/passwd", "bytes": 3}]})");
    CHECK_FALSE(rupa::listed_files(dir.path()).has_value());
    write_file(dir.path() / "render.json", R"({"files": [{"file": "/etc/passwd"}]})");
    CHECK_FALSE(rupa::listed_files(dir.path()).has_value());
    write_file(dir.path() / "render.json", R"({"files": [{"file": ".."}]})");
    CHECK_FALSE(rupa::listed_files(dir.path()).has_value());
    write_file(dir.path() / "render.json", R"({"files": [{"file": "square.png", "bytes": 10}]})");
    REQUIRE(rupa::listed_files(dir.path()).has_value());
    CHECK(rupa::listed_files(dir.path())->front().name == "square.png");
}

TEST_CASE("two renders of one spec into one OUTDIR at once both finish with whole files, every time") {
    CanaryTrial trial;
    trial.spec(kPost);
    for (int round = 0; round < 6; ++round) {
        CAPTURE(round);
        std::vector<std::string> args = {"render", "post.yaml", "-o", "out", "--formats", "square,landscape"};
        pid_t first = start_program(rupa_binary(), args, trial.post());
        pid_t second = start_program(rupa_binary(), args, trial.post());
        for (pid_t pid : {first, second}) {
            int raw = 0;
            REQUIRE(waitpid(pid, &raw, 0) == pid);
            CHECK(WIFEXITED(raw));
            CHECK(WEXITSTATUS(raw) == 0);
        }
        for (const char* name : {"square.png", "landscape.png"}) CHECK(complete_png(trial.post() / "out/post" / name));
        for (const auto& entry : fs::directory_iterator(trial.post() / "out/post"))
            CHECK(entry.path().filename().string().find(".part-") == std::string::npos);
    }
}

TEST_CASE("a render started with SIGHUP ignored, as under nohup, keeps it ignored and finishes") {
    CanaryTrial trial;
    trial.spec(kPost);
    std::string rupa = "'" + rupa_binary().string() + "'";
    CommandResult r = run_rupa("--version >/dev/null; trap '' HUP; " + rupa +
                                   " render post.yaml -o out >/dev/null 2>&1 & pid=$!; "
                                   "while kill -HUP $pid 2>/dev/null; do sleep 0.02; done; wait $pid; echo status=$?",
                               trial.post());
    CHECK(r.out == "status=0\n");
    for (const char* name : {"square.png", "portrait.png", "story.png", "landscape.png"})
        CHECK(complete_png(trial.post() / "out/post" / name));
}
