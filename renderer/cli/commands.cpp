// Command-line parsing with CLI11 (Debian's libcli11-dev: subcommands, typed options and
// generated --help without hand-written parsing), and the exit-status contract.
#include "cli/commands.hpp"

#include "pipeline/render_job.hpp"
#include "spec/format.hpp"
#include "spec/spec_error.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <sstream>

#ifndef RUPA_VERSION
#define RUPA_VERSION "0.0.0"
#endif

namespace rupa {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitPartial = 1;
constexpr int kExitInvalid = 2;

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> items;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ','))
        if (!item.empty()) items.push_back(item);
    return items;
}

int run_render(const RenderRequest& request, bool json) {
    RenderResult result = render_spec(request);
    for (const auto& w : result.diagnostics.warnings()) std::cerr << w.to_string() << "\n";
    if (json) {
        std::cout << (result.folder / "render.json").string() << "\n";
    } else {
        for (const auto& f : result.files) std::cout << f.path.string() << "\n";
    }
    for (const auto& failed : result.failed)
        std::cerr << request.spec_file.string() << ": error: could not render '" << failed
                  << "'\n";
    return result.failed.empty() ? kExitOk : kExitPartial;
}

}  // namespace

int run_cli(int argc, char** argv) {
    CLI::App app{"rupa: content spec -> social-media graphics in every platform size", "rupa"};
    app.set_version_flag("--version", std::string("rupa ") + RUPA_VERSION);
    app.require_subcommand(1);

    RenderRequest request;
    std::string formats;
    bool json = false;
    std::string spec_file;
    CLI::App* render = app.add_subcommand("render", "Render one spec into every format it asks for");
    render->add_option("SPEC", spec_file, "the content spec (YAML)")->required();
    render->add_option("-o,--output", request.out_dir, "output folder (default: out)");
    render->add_option("--formats", formats,
                       "comma-separated format ids or platforms (default: the spec's own)");
    render->add_flag("--strict", request.strict, "treat warnings as errors");
    render->add_flag("--json", json, "print the path of render.json instead of the file list");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
        std::cerr << "rupa: error: " << e.what() << " (see 'rupa --help')\n";
        return kExitInvalid;
    }

    try {
        if (*render) {
            request.spec_file = spec_file;
            request.formats = split_list(formats);
            return run_render(request, json);
        }
    } catch (const SpecError& e) {
        std::cerr << e.what() << "\n";
        return kExitInvalid;
    } catch (const std::exception& e) {
        std::cerr << "rupa: error: " << e.what() << "\n";
        return kExitPartial;
    }
    return kExitInvalid;
}

}  // namespace rupa
