// The preview goes through the render's own plan (plan_render, paint_plan), so what a
// designer sees is what admins will get; it encodes no MP4 (the strip's frames are drawn
// straight from the timeline, the same pictures the encoder would be given), which keeps a
// preview fast enough to redraw on every save.
#include "preview/template_preview.hpp"

#include "draw/guide_painter.hpp"
#include "draw/timeline_painter.hpp"
#include "output/atomic_file.hpp"
#include "output/png_encoder.hpp"
#include "pipeline/render_job.hpp"
#include "preview/preview_sheet.hpp"
#include "preview/preview_spec.hpp"

#include <algorithm>
#include <future>
#include <set>
#include <thread>

namespace rupa {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kStrip = {"0.5 s", "1.5 s", "middle", "end"};

std::string strip_file_suffix(const std::string& which) {
    if (which == "0.5 s") return "-0.5s.png";
    if (which == "1.5 s") return "-1.5s.png";
    return "-" + which + ".png";
}

std::shared_ptr<cairo_surface_t> shared(CairoSurfacePtr canvas) {
    return std::shared_ptr<cairo_surface_t>(canvas.release(), CairoSurfaceDeleter{});
}

// A copy of `canvas` with the guides of `format` drawn over it at full size.
CairoSurfacePtr with_guides(cairo_surface_t* canvas, const Format& format) {
    CairoSurfacePtr copy = new_canvas(CAIRO_FORMAT_RGB24, format.width, format.height);
    copy_canvas(canvas, copy.get());
    CairoPtr cr(cairo_create(copy.get()));
    paint_guides(cr.get(), format, 1.0, std::max(2.0, format.width / 540.0));
    cr.reset();
    cairo_surface_flush(copy.get());
    return copy;
}

// The warnings that concern `format`: those naming it.
std::vector<PreviewFormat::Note> notes_for(const Diagnostics& diagnostics, const std::string& format) {
    std::vector<PreviewFormat::Note> notes;
    for (const Warning& w : diagnostics.warnings()) {
        if (w.format.empty()) continue;
        std::string list = ", " + w.format + ", ";
        if (list.find(", " + format + ", ") != std::string::npos)
            notes.push_back({w.where.to_string() + ": " + w.message, w.error});
    }
    return notes;
}

std::vector<PreviewFormat::Note> general_notes(const Diagnostics& diagnostics) {
    std::vector<PreviewFormat::Note> notes;
    for (const Warning& w : diagnostics.warnings())
        if (w.format.empty()) notes.push_back({w.where.to_string() + ": " + w.message, w.error});
    return notes;
}

// The files a preview writes for a format, and the sheet's: the names stale files may have.
std::vector<std::string> preview_names() {
    std::vector<std::string> names = {"preview.png", "index.html"};
    for (const Format& f : all_formats()) {
        std::string id(f.id);
        for (const char* suffix : {".png", "-guides.png", "-cover.png", "-cover-guides.png"}) names.push_back(id + suffix);
        for (const auto& which : kStrip) names.push_back(id + strip_file_suffix(which));
    }
    return names;
}

// The pictures of the plan's formats, in the order the spec asks for them: stills, then videos.
std::vector<PreviewFormat> draw_formats(const RenderPlan& plan, Diagnostics& diagnostics) {
    std::vector<PreviewFormat> formats;
    std::vector<PaintedFormat> painted = paint_plan(plan, diagnostics);
    for (size_t i = 0; i < plan.formats.size(); ++i) {
        PreviewFormat f;
        f.format = plan.formats[i];
        std::string id(f.format->id);
        if (painted[i].unfit) f.failure = "the content does not fit (see the errors)";
        else if (!painted[i].canvas) f.failure = painted[i].failure;
        else f.tiles.push_back({"still", id + ".png", id + "-guides.png", painted[i].canvas});
        formats.push_back(std::move(f));
    }
    for (size_t i = 0; i < plan.videos.size(); ++i) {
        const Timeline& timeline = plan.timelines[i];
        PreviewFormat f;
        f.format = plan.videos[i];
        f.seconds = double(timeline.frames) / kVideoFps;
        std::string id(f.format->id);
        bool whole = timeline.captions_whole &&
                     std::all_of(timeline.scenes.begin(), timeline.scenes.end(), [](const TimedScene& s) { return s.scene.whole; });
        if (!whole) {
            f.failure = "the content does not fit (see the errors)";
        } else {
            f.tiles.push_back({"cover", id + "-cover.png", id + "-cover-guides.png", shared(paint_cover(timeline))});
            TimelinePainter painter(timeline);
            for (const auto& which : kStrip) {
                long frame = strip_frame(which, timeline.frames);
                std::string label = which == "0.5 s" || which == "1.5 s"
                                        ? which
                                        : which + " " + seconds_text(double(frame) / kVideoFps);
                f.tiles.push_back({label, id + strip_file_suffix(which), "", shared(painter.paint(frame))});
            }
        }
        formats.push_back(std::move(f));
    }
    return formats;
}

// Encodes and writes every picture (and each guided copy) over the cores; the first
// failure is rethrown once all are done.
void write_pictures(const fs::path& folder, const std::vector<PreviewFormat>& formats, std::vector<fs::path>& files) {
    struct Picture {
        fs::path file;
        const PreviewTile* tile;
        const Format* format;
        bool guides;
    };
    std::vector<Picture> pictures;
    for (const PreviewFormat& f : formats)
        for (const PreviewTile& t : f.tiles) {
            pictures.push_back({folder / t.file, &t, f.format, false});
            if (!t.guides.empty()) pictures.push_back({folder / t.guides, &t, f.format, true});
        }
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t i = next++; i < pictures.size(); i = next++) {
            const Picture& p = pictures[i];
            if (p.guides) write_file_atomically(p.file, encode_png(with_guides(p.tile->canvas.get(), *p.format).get()));
            else write_file_atomically(p.file, encode_png(p.tile->canvas.get()));
        }
    };
    unsigned workers = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
    std::vector<std::future<void>> running;
    for (unsigned i = 0; i < workers; ++i) running.push_back(std::async(std::launch::async, work));
    std::exception_ptr failure;
    for (auto& r : running) try {
            r.get();
        } catch (...) {
            if (!failure) failure = std::current_exception();
        }
    if (failure) std::rethrow_exception(failure);
    for (const Picture& p : pictures) files.push_back(p.file);
}

