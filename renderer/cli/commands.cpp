// Command-line parsing with CLI11 (Debian's libcli11-dev: subcommands, typed options and
// generated --help without hand-written parsing), and the exit-status contract.
#include "cli/commands.hpp"

#include "cli/brand_command.hpp"
#include "cli/preview_command.hpp"
#include "cli/render_command.hpp"
#include "cli/terminal.hpp"
#include "cli/validate_command.hpp"
#include "batch/batch_run.hpp"
#include "output/atomic_file.hpp"
#include "pipeline/render_job.hpp"
#include "schema/json_schema.hpp"
#include "spec/format.hpp"
#include "spec/spec_error.hpp"
#include "spec/yaml_source.hpp"
#include "template/catalog.hpp"
#include "template/installation_error.hpp"
#include "template/template_reader.hpp"

#include <algorithm>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iomanip>
#include <iostream>
#include <regex>
#include <sstream>

#include <unistd.h>

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

// A template's sample value (YAML) as JSON: numbers and true/false as such, the rest as text.
nlohmann::json sample_json(const YAML::Node& node) {
    if (node.IsSequence()) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& item : node) out.push_back(sample_json(item));
        return out;
    }
    if (node.IsMap()) {
        nlohmann::json out = nlohmann::json::object();
        for (const auto& entry : node) out[entry.first.Scalar()] = sample_json(entry.second);
        return out;
    }
    if (!node.IsScalar()) return nullptr;
    const std::string& text = node.Scalar();
    if (node.Tag() != "!") {  // a quoted scalar stays text
        if (text == "true" || text == "false") return text == "true";
        nlohmann::json number = nlohmann::json::parse(text, nullptr, false);
        if (number.is_number()) return number;
    }
    return text;
}

std::string field_type(const std::string& name) {
    for (const ContentField& f : content_fields())
        if (f.name == name) return f.type;
    return "text";
}

int run_templates(bool json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& id : installed_template_ids()) {
        Template t = load_template(id, SourceMark{"templates", 0, 0});
        nlohmann::json fields = nlohmann::json::array();
        for (const auto& f : t.fields) {
            nlohmann::json field = {{"name", f.name}, {"type", field_type(f.name)}, {"required", f.required},
                                    {"max", f.max_chars}};
            if (!f.part_max.empty()) field["max"] = f.part_max;
            if (f.max_entries > 0) field["entries"] = f.max_entries;
            if (!f.sample.empty()) field["sample"] = sample_json(YAML::Load(f.sample));
            fields.push_back(field);
        }
        out.push_back({{"id", t.id}, {"name", t.name}, {"name_en", t.name_en}, {"description", t.description},
                       {"description_en", t.description_en}, {"formats", t.formats},
                       {"duration", double(t.video.duration) / kVideoFps}, {"fields", fields}});
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

}  // namespace

// The batch's arguments, checked: a bad --week or --shard is a usage error before anything runs.
BatchRequest batch_request(const std::string& dir, const std::string& week, const std::string& out,
                           int jobs, const std::string& shard) {
    BatchRequest request;
    request.dir = dir;
    request.out_dir = out;
    if (week.empty()) {
        request.week = current_week();
    } else if (auto parsed = parse_iso_week(week)) {
        request.week = *parsed;
    } else {
        throw SpecError({"--week", 0, 0}, "'" + excerpt(week) + "' is not an ISO week",
                        "write YYYY-Www, e.g. 2024-W27");
    }
    if (jobs < 1 || jobs > 64)
        throw SpecError({"-j", 0, 0}, "the number of jobs must be between 1 and 64");
    request.jobs = jobs;
    if (!shard.empty()) {
        static const std::regex form(R"((\d{1,4})/(\d{1,4}))");
        std::smatch m;
        if (!std::regex_match(shard, m, form) || std::stoi(m[1]) < 1 || std::stoi(m[1]) > std::stoi(m[2]))
            throw SpecError({"--shard", 0, 0}, "'" + excerpt(shard) + "' is not a share I/N",
                            "write e.g. 2/4 for the second of four shares");
        request.shard = std::stoi(m[1]);
        request.shard_count = std::stoi(m[2]);
    }
    return request;
}

int run_batch_command(BatchRequest request, bool json) {
    Progress progress(std::cerr, progress_mode(STDERR_FILENO, json), "batch", "posts");
    request.progress = &progress;
    // Each post as `rupa render SPEC -o OUTDIR` (one row of a sheet: `--row N`) would render it.
    RenderRequest options;
    options.out_dir = request.out_dir;
    auto render_post = [&options](const PostOutcome& post) {
        return run_render({post.spec.string()}, options, false, post.row ? post.row->row : 0);
    };
    BatchReport report = run_batch(request, render_post);
    if (json) {
        std::ifstream in(report.report);
        std::cout << in.rdbuf();
    } else {
        for (const auto& post : report.posts)
            std::cout << std::left << std::setw(12) << status_name(post.status) << terminal_safe(post.name()) << "\n";
        std::cout << "week " << to_string(report.week) << ": " << report.posts.size() << " posts, "
                  << report.undated.size() << " undated, " << report.other_weeks << " in other weeks\n";
        if (!report.contact_sheet.empty()) std::cout << report.contact_sheet.string() << "\n";
        std::cout << report.report.string() << "\n";
    }
    for (const auto& post : report.posts)
        if (post.status == PostStatus::failed) std::cerr << terminal_safe(post.error) << "\n";
    return report.any_failed() ? kExitPartial : kExitOk;
}

