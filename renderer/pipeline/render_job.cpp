// Orchestrates one render: read and check every input, lay out every format, and only then
// create the output folder and write each file atomically.
#include "pipeline/render_job.hpp"

#include "draw/scene_painter.hpp"
#include "draw/timeline_painter.hpp"
#include "layout/assets.hpp"
#include "layout/caption_layout.hpp"
#include "layout/font_set.hpp"
#include "layout/scene_builder.hpp"
#include "layout/video_layout.hpp"
#include "media/mp4_check.hpp"
#include "output/atomic_file.hpp"
#include "pipeline/contrast_check.hpp"
#include "pipeline/field_coverage.hpp"
#include "pipeline/scene_sequence.hpp"
#include "pipeline/spec_media.hpp"
#include "pipeline/video_render.hpp"
#include "output/png_encoder.hpp"
#include "output/post_text.hpp"
#include "output/subrip.hpp"
#include "spec/caption_reader.hpp"
#include "spec/format.hpp"
#include "spec/spec_error.hpp"
#include "spec/spec_reader.hpp"
#include "spec/yaml_source.hpp"
#include "template/catalog.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <functional>
#include <future>
#include <iostream>
#include <optional>

namespace rupa {

namespace fs = std::filesystem;

namespace {

using Job = RenderPlan;

std::vector<std::string> format_and_platform_names() {
    std::vector<std::string> names;
    for (const auto& f : all_formats()) names.emplace_back(f.id);
    for (const auto& p : all_platform_names()) names.emplace_back(p);
    return names;
}

// Format ids and platform names, expanded in order and without repeats. A video format
// needs a template that plays (a `video:` block) with the layout its aspect plays from:
// named directly, a format it cannot play is an error; reached through a platform, it is
// skipped with a warning.
// Format ids and platform names are matched ignoring case ("Instagram", "Reel"). Every name
// that cannot be used is reported, in one SpecError.
std::vector<const Format*> resolve_formats(const std::vector<Located<std::string>>& asked,
                                           const Template& tmpl, Diagnostics& diagnostics) {
    std::vector<const Format*> out;
    SpecProblems problems;
    auto add = [&](std::string_view id, const SourceMark& where, bool via_platform) {
        const Format* f = find_format(id);
        if (std::find(out.begin(), out.end(), f) != out.end()) return;
        if (f->kind == FormatKind::video) {
            std::string design(design_format(*f).id);
            std::string why = !tmpl.video.declared ? "template '" + tmpl.id + "' does not play as video"
                              : !tmpl.layout_for(*f)
                                  ? "template '" + tmpl.id + "' has no '" + design + "' layout for '" + std::string(id) + "' to play"
                                  : "";
            if (why.empty()) {
                out.push_back(f);
            } else if (!via_platform) {
                throw SpecError(where, why, "it supports: " + join(tmpl.formats, ", "));
            } else {
                diagnostics.warn({"video-skipped", "video format '" + std::string(id) + "' skipped: " + why,
                                  std::string(id), where});
            }
            return;
        }
        if (!tmpl.layouts.count(std::string(id)))
            throw SpecError(where, "template '" + tmpl.id + "' has no layout for '" + std::string(id) + "'",
                            "it supports: " + join(tmpl.formats, ", "));
        out.push_back(f);
    };
    for (const auto& name : asked) {
        std::string id = lower_ascii(name.value);
        problems.attempt([&] {
            if (const Format* f = find_format(id)) {
                add(f->id, name.where, false);
            } else if (auto platform = platform_formats(id)) {
                for (auto each : *platform) add(each, name.where, true);
            } else {
                std::string guess = nearest_word(id, format_and_platform_names());
                throw SpecError(name.where, "unknown format '" + excerpt(name.value) + "'",
                                guess.empty() ? "see 'rupa formats'" : "did you mean '" + guess + "'?");
            }
        });
    }
    problems.throw_if_any();
    if (out.empty())
        throw SpecError(asked.empty() ? SourceMark{} : asked.front().where, "no format to render",
                        "name one of: " + join(tmpl.formats, ", "));
    return out;
}

std::vector<Located<std::string>> asked_formats(const RenderRequest& request, const Job& job) {
    std::vector<Located<std::string>> asked;
    if (!request.formats.empty()) {
        for (const auto& f : request.formats) asked.push_back({f, SourceMark{"--formats", 0, 0}});
    } else if (!job.spec.formats.empty()) {
        asked = job.spec.formats;
    } else {
        for (const auto& f : job.tmpl.formats) asked.push_back({f, job.spec.template_name.where});
    }
    return asked;
}

// A text over the number of characters the template declares for it: a warning (an error
// with --strict), since the template promises to render whole only within its limits.
void check_length(const Job& job, const std::string& what, const std::string& text, int max,
                  const SourceMark& where, Diagnostics& diagnostics) {
    glong length = g_utf8_strlen(text.c_str(), -1);
    if (max > 0 && length > max)
        diagnostics.warn({"text-too-long",
                          what + " has " + std::to_string(length) + " characters; template '" + job.tmpl.id +
                              "' is designed for " + std::to_string(max),
                          "", where});
}

void check_entries(const Job& job, const FieldSpec& field, size_t entries, const SourceMark& where,
                   Diagnostics& diagnostics) {
    if (field.max_entries > 0 && entries > size_t(field.max_entries))
        diagnostics.warn({"too-many-entries",
                          "'" + field.name + "' has " + std::to_string(entries) + " entries; template '" +
                              job.tmpl.id + "' is designed for " + std::to_string(field.max_entries),
                          "", where});
}

// The limits of a list's entries and of the parts of a quote, stat or agenda entry.
void check_parts(const Job& job, const FieldSpec& field, Diagnostics& diagnostics) {
    const Content& c = job.spec.content;
    auto part = [&](const std::string& name) {
        auto it = field.part_max.find(name);
        return it == field.part_max.end() ? 0 : it->second;
    };
    auto entry = [&](size_t i, const std::string& name) {
        return "'" + field.name + "' entry " + std::to_string(i + 1) + (name.empty() ? "" : "'s " + name);
    };
    if (field.name == "points") {
        check_entries(job, field, c.points.size(), c.where("points"), diagnostics);
        for (size_t i = 0; i < c.points.size(); ++i)
            check_length(job, entry(i, ""), c.points[i].value, field.max_chars, c.points[i].where, diagnostics);
    } else if (field.name == "stats") {
        check_entries(job, field, c.stats.size(), c.where("stats"), diagnostics);
        for (size_t i = 0; i < c.stats.size(); ++i) {
            const Stat& s = c.stats[i];
            if (!s.number) check_length(job, entry(i, "value"), s.text, part("value"), s.where, diagnostics);
            check_length(job, entry(i, "unit"), s.unit, part("unit"), s.where, diagnostics);
            check_length(job, entry(i, "label"), s.label, part("label"), s.where, diagnostics);
        }
    } else if (field.name == "photos") {
        check_entries(job, field, c.photos.size(), c.where("photos"), diagnostics);
    } else if (field.name == "items") {
        check_entries(job, field, c.items.size(), c.where("items"), diagnostics);
        for (size_t i = 0; i < c.items.size(); ++i) {
            check_length(job, entry(i, "title"), c.items[i].title, part("title"), c.items[i].where, diagnostics);
            check_length(job, entry(i, "place"), c.items[i].place, part("place"), c.items[i].where, diagnostics);
        }
    } else if (field.name == "quote" && c.quote) {
        for (const auto& [name, text] : {std::pair{"text", c.quote->text}, {"by", c.quote->by}, {"role", c.quote->role}})
            check_length(job, "'quote." + std::string(name) + "'", text, part(name), c.quote->where, diagnostics);
    }
}

// A field the template needs and the spec leaves out; in a row of a sheet, at its empty cell.
SpecProblem missing_field(const Job& job, const std::string& field) {
    std::string needs = "template '" + job.tmpl.id + "' needs it";
    if (!job.spec.sheet_row) return {job.spec.content_where, "missing field 'content." + field + "'", needs};
    std::string column = sheet_column(field);
    auto cell = job.spec.sheet_cells.find(column);
    if (cell == job.spec.sheet_cells.end())
        return {job.spec.content_where, "missing '" + column + "'", needs + "; add a column '" + column + "'"};
    return {cell->second, "'" + column + "' is empty", needs};
}

void check_fields(const Job& job, Diagnostics& diagnostics, SpecProblems& problems) {
    const Content& c = job.spec.content;
    for (const FieldSpec& field : job.tmpl.fields) {
        bool refused = c.refused.count(field.name.substr(0, field.name.find('.'))) > 0;
        if (field.required && !c.has(field.name) && !refused) problems.add(missing_field(job, field.name));
        if (auto text = c.texts.find(field.name); text != c.texts.end())
            check_length(job, "'" + field.name + "'", text->second.value, field.max_chars, text->second.where,
                         diagnostics);
        check_parts(job, field, diagnostics);
    }
}

}  // namespace

Logo load_logo(const Brand& brand) {
    Logo logo;
    try {
        if (brand.logo.extension() == ".svg") logo.svg = load_svg(brand.logo);
        else logo.raster = decode_image(brand.logo);
    } catch (const MediaError& e) {
        throw SpecError(brand.logo_where, std::string("cannot use the logo: ") + e.what(),
                        "use an SVG with a size or viewBox, or a PNG");
    }
    return logo;
}

// The spec's photos, decoded: "photo", and "photos/N" for a gallery. Gallery photos are
// checked as thoroughly as the main photo, at their own place. A gallery's photos are
// decoded two at a time (each decoder is single-threaded; five 1920-wide JPEGs took 0.2 s
// one after another); a bad one is reported as it would be alone, the first in the spec's
// order.
std::map<std::string, DecodedImage> load_photos(const Spec& spec) {
    std::map<std::string, DecodedImage> photos;
    if (const auto& photo = spec.content.photo) photos["photo"] = decode_photo(*photo);
    const auto& gallery = spec.content.photos;
    std::vector<std::future<DecodedImage>> pending(gallery.size());
    for (size_t i = 0; i < gallery.size(); ++i) {
        if (i >= 2) pending[i - 2].wait();  // two decodes at a time
        pending[i] = std::async(std::launch::async, [&gallery, i] {
            DecodedImage image = decode_photo(gallery[i]);
            add_half(image);  // a collage draws its photos small
            return image;
        });
    }
    for (size_t i = 0; i < gallery.size(); ++i) photos["photos/" + std::to_string(i)] = pending[i].get();
    return photos;
}

namespace {

void check_fonts(const Brand& brand, const FontSet& fonts) {
    for (const auto& [token, family] : brand.fonts)
        if (!fonts.has_family(family)) {
            std::vector<std::string> families(fonts.families().begin(), fonts.families().end());
            auto where = brand.font_where.find(token);
            throw SpecError(where != brand.font_where.end() ? where->second : SourceMark{brand.id, 0, 0},
                            "font '" + family + "' is not among the bundled fonts",
                            "bundled: " + join(families, ", "));
        }
}

// Where a problem with the post as a whole is reported: its file, or its row of a sheet.
SourceMark whole_post(const Spec& spec) {
    return spec.sheet_row ? SourceMark{spec.display_name, spec.sheet_row, 1} : SourceMark{spec.display_name, 0, 0};
}

nlohmann::json report_json(const Job& job, const RenderResult& result) {
    nlohmann::json files = nlohmann::json::array();
    for (const auto& f : result.files) {
        nlohmann::json entry = {{"file", f.path.filename().string()}};
        if (!f.format.empty()) entry["format"] = f.format;
        if (f.width > 0) {
            entry["width"] = f.width;
            entry["height"] = f.height;
        }
        if (f.frames > 0) {
            entry["frames"] = f.frames;
            entry["duration"] = double(f.frames) / kVideoFps;
        }
        std::error_code ec;
        entry["bytes"] = fs::file_size(f.path, ec);
        files.push_back(entry);
    }
    nlohmann::json warnings = nlohmann::json::array();
    for (const auto& w : result.diagnostics.warnings())
        warnings.push_back({{"code", w.code}, {"message", w.message}, {"format", w.format},
                            {"where", w.where.to_string()}, {"severity", w.error ? "error" : "warning"}});
    nlohmann::json report = {{"spec", job.spec.display_name},
            {"template", job.tmpl.id},
            {"brand", job.brand.id},
            {"locale", job.spec.locale.value == Locale::id ? "id" : "en"},
            {"files", files},
            {"failed", result.failed},
            {"warnings", warnings},
            {"seconds", result.seconds}};
    if (job.spec.sheet_row) report["row"] = job.spec.sheet_row;
    return report;
}

long video_frames(const Job& job) {
    if (job.spec.video && job.spec.video->duration) return job.spec.video->duration->value;
    return job.tmpl.video.duration;
}

// PRODUCT.md, "Formats": Reels, Shorts and TikTok want at least 3 s; Facebook Reels take at
// most 90 s; a Story or WhatsApp Status segment is at most 60 s.
void warn_platform_length(const Format& format, long frames, const Spec& spec, Diagnostics& diagnostics) {
    if (format.id != "reel") return;
    SourceMark where = spec.video && spec.video->duration ? spec.video->duration->where : spec.template_name.where;
    double seconds = double(frames) / kVideoFps;
    auto warn = [&](const std::string& text) {
        diagnostics.warn({"platform-length", text, std::string(format.id), where});
    };
    if (seconds < 3) warn("the reel is shorter than the 3 s Reels, Shorts and TikTok accept");
    if (seconds > 60) warn("the reel is longer than 60 s: a Story or WhatsApp Status shows it in parts");
    if (seconds > 90) warn("the reel is longer than the 90 s Facebook Reels accept");
}

// The cover: the first scene settled (everything entered, nothing leaving), alone even when
// a short video already fades to its outro there.
// Whether the video shows the cover as it is at its cover frame: the first scene alone.
bool plays_cover_alone(const Timeline& timeline) {
    const auto& scenes = timeline.scenes;
    return scenes.front().start == 0 && (scenes.size() == 1 || timeline.cover_frame < scenes[1].start);
}

// The cover PNG, compressed on a thread of its own while the video encodes (x264 leaves room
// on a second core). Its picture is copied from the video's own frame as it is drawn, or
// painted apart when that frame also shows another scene.
class CoverPng {
public:
    explicit CoverPng(const Timeline& timeline) : timeline_(timeline) {}
    ~CoverPng() {
        if (png_.valid()) png_.wait();  // the thread reads canvas_
    }
    // What the encoder is to hand over; when the video never shows the cover alone, it is
    // painted now instead.
    FrameTap tap() {
        if (!plays_cover_alone(timeline_)) {
            start(paint_cover(timeline_));
            return {};
        }
        return {timeline_.cover_frame, [this](cairo_surface_t* drawn) {
                    CairoSurfacePtr copy = new_canvas(CAIRO_FORMAT_RGB24, timeline_.width, timeline_.height);
                    copy_canvas(drawn, copy.get());
                    start(std::move(copy));
                }};
    }
    std::string get() {
        if (!png_.valid()) start(paint_cover(timeline_));
        return png_.get();
    }

private:
    void start(CairoSurfacePtr canvas) {
        canvas_ = std::move(canvas);
        png_ = std::async(std::launch::async, [this] { return encode_png(canvas_.get()); });
    }

