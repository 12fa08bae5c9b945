// One `rupa render`: spec -> template and brand -> a scene per format -> files.
// Everything that can fail on input is checked before the first file is written.
#pragma once

#include "layout/assets.hpp"
#include "layout/font_set.hpp"
#include "output/progress.hpp"
#include "pipeline/video_render.hpp"
#include "scene/scene.hpp"
#include "scene/timeline.hpp"
#include "spec/diagnostics.hpp"
#include "spec/format.hpp"
#include "spec/post_sheet.hpp"
#include "spec/spec.hpp"
#include "spec/spec_reader.hpp"
#include "template/brand.hpp"
#include "template/template.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace rupa {

struct RenderRequest {
    std::filesystem::path spec_file;
    std::filesystem::path out_dir = "out";
    std::vector<std::string> formats;  // from --formats; empty = the spec's or template's own
    bool strict = false;
    // How the video formats' frames are counted on standard error as they are encoded:
    // redrawn in place on a terminal; in log lines only for a long job (kLogProgressFrames and
    // more), so that short renders stay quiet. The time left counts from the first frame.
    Progress::Mode progress = Progress::Mode::quiet;
    std::shared_ptr<const SheetRow> row;  // a row of a spreadsheet of posts, read instead of spec_file
    std::shared_ptr<const SpecDocument> document;  // a spec rupa wrote, read instead of spec_file
};

inline constexpr long kLogProgressFrames = 30 * 30;

struct RenderedFile {
    std::string format;  // empty for caption.txt, alt.txt, render.json
    std::filesystem::path path;
    int width = 0;
    int height = 0;
    long frames = 0;  // a video's length at 30 fps
};

struct RenderResult {
    std::filesystem::path folder;
    std::vector<RenderedFile> files;
    std::vector<std::string> failed;  // formats that could not be rendered
    Diagnostics diagnostics;
    double seconds = 0;
};

// Everything a render decided before drawing: the inputs, read and checked, and one laid-out
// scene per format.
struct RenderPlan {
    Spec spec;
    Template tmpl;
    Brand brand;
    std::vector<const Format*> formats;  // the still formats
    std::vector<Scene> scenes;           // parallel to `formats`
    std::vector<const Format*> videos;   // the video formats
    std::vector<Timeline> timelines;     // parallel to `videos`
};

// Reads and checks every input and lays out every format; writes nothing.
// Throws SpecError on invalid input.
RenderPlan plan_render(const RenderRequest& request, Diagnostics& diagnostics);

// One format drawn: its canvas, or why it could not be drawn.
struct PaintedFormat {
    std::shared_ptr<cairo_surface_t> canvas;
    std::string failure;
    bool unfit = false;  // not drawn: content does not fit whole (reported by the layout)
};

// Draws every scene of the plan, checking the contrast of each text against what it is
// drawn on (warnings into `diagnostics`).
std::vector<PaintedFormat> paint_plan(const RenderPlan& plan, Diagnostics& diagnostics);

// A post's inputs read, checked and decoded, to be laid out again elsewhere (the week's
// highlights play each post's design). Throws SpecError as plan_render does.
struct LoadedPost {
    Spec spec;
    Template tmpl;
    Brand brand;
    Assets assets;
};
std::unique_ptr<LoadedPost> load_post(const RenderRequest& request);

Logo load_logo(const Brand& brand);  // throws SpecError at the brand's logo
std::map<std::string, DecodedImage> load_photos(const Spec& spec);

// Encodes one video format of `plan` into result.folder/<format>.mp4 (with the spec's music
// and voice-over), checks it against the platform rules and writes its cover,
// <format>-cover.png. A format that fails is named in result.failed, and why in its
// diagnostics.
void write_video(const RenderPlan& plan, const Format& format, const Timeline& timeline, RenderResult& result,
                 const FramesSent& sent = {});

// Checks what a brand kit names outside its YAML: its fonts are bundled, its logo is usable.
void check_brand(const Brand& brand);
// The font families in fonts/, which a brand kit may name.
std::vector<std::string> bundled_font_families();

// The bundled fonts, scanned on first use and kept for the life of the process: Pango
// layouts keep references into them (a process that forks renderers scans them once,
// before it forks).
const FontSet& bundled_fonts();

// A new canvas with the video's cover (its settled frame) on it.
CairoSurfacePtr paint_cover(const Timeline& timeline);

// With --strict, the first warning becomes a SpecError.
void enforce_strict(bool strict, const Diagnostics& diagnostics);

// plan_render, then draws and writes every file. Throws SpecError before writing anything.
RenderResult render_spec(const RenderRequest& request);

}  // namespace rupa