int run_cli(int argc, char** argv) {
    CLI::App app{"rupa: content spec -> social-media graphics in every platform size", "rupa"};
    app.set_version_flag("--version", std::string("rupa ") + RUPA_VERSION);
    app.require_subcommand(1);

    RenderRequest request;
    std::string formats;
    bool json = false;
    std::vector<std::string> inputs;
    CLI::App* render = app.add_subcommand("render", "Render posts into every format they ask for");
    render->add_option("INPUT", inputs, "specs (.yaml), spreadsheets of posts (.csv), or folders of them")->required();
    int only_row = 0;
    // Not in --help: how `rupa batch` renders one post of a sheet in a process of its own.
    render->add_option("--row", only_row)->group("");
    render->add_option("-o,--output", request.out_dir, "output folder (default: out)");
    render->add_option("--formats", formats,
                       "comma-separated format ids or platforms (default: the spec's own)");
    render->add_flag("--strict", request.strict, "treat warnings as errors");
    render->add_flag("--json", json, "print the report (render.json) instead of the file list");

    std::string batch_dir, week, shard;
    std::string batch_out = "out";
    int jobs = 1;
    CLI::App* batch = app.add_subcommand("batch", "Render every spec under DIR dated in one ISO week");
    batch->add_option("DIR", batch_dir, "the folder of specs (searched with its subfolders)")->required();
    batch->add_option("--week", week, "YYYY-Www (default: this week)");
    batch->add_option("-o,--output", batch_out, "output folder (default: out)");
    batch->add_option("-j", jobs, "renders at a time (default: 1)");
    batch->add_option("--shard", shard, "I/N: render only the I-th of N shares; assemble nothing");
    batch->add_flag("--json", json, "print the report (report.json) instead of a summary");

    std::vector<std::string> files;
    CLI::App* validate = app.add_subcommand("validate", "Check specs, templates or brand kits; render nothing");
    validate->add_option("FILE", files, "specs, templates or brand kits: files or folders")->required();
    validate->add_flag("--json", json, "print the errors and warnings as JSON, and nothing else");

    PreviewRequest preview_request;
    bool watch = false;
    CLI::App* preview = app.add_subcommand("preview", "Draw every format of a template with its sample content and guides");
    preview->add_option("TEMPLATE", preview_request.template_name, "an installed template, or a template's folder")->required();
    preview->add_option("-o,--output", preview_request.out_dir, "output folder (default: out); files go to OUTDIR/preview-TEMPLATE/");
    preview->add_option("--brand", preview_request.brand, "a brand kit (default: the template's own)");
    preview->add_flag("--watch", watch, "draw again whenever the template, brand kit or a sample photo changes");

    CLI::App* templates = app.add_subcommand("templates", "List the installed templates and their fields");
    templates->add_flag("--json", json, "as JSON");
    CLI::App* format_list = app.add_subcommand("formats", "List the output formats");
    format_list->add_flag("--json", json, "as JSON");
    // Not in --help: writes schemas/<kind>.schema.json afresh (scripts/update-schemas.sh).
    std::string schema_kind;
    CLI::App* schema = app.add_subcommand("schema", "Print the JSON Schema of a spec, template or brand kit")->group("");
    schema->add_option("KIND", schema_kind, "spec, template or brand")->required()->check(CLI::IsMember(schema_kinds()));

    BrandNewOptions brand_new;
    CLI::App* brand_new_command = add_brand_command(app, brand_new);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
        std::cerr << "rupa: error: " << terminal_safe(e.what()) << " (see 'rupa --help')\n";
        return kExitInvalid;
    }

    try {
        if (*render) {
            request.formats = split_list(formats);
            return run_render(inputs, request, json, only_row);
        }
        if (*preview) return run_preview(preview_request, watch);
        if (*batch) return run_batch_command(batch_request(batch_dir, week, batch_out, jobs, shard), json);
        if (*validate) return run_validate(files, json);
        if (*templates) return run_templates(json);
        if (*format_list) return run_formats(json);
        if (*schema) {
            std::cout << json_schema(schema_kind);
            return kExitOk;
        }
        if (*brand_new_command) return run_brand_new(brand_new);
    } catch (const SpecError& e) {
        std::cerr << terminal_safe(e.what()) << "\n";
        return kExitInvalid;
    } catch (const InstallationError& e) {
        // rupa's own files are missing: nothing was written, and the message says to reinstall.
        std::cerr << "rupa: error: " << terminal_safe(e.what()) << "\n";
        return kExitInvalid;
    } catch (const OutputError& e) {
        // The output folder cannot be used (-o names a file, no permission, a symlink in it):
        // a usage error, found before anything was written.
        std::cerr << "rupa: error: " << terminal_safe(e.what()) << "\n";
        return kExitInvalid;
    } catch (const std::exception& e) {
        std::cerr << "rupa: error: " << terminal_safe(e.what()) << "\n";
        return kExitPartial;
    }
    return kExitInvalid;
}

}  // namespace rupa
