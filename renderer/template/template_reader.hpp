// template.yaml -> Template, and brand.yaml -> Brand. Designers' YAML, checked as strictly
// as an admin's spec: unknown keys, unknown tokens and missing layouts are errors.
#pragma once

#include "template/brand.hpp"
#include "template/template.hpp"

#include <filesystem>
#include <string>

namespace rupa {

Template read_template(const std::filesystem::path& file, const std::string& display_name);
Brand read_brand(const std::filesystem::path& file, const std::string& display_name);

}  // namespace rupa
