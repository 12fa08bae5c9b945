// `rupa render` end to end: the files it writes, their sizes, and their stability.
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

using namespace rupa::test;
namespace fs = std::filesystem;

TEST_CASE("the event sample renders four PNGs of their exact sizes, with caption, alt text and report") {
    ScratchDir out;
    CommandResult r = run_rupa("render samples/event.yaml -o '" + out.path().string() + "'", source_dir());
    INFO(r.err);
    REQUIRE(r.status == 0);
    fs::path folder = out.path() / "event";
    CHECK(png_size(folder / "square.png").width == 1080);
    CHECK(png_size(folder / "square.png").height == 1080);
    CHECK(png_size(folder / "portrait.png").width == 1080);
    CHECK(png_size(folder / "portrait.png").height == 1350);
    CHECK(png_size(folder / "story.png").width == 1080);
    CHECK(png_size(folder / "story.png").height == 1920);
    CHECK(png_size(folder / "landscape.png").width == 1200);
    CHECK(png_size(folder / "landscape.png").height == 675);

    std::string caption = read_file(folder / "caption.txt");
    CHECK(caption.find("Bupati Buka Gerakan Tanam Padi Serentak") == 0);
    CHECK(caption.find("Kamis, 4 Juli 2024, pukul 08.00 WIB") != std::string::npos);
    CHECK(caption.find("#TanamPadi #KetahananPangan #SukamakmurMaju") != std::string::npos);
    CHECK(read_file(folder / "alt.txt").find("Bupati Buka Gerakan Tanam Padi") != std::string::npos);

    auto report = nlohmann::json::parse(read_file(folder / "render.json"));
    CHECK(report["template"] == "event");
    CHECK(report["files"].size() == 6);
    CHECK(report["files"][2]["format"] == "story");
    CHECK(report["files"][2]["height"] == 1920);
    for (const auto& entry : fs::directory_iterator(folder))
        CHECK(entry.path().string().find(".part-") == std::string::npos);
}

TEST_CASE("two renders of the same spec give byte-identical PNGs") {
    ScratchDir first, second;
    REQUIRE(run_rupa("render samples/event.yaml -o '" + first.path().string() + "'", source_dir()).status == 0);
    REQUIRE(run_rupa("render samples/event.yaml -o '" + second.path().string() + "'", source_dir()).status == 0);
    for (const char* name : {"square.png", "portrait.png", "story.png", "landscape.png"}) {
        INFO(std::string(name));
        std::string a = read_file(first.path() / "event" / name);
        CHECK(a.size() > 10000);
        CHECK(a == read_file(second.path() / "event" / name));
    }
}

TEST_CASE("--formats picks formats and expands platforms") {
    ScratchDir out;
    CommandResult r = run_rupa("render samples/event.yaml --formats website,square -o '" +
                                   out.path().string() + "'", source_dir());
    REQUIRE(r.status == 0);
    CHECK(fs::exists(out.path() / "event" / "landscape.png"));
    CHECK(fs::exists(out.path() / "event" / "square.png"));
    CHECK_FALSE(fs::exists(out.path() / "event" / "story.png"));
}

TEST_CASE("--version and --help answer and exit 0") {
    CommandResult v = run_rupa("--version", source_dir());
    CHECK(v.status == 0);
    CHECK(v.out == "rupa 0.1.0\n");
    CommandResult h = run_rupa("--help", source_dir());
    CHECK(h.status == 0);
    CHECK(h.out.find("render") != std::string::npos);
}

TEST_CASE("an English spec writes dates, times and post text in English") {
    ScratchDir dir;
    std::filesystem::create_directories(dir.path() / "photos");
    std::filesystem::copy_file(source_dir() / "samples/photos/sawah.jpg", dir.path() / "photos/a.jpg");
    write_file(dir.path() / "post.yaml",
               "template: event\nlocale: en\nbrand: demo-kota\nformats: [square]\ncontent:\n"
               "  title: Rice Planting Festival\n  date: 2023-07-06\n  time: \"09.00\"\n"
               "  place: City Hall\n  photo: photos/a.jpg\n");
    CommandResult r = run_rupa("render post.yaml -o out", dir.path());
    REQUIRE(r.status == 0);
    std::string caption = read_file(dir.path() / "out/post/caption.txt");
    CHECK(caption.find("Thursday, 6 July 2023, at 09:00 WITA") != std::string::npos);
    CHECK(read_file(dir.path() / "out/post/alt.txt").rfind("Activity report from Pemerintah Kota Tirtamulya, with a photo. Rice Planting Festival.", 0) == 0);
}

TEST_CASE("render --json prints the report on standard output") {
    ScratchDir out;
    CommandResult r = run_rupa("render samples/quote.yaml --formats square --json -o '" + out.path().string() + "'",
                               source_dir());
    REQUIRE(r.status == 0);
    auto report = nlohmann::json::parse(r.out);
    CHECK(report["template"] == "quote");
    CHECK(report["files"][0]["file"] == "square.png");
    CHECK(report == nlohmann::json::parse(read_file(out.path() / "quote/render.json")));
}
