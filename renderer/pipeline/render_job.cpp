// Orchestrates one render: read and check every input, lay out every format, and only then
// create the output folder and write each file atomically.
#include "pipeline/render_job.hpp"

#include "draw/scene_painter.hpp"
#include "layout/assets.hpp"
#include "layout/font_set.hpp"
#include "layout/scene_builder.hpp"
#include "output/atomic_file.hpp"
#include "pipeline/contrast_check.hpp"
#include "pipeline/spec_media.hpp"
#include "output/png_encoder.hpp"
#include "output/post_text.hpp"
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

namespace rupa {

namespace fs = std::filesystem;

namespace {

using Job = RenderPlan;

const FontSet& bundled_fonts() {
    // One font set per process: scanning the fonts is the slowest part of starting up, and
    // Pango layouts keep references into it.
    static const FontSet fonts(data_dirs().fonts);
    return fonts;
}

std::vector<std::string> format_and_platform_names() {
    std::vector<std::string> names;
    for (const auto& f : all_formats()) names.emplace_back(f.id);
    for (const auto& p : all_platform_names()) names.emplace_back(p);
    return names;
}

// Format ids and platform names, expanded in order and without repeats. Video formats
// reached through a platform are skipped with a warning until video rendering exists;
// named directly, they are an error.
std::vector<const Format*> resolve_formats(const std::vector<Located<std::string>>& asked,
                                           const Template& tmpl, Diagnostics& diagnostics) {
    std::vector<const Format*> out;
    auto add = [&](std::string_view id, const SourceMark& where, bool via_platform) {
        const Format* f = find_format(id);
        if (std::find(out.begin(), out.end(), f) != out.end()) return;
        if (f->kind == FormatKind::video) {
            if (!via_platform)
                throw SpecError(where, "format '" + std::string(id) + "' is a video format",
                                "this version of rupa renders still formats: square, portrait, "
                                "story, landscape");
            diagnostics.warn({"video-skipped",
                              "video format '" + std::string(id) + "' skipped: this version renders stills only",
                              std::string(id), where});
            return;
        }
        if (!tmpl.layouts.count(std::string(id)))
            throw SpecError(where, "template '" + tmpl.id + "' has no layout for '" + std::string(id) + "'",
                            "it supports: " + join(tmpl.formats, ", "));
        out.push_back(f);
    };
    for (const auto& name : asked) {
        if (find_format(name.value)) {
            add(name.value, name.where, false);
        } else if (auto platform = platform_formats(name.value)) {
            for (auto id : *platform) add(id, name.where, true);
        } else {
            std::string guess = nearest_word(name.value, format_and_platform_names());
            throw SpecError(name.where, "unknown format '" + excerpt(name.value) + "'",
                            guess.empty() ? "see 'rupa formats'" : "did you mean '" + guess + "'?");
        }
    }
    if (out.empty())
        throw SpecError(asked.empty() ? SourceMark{} : asked.front().where, "no still format to render",
                        "name one of: square, portrait, story, landscape");
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

void check_fields(const Job& job, Diagnostics& diagnostics) {
    const Content& c = job.spec.content;
    for (const FieldSpec& field : job.tmpl.fields) {
        if (field.required && !c.has(field.name))
            throw SpecError(job.spec.content_where,
                            "missing field 'content." + field.name + "'",
                            "template '" + job.tmpl.id + "' needs it");
        auto text = c.texts.find(field.name);
        if (field.max_chars > 0 && text != c.texts.end()) {
            glong length = g_utf8_strlen(text->second.value.c_str(), -1);
            if (length > field.max_chars)
                diagnostics.warn({"text-too-long",
                                  "'" + field.name + "' has " + std::to_string(length) +
                                      " characters; template '" + job.tmpl.id + "' is designed for " +
                                      std::to_string(field.max_chars),
                                  "", text->second.where});
        }
    }
}

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

Assets load_assets(const Job& job) {
    Assets assets;
    if (const auto& photo = job.spec.content.photo) assets.photos["photo"] = decode_photo(*photo);
    // Gallery photos are checked as thoroughly as the main photo, at their own place.
    for (size_t i = 0; i < job.spec.content.photos.size(); ++i)
        assets.photos["photos/" + std::to_string(i)] = decode_photo(job.spec.content.photos[i]);
    assets.logo = load_logo(job.brand);
    return assets;
}

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

nlohmann::json report_json(const Job& job, const RenderResult& result) {
    nlohmann::json files = nlohmann::json::array();
    for (const auto& f : result.files) {
        nlohmann::json entry = {{"file", f.path.filename().string()}};
        if (!f.format.empty()) {
            entry["format"] = f.format;
            entry["width"] = f.width;
            entry["height"] = f.height;
        }
        std::error_code ec;
        entry["bytes"] = fs::file_size(f.path, ec);
        files.push_back(entry);
    }
    nlohmann::json warnings = nlohmann::json::array();
    for (const auto& w : result.diagnostics.warnings())
        warnings.push_back({{"code", w.code}, {"message", w.message}, {"format", w.format},
                            {"where", w.where.to_string()}});
    return {{"spec", job.spec.display_name},
            {"template", job.tmpl.id},
            {"brand", job.brand.id},
            {"locale", job.spec.locale.value == Locale::id ? "id" : "en"},
            {"files", files},
            {"failed", result.failed},
            {"warnings", warnings},
            {"seconds", result.seconds}};
}

}  // namespace

void check_brand(const Brand& brand) {
    check_fonts(brand, bundled_fonts());
    load_logo(brand);
}


RenderPlan plan_render(const RenderRequest& request, Diagnostics& diagnostics) {
    Job job{read_spec(request.spec_file), {}, {}, {}, {}};
    job.tmpl = load_template(job.spec.template_name.value, job.spec.template_name.where);
    if (job.spec.brand_name) {
        job.brand = load_brand(job.spec.brand_name->value, job.spec.brand_name->where);
    } else if (!job.tmpl.default_brand.empty()) {
        job.brand = load_brand(job.tmpl.default_brand, SourceMark{job.tmpl.id, 0, 0});
    } else {
        throw SpecError(SourceMark{job.spec.display_name, 0, 0}, "no brand given",
                        "add 'brand: NAME' (see templates/brands/)");
    }
    job.formats = resolve_formats(asked_formats(request, job), job.tmpl, diagnostics);
    check_fields(job, diagnostics);
    if (job.spec.video) {
        check_video(*job.spec.video);
        diagnostics.warn({"video-skipped", "'video' section checked, not played: this version renders stills only",
                          "", job.spec.video->where});
    }

    const FontSet& fonts = bundled_fonts();
    check_fonts(job.brand, fonts);
    Assets assets = load_assets(job);
    LayoutInputs inputs{job.spec, job.tmpl, job.brand, fonts, assets};
    for (const Format* format : job.formats) job.scenes.push_back(build_scene(inputs, *format, diagnostics));
    return job;
}

std::vector<PaintedFormat> paint_plan(const RenderPlan& plan, Diagnostics& diagnostics) {
    std::vector<PaintedFormat> painted;
    for (size_t i = 0; i < plan.scenes.size(); ++i) {
        PaintedFormat p;
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
        if (failure.empty()) {
            result.files.push_back({id, result.folder / (id + ".png"), scenes[i].width, scenes[i].height});
        } else {
            result.failed.push_back(id);
            diagnostics.warn({"render-failed", "could not render: " + failure, id,
                              SourceMark{job.spec.display_name, 0, 0}});
        }
    }
    fs::path caption = result.folder / "caption.txt";
    write_file_atomically(caption, caption_text(job.spec, job.brand));
    result.files.push_back({"", caption, 0, 0});
    fs::path alt = result.folder / "alt.txt";
    write_file_atomically(alt, alt_text(job.spec, job.tmpl, job.brand));
    result.files.push_back({"", alt, 0, 0});

    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    fs::path report = result.folder / "render.json";
    write_file_atomically(report, report_json(job, result).dump(2) + "\n");
    result.files.push_back({"", report, 0, 0});
    return result;
}

}  // namespace rupa
