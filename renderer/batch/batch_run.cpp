// The weekly batch: find, select, fingerprint, render in child processes, assemble.
#include "batch/batch_run.hpp"

#include "batch/contact_sheet.hpp"
#include "batch/highlights.hpp"
#include "batch/input_fingerprint.hpp"
#include "input/input_folder.hpp"
#include "output/atomic_file.hpp"
#include "pipeline/render_job.hpp"
#include "spec/spec_error.hpp"
#include "spec/spec_reader.hpp"
#include "spec/yaml_source.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <fstream>
#include <iostream>
#include <map>
#include <signal.h>
#include <sstream>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace rupa {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

// Fingerprints and render logs, kept out of the posts' own folders (which admins upload).
fs::path state_dir(const BatchRequest& request) { return request.out_dir / ".rupa-batch"; }

// Every YAML file under the folder that may be a spec (not a template or brand kit) and every
// spreadsheet of posts, not in a hidden folder, not in the output folder.
// DIR/highlights.yaml is the highlights' settings, not a post.
std::vector<fs::path> find_specs(const BatchRequest& request) {
    std::vector<fs::path> found = find_inputs(request.dir, {{".yaml", ".yml", ".csv", ".CSV"}, false, request.out_dir});
    std::erase_if(found, [&](const fs::path& file) {
        return file.filename() == kHighlightsFile && file.parent_path() == request.dir;
    });
    return found;
}

// What names a post in the report and the contact sheet: its title, else what it says.
std::string headline(const Spec& spec) {
    const Content& c = spec.content;
    if (c.has("title")) return c.text("title");
    if (c.quote && !c.quote->text.empty()) return c.quote->text;
    if (c.has("claim")) return c.text("claim");
    return spec.stem;
}

// The content.date of a spec that does not read as a whole, when that much of it does.
std::optional<CalendarDate> readable_date(const fs::path& file) {
    try {
        YamlSource source = load_yaml(file, file.string());
        const YAML::Node& root = source.root;
        if (!root.IsMap() || !root["content"] || !root["content"].IsMap()) return std::nullopt;
        const YAML::Node date = root["content"]["date"];
        if (!date || !date.IsScalar()) return std::nullopt;
        return parse_date(date.Scalar(), source.mark(date), "date");
    } catch (const SpecError&) {
        return std::nullopt;
    }
}

// Files a post by its date: into the week, another week, or undated. False when it is not
// one of the week's posts.
bool in_week(const BatchRequest& request, const Spec& spec, PostOutcome& post, BatchReport& report) {
    if (!spec.content.date) {
        report.undated.push_back(post.row ? fs::path(post.name()) : post.spec);
        return false;
    }
    post.date = spec.content.date->value;
    post.title = headline(spec);
    if (week_of(*post.date) == request.week) return true;
    ++report.other_weeks;
    return false;
}

// A broken post of another week (an old post whose photo was since moved) is not this
// week's problem, when its date can still be read.
bool of_other_week(const BatchRequest& request, const std::optional<CalendarDate>& date) {
    return date && !(week_of(*date) == request.week);
}

// The rows of a sheet, each a post of its own.
void select_rows(const BatchRequest& request, const fs::path& file, std::vector<PostOutcome>& week,
                 std::vector<PostOutcome>& broken, BatchReport& report) {
    PostSheet sheet;
    try {
        sheet = read_post_sheet(file, file.string());
    } catch (const SpecError& e) {
        broken.push_back({file, nullptr, file.stem().string(), std::nullopt, "", PostStatus::failed, e.what(), 0});
        return;
    }
    for (SheetRow& row : sheet.rows) {
        PostOutcome post;
        post.spec = file;
        post.output = row.folder;
        post.row = std::make_shared<const SheetRow>(std::move(row));
        try {
            SpecProblems problems;
            Spec spec = read_sheet_row(*post.row, problems);
            problems.throw_if_any();
            if (in_week(request, spec, post, report)) week.push_back(post);
        } catch (const SpecError& e) {
            if (of_other_week(request, post.row->date)) {
                ++report.other_weeks;
                continue;
            }
            post.status = PostStatus::failed;
            post.error = e.what();
            broken.push_back(post);
        }
    }
}

