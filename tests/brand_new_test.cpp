// `rupa brand new`: the colour maths of a new kit, each bad answer refused at its flag, no
// kit overwritten or left half made, and the questions asked at a terminal.
#include "test_support.hpp"

#include "template/brand_palette.hpp"

#include <doctest/doctest.h>

#include <yaml-cpp/yaml.h>

#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace rupa;
using namespace rupa::test;
namespace fs = std::filesystem;

namespace {

Rgba hex(const std::string& text) { return *parse_rgb_hex(text); }

// Copies a demo logo beside where the kit will be made.
void give_logo(const ScratchDir& dir) {
    fs::copy_file(source_dir() / "templates/brands/demo-kabupaten/logo.svg", dir.path() / "logo.svg");
}

const std::string kFlags = "--office 'Pemerintah Kota Contoh' --logo logo.svg --primary '#0B4F6C' --accent '#F4B41A'";

}  // namespace

TEST_CASE("contrast per WCAG 2.1 on known pairs") {
    CHECK(contrast_ratio(hex("#FFFFFF"), hex("#000000")) == doctest::Approx(21.0));
    CHECK(contrast_ratio(hex("#777777"), hex("#777777")) == doctest::Approx(1.0));
    CHECK(contrast_ratio(hex("#767676"), hex("#FFFFFF")) == doctest::Approx(4.54).epsilon(0.005));
    CHECK(contrast_ratio(hex("#777777"), hex("#FFFFFF")) == doctest::Approx(4.48).epsilon(0.005));  // just fails AA
    CHECK(contrast_ratio(hex("#0B4F6C"), hex("#FFFFFF")) == doctest::Approx(8.93).epsilon(0.005));  // demo-kabupaten
    CHECK(contrast_ratio(hex("#F4B41A"), hex("#14202B")) == doctest::Approx(8.96).epsilon(0.005));
    CHECK(contrast_ratio(hex("#FF0000"), hex("#FFFFFF")) == doctest::Approx(4.0).epsilon(0.005));
    CHECK(relative_luminance(hex("#FFFFFF")) == doctest::Approx(1.0));
    CHECK(relative_luminance(hex("#808080")) == doctest::Approx(0.2159).epsilon(0.001));
    CHECK(to_hex(hex("#0b4f6c")) == "#0B4F6C");
    CHECK_FALSE(parse_rgb_hex("#0B4F6"));
    CHECK_FALSE(parse_rgb_hex("0B4F6C"));
    CHECK_FALSE(parse_rgb_hex("#0B4F6G"));
}

TEST_CASE("a contrast just under its threshold is written so that it reads as under it") {
    double just_fails = contrast_ratio(hex("#777777"), hex("#FFFFFF"));  // 4.478
    CHECK(contrast_text(just_fails, 4.5) == "4.47:1");
    CHECK(contrast_text(4.4999, 4.5) == "4.49:1");
    CHECK(contrast_text(4.44, 4.5) == "4.4:1");
    CHECK(contrast_text(2.96, 3.0) == "2.96:1");
    CHECK(contrast_text(2.2, 4.5) == "2.2:1");
    CHECK(contrast_text(4.5) == "4.5:1");
    CHECK(contrast_text(8.93, 4.5) == "8.9:1");
}

TEST_CASE("the text colours of a new kit read on their colour at 4.5:1, also at 80 %") {
    for (std::string ground : {"#0B4F6C", "#F5E663", "#1B2A4A", "#FFFFFF", "#000000", "#C8F169", "#7A1F3D"}) {
        INFO(ground);
        Rgba text = text_colour_on(hex(ground));
        CHECK(contrast_ratio(text, hex(ground)) >= 4.5);
        CHECK(contrast_ratio(mix(hex(ground), text, 0.8), hex(ground)) >= 4.5);
    }
    // Mid-tones, where only black reads, and only drawn whole.
    CHECK(to_hex(text_colour_on(hex("#777777"))) == "#000000");
    CHECK(contrast_ratio(text_colour_on(hex("#777777")), hex("#777777")) >= 4.5);
    CHECK(to_hex(text_colour_on(hex("#FF0000"))) == "#111111");
    // The colour's own tint or shade when it reads: a pale blue on navy, a dark yellow on yellow.
    CHECK(to_hex(text_colour_on(hex("#1B2A4A"))) == "#E4E5E9");
    CHECK(to_hex(text_colour_on(hex("#F5E663"))) == "#45401C");
    CHECK(to_hex(text_colour_on(hex("#FFFFFF"))) == "#474747");
}

