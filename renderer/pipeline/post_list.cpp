// Expanding the inputs of a render into posts.
#include "pipeline/post_list.hpp"

#include "input/input_folder.hpp"
#include "spec/spec_error.hpp"
#include "spec/yaml_source.hpp"

#include <map>

namespace rupa {

namespace fs = std::filesystem;

namespace {

// A spec is one post; a sheet, one post per row.
void add_file(const fs::path& file, int only_row, std::vector<PostInput>& posts, Diagnostics& warnings) {
    if (!is_post_sheet(file)) {
        posts.push_back({file, file.string(), file.stem().string(), nullptr});
        return;
    }
    PostSheet sheet = read_post_sheet(file, file.string());
    for (const Warning& w : sheet.warnings) warnings.warn(w);
    for (SheetRow& row : sheet.rows) {
        if (only_row > 0 && row.row != only_row) continue;
        auto shared = std::make_shared<const SheetRow>(std::move(row));
        posts.push_back({file, shared->name(), shared->folder, shared});
    }
}

void add_folder(const fs::path& folder, const fs::path& out_dir, int only_row, std::vector<PostInput>& posts,
                Diagnostics& warnings) {
    std::vector<fs::path> found = find_inputs(folder, {{".yaml", ".yml", ".csv", ".CSV"}, false, out_dir});
    if (found.empty())
        throw SpecError({folder.string(), 0, 0}, "the folder holds no spec",
                        "name a .yaml or .csv file, or a folder that holds some");
    SpecProblems problems;
    for (const fs::path& file : found) problems.attempt([&] { add_file(file, only_row, posts, warnings); });
    problems.throw_if_any();
}

// The same file named twice (itself and inside a folder named too) is one post.
bool same_post(const PostInput& a, const PostInput& b) {
    std::error_code ec;
    return (a.row ? a.row->row : 0) == (b.row ? b.row->row : 0) && fs::equivalent(a.file, b.file, ec);
}

// `post` would render into the folder of `first`: reported at the post's file, or at its row's
// 'file' cell.
SpecProblem shared_folder(const PostInput& post, const PostInput& first, const fs::path& out_dir) {
    std::string what = "renders into the same folder '" + (out_dir / post.folder).string() + "' as " + first.name;
    if (!post.row) return {{post.name, 0, 0}, what, "rename one of the two files, or render them into different folders with -o"};
    auto cell = post.row->cells.find("file");
    SourceMark where = cell != post.row->cells.end() ? cell->second : SourceMark{post.row->display_name, post.row->row, 1};
    return {where, what, "give each row its own 'file'"};
}

}  // namespace

std::vector<PostInput> collect_posts(const std::vector<std::string>& inputs, const fs::path& out_dir,
                                     Diagnostics& warnings, int only_row) {
    SpecProblems problems;
    std::vector<PostInput> found;
    for (const std::string& input : inputs) {
        std::error_code ec;
        problems.attempt([&] {
            if (fs::is_directory(input, ec)) add_folder(input, out_dir, only_row, found, warnings);
            else add_file(input, only_row, found, warnings);
        });
    }
    std::vector<PostInput> posts;
    std::map<std::string, const PostInput*> owner;
    for (const PostInput& post : found) {
        if (post.folder.empty()) {  // a row whose 'file' cell is refused: its own error
            posts.push_back(post);
            continue;
        }
        auto seen = owner.find(post.folder);
        if (seen != owner.end() && same_post(*seen->second, post)) continue;
        if (seen != owner.end()) {
            problems.add(shared_folder(post, *seen->second, out_dir));
            continue;
        }
        posts.push_back(post);
        owner[post.folder] = &post;  // points into `found`, which no longer changes
    }
    problems.throw_if_any();
    return posts;
}

}  // namespace rupa