    const Timeline& timeline_;
    CairoSurfacePtr canvas_;
    std::future<std::string> png_;
};

// PRODUCT.md, "Formats": WhatsApp takes media up to 16 MB.
constexpr std::uintmax_t kWhatsAppBytes = 16'000'000;

}  // namespace

// Encodes one video format, reads it back against the platform rules, and writes its cover
// (the settled frame). A format that fails is named in the result; the others go on.
void write_video(const Job& job, const Format& format, const Timeline& timeline, RenderResult& result,
                 const FramesSent& sent) {
    std::string id(format.id);
    fs::path file = result.folder / (id + ".mp4");
    auto cut = [](const TimedScene& s) { return !s.scene.whole; };
    if (!timeline.captions_whole || std::any_of(timeline.scenes.begin(), timeline.scenes.end(), cut)) {
        result.failed.push_back(id);  // the layout reported what does not fit
        return;
    }
    try {
        PendingFile pending(file);
        SoundtrackRequest request;
        if (job.spec.video && job.spec.video->music) {
            request.music = job.spec.video->music->path;
            request.music_volume = job.spec.video->music_volume;
        }
        if (job.spec.video && job.spec.video->voiceover) request.voiceover = job.spec.video->voiceover->path;
        constexpr long kSamplesPerFrame = kAudioRate / kVideoFps;
        for (const TimedSound& s : timeline.sounds)
            request.scene_sounds.push_back({s.file, s.from, s.start * kSamplesPerFrame, s.frames * kSamplesPerFrame,
                                            s.fade_in * kSamplesPerFrame, s.fade_out * kSamplesPerFrame, s.volume});
        request.samples = timeline.frames * kSamplesPerFrame;
        Soundtrack sound(request);
        CoverPng cover_png(timeline);
        encode_timeline(timeline, sound, pending.temporary(), VideoSettings{}, cover_png.tap(), sent);
        std::vector<std::string> broken = broken_platform_rules(
            read_mp4_facts(pending.temporary()), {timeline.width, timeline.height, timeline.frames, sound.silent()});
        if (!broken.empty()) throw std::runtime_error("the MP4 breaks platform rules: " + join(broken, "; "));
        pending.commit();
        result.files.push_back({id, file, timeline.width, timeline.height, timeline.frames});
        std::error_code ec;
        if (format.id == "reel" && fs::file_size(file, ec) > kWhatsAppBytes)
            result.diagnostics.warn({"platform-size", "the reel is over the 16 MB WhatsApp accepts", id,
                                     job.spec.template_name.where});
        fs::path cover = result.folder / (id + "-cover.png");
        write_file_atomically(cover, cover_png.get());
        result.files.push_back({id, cover, timeline.width, timeline.height, 0});
        if (job.spec.video && !job.spec.video->captions.empty()) {
            fs::path captions = result.folder / (id + ".srt");
            write_file_atomically(captions, subrip_text(captions_within(job.spec.video->captions, timeline.frames)));
            result.files.push_back({id, captions, 0, 0, 0});
        }
    } catch (const std::exception& e) {
        result.failed.push_back(id);
        result.diagnostics.warn({"render-failed", std::string("could not render: ") + e.what(), id,
                                 whole_post(job.spec)});
    }
}

namespace {

// PRODUCT.md: after a render the post's folder holds exactly what its render.json lists. Only
// the names rupa itself writes are removed (a format's .png, .mp4, -cover.png, .srt), and
// only regular files: anything else in the folder is not rupa's to touch.
void remove_stale_outputs(const RenderResult& result) {
    auto written = [&](const fs::path& file) {
        return std::any_of(result.files.begin(), result.files.end(),
                           [&](const auto& f) { return f.path.filename() == file.filename(); });
    };
    for (const Format& format : all_formats()) {
        std::string id(format.id);
        for (const std::string& name : {id + ".png", id + ".mp4", id + "-cover.png", id + ".srt"}) {
            fs::path file = result.folder / name;
            std::error_code ec;
            if (!written(file) && fs::is_regular_file(fs::symlink_status(file, ec))) fs::remove(file, ec);
        }
    }
}

}  // namespace

const FontSet& bundled_fonts() {
    // One font set per process: scanning the fonts is the slowest part of starting up, and
    // Pango layouts keep references into it.
    static const FontSet fonts(data_dirs().fonts);
    return fonts;
}

CairoSurfacePtr paint_cover(const Timeline& timeline) {
    CairoSurfacePtr canvas = new_canvas(CAIRO_FORMAT_RGB24, timeline.width, timeline.height);
    FramePainter(timeline.scenes.front().scene).paint(timeline.cover_frame, canvas.get());
    return canvas;
}

void check_brand(const Brand& brand) {
    check_fonts(brand, bundled_fonts());
    load_logo(brand);
}

std::vector<std::string> bundled_font_families() {
    return {bundled_fonts().families().begin(), bundled_fonts().families().end()};
}


namespace {

// The photos and the logo, made on threads of their own while the rest is read.
struct EarlyAssets {
    std::future<std::map<std::string, DecodedImage>> photos;
    std::future<Logo> logo;
    void start_photos(const Spec& spec) {
        if (!photos.valid()) photos = std::async(std::launch::async, load_photos, std::cref(spec));
    }
    void start_logo(const Brand& brand) {
        if (!logo.valid()) logo = std::async(std::launch::async, load_logo, std::cref(brand));
    }
};

// The spec, its template, brand and formats, with every problem among them reported at
// once (PRODUCT.md, "Bad input": one run reports every error it can find). With `early`,
// the photos start decoding as soon as the spec is read and the logo's trial draw as soon
// as the brand is, each only when no problem was found before it (a photo named by a spec
// with a problem may be one rupa must not open); `job.spec` and `job.brand` do not change
// after. Both have started when this returns.
void read_inputs(const RenderRequest& request, Job& job, Diagnostics& diagnostics, EarlyAssets* early = nullptr) {
    SpecProblems problems;
    job.spec = request.row        ? read_sheet_row(*request.row, problems)
               : request.document ? read_spec(*request.document, problems)
                                  : read_spec(request.spec_file, problems);
    if (early && problems.empty()) early->start_photos(job.spec);
    bool have_template = !job.spec.template_name.value.empty() && problems.attempt([&] {
        job.tmpl = load_template(job.spec.template_name.value, job.spec.template_name.where);
    });
    problems.attempt([&] {
        if (job.spec.brand_name) {
            if (!job.spec.brand_name->value.empty())  // else already reported
                job.brand = load_brand(job.spec.brand_name->value, job.spec.brand_name->where);
        } else if (!have_template) {
            return;
        } else if (!job.tmpl.default_brand.empty()) {
            job.brand = load_brand(job.tmpl.default_brand, SourceMark{job.tmpl.id, 0, 0});
        } else {
            throw SpecError(SourceMark{job.spec.display_name, 1, 1}, "no brand given",
                            "add 'brand: NAME' (see templates/brands/)");
        }
        if (early && problems.empty()) early->start_logo(job.brand);
    });
    if (have_template) {
        problems.attempt([&] {
            for (const Format* f : resolve_formats(asked_formats(request, job), job.tmpl, diagnostics))
                (f->kind == FormatKind::video ? job.videos : job.formats).push_back(f);
        });
        check_fields(job, diagnostics, problems);
    }
    if (job.spec.video) problems.attempt([&] { check_video(*job.spec.video); });
    problems.throw_if_any();
    if (early) {
        early->start_photos(job.spec);
        early->start_logo(job.brand);
    }
}

}  // namespace

std::unique_ptr<LoadedPost> load_post(const RenderRequest& request) {
    Diagnostics ignored;  // the post's own render reported them
    Job job{{}, {}, {}, {}, {}, {}, {}};
    read_inputs(request, job, ignored);
    check_fonts(job.brand, bundled_fonts());
    auto post = std::make_unique<LoadedPost>();
    post->assets = Assets{load_photos(job.spec), load_logo(job.brand)};
    post->spec = std::move(job.spec);
    post->tmpl = std::move(job.tmpl);
    post->brand = std::move(job.brand);
    return post;
}

RenderPlan plan_render(const RenderRequest& request, Diagnostics& diagnostics) {
    Job job{{}, {}, {}, {}, {}, {}, {}};
    // The photos decode and the logo's trial draw runs while the rest of the inputs are read,
    // the outro too, and the fonts load: on a reel, that is time the encoder waits for. Inputs
    // with a problem wait for what was started before they are refused.
    EarlyAssets early;
    read_inputs(request, job, diagnostics, &early);
    std::optional<Template> outro;
    if (!job.videos.empty() && !job.tmpl.video.outro.empty()) {
        outro = load_template(job.tmpl.video.outro, job.tmpl.video.where);
        for (const Format* f : job.videos)
            if (!outro->layout_for(*f))
                throw SpecError(job.tmpl.video.where,
                                "the outro template '" + outro->id + "' has no layout for '" + std::string(f->id) + "'",
                                "give it a '" + std::string(design_format(*f).id) + "' layout");
    }

    const FontSet& fonts = bundled_fonts();
    check_fonts(job.brand, fonts);
    Assets assets{early.photos.get(), early.logo.get()};
    LayoutInputs inputs{job.spec, job.tmpl, job.brand, fonts, assets};
    for (const Format* format : job.formats) job.scenes.push_back(build_scene(inputs, *format, diagnostics));
    std::optional<SceneSequence> sequence;
    if (!job.videos.empty()) {
        std::vector<VideoScene> played = job.spec.video && !job.spec.video->scenes.empty()
                                             ? job.spec.video->scenes
                                             : template_slides(job.spec, job.tmpl);
        if (!played.empty()) sequence.emplace(job.spec, played, job.brand, fonts, assets, job.videos);
    }
    long frames = video_frames(job);
    for (const Format* format : job.videos) {
        if (sequence) {
            std::optional<LayoutInputs> outro_in;
            if (outro) outro_in.emplace(LayoutInputs{job.spec, *outro, job.brand, fonts, assets});
            job.timelines.push_back(
                build_sequence(sequence->scenes(), job.tmpl.video, outro_in ? &*outro_in : nullptr, *format, diagnostics));
        } else {
            job.timelines.push_back(build_timeline(inputs, outro ? &*outro : nullptr, *format, frames, diagnostics));
        }
        if (job.spec.video && !job.spec.video->captions.empty())
            add_captions(job.timelines.back(), job.spec.video->captions, *format, job.brand, fonts, diagnostics);
        warn_platform_length(*format, job.timelines.back().frames, job.spec, diagnostics);
    }
    if (!job.timelines.empty() && !job.spec.video->captions.empty()) check_caption_contrast(job.brand, diagnostics);
    if (!job.timelines.empty()) warn_long_voiceover(*job.spec.video, job.timelines.front().frames, diagnostics);
    for (size_t i = 0; i < job.formats.size(); ++i)
        warn_unshown_fields(job.spec, job.tmpl, job.scenes[i], *job.formats[i], diagnostics);
    for (size_t i = 0; i < job.videos.size(); ++i)
        warn_unshown_fields(job.spec, job.tmpl, job.timelines[i], *job.videos[i], diagnostics);
    return job;
}

std::vector<PaintedFormat> paint_plan(const RenderPlan& plan, Diagnostics& diagnostics) {
    std::vector<PaintedFormat> painted;
    for (size_t i = 0; i < plan.scenes.size(); ++i) {
        PaintedFormat p;
        if (!plan.scenes[i].whole) {
            p.unfit = true;  // the layout reported what does not fit
            painted.push_back(std::move(p));
            continue;
        }
        try {
            ContrastCheck contrast(std::string(plan.formats[i]->id), diagnostics);
            p.canvas = paint_scene(plan.scenes[i], 0, std::ref(contrast));
        } catch (const std::exception& e) {
            p.failure = e.what();
        }
        painted.push_back(std::move(p));
    }
    return painted;
}

void enforce_strict(bool strict, const Diagnostics& diagnostics) {
    if (!strict || diagnostics.empty()) return;
    const Warning& first = diagnostics.warnings().front();
    throw SpecError(first.where, first.message + (first.format.empty() ? "" : " [" + first.format + "]"),
                    "--strict treats warnings as errors");
}

RenderResult render_spec(const RenderRequest& request) {
    auto started = std::chrono::steady_clock::now();
    RenderResult result;
    Diagnostics& diagnostics = result.diagnostics;
    Job job = plan_render(request, diagnostics);
    const std::vector<Scene>& scenes = job.scenes;
    // Drawing stays on this thread (Pango and fontconfig share caches) and runs the
    // contrast checks, so that --strict can still refuse before anything is written.
    std::vector<PaintedFormat> painted = paint_plan(job, diagnostics);
    enforce_strict(request.strict, diagnostics);

    PostFolder folder(request.out_dir, job.spec.stem);  // locked until the report is written
    result.folder = folder.path();
    // Encoding and writing, the larger part, run one task per format over the cores.
    std::vector<std::future<std::string>> writes;
    for (size_t i = 0; i < scenes.size(); ++i) {
        fs::path file = result.folder / (std::string(job.formats[i]->id) + ".png");
        if (painted[i].unfit) {
            writes.push_back(std::async(std::launch::deferred, [] { return std::string(); }));
            continue;
        }
        if (!painted[i].canvas) {
            writes.push_back(std::async(std::launch::deferred, [message = painted[i].failure] { return message; }));
            continue;
        }
        writes.push_back(std::async(std::launch::async, [canvas = painted[i].canvas, file]() -> std::string {
            try {
                write_file_atomically(file, encode_png(canvas.get()));
                return {};
            } catch (const std::exception& e) {
                return e.what();
            }
        }));
    }
    for (size_t i = 0; i < scenes.size(); ++i) {
        std::string id(job.formats[i]->id);
        std::string failure = writes[i].get();
        if (painted[i].unfit) {
            result.failed.push_back(id);
        } else if (failure.empty()) {
            result.files.push_back({id, result.folder / (id + ".png"), scenes[i].width, scenes[i].height});
        } else {
            result.failed.push_back(id);
            diagnostics.warn({"render-failed", "could not render: " + failure, id,
                              whole_post(job.spec)});
        }
    }
    long total = 0, before = 0;
    for (const Timeline& timeline : job.timelines) total += timeline.frames;
    Progress::Mode mode = request.progress;
    if (mode == Progress::Mode::plain && total < kLogProgressFrames) mode = Progress::Mode::quiet;
    Progress progress(std::cerr, mode, "render", "frames");
    for (size_t i = 0; i < job.videos.size(); ++i) {
        std::string id(job.videos[i]->id);
        FramesSent sent = [&](long frames) {
            if (frames % kVideoFps == 0 || frames == job.timelines[i].frames) progress.update(before + frames, total, id);
        };
        write_video(job, *job.videos[i], job.timelines[i], result, mode == Progress::Mode::quiet ? FramesSent{} : sent);
        before += job.timelines[i].frames;
    }
    progress.end();
    fs::path caption = result.folder / "caption.txt";
    write_file_atomically(caption, caption_text(job.spec, job.tmpl, job.brand));
    result.files.push_back({"", caption, 0, 0});
    fs::path alt = result.folder / "alt.txt";
    write_file_atomically(alt, alt_text(job.spec, job.tmpl, job.brand));
    result.files.push_back({"", alt, 0, 0});

    remove_stale_outputs(result);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    fs::path report = result.folder / "render.json";
    write_file_atomically(report, report_json(job, result).dump(2) + "\n");
    result.files.push_back({"", report, 0, 0});
    return result;
}

}  // namespace rupa