TEST_CASE("a new kit's palette: every pair the templates draw reads, and a light primary is not used as such") {
    Palette navy = make_palette(hex("#1B2A4A"), hex("#F5E663"));
    CHECK(navy.notes.empty());
    CHECK(to_hex(navy["primary"]) == "#1B2A4A");
    CHECK(contrast_ratio(navy["on-primary"], navy["primary"]) >= 4.5);
    CHECK(contrast_ratio(navy["accent"], navy["primary"]) >= 4.5);
    CHECK(contrast_ratio(navy["on-accent"], navy["accent"]) >= 4.5);
    CHECK(contrast_ratio(navy["text"], navy["background"]) >= 4.5);
    CHECK(contrast_ratio(navy["muted"], navy["background"]) >= 4.5);
    CHECK(contrast_ratio(navy["primary"], navy["background"]) >= 4.5);
    CHECK(contrast_ratio(navy["paper"], navy["ink"]) >= 15);

    // A pale yellow primary with a dark accent: the two swap.
    Palette yellow = make_palette(hex("#F5E663"), hex("#1B2A4A"));
    CHECK(to_hex(yellow["primary"]) == "#1B2A4A");
    CHECK(to_hex(yellow["accent"]) == "#F5E663");
    CHECK(yellow.notes == std::vector<std::string>{
                              "the primary colour #F5E663 is light, and the templates put light text on the primary "
                              "colour and over darkened photos: the kit uses the accent #1B2A4A as its primary and "
                              "#F5E663 as its accent"});
    // Two light colours: the primary's dark shade, and the accent is too close to it... or not.
    Palette pale = make_palette(hex("#F5E663"), hex("#FFF4C2"));
    CHECK(contrast_ratio(hex("#FFFFFF"), pale["primary"]) >= 4.5);
    CHECK(pale.notes.size() == 1);
    CHECK(pale.notes[0].find("the kit uses its dark shade") != std::string::npos);

    // Two dark colours cannot be told apart.
    Palette dark = make_palette(hex("#1B2A4A"), hex("#0B4F6C"));
    CHECK(dark.notes == std::vector<std::string>{
                            "the accent #0B4F6C and the primary #1B2A4A are too close to tell apart (1.5:1; graphics "
                            "need 3:1): choose an accent much lighter than the primary"});
}

TEST_CASE("a kit's strong accent: the accent darkened in its own hue until it stands out 3:1 on both light grounds") {
    Brand kota;
    kota.colors = {{"accent", hex("#C8F169")}, {"on-accent", hex("#0B2E24")}, {"background", hex("#F3F7F2")},
                   {"paper", hex("#FFFFFF")}};
    complete_strong_accent(kota);
    // Lime becomes a grass green that still takes the kit's own dark text.
    CHECK(to_hex(kota.colors.at("accent-strong")) == "#719C0F");
    CHECK(to_hex(kota.colors.at("on-accent-strong")) == "#0B2E24");
    CHECK(contrast_ratio(kota.colors.at("accent-strong"), kota.colors.at("paper")) >= 3);
    CHECK(contrast_ratio(kota.colors.at("accent-strong"), kota.colors.at("background")) >= 3);
    CHECK(contrast_ratio(kota.colors.at("on-accent-strong"), kota.colors.at("accent-strong")) >= 4.5);

    // An accent that already stands out is kept as it is.
    Brand teal = kota;
    teal.colors = {{"accent", hex("#0F766E")}, {"on-accent", hex("#FFFFFF")}, {"background", hex("#F3F7F2")},
                   {"paper", hex("#FFFFFF")}};
    complete_strong_accent(teal);
    CHECK(to_hex(teal.colors.at("accent-strong")) == "#0F766E");
    CHECK(to_hex(teal.colors.at("on-accent-strong")) == "#FFFFFF");

    // The kit's own strong accent stays, and its text is chosen for it; the kit's own text is kept.
    Brand given = kota;
    given.colors.erase("on-accent-strong");
    given.colors["accent-strong"] = hex("#1B5E20");
    complete_strong_accent(given);
    CHECK(to_hex(given.colors.at("accent-strong")) == "#1B5E20");
    CHECK(to_hex(given.colors.at("on-accent-strong")) == "#FFFFFF");
    Brand text_given = kota;
    text_given.colors.erase("accent-strong");
    text_given.colors["on-accent-strong"] = hex("#FFFFFF");
    complete_strong_accent(text_given);
    CHECK(contrast_ratio(text_given.colors.at("on-accent-strong"), text_given.colors.at("accent-strong")) >= 4.5);
    CHECK(to_hex(text_given.colors.at("on-accent-strong")) == "#FFFFFF");
}

