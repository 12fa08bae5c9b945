// `rupa render`: the posts of every input, each rendered on its own and reported as it is done.
#include "cli/render_command.hpp"

#include "cli/terminal.hpp"
#include "output/atomic_file.hpp"
#include "output/progress.hpp"
#include "pipeline/post_list.hpp"
#include "spec/spec_error.hpp"
#include "spec/yaml_source.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <optional>

#include <unistd.h>

namespace rupa {

namespace {

enum class Outcome { rendered, partial, invalid };

struct PostReport {
    Outcome outcome = Outcome::rendered;
    nlohmann::json json;  // its render.json, or its errors
};

nlohmann::json errors_json(const PostInput& post, const std::vector<SpecProblem>& problems) {
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& p : problems)
        errors.push_back({{"file", p.where.file}, {"line", p.where.line}, {"col", p.where.column},
                          {"message", p.what}, {"hint", p.hint}});
    return {{"spec", post.name}, {"errors", errors}};
}

// Renders one post and prints what it wrote (or its report) and what failed, in the place of
// the live line of `posts` (when there is one).
PostReport render_post(const PostInput& post, RenderRequest request, bool json, Progress* posts) {
    request.spec_file = post.file;
    request.row = post.row;
    request.progress = progress_mode(STDERR_FILENO, json);
    try {
        RenderResult result = render_spec(request);
        if (posts) posts->clear();
        print_warnings(result.diagnostics);
        if (!json)
            for (const auto& f : result.files) std::cout << terminal_safe(f.path.string()) << "\n";
        for (const auto& failed : result.failed)
            std::cerr << terminal_safe(post.name) << ": error: could not render '" << failed << "'\n";
        std::ifstream report(result.folder / "render.json");
        return {result.failed.empty() ? Outcome::rendered : Outcome::partial,
                nlohmann::json::parse(report, nullptr, false)};
    } catch (const SpecError& e) {
        if (posts) posts->clear();
        std::cerr << terminal_safe(e.what()) << "\n";
        return {Outcome::invalid, errors_json(post, e.problems())};
    } catch (const OutputError& e) {
        // This post's folder cannot be used (a symlink planted in OUTDIR): nothing written.
        if (posts) posts->clear();
        std::cerr << "rupa: error: " << terminal_safe(e.what()) << "\n";
        std::vector<SpecProblem> problems;
        problems.push_back(SpecProblem{SourceMark{post.name, 0, 0}, e.what(), ""});
        return {Outcome::invalid, errors_json(post, problems)};
    }
}

}  // namespace

int run_render(const std::vector<std::string>& inputs, const RenderRequest& options, bool json, int only_row) {
    Diagnostics sheet_warnings;
    std::vector<PostInput> posts = collect_posts(inputs, options.out_dir, sheet_warnings, only_row);
    print_warnings(sheet_warnings);
    std::vector<PostReport> reports;
    std::vector<std::string> failed;
    bool any_written = false;
    // Several posts: how many are done, on standard error (a long video adds its own line of
    // frames while it encodes).
    std::optional<Progress> progress;
    if (posts.size() > 1) progress.emplace(std::cerr, progress_mode(STDERR_FILENO, json), "render", "posts");
    for (size_t i = 0; i < posts.size(); ++i) {
        const PostInput& post = posts[i];
        if (progress) progress->update(long(i), long(posts.size()), terminal_safe(post.name));
        reports.push_back(render_post(post, options, json, progress ? &*progress : nullptr));
        if (reports.back().outcome != Outcome::invalid) any_written = true;
        if (reports.back().outcome != Outcome::rendered) failed.push_back(post.name);
        if (progress && i + 1 == posts.size()) progress->update(long(posts.size()), long(posts.size()));
    }
    if (progress) progress->end();
    if (json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& r : reports) out.push_back(r.json);
        std::cout << (reports.size() == 1 ? reports.front().json : out).dump(2) << "\n";
    }
    if (posts.size() > 1 && !failed.empty())
        std::cerr << "rupa: " << failed.size() << " of " << counted(posts.size(), "post")
                  << " not rendered whole: " << terminal_safe(join(failed, ", ")) << "\n";
    if (failed.empty()) return 0;
    return any_written ? 1 : 2;
}

}  // namespace rupa
