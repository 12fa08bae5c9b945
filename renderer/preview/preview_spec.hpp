// A template's own sample content as a spec: what `rupa preview` renders. Every field with
// a `sample:` is filled with it; a photo sample names a file in the template's folder or
// among the shared preview photos (templates/photos/), and a required photo field without
// one gets a shared photo. The spec asks for every still format the template lists and
// every video format it plays.
#pragma once

#include "spec/spec_reader.hpp"
#include "template/brand.hpp"
#include "template/template.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace rupa {

struct PreviewSpec {
    Template tmpl;
    Brand brand;
    SpecDocument document;
    std::vector<std::filesystem::path> photos;  // the sample photos it shows
};

// `template_name` and `brand_name` as given on the command line (an installed id or a path;
// an empty brand: the template's default). Throws SpecError for an unknown or invalid
// template or brand, a required field without a sample, or a sample photo not found.
PreviewSpec preview_spec(const std::string& template_name, const std::string& brand_name);

// Where the shared preview photos are.
std::filesystem::path shared_photo_folder();

}  // namespace rupa
