// What `rupa render INPUT...` renders: each input expanded into its posts (a spec is one
// post, a folder every spec under it), each with the folder it renders into, checked for
// two posts that would share a folder before anything renders.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace rupa {

struct PostInput {
    std::filesystem::path file;  // the spec, as named or found
    std::string name;            // how messages name the post
    std::string folder;          // its output folder's name under OUTDIR
};

// Throws one SpecError listing every folder that cannot be read or holds no spec, and every
// post that renders into the folder of an earlier one; `out_dir` is not searched.
std::vector<PostInput> collect_posts(const std::vector<std::string>& inputs, const std::filesystem::path& out_dir);

}  // namespace rupa
