// `rupa brand new DIR`: each answer from its flag or, at a terminal, from a question with
// its default in brackets; a bad typed answer is asked again, a bad flag is an error.
#include "cli/brand_command.hpp"

#include "cli/terminal.hpp"
#include "pipeline/brand_kit.hpp"
#include "spec/spec_error.hpp"
#include "template/catalog.hpp"

#include <functional>
#include <sstream>
#include <iostream>

#include <unistd.h>

namespace rupa {

namespace fs = std::filesystem;

namespace {

// One question: its flag, how it is asked, its default ("" for none; a required answer has
// none), and how its answer is read into the kit.
struct Question {
    const char* flag;
    const char* prompt;
    bool required;
    std::string fallback;
    std::function<void(const std::string&, BrandKitAnswers&)> read;
};

std::vector<Question> questions() {
    return {
        {"--office", "Office name, e.g. Pemerintah Kabupaten Sukamakmur", true, "",
         [](const std::string& t, BrandKitAnswers& a) { a.office = read_name_answer(t, "--office", true); }},
        {"--unit", "Unit that publishes", false, "Dinas Komunikasi dan Informatika",
         [](const std::string& t, BrandKitAnswers& a) { a.unit = read_name_answer(t, "--unit", false); }},
        {"--logo", "Logo file (SVG or PNG)", true, "",
         [](const std::string& t, BrandKitAnswers& a) { a.logo = read_logo_answer(t); }},
        {"--primary", "Primary colour, #RRGGBB", true, "",
         [](const std::string& t, BrandKitAnswers& a) { a.primary = read_colour_answer(t, "--primary"); }},
        {"--accent", "Accent colour, #RRGGBB", true, "",
         [](const std::string& t, BrandKitAnswers& a) { a.accent = read_colour_answer(t, "--accent"); }},
        {"--timezone", "Time zone: WIB, WITA or WIT", false, "WIB",
         [](const std::string& t, BrandKitAnswers& a) { a.timezone = read_timezone_answer(t); }},
        {"--website", "Website", false, "",
         [](const std::string& t, BrandKitAnswers& a) { a.website = read_website_answer(t); }},
        {"--handle", "Handles, PLATFORM=@HANDLE separated by spaces", false, "",
         [](const std::string& t, BrandKitAnswers& a) {
             std::stringstream words(t);
             std::string word;
             while (words >> word) a.handles.push_back(read_handle_answer(word));
         }},
        {"--hashtags", "Default hashtags, separated by commas", false, "",
         [](const std::string& t, BrandKitAnswers& a) { a.hashtags = read_hashtags_answer(t); }},
        {"--credit", "Credit line", false, "",  // the office's name when not answered
         [](const std::string& t, BrandKitAnswers& a) {
             a.credit = read_name_answer(t.empty() ? a.office : t, "--credit", false);
         }},
    };
}

// Asks until the answer reads; false at the end of input.
bool ask(const Question& q, const BrandKitAnswers& so_far, BrandKitAnswers& answers) {
    std::string fallback = std::string(q.flag) == "--credit" ? so_far.office : q.fallback;
    for (;;) {
        std::cout << q.prompt << (fallback.empty() ? (q.required ? "" : " [none]") : " [" + fallback + "]") << ": "
                  << std::flush;
        std::string line;
        if (!std::getline(std::cin, line)) return false;
        if (line.find_first_not_of(" \t") == std::string::npos) {
            if (q.required) {
                std::cout << "  (needed)\n";
                continue;
            }
            line = fallback;
        }
        try {
            q.read(line, answers);
            return true;
        } catch (const SpecError& e) {
            std::cout << "  " << terminal_safe(e.problem()) << " (" << terminal_safe(e.hint()) << ")\n";
        }
    }
}

// How a spec names the kit: by id when it is installed, else by its path from a spec in the
// current folder (a spec's paths stay inside its own folder).
std::string how_to_name(const fs::path& dir, const std::string& id) {
    std::error_code ec;
    if (fs::equivalent(dir.parent_path().empty() ? fs::path(".") : dir.parent_path(), data_dirs().brands, ec))
        return "use it in a spec with: brand: " + id;
    fs::path path = dir.lexically_normal();
    std::string where = "in this folder", shown = "./" + path.string();
    if (path.is_absolute() || *path.begin() == "..") {
        where = "in " + path.parent_path().string();
        shown = "./" + id;
    }
    return "use it in a spec " + where + " with: brand: " + shown +
           "\n(or move the folder into templates/brands/ and write: brand: " + id + ")";
}

}  // namespace

CLI::App* add_brand_command(CLI::App& app, BrandNewOptions& options) {
    CLI::App* brand = app.add_subcommand("brand", "Make a brand kit for an office");
    brand->require_subcommand(1);
    CLI::App* make = brand->add_subcommand("new", "Make a working brand kit in DIR; asks what the flags leave out");
    make->add_option("DIR", options.dir, "the new kit's folder; its name is the brand's id")->required();
    for (const Question& q : questions()) {
        if (std::string(q.flag) == "--handle") {
            make->add_option("--handle", options.handles, "PLATFORM=@HANDLE, e.g. instagram=@diskominfo (repeatable)")
                ->allow_extra_args(false);  // one value each: "--handle x=@a DIR" leaves DIR alone
            continue;
        }
        std::string flag = q.flag;
        make->add_option_function<std::string>(
            flag, [&options, flag](const std::string& value) { options.given[flag] = value; }, q.prompt)
            ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);  // a flag given again: the last answer
    }
    return make;
}

int run_brand_new(const BrandNewOptions& options) {
    const bool terminal = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
    BrandKitAnswers answers;
    SpecProblems problems;
    problems.attempt([&] { brand_kit_id(options.dir); });
    problems.throw_if_any();  // before any question: the folder's name is wrong
    for (const Question& q : questions()) {
        std::string flag = q.flag;
        bool given = flag == "--handle" ? !options.handles.empty() : options.given.count(flag) > 0;
        if (given) {
            if (flag == "--handle")
                for (const std::string& h : options.handles)
                    problems.attempt([&] { answers.handles.push_back(read_handle_answer(h)); });
            else
                problems.attempt([&] { q.read(options.given.at(flag), answers); });
        } else if (terminal) {
            if (!ask(q, answers, answers))
                throw SpecError({flag, 0, 0}, "no answer", "answer each question, or give " + flag);
        } else if (q.required) {
            problems.add({{flag, 0, 0}, "not given, and there is no terminal to ask at",
                          "give " + flag + " (rupa brand new --help lists the flags)"});
        } else {
            problems.attempt([&] { q.read(q.fallback, answers); });
        }
    }
    problems.throw_if_any();

    BrandKitWritten kit = write_brand_kit(options.dir, answers);
    for (const std::string& note : kit.palette.notes) std::cerr << "rupa: warning: " << terminal_safe(note) << "\n";
    std::cout << terminal_safe(kit.brand_file.string()) << ": ok\n"
              << terminal_safe(kit.logo_file.string()) << ": the logo\n"
              << "text on primary " << to_hex(kit.palette["on-primary"]) << ", on accent "
              << to_hex(kit.palette["on-accent"]) << "\n"
              << terminal_safe(how_to_name(kit.brand_file.parent_path(), brand_kit_id(options.dir))) << "\n";
    return 0;
}

}  // namespace rupa
