// `rupa validate`: each input read and checked as render would, its errors and warnings
// gathered per file, then printed for a person or as one JSON document.
#include "cli/validate_command.hpp"

#include "cli/terminal.hpp"
#include "input/input_folder.hpp"
#include "pipeline/design_check.hpp"
#include "pipeline/render_job.hpp"
#include "spec/spec_error.hpp"
#include "spec/yaml_source.hpp"
#include "template/template_reader.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>

namespace rupa {

namespace fs = std::filesystem;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitPartial = 1;
constexpr int kExitInvalid = 2;

// One file's findings.
struct CheckedFile {
    std::string file;
    std::string kind;                  // "spec", "sheet", "template" or "brand"
    std::vector<SpecProblem> errors;   // invalid input
    Diagnostics diagnostics;           // warnings, and formats whose content does not fit

    int status() const {
        if (!errors.empty()) return kExitInvalid;
        for (const auto& w : diagnostics.warnings())
            if (w.error) return kExitPartial;  // that format's render would fail
        return kExitOk;
    }
    size_t warning_count() const {
        return size_t(std::count_if(diagnostics.warnings().begin(), diagnostics.warnings().end(),
                                    [](const Warning& w) { return !w.error; }));
    }
};

// A file is a template when it is named template.yaml or has layouts, a brand kit when it
// is named brand.yaml or has colours, else a spec.
std::string kind_of(const std::string& file) {
    if (is_post_sheet(file)) return "sheet";
    std::string name = fs::path(file).filename().string();
    if (name == "template.yaml") return "template";
    if (name == "brand.yaml") return "brand";
    try {
        YamlSource source = load_yaml(file, file);
        if (source.root.IsMap() && source.root["layouts"]) return "template";
        if (source.root.IsMap() && source.root["colors"]) return "brand";
    } catch (const SpecError&) {
        // reported when the file is checked as a spec
    }
    return "spec";
}

// Lays out one post as render would, without drawing it to a file.
void check_post(RenderRequest request, CheckedFile& checked) {
    try {
        paint_plan(plan_render(request, checked.diagnostics), checked.diagnostics);
    } catch (const SpecError& e) {
        checked.errors.insert(checked.errors.end(), e.problems().begin(), e.problems().end());
    }
}

// Every row of a sheet is checked; one row's errors do not hide the next row's.
void check_sheet(const std::string& file, CheckedFile& checked) {
    PostSheet sheet = read_post_sheet(file, file);
    for (const Warning& w : sheet.warnings) checked.diagnostics.warn(w);
    for (SheetRow& row : sheet.rows) {
        RenderRequest request;
        request.spec_file = file;
        request.row = std::make_shared<const SheetRow>(std::move(row));
        check_post(request, checked);
    }
}

CheckedFile check_file(const std::string& file) {
    CheckedFile checked{file, kind_of(file), {}, {}};
    try {
        if (checked.kind == "sheet") {
            check_sheet(file, checked);
        } else if (checked.kind == "template") {
            check_template_design(read_template(file, file), checked.errors, checked.diagnostics);
        } else if (checked.kind == "brand") {
            Brand brand = read_brand(file, file);
            check_brand(brand);
            check_brand_colours(brand, checked.diagnostics);
        } else {
            RenderRequest request;
            request.spec_file = file;
            check_post(request, checked);
        }
    } catch (const SpecError& e) {
        checked.errors = e.problems();
    }
    return checked;
}

// The files an input names: itself, or a folder's template or brand kit, or every spec,
// template and brand kit under the folder.
std::vector<std::string> files_of(const std::string& input) {
    std::error_code ec;
    if (!fs::is_directory(input, ec)) return {input};
    for (const char* own : {"template.yaml", "brand.yaml"})
        if (fs::exists(fs::path(input) / own, ec)) return {(fs::path(input) / own).string()};
    std::vector<std::string> files;
    for (const auto& path : find_inputs(input, {{".yaml", ".yml", ".csv", ".CSV"}, true, {}})) files.push_back(path.string());
    if (files.empty())
        throw SpecError({input, 0, 0}, "the folder holds no spec, template or brand kit",
                        "name a .yaml file, or a folder that holds some");
    return files;
}

nlohmann::json located(const SourceMark& where) {
    return {{"file", where.file}, {"line", where.line}, {"col", where.column}};
}

nlohmann::json to_json(const CheckedFile& checked) {
    nlohmann::json errors = nlohmann::json::array(), warnings = nlohmann::json::array();
    for (const auto& p : checked.errors) {
        nlohmann::json e = located(p.where);
        e.update({{"code", "invalid-input"}, {"message", p.what}, {"hint", p.hint}});
        errors.push_back(e);
    }
    for (const auto& w : checked.diagnostics.warnings()) {
        nlohmann::json e = located(w.where);
        e.update({{"code", w.code}, {"message", w.message}, {"format", w.format}});
        (w.error ? errors : warnings).push_back(e);
    }
    static const char* kStatus[] = {"ok", "does-not-fit", "invalid"};
    return {{"file", checked.file}, {"kind", checked.kind}, {"status", kStatus[checked.status()]},
            {"errors", errors}, {"warnings", warnings}};
}

void print_text(const CheckedFile& checked) {
    // As render reports them: at most 20, then how many more.
    if (!checked.errors.empty()) std::cerr << terminal_safe(SpecError(checked.errors).what()) << "\n";
    print_warnings(checked.diagnostics);
    if (checked.status() != kExitOk) return;
    size_t warnings = checked.warning_count();
    std::cout << terminal_safe(checked.file) << ": ok"
              << (warnings ? " (" + counted(warnings, "warning") + ")" : "") << "\n";
}

}  // namespace

int run_validate(const std::vector<std::string>& inputs, bool json) {
    int status = kExitOk;
    nlohmann::json files = nlohmann::json::array();
    size_t errors = 0, warnings = 0;
    for (const auto& input : inputs) {
        std::vector<CheckedFile> checked;
        try {
            for (const auto& file : files_of(input)) checked.push_back(check_file(file));
        } catch (const SpecError& e) {
            checked.push_back({input, "folder", e.problems(), {}});
        }
        for (const auto& one : checked) {
            status = std::max(status, one.status());
            errors += one.errors.size() + (one.diagnostics.warnings().size() - one.warning_count());
            warnings += one.warning_count();
            if (json) files.push_back(to_json(one));
            else print_text(one);
        }
    }
    if (json)
        std::cout << nlohmann::json{{"status", status}, {"errors", errors}, {"warnings", warnings}, {"files", files}}.dump(2)
                  << "\n";
    return status;
}

}  // namespace rupa
