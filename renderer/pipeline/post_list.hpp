// What `rupa render INPUT...` renders: each input expanded into its posts (a spec is one
// post, a spreadsheet of posts one per row, a folder every spec and sheet under it), each
// with the folder it renders into, checked for two posts that would share a folder before
// anything renders.
#pragma once

#include "spec/diagnostics.hpp"
#include "spec/post_sheet.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace rupa {

struct PostInput {
    std::filesystem::path file;  // the spec, as named or found
    std::string name;            // how messages name the post
    std::string folder;          // its output folder's name under OUTDIR
    std::shared_ptr<const SheetRow> row;  // a row of a sheet; null for a spec
};


// Throws one SpecError listing every folder that cannot be read or holds no spec, every sheet
// that cannot be read, and every post that renders into the folder of an earlier one;
// `out_dir` is not searched. `only_row` > 0 keeps only that row of each sheet. A sheet's
// columns that are not post fields are warned about in `warnings`.
std::vector<PostInput> collect_posts(const std::vector<std::string>& inputs, const std::filesystem::path& out_dir,
                                     Diagnostics& warnings, int only_row = 0);

}  // namespace rupa
