// `rupa batch`: every spec of a folder dated in one ISO week, rendered each in a process of
// its own (one bad file cannot stop or crash the others), skipped when its
// inputs did not change since the last run, shardable over machines, then assembled into
// the week's contact sheet and report.
#pragma once

#include "batch/iso_week.hpp"
#include "output/progress.hpp"
#include "spec/post_sheet.hpp"
#include "spec/spec.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rupa {

struct BatchRequest {
    std::filesystem::path dir;
    IsoWeek week;
    std::filesystem::path out_dir = "out";
    int jobs = 1;
    int shard = 0;        // --shard I/N: this run's share, 1..N
    int shard_count = 0;  // 0: no sharding; render what is missing, then assemble
    Progress* progress = nullptr;  // told of each post as it is done
};

enum class PostStatus {
    pending,      // in the week and this run's share, not yet looked at
    rendered,     // rendered by this run
    unchanged,    // rendered by an earlier run from the same inputs
    failed,       // the spec is broken or its render failed; `error` says why
    other_shard,  // in the week, left to another shard
};

struct PostOutcome {
    std::filesystem::path spec;  // as found under the batch folder: a spec, or a sheet of posts
    std::shared_ptr<const SheetRow> row;  // the post's row, when `spec` is a sheet
    std::string output;          // its folder under OUTDIR: the spec's file stem, or the row's folder
    std::optional<CalendarDate> date;
    std::string title;
    PostStatus status = PostStatus::pending;
    std::string error;
    double seconds = 0;

    // How messages name the post: its spec, or its sheet and row (posts.csv:3).
    std::string name() const { return row ? row->name() : spec.string(); }
};

// The week's highlights (batch/highlights.hpp): what the batch wrote, and which posts are on
// them.
struct HighlightsOutcome {
    std::string status;              // rendered, unchanged, failed, or none (no post to show)
    std::vector<std::string> files;  // in the highlights folder: reel.mp4, reel-cover.png, portrait-01.png …
    std::vector<std::string> reel_posts;      // each post's folder, in the reel's order
    std::vector<std::string> carousel_posts;  // each post's folder, slide 2 onwards
    struct LeftOut {
        std::string post;  // as the report names it
        std::string why;
    };
    std::vector<LeftOut> left_out;
    std::string error;
    int slides = 0;
};

struct BatchReport {
    IsoWeek week;
    std::vector<PostOutcome> posts;                // the week's posts in date order, and broken specs
    std::vector<std::filesystem::path> undated;    // specs with no content.date
    int other_weeks = 0;                           // specs dated outside the week
    HighlightsOutcome highlights;                  // empty for a shard run
    std::filesystem::path contact_sheet;           // empty for a shard run
    std::filesystem::path report;                  // report.json, or report-shard-I-of-N.json
    double seconds = 0;

    bool any_failed() const;
};

// One file a post's render.json lists: its name inside the post's folder and, when recorded,
// its size.
struct ListedFile {
    std::string name;
    std::optional<std::uintmax_t> bytes;
};

// The files the render.json in `post_folder` lists; nothing when it is missing, unreadable or
// has an entry without a file name.
std::optional<std::vector<ListedFile>> listed_files(const std::filesystem::path& post_folder);

// Renders one post as `rupa render` would, with its messages on standard error; returns the
// exit status `rupa render` would (0 whole, 1 some formats failed, 2 invalid input).
using PostRenderer = std::function<int(const PostOutcome& post)>;

// Runs the batch: each post is rendered by `render` in a child process forked from this one
// (which scans the fonts first, so that no child starts from nothing). Throws SpecError for a
// request that cannot run at all (no such folder).
BatchReport run_batch(const BatchRequest& request, const PostRenderer& render);

std::string status_name(PostStatus status);

}  // namespace rupa
