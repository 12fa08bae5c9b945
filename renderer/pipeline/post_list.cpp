// Expanding the inputs of a render into posts.
#include "pipeline/post_list.hpp"

#include "input/input_folder.hpp"
#include "spec/spec_error.hpp"

#include <map>

namespace rupa {

namespace fs = std::filesystem;

namespace {

void add_folder(const fs::path& folder, const fs::path& out_dir, std::vector<PostInput>& posts) {
    std::vector<fs::path> found = find_inputs(folder, {{".yaml", ".yml"}, false, out_dir});
    if (found.empty())
        throw SpecError({folder.string(), 0, 0}, "the folder holds no spec", "name a .yaml file, or a folder that holds some");
    for (const fs::path& file : found) posts.push_back({file, file.string(), file.stem().string()});
}

// The same file named twice (itself and inside a folder named too) is one post.
bool same_file(const PostInput& a, const PostInput& b) {
    std::error_code ec;
    return fs::equivalent(a.file, b.file, ec);
}

}  // namespace

std::vector<PostInput> collect_posts(const std::vector<std::string>& inputs, const fs::path& out_dir) {
    SpecProblems problems;
    std::vector<PostInput> found;
    for (const std::string& input : inputs) {
        std::error_code ec;
        if (fs::is_directory(input, ec)) problems.attempt([&] { add_folder(input, out_dir, found); });
        else found.push_back({input, input, fs::path(input).stem().string()});
    }
    std::vector<PostInput> posts;
    std::map<std::string, const PostInput*> owner;
    for (const PostInput& post : found) {
        auto seen = owner.find(post.folder);
        if (seen != owner.end() && same_file(*seen->second, post)) continue;
        if (seen != owner.end()) {
            problems.add({{post.name, 0, 0},
                          "renders into the same folder '" + (out_dir / post.folder).string() + "' as " + seen->second->name,
                          "rename one of the two files, or render them into different folders with -o"});
            continue;
        }
        posts.push_back(post);
        owner[post.folder] = &post;  // points into `found`, which no longer changes
    }
    problems.throw_if_any();
    return posts;
}

}  // namespace rupa
