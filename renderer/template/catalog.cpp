// Locating the data folders and resolving template and brand names.
#include "template/catalog.hpp"

#include "spec/confined_path.hpp"
#include "spec/spec_error.hpp"
#include "spec/yaml_source.hpp"
#include "template/template_reader.hpp"

#include <algorithm>
#include <unistd.h>

#ifndef RUPA_SOURCE_DIR
#define RUPA_SOURCE_DIR "."
#endif
#ifndef RUPA_DATA_INSTALL_DIR
#define RUPA_DATA_INSTALL_DIR "/usr/local/share/rupa"
#endif

namespace rupa {

namespace fs = std::filesystem;

namespace {

fs::path executable_dir() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path{} : exe.parent_path();
}

// The first folder holding templates/: the install prefix relative to the binary (so an
// installed tree can be moved), then the source tree the binary was built from (so a
// build directory never picks up an older installed copy), then the configured install
// folder.
fs::path find_data_root() {
    std::vector<fs::path> candidates;
    fs::path exe_dir = executable_dir();
    if (!exe_dir.empty()) candidates.push_back(exe_dir.parent_path() / "share" / "rupa");
    candidates.emplace_back(RUPA_SOURCE_DIR);
    candidates.emplace_back(RUPA_DATA_INSTALL_DIR);
    for (const auto& dir : candidates) {
        std::error_code ec;
        if (fs::is_directory(dir / "templates", ec) && fs::is_directory(dir / "fonts", ec))
            return dir;
    }
    return RUPA_SOURCE_DIR;
}

// Installed files are named relative to the working folder when they are below it, else
// by their full path ("../../usr/share/..." helps nobody).
std::string shown_path(const fs::path& path) {
    std::error_code ec;
    fs::path relative = fs::proximate(path, fs::current_path(ec), ec);
    if (ec || relative.empty() || *relative.begin() == "..") return fs::weakly_canonical(path, ec).string();
    return relative.string();
}

bool looks_like_path(const std::string& name) {
    return name.find('/') != std::string::npos || name.ends_with(".yaml");
}

std::vector<std::string> ids_in(const fs::path& dir, const std::string& file_name) {
    std::vector<std::string> ids;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (fs::exists(entry.path() / file_name, ec)) ids.push_back(entry.path().filename().string());
    std::sort(ids.begin(), ids.end());
    return ids;
}

fs::path resolve(const std::string& name, const fs::path& installed_dir, const std::string& file_name,
                 const std::vector<std::string>& installed, const std::string& what,
                 const SourceMark& where) {
    if (looks_like_path(name)) {
        // Confined like a spec's photos: a shared spec must not load YAML from anywhere.
        fs::path folder = fs::path(where.file).parent_path();
        PathScope scope{folder.empty() ? fs::path(".") : folder, "the spec's folder",
                        what == "template"
                            ? "put the template folder beside the spec, or install it under templates/"
                            : "put the brand kit folder beside the spec, or install it under templates/brands/"};
        fs::path path = confined_path(scope, name, where, what);
        // The file in the folder is confined to the folder too: a template.yaml that is a
        // symlink to /etc/passwd or /dev/zero is not read.
        if (fs::is_directory(path))
            path = confined_path({path, "its " + what + " folder", "put the file itself in the folder"}, file_name,
                                 where, what);
        if (!fs::exists(path))
            throw SpecError(where, "cannot find " + what + " '" + excerpt(name) + "'",
                            "paths are relative to the spec's folder");
        return path;
    }
    // Ids are matched ignoring case ("Event" is 'event'), as every name in a spec is.
    std::string id = std::find(installed.begin(), installed.end(), name) != installed.end()
                         ? name
                         : same_ignoring_case(name, installed);
    if (id.empty()) {
        std::string guess = nearest_word(name, installed);
        throw SpecError(where, "unknown " + what + " '" + excerpt(name) + "'",
                        guess.empty() ? "installed: " + join(installed, ", ")
                                      : "did you mean '" + guess + "'?");
    }
    return installed_dir / id / file_name;
}

}  // namespace

const DataDirs& data_dirs() {
    static const DataDirs dirs = [] {
        fs::path root = find_data_root();
        return DataDirs{root / "templates", root / "templates" / "brands", root / "fonts"};
    }();
    return dirs;
}

std::vector<std::string> installed_template_ids() {
    return ids_in(data_dirs().templates, "template.yaml");
}

std::vector<std::string> installed_brand_ids() {
    return ids_in(data_dirs().brands, "brand.yaml");
}

Template load_template(const std::string& name, const SourceMark& where) {
    fs::path file = resolve(name, data_dirs().templates, "template.yaml", installed_template_ids(),
                            "template", where);
    return read_template(file, shown_path(file));
}

Brand load_brand(const std::string& name, const SourceMark& where) {
    fs::path file = resolve(name, data_dirs().brands, "brand.yaml", installed_brand_ids(), "brand",
                            where);
    return read_brand(file, shown_path(file));
}

}  // namespace rupa