// Reads each spec for its date: the week's posts, sorted by date then path, and the rest.
void select_posts(const BatchRequest& request, const std::vector<fs::path>& specs, BatchReport& report) {
    std::vector<PostOutcome> in_week_posts, broken;
    for (const fs::path& file : specs) {
        if (is_post_sheet(file)) {
            select_rows(request, file, in_week_posts, broken, report);
            continue;
        }
        PostOutcome post;
        post.spec = file;
        post.output = file.stem().string();
        try {
            if (in_week(request, read_spec(file), post, report)) in_week_posts.push_back(post);
        } catch (const SpecError& e) {
            if (of_other_week(request, readable_date(file))) {
                ++report.other_weeks;
                continue;
            }
            post.status = PostStatus::failed;
            post.error = e.what();
            broken.push_back(post);
        }
    }
    auto by_date = [](const PostOutcome& a, const PostOutcome& b) {
        auto key = [](const PostOutcome& p) { return std::tuple(p.date->year, p.date->month, p.date->day); };
        auto row = [](const PostOutcome& p) { return p.row ? p.row->row : 0; };
        return key(a) != key(b) ? key(a) < key(b) : a.spec != b.spec ? a.spec < b.spec : row(a) < row(b);
    };
    std::vector<PostOutcome>& in_week = in_week_posts;
    std::stable_sort(in_week.begin(), in_week.end(), by_date);
    // Two specs with one stem would render into one folder.
    std::map<std::string, std::string> owner;
    for (PostOutcome& post : in_week) {
        auto [first, fresh] = owner.emplace(post.output, post.name());
        if (fresh) continue;
        post.status = PostStatus::failed;
        post.error = post.name() + ": error: renders into the same folder '" + post.output + "' as " + first->second +
                     (post.row ? " (give each row its own 'file')" : " (rename one of the two files)");
    }
    report.posts = std::move(in_week);
    report.posts.insert(report.posts.end(), broken.begin(), broken.end());
}

// Whether an earlier run rendered `post` from inputs with this fingerprint, and its files are
// all still there.
bool up_to_date(const BatchRequest& request, const PostOutcome& post, const std::string& fingerprint) {
    std::ifstream state(state_dir(request) / (post.output + ".inputs"));
    std::string recorded;
    if (fingerprint.empty() || !std::getline(state, recorded) || recorded != fingerprint) return false;
    auto files = listed_files(request.out_dir / post.output);
    if (!files) return false;
    for (const ListedFile& file : *files) {
        std::error_code ec;
        std::uintmax_t size = fs::file_size(request.out_dir / post.output / file.name, ec);
        if (ec || (file.bytes && *file.bytes != size)) return false;
    }
    return true;
}

// One post's render, in a child forked from this process: stdout discarded, stderr kept in
// the state folder for the report. Forking without exec keeps what this process has loaded
// (the libraries, the scanned fonts), so a post costs its own work only, and still renders
// in a process of its own: a file that crashes or exhausts it ends that post alone. The
// child gets SIGTERM when the batch ends, however the batch ends (even by SIGKILL), so that
// no render runs on behind it; rupa removes its temporaries on SIGTERM.
pid_t start_render(const PostRenderer& render, const PostOutcome& post, const fs::path& log) {
    std::cout.flush();  // nothing this process has buffered is written twice
    std::cerr.flush();
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid != 0) return pid;
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) _exit(127);
    int null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
    int log_fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (null_fd < 0 || log_fd < 0 || dup2(null_fd, STDOUT_FILENO) < 0 || dup2(log_fd, STDERR_FILENO) < 0) _exit(127);
    int status = 1;
    try {
        status = render(post);
    } catch (const std::exception& e) {
        std::cerr << post.name() << ": error: " << e.what() << "\n";
    }
    std::cout.flush();
    std::cerr.flush();
    _exit(status);  // not exit(): the parent's atexit work and static objects are its own
}

// What a failed render printed: its errors, without its warnings.
std::string render_errors(const fs::path& log, int raw_status) {
    if (WIFSIGNALED(raw_status))
        return "rupa render stopped by signal " + std::to_string(WTERMSIG(raw_status));
    std::ifstream in(log);
    std::string line, errors;
    while (std::getline(in, line))
        if (line.find(": error: ") != std::string::npos) errors += (errors.empty() ? "" : "\n") + line;
    return errors.empty() ? "rupa render failed with status " + std::to_string(WEXITSTATUS(raw_status)) : errors;
}

