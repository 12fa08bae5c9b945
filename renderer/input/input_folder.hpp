// The inputs a folder holds, for the commands that take a folder (render, validate, batch):
// the files with the given extensions under it and its subfolders, hidden folders and the
// output folder left out, sorted so that runs and shards agree on the order.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace rupa {

struct InputSearch {
    std::vector<std::string> extensions;      // ".yaml", ".yml", ".csv"
    bool kits = false;                         // also template.yaml and brand.yaml files
    std::filesystem::path skip;                // a folder not to enter (OUTDIR); empty for none
};

// Throws SpecError naming the folder when it cannot be read.
std::vector<std::filesystem::path> find_inputs(const std::filesystem::path& folder, const InputSearch& search);

// Whether `file` is a template's or brand kit's own YAML file (template.yaml, brand.yaml).
bool is_kit_file(const std::filesystem::path& file);

}  // namespace rupa