TEST_CASE("rupa brand new refuses each bad answer at its flag, exit 2, and makes nothing") {
    ScratchDir dir;
    give_logo(dir);
    write_file(dir.path() / "notes.txt", "not a logo");
    write_file(dir.path() / "bad.svg", "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'></svg>");
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"--primary '#0B4F6' --office 'Kota Contoh' --logo logo.svg --accent '#F4B41A'",
         "--primary: error: '#0B4F6' is not a colour (write it as #RRGGBB, six hexadecimal digits, e.g. #0B4F6C)\n"},
        {kFlags + " --accent kuning",
         "--accent: error: 'kuning' is not a colour (write it as #RRGGBB, six hexadecimal digits, e.g. #0B4F6C)\n"},
        {kFlags + " --timezone WITB",
         "--timezone: error: 'WITB' is not an Indonesian time zone (write WIB (UTC+7), WITA (UTC+8) or WIT (UTC+9))\n"},
        {"--office 'Kota Contoh' --logo nowhere.svg --primary '#0B4F6C' --accent '#F4B41A'",
         "--logo: error: cannot find the logo 'nowhere.svg' (give the path of the office's SVG or PNG logo)\n"},
        {"--office 'Kota Contoh' --logo notes.txt --primary '#0B4F6C' --accent '#F4B41A'",
         "--logo: error: the logo 'notes.txt' is not an SVG, PNG, JPEG or WebP file (give the office's logo as "
         ".svg (best) or .png)\n"},
        {"--office 'Kota Contoh' --logo bad.svg --primary '#0B4F6C' --accent '#F4B41A'",
         "--logo: error: cannot use the logo 'bad.svg': the SVG has no width and height (give it a viewBox and a "
         "size) (use an SVG with a width, a height and a viewBox, or a PNG)\n"},
        {kFlags + " --website 'kota contoh'",
         "--website: error: 'kota contoh' is not a website address (write it like diskominfo.sukamakmurkab.go.id)\n"},
        {kFlags + " --handle '@kominfo'",
         "--handle: error: '@kominfo' does not say the platform (write PLATFORM=@HANDLE, e.g. instagram=@diskominfo)\n"},
        {kFlags + " --handle 'instagram=@kominfo kota'",
         "--handle: error: '@kominfo kota' is not a handle (write PLATFORM=@HANDLE with letters, digits, '.', '_' or "
         "'-', e.g. instagram=@diskominfo)\n"},
        {kFlags + " --hashtags 'KotaMaju, Maju!'",
         "--hashtags: error: 'Maju!' is not a hashtag (use letters, digits and '_', separated by commas: "
         "SukamakmurMaju,GotongRoyong)\n"},
        {"--office ' ' --logo logo.svg --primary '#0B4F6C' --accent '#F4B41A'",
         "--office: error: the answer is empty (give the name as it should appear on the graphics)\n"},
        // Every missing answer at once, each naming its flag.
        {"--logo logo.svg --accent '#F4B41A'",
         "--office: error: not given, and there is no terminal to ask at (give --office (rupa brand new --help lists "
         "the flags))\n"
         "--primary: error: not given, and there is no terminal to ask at (give --primary (rupa brand new --help "
         "lists the flags))\n"},
    };
    for (const auto& [flags, message] : cases) {
        INFO(flags);
        CommandResult r = run_rupa("brand new kominfo-kota " + flags, dir.path());
        CHECK(r.status == 2);
        CHECK(r.err == message);
        CHECK(r.out == "");
        CHECK_FALSE(fs::exists(dir.path() / "kominfo-kota"));
    }
    CommandResult named = run_rupa("brand new 'Kominfo Kota' " + kFlags, dir.path());
    CHECK(named.status == 2);
    CHECK(named.err == "Kominfo Kota: error: 'Kominfo Kota' cannot name a brand kit (the folder's name is the "
                       "brand's id: use lower-case letters, digits and hyphens, e.g. kominfo-sukamakmur)\n");
    // Nothing left behind, not even a temporary folder.
    std::vector<std::string> left;
    for (const auto& entry : fs::directory_iterator(dir.path())) left.push_back(entry.path().filename().string());
    std::sort(left.begin(), left.end());
    CHECK(left == std::vector<std::string>{"bad.svg", "logo.svg", "notes.txt"});
}