// Renders the posts whose inputs changed, `jobs` at a time.
void render_posts(const BatchRequest& request, const PostRenderer& render, std::vector<PostOutcome>& posts) {
    struct Running {
        size_t post;
        std::string fingerprint;
        Clock::time_point started;
    };
    std::map<pid_t, Running> running;
    long total = std::count_if(posts.begin(), posts.end(), [](const PostOutcome& p) { return p.status == PostStatus::pending; });
    long done = 0;
    auto report = [&](const PostOutcome& post) {
        if (request.progress) request.progress->update(++done, total, post.output + " " + status_name(post.status));
    };
    auto finish_one = [&] {
        int raw = 0;
        pid_t pid = waitpid(-1, &raw, 0);
        if (pid < 0 && errno == ECHILD) {  // never expected: no child is left to wait for
            for (auto& [lost, job] : running) {
                posts[job.post].status = PostStatus::failed;
                posts[job.post].error = "lost track of the render of " + posts[job.post].name();
            }
            running.clear();
            return;
        }
        auto it = running.find(pid);
        if (pid < 0 || it == running.end()) return;
        PostOutcome& post = posts[it->second.post];
        post.seconds = std::chrono::duration<double>(Clock::now() - it->second.started).count();
        fs::path log = state_dir(request) / (post.output + ".log");
        if (WIFEXITED(raw) && WEXITSTATUS(raw) == 0) {
            post.status = PostStatus::rendered;
            write_file_atomically(state_dir(request) / (post.output + ".inputs"), it->second.fingerprint + "\n");
        } else {
            post.status = PostStatus::failed;
            post.error = render_errors(log, raw);
        }
        report(post);
        running.erase(it);
    };
    for (size_t i = 0; i < posts.size(); ++i) {
        PostOutcome& post = posts[i];
        if (post.status != PostStatus::pending) continue;
        std::string fingerprint = post.row ? input_fingerprint(*post.row) : input_fingerprint(post.spec);
        if (up_to_date(request, post, fingerprint)) {
            post.status = PostStatus::unchanged;
            report(post);
            continue;
        }
        // Forget the old fingerprint first: a render stopped half-way must not count as done.
        std::error_code ec;
        fs::remove(state_dir(request) / (post.output + ".inputs"), ec);
        while (int(running.size()) >= request.jobs) finish_one();
        pid_t pid = start_render(render, post, state_dir(request) / (post.output + ".log"));
        if (pid < 0) {
            post.status = PostStatus::failed;
            post.error = "cannot start rupa render";
            report(post);
            continue;
        }
        running[pid] = {i, fingerprint, Clock::now()};
    }
    while (!running.empty()) finish_one();
    if (request.progress) request.progress->end();
}

std::string date_text(const std::optional<CalendarDate>& date) {
    if (!date) return {};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", date->year, date->month, date->day);
    return text;
}

nlohmann::json highlights_json(const BatchRequest& request, const BatchReport& report) {
    const HighlightsOutcome& h = report.highlights;
    fs::path folder = request.out_dir / ("highlights-" + to_string(report.week));
    nlohmann::json files = nlohmann::json::array(), left_out = nlohmann::json::array();
    for (const auto& name : h.files) files.push_back((folder / name).string());
    for (const auto& left : h.left_out) left_out.push_back({{"post", left.post}, {"why", left.why}});
    nlohmann::json out = {{"status", h.status}, {"files", files}, {"reel", h.reel_posts},
                          {"carousel", h.carousel_posts}, {"left_out", left_out}};
    if (!h.error.empty()) out["error"] = h.error;
    return out;
}

