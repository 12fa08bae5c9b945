// Command-line parsing with CLI11 (Debian's libcli11-dev: subcommands, typed options and
// generated --help without hand-written parsing), and the exit-status contract.
#include "cli/commands.hpp"

#include "pipeline/render_job.hpp"
#include "spec/format.hpp"
#include "spec/spec_error.hpp"
#include "spec/yaml_source.hpp"
#include "template/catalog.hpp"
#include "template/template_reader.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iomanip>
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

void print_warnings(const Diagnostics& diagnostics) {
    for (const auto& w : diagnostics.warnings()) std::cerr << w.to_string() << "\n";
}

int run_render(const RenderRequest& request, bool json) {
    RenderResult result = render_spec(request);
    print_warnings(result.diagnostics);
    if (json) {
        std::ifstream report(result.folder / "render.json");
        std::cout << report.rdbuf();
    } else {
        for (const auto& f : result.files) std::cout << f.path.string() << "\n";
    }
    for (const auto& failed : result.failed)
        std::cerr << request.spec_file.string() << ": error: could not render '" << failed << "'\n";
    return result.failed.empty() ? kExitOk : kExitPartial;
}

int run_formats(bool json) {
    if (json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& f : all_formats())
            out.push_back({{"id", f.id}, {"width", f.width}, {"height", f.height},
                           {"kind", f.kind == FormatKind::still ? "png" : "mp4"}, {"serves", f.serves}});
        std::cout << out.dump(2) << "\n";
        return kExitOk;
    }
    for (const auto& f : all_formats())
        std::cout << std::left << std::setw(17) << f.id << std::setw(11)
                  << (std::to_string(f.width) + "x" + std::to_string(f.height))
                  << std::setw(5) << (f.kind == FormatKind::still ? "PNG" : "MP4") << f.serves << "\n";
    return kExitOk;
}

int run_templates(bool json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& id : installed_template_ids()) {
        Template t = load_template(id, SourceMark{"templates", 0, 0});
        nlohmann::json fields = nlohmann::json::array();
        for (const auto& f : t.fields)
            fields.push_back({{"name", f.name}, {"required", f.required}, {"max", f.max_chars}});
        out.push_back({{"id", t.id}, {"name", t.name}, {"description", t.description},
                       {"formats", t.formats}, {"fields", fields}});
        if (json) continue;
        std::cout << t.id << " — " << t.name << "\n    " << t.description << "\n    formats: "
                  << join(t.formats, ", ") << "\n    fields: ";
        for (size_t i = 0; i < t.fields.size(); ++i)
            std::cout << (i ? ", " : "") << t.fields[i].name << (t.fields[i].required ? "*" : "");
        std::cout << "\n";
    }
    if (json) std::cout << out.dump(2) << "\n";
    return kExitOk;
}

// A file is a template when it is named template.yaml or has layouts, a brand kit when it
// is named brand.yaml or has colours, else a spec.
int validate_one(const std::string& file) {
    YamlSource source = load_yaml(file, file);
    std::string name = std::filesystem::path(file).filename().string();
    bool is_map = source.root.IsMap();
    if (name == "template.yaml" || (is_map && source.root["layouts"])) {
        read_template(file, file);
    } else if (name == "brand.yaml" || (is_map && source.root["colors"])) {
        check_brand(read_brand(file, file));
    } else {
        RenderRequest request;
        request.spec_file = file;
        Diagnostics diagnostics;
        paint_plan(plan_render(request, diagnostics), diagnostics);
        print_warnings(diagnostics);
    }
    std::cout << file << ": ok\n";
    return kExitOk;
}

int run_validate(const std::vector<std::string>& files) {
    int status = kExitOk;
    for (const auto& file : files) {
        try {
            validate_one(file);
        } catch (const SpecError& e) {
            std::cerr << e.what() << "\n";
            status = kExitInvalid;
        }
    }
    return status;
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
    render->add_flag("--json", json, "print the report (render.json) instead of the file list");

    std::vector<std::string> files;
    CLI::App* validate = app.add_subcommand("validate", "Check specs, templates or brand kits; render nothing");
    validate->add_option("FILE", files, "YAML files to check")->required();

    CLI::App* templates = app.add_subcommand("templates", "List the installed templates and their fields");
    templates->add_flag("--json", json, "as JSON");
    CLI::App* format_list = app.add_subcommand("formats", "List the output formats");
    format_list->add_flag("--json", json, "as JSON");

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
        if (*validate) return run_validate(files);
        if (*templates) return run_templates(json);
        if (*format_list) return run_formats(json);
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