TEST_CASE("rupa brand new does not overwrite a kit or fill a folder that holds files") {
    ScratchDir dir;
    give_logo(dir);
    CommandResult first = run_rupa("brand new kits/kominfo-kota " + kFlags, dir.path());
    REQUIRE(first.status == 0);
    std::string kit = read_file(dir.path() / "kits/kominfo-kota/brand.yaml");
    CommandResult again = run_rupa("brand new kits/kominfo-kota " + kFlags + " --primary '#7A1F3D'", dir.path());
    CHECK(again.status == 2);
    CHECK(again.err == "kits/kominfo-kota: error: a brand kit is already there (rupa brand new does not overwrite a "
                       "kit: choose another folder, or remove this one first)\n");
    CHECK(read_file(dir.path() / "kits/kominfo-kota/brand.yaml") == kit);

    fs::create_directories(dir.path() / "kits/busy");
    write_file(dir.path() / "kits/busy/notes.txt", "x");
    CommandResult busy = run_rupa("brand new kits/busy " + kFlags, dir.path());
    CHECK(busy.status == 2);
    CHECK(busy.err == "kits/busy: error: the folder is not empty (name a new folder for the brand kit; rupa makes "
                      "it)\n");
    // An empty folder is taken.
    fs::create_directories(dir.path() / "kits/empty");
    CHECK(run_rupa("brand new kits/empty " + kFlags, dir.path()).status == 0);
    CHECK(fs::exists(dir.path() / "kits/empty/brand.yaml"));
    std::vector<std::string> kits;
    for (const auto& entry : fs::directory_iterator(dir.path() / "kits")) kits.push_back(entry.path().filename().string());
    std::sort(kits.begin(), kits.end());
    CHECK(kits == std::vector<std::string>{"busy", "empty", "kominfo-kota"});
}

namespace {

// What the program under the pseudo-terminal has written so far, read until `until` shows.
std::string read_until(int fd, std::string& seen, const std::string& until) {
    char buffer[4096];
    while (seen.find(until) == std::string::npos) {
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, 60000) <= 0) break;  // a guard against a hang, not a measure
        ssize_t n = read(fd, buffer, sizeof buffer);
        if (n <= 0) break;
        seen.append(buffer, size_t(n));
    }
    return seen;
}

}  // namespace

TEST_CASE("at a terminal, rupa brand new asks for what the flags leave out, with defaults") {
    ScratchDir dir;
    give_logo(dir);
    int fd = -1;
    pid_t child = forkpty(&fd, nullptr, nullptr, nullptr);
    REQUIRE(child >= 0);
    if (child == 0) {
        if (chdir(dir.path().c_str()) != 0) _exit(127);
        std::string binary = rupa_binary().string();
        execl(binary.c_str(), binary.c_str(), "brand", "new", "kominfo-kota", "--logo", "logo.svg", "--accent",
              "#F4B41A", "--website", "kotacontoh.go.id", "--handle", "instagram=@kominfokota", "--hashtags",
              "KotaMaju", (char*)nullptr);
        _exit(127);
    }
    std::string seen;
    auto answer = [&](const std::string& prompt, const std::string& line) {
        read_until(fd, seen, prompt);
        CHECK(seen.find(prompt) != std::string::npos);
        std::string typed = line + "\n";
        CHECK(write(fd, typed.data(), typed.size()) == ssize_t(typed.size()));
    };
    answer("Office name, e.g. Pemerintah Kabupaten Sukamakmur: ", "");  // needed: asked again
    answer("  (needed)\r\nOffice name, e.g. Pemerintah Kabupaten Sukamakmur: ", "Pemerintah Kota Contoh");
    answer("Unit that publishes [Dinas Komunikasi dan Informatika]: ", "");
    answer("Primary colour, #RRGGBB: ", "biru");
    answer("  'biru' is not a colour (write it as #RRGGBB, six hexadecimal digits, e.g. #0B4F6C)\r\n"
           "Primary colour, #RRGGBB: ",
           "1b2a4a");
    answer("Time zone: WIB, WITA or WIT [WIB]: ", "wit");
    answer("Credit line [Pemerintah Kota Contoh]: ", "Diskominfo Kota Contoh");
    read_until(fd, seen, "(or move the folder");
    int status = 0;
    waitpid(child, &status, 0);
    close(fd);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(seen.find("kominfo-kota/brand.yaml: ok") != std::string::npos);
    YAML::Node kit = YAML::LoadFile((dir.path() / "kominfo-kota/brand.yaml").string());
    CHECK(kit["office"].as<std::string>() == "Pemerintah Kota Contoh");
    CHECK(kit["unit"].as<std::string>() == "Dinas Komunikasi dan Informatika");
    CHECK(kit["colors"]["primary"].as<std::string>() == "#1B2A4A");
    CHECK(kit["timezone"].as<std::string>() == "WIT");
    CHECK(kit["credit"].as<std::string>() == "Diskominfo Kota Contoh");
    CHECK(kit["website"].as<std::string>() == "kotacontoh.go.id");
}