// Files of an earlier preview that this one did not make (a format that no longer fits).
void remove_stale(const fs::path& folder, const std::vector<fs::path>& written) {
    std::set<std::string> kept;
    for (const fs::path& f : written) kept.insert(f.filename().string());
    for (const std::string& name : preview_names()) {
        std::error_code ec;
        if (!kept.count(name) && fs::is_regular_file(fs::symlink_status(folder / name, ec))) fs::remove(folder / name, ec);
    }
}

}  // namespace

long strip_frame(const std::string& which, long frames) {
    long frame = which == "0.5 s" ? kVideoFps / 2 : which == "1.5 s" ? kVideoFps * 3 / 2 : which == "middle" ? frames / 2 : frames - 1;
    return std::clamp(frame, 0L, frames - 1);
}

PreviewResult render_preview(const PreviewRequest& request) {
    PreviewResult result;
    PreviewSpec input = preview_spec(request.template_name, request.brand);
    result.sources = {input.tmpl.folder, input.brand.folder};
    result.sources.insert(result.sources.end(), input.photos.begin(), input.photos.end());

    RenderRequest render;
    render.document = std::make_shared<SpecDocument>(input.document);
    RenderPlan plan = plan_render(render, result.diagnostics);
    std::vector<PreviewFormat> formats = draw_formats(plan, result.diagnostics);

    PreviewSheet sheet;
    sheet.title = input.tmpl.id + (input.tmpl.name.empty() ? "" : " — " + input.tmpl.name);
    sheet.subtitle = "brand " + input.brand.id + " · " + input.tmpl.file.string() + " · sample content";
    for (PreviewFormat& f : formats) {
        f.notes = notes_for(result.diagnostics, std::string(f.format->id));
        if (!f.failure.empty()) result.failed.emplace_back(f.format->id);
    }
    sheet.notes = general_notes(result.diagnostics);
    sheet.formats = std::move(formats);

    std::string folder_name = fs::weakly_canonical(input.tmpl.folder).filename().string();
    PostFolder folder(request.out_dir, "preview-" + folder_name);
    result.folder = folder.path();
    write_pictures(result.folder, sheet.formats, result.files);
    result.sheet = result.folder / "preview.png";
    write_file_atomically(result.sheet, sheet_png(sheet, bundled_fonts()));
    result.page = result.folder / "index.html";
    write_file_atomically(result.page, sheet_html(sheet));
    result.files.push_back(result.sheet);
    result.files.push_back(result.page);
    remove_stale(result.folder, result.files);
    return result;
}

}  // namespace rupa
