// Finding templates, brand kits and fonts on disk, with no environment variable: beside the
// source tree for a build directory, under PREFIX/share/rupa once installed.
#pragma once

#include "spec/source_mark.hpp"
#include "template/brand.hpp"
#include "template/template.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace rupa {

struct DataDirs {
    std::filesystem::path templates;
    std::filesystem::path brands;
    std::filesystem::path fonts;
};

const DataDirs& data_dirs();

// `name` is an installed id or a path to a folder or YAML file; `where` is the spec value
// that named it, for errors.
Template load_template(const std::string& name, const SourceMark& where);
Brand load_brand(const std::string& name, const SourceMark& where);

std::vector<std::string> installed_template_ids();
std::vector<std::string> installed_brand_ids();

}  // namespace rupa