nlohmann::json report_json(const BatchRequest& request, const BatchReport& report) {
    nlohmann::json posts = nlohmann::json::array();
    std::map<std::string, int> counts;
    for (const auto& post : report.posts) {
        ++counts[status_name(post.status)];
        nlohmann::json entry = {{"spec", post.spec.string()}, {"status", status_name(post.status)},
                                {"output", (request.out_dir / post.output).string()},
                                {"date", date_text(post.date)}, {"title", post.title},
                                {"seconds", post.seconds}};
        if (post.row) entry["row"] = post.row->row;
        if (!post.error.empty()) entry["error"] = post.error;
        posts.push_back(entry);
    }
    nlohmann::json undated = nlohmann::json::array();
    for (const auto& spec : report.undated) undated.push_back(spec.string());
    nlohmann::json out = {{"week", to_string(report.week)}, {"posts", posts}, {"counts", counts},
                          {"undated", undated}, {"other_weeks", report.other_weeks},
                          {"seconds", report.seconds}};
    if (request.shard_count) out["shard"] = std::to_string(request.shard) + "/" + std::to_string(request.shard_count);
    if (!report.contact_sheet.empty()) out["contact_sheet"] = report.contact_sheet.string();
    if (!report.highlights.status.empty()) out["highlights"] = highlights_json(request, report);
    return out;
}

}  // namespace

std::optional<std::vector<ListedFile>> listed_files(const fs::path& post_folder) {
    std::ifstream in(post_folder / "render.json");
    nlohmann::json report = nlohmann::json::parse(in, nullptr, false);
    if (report.is_discarded() || !report.contains("files")) return std::nullopt;
    std::vector<ListedFile> files;
    for (const auto& entry : report["files"]) {
        if (!entry.contains("file") || !entry["file"].is_string()) return std::nullopt;
        ListedFile file{entry["file"].get<std::string>(), std::nullopt};
        // render.json is read back from OUTDIR, which others may write: only a plain name of
        // a file in the post's own folder counts ("../../etc/passwd" makes the list void).
        if (file.name.empty() || file.name.find('/') != std::string::npos || file.name.starts_with("."))
            return std::nullopt;
        if (entry.contains("bytes") && entry["bytes"].is_number_unsigned())
            file.bytes = entry["bytes"].get<std::uintmax_t>();
        files.push_back(file);
    }
    return files;
}

bool BatchReport::any_failed() const {
    return highlights.status == "failed" ||
           std::any_of(posts.begin(), posts.end(), [](const PostOutcome& p) { return p.status == PostStatus::failed; });
}

std::string status_name(PostStatus status) {
    switch (status) {
        case PostStatus::pending: return "pending";
        case PostStatus::rendered: return "rendered";
        case PostStatus::unchanged: return "unchanged";
        case PostStatus::failed: return "failed";
        case PostStatus::other_shard: return "other-shard";
    }
    return "failed";
}

BatchReport run_batch(const BatchRequest& request, const PostRenderer& render) {
    auto started = Clock::now();
    std::error_code ec;
    if (!fs::is_directory(request.dir, ec))
        throw SpecError({request.dir.string(), 0, 0}, "no such folder", "name the folder that holds the specs");
    // Read first: a mistake in it is bad input, reported before anything renders.
    HighlightsSettings settings = read_highlights_settings(request.dir);
    BatchReport report;
    report.week = request.week;
    select_posts(request, find_specs(request), report);
    PostFolder state(request.out_dir, state_dir(request).filename());  // no symlink; one batch at a time
    size_t in_week = 0;
    for (PostOutcome& post : report.posts) {
        if (post.status != PostStatus::pending) continue;
        if (request.shard_count && int(in_week % size_t(request.shard_count)) != request.shard - 1)
            post.status = PostStatus::other_shard;
        ++in_week;
    }
    if (std::any_of(report.posts.begin(), report.posts.end(),
                    [](const PostOutcome& p) { return p.status == PostStatus::pending; }))
        bundled_fonts();  // scanned once here, not by every child
    render_posts(request, render, report.posts);
    std::string report_name = "report.json";
    if (request.shard_count) {
        report_name = "report-shard-" + std::to_string(request.shard) + "-of-" +
                      std::to_string(request.shard_count) + ".json";
    } else {
        report.highlights = write_highlights(request, settings, report, state_dir(request));
        report.contact_sheet = write_contact_sheet(request.out_dir, report);
    }
    report.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    report.report = request.out_dir / report_name;
    write_file_atomically(report.report, report_json(request, report).dump(2) + "\n");
    return report;
}

}  // namespace rupa
