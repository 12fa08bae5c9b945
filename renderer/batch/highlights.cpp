// The week's highlights: each post that rendered is read again (its spec, template, brand
// and photos) and laid out anew, its design playing in the reel and its portrait drawn onto
// a carousel slide. Nothing of a post is rendered by a child process again: a sharded
// week's final run makes them from the specs the shares rendered.
#include "batch/highlights.hpp"

#include "batch/input_fingerprint.hpp"
#include "draw/scene_painter.hpp"
#include "layout/font_set.hpp"
#include "layout/scene_builder.hpp"
#include "layout/video_layout.hpp"
#include "locale/locale_text.hpp"
#include "output/atomic_file.hpp"
#include "output/png_encoder.hpp"
#include "pipeline/render_job.hpp"
#include "spec/confined_path.hpp"
#include "spec/spec_error.hpp"
#include "spec/yaml_source.hpp"
#include "template/catalog.hpp"

#include <cstdio>
#include <fstream>
#include <map>
#include <memory>

namespace rupa {

namespace fs = std::filesystem;

namespace {

constexpr double kMinPostSeconds = 3, kMaxPostSeconds = 5;  // DESIGN.md, "Motion": scenes of 3-5 s

// A post of the week that rendered, read again to be laid out in the highlights.
struct ShownPost {
    const PostOutcome* outcome;
    std::unique_ptr<LoadedPost> loaded;
};

// "Pemerintah Kabupaten Sukamakmur" -> "Kabupaten Sukamakmur": where the week happened.
std::string region_of(const std::string& office) {
    const std::string prefix = "pemerintah ";
    if (office.size() > prefix.size() && lower_ascii(office.substr(0, prefix.size())) == prefix)
        return office.substr(prefix.size());
    return office;
}

// The brand of the opening card, the cover and the outro: highlights.yaml's, else the one
// most of the week's posts use (the earliest post's, on a tie).
Brand week_brand(const HighlightsSettings& settings, const std::vector<ShownPost>& posts) {
    if (settings.brand) return load_brand(settings.brand->value, settings.brand->where);
    std::map<std::string, int> uses;
    for (const ShownPost& p : posts) ++uses[p.loaded->brand.id];
    const Brand* best = &posts.front().loaded->brand;
    for (const ShownPost& p : posts)
        if (uses[p.loaded->brand.id] > uses[best->id]) best = &p.loaded->brand;
    return *best;
}

// A spec of the highlights template whose texts the batch writes.
Spec card_spec(const fs::path& folder, const std::map<std::string, std::string>& texts) {
    Spec spec;
    spec.file = folder / kHighlightsFile;
    spec.display_name = folder.filename().string();
    spec.stem = folder.filename().string();
    spec.template_name = {"highlights", {}};
    spec.locale = {Locale::id, {}};
    for (const auto& [field, text] : texts) spec.content.texts[field] = {text, {}};
    return spec;
}

std::string slide_name(size_t number) {
    char name[32];
    std::snprintf(name, sizeof name, "portrait-%02zu.png", number);
    return name;
}

// What last time's highlights were made from, and the files they made.
struct Record {
    std::string fingerprint;
    std::vector<std::string> files;
};

std::optional<Record> read_record(const fs::path& file) {
    std::ifstream in(file);
    Record record;
    if (!std::getline(in, record.fingerprint) || record.fingerprint.empty()) return std::nullopt;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) record.files.push_back(line);
    return record;
}

std::string recorded_inputs(const fs::path& state_dir, const PostOutcome& post) {
    std::ifstream in(state_dir / (post.output + ".inputs"));
    std::string line;
    std::getline(in, line);
    return line;
}

// The first error the reel's encoding reported.
std::string failure_of(const Diagnostics& diagnostics) {
    for (const Warning& w : diagnostics.warnings())
        if (w.code == "render-failed") return w.message;
    return "the reel cannot be drawn whole";
}

void write_png(const fs::path& file, const Scene& scene) {
    write_file_atomically(file, encode_png(paint_scene(scene).get()));
}

class HighlightsWriter {
public:
    HighlightsWriter(const BatchRequest& request, const HighlightsSettings& settings, const BatchReport& report,
                     const fs::path& state_dir)
        : request_(request), settings_(settings), report_(report), state_dir_(state_dir) {}

    HighlightsOutcome run() {
        read_posts();
        if (posts_.empty()) {
            out_.status = "none";
            return out_;
        }
        choose();
        brand_ = week_brand(settings_, posts_);
        tmpl_ = load_template("highlights", {});
        outro_ = load_template(tmpl_.video.outro, tmpl_.video.where);
        std::string week = to_string(report_.week);
        PostFolder folder(request_.out_dir, "highlights-" + week);  // no symlink; stale temporaries go
        folder_ = folder.path();
        fs::path record_file = state_dir_ / ("highlights-" + week + ".inputs");
        std::string fingerprint = inputs_fingerprint();
        if (auto record = read_record(record_file); record && record->fingerprint == fingerprint && all_there(*record)) {
            out_.files = record->files;
            out_.slides = int(carousel_.size()) + 1;
            out_.status = "unchanged";
            return out_;
        }
        std::error_code ec;
        fs::remove(record_file, ec);  // a run stopped half-way must not count as done
        assets_ = Assets{{}, load_logo(brand_)};
        if (!reel_.empty()) write_reel();
        write_carousel();
        remove_stale_slides();
        if (!out_.error.empty()) {
            out_.status = "failed";
            return out_;
        }
        std::string text = fingerprint + "\n";
        for (const auto& name : out_.files) text += name + "\n";
        write_file_atomically(record_file, text);
        out_.status = "rendered";
        return out_;
    }

private:
    void leave_out(const PostOutcome& post, const std::string& why) { out_.left_out.push_back({post.name(), why}); }

    void read_posts() {
        for (const PostOutcome& post : report_.posts) {
            if (post.status == PostStatus::failed) leave_out(post, "failed: " + post.error);
            if (post.status != PostStatus::rendered && post.status != PostStatus::unchanged) continue;
            RenderRequest again;
            again.spec_file = post.spec;
            again.out_dir = request_.out_dir;
            again.row = post.row;
            try {
                posts_.push_back({&post, load_post(again)});
            } catch (const std::exception& e) {
                leave_out(post, std::string("cannot be read again: ") + e.what());
            }
        }
    }

    // Which posts play in the reel and which make the carousel's slides.
    void choose() {
        const Format& reel = *find_format("reel");
        for (ShownPost& p : posts_) {
            const Template& t = p.loaded->tmpl;
            if (t.video.declared && t.layout_for(reel)) {
                reel_.push_back(&p);
                out_.reel_posts.push_back(p.outcome->output);
            } else leave_out(*p.outcome, "not in the reel: template '" + t.id + "' does not play as video");
            if (!t.layouts.count("portrait"))
                leave_out(*p.outcome, "not in the carousel: template '" + t.id + "' has no portrait layout");
            else if (carousel_.size() + 1 < kMaxSlides) {
                carousel_.push_back(&p);
                out_.carousel_posts.push_back(p.outcome->output);
            } else
                leave_out(*p.outcome, "not in the carousel: it holds the week's first " +
                                          std::to_string(kMaxSlides - 1) + " posts");
        }
    }

    std::string inputs_fingerprint() const {
        std::vector<std::string> texts = {to_string(report_.week), std::to_string(settings_.post_frames),
                                          std::to_string(settings_.music_volume), brand_.id};
        for (const ShownPost& p : posts_) texts.push_back(p.outcome->output + " " + recorded_inputs(state_dir_, *p.outcome));
        for (const auto& left : out_.left_out) texts.push_back(left.post + ": " + left.why);
        std::vector<fs::path> files;
        if (!settings_.file.empty()) files.push_back(settings_.file);
        if (settings_.music) files.push_back(settings_.music->path);
        return combined_fingerprint(texts, files, {tmpl_.folder, outro_.folder, brand_.folder});
    }

    bool all_there(const Record& record) const {
        std::error_code ec;
        for (const auto& name : record.files)
            if (name.find('/') != std::string::npos || !fs::is_regular_file(folder_ / name, ec)) return false;
        return true;
    }

    std::map<std::string, std::string> card_texts(bool cover) const {
        WeekDays days = days_of(report_.week);
        size_t shown = cover ? carousel_.size() : reel_.size();
        std::string count = std::to_string(shown) + " unggahan";
        if (cover && carousel_.size() < posts_.size())
            count = std::to_string(carousel_.size()) + " dari " + std::to_string(posts_.size()) + " unggahan";
        std::map<std::string, std::string> texts = {
            {"kicker", "Sorotan pekan " + std::to_string(report_.week.week)},
            {"title", "Sepekan di " + region_of(brand_.office)},
            {"subtitle", format_date_range(days.monday, days.sunday, Locale::id)},
            {"cta", cover ? count + " · geser untuk melihat" : count},
        };
        if (cover) texts["source"] = "1/" + std::to_string(carousel_.size() + 1);
        return texts;
    }

    void write_reel() {
        const Format& reel = *find_format("reel");
        const FontSet& fonts = bundled_fonts();
        Spec intro = card_spec(folder_, card_texts(false));
        if (settings_.music) {
            intro.video.emplace();
            intro.video->music = settings_.music;
            intro.video->music_volume = settings_.music_volume;
        }
        std::vector<SequenceScene> scenes;
        scenes.push_back({LayoutInputs{intro, tmpl_, brand_, fonts, assets_}, tmpl_.video.duration, {}, {}, {}});
        SceneEntrance crossfade{Transition::crossfade, tmpl_.video.enter_frames, {}};
        for (const ShownPost* p : reel_) {
            const LoadedPost& post = *p->loaded;
            scenes.push_back({LayoutInputs{post.spec, post.tmpl, post.brand, fonts, post.assets}, settings_.post_frames,
                              post.spec.template_name.where, {}, crossfade});
        }
        LayoutInputs outro_in{intro, outro_, brand_, fonts, assets_};
        Diagnostics diagnostics;
        RenderPlan plan{intro, tmpl_, brand_, {}, {}, {&reel}, {}};
        try {
            plan.timelines.push_back(build_sequence(scenes, tmpl_.video, &outro_in, reel, diagnostics));
        } catch (const std::exception& e) {
            out_.error = std::string("the reel: ") + e.what();
            return;
        }
        RenderResult result;
        result.folder = folder_;
        write_video(plan, reel, plan.timelines.front(), result);
        if (!result.failed.empty()) {
            out_.error = "the reel: " + failure_of(result.diagnostics);
            return;
        }
        for (const RenderedFile& file : result.files) out_.files.push_back(file.path.filename().string());
    }

    void write_carousel() {
        const Format& portrait = *find_format("portrait");
        const FontSet& fonts = bundled_fonts();
        Diagnostics ignored;  // the texts are the batch's own; the posts' were checked by their render
        size_t total = carousel_.size() + 1;
        Spec cover = card_spec(folder_, card_texts(true));
        Scene cover_scene = build_scene({cover, tmpl_, brand_, fonts, assets_}, portrait, ignored);
        if (!cover_scene.whole) {
            out_.error = "the carousel's cover does not fit whole";
            return;
        }
        write_png(folder_ / slide_name(1), cover_scene);
        out_.files.push_back(slide_name(1));
        for (size_t i = 0; i < carousel_.size(); ++i) {
            const LoadedPost& post = *carousel_[i]->loaded;
            std::string number = std::to_string(i + 2) + "/" + std::to_string(total);
            try {
                Scene own = build_scene({post.spec, post.tmpl, post.brand, fonts, post.assets}, portrait, ignored);
                if (!own.whole) throw std::runtime_error("its portrait does not fit whole");
                CairoSurfacePtr canvas = paint_scene(own);
                DecodedImage picture{share_surface(canvas.release()), own.width, own.height, 1, nullptr};
                Spec slide = card_spec(folder_, {{"source", number}});
                slide.content.photo = PhotoRef{};
                slide.content.photo->path = request_.out_dir / carousel_[i]->outcome->output / "portrait.png";
                Assets assets = assets_;
                assets.photos["photo"] = picture;
                write_png(folder_ / slide_name(i + 2), build_scene({slide, tmpl_, brand_, fonts, assets}, portrait, ignored));
            } catch (const std::exception& e) {
                out_.error = "the carousel's slide " + number + " (" + carousel_[i]->outcome->name() + "): " + e.what();
                return;
            }
            out_.files.push_back(slide_name(i + 2));
        }
        out_.slides = int(total);
    }

    // Slides of a longer week made before: only rupa's own names, only regular files.
    void remove_stale_slides() const {
        for (size_t n = size_t(out_.slides) + 1; n <= 99; ++n) {
            fs::path file = folder_ / slide_name(n);
            std::error_code ec;
            if (fs::is_regular_file(fs::symlink_status(file, ec))) fs::remove(file, ec);
        }
        if (reel_.empty())
            for (const char* name : {"reel.mp4", "reel-cover.png"}) {
                std::error_code ec;
                if (fs::is_regular_file(fs::symlink_status(folder_ / name, ec))) fs::remove(folder_ / name, ec);
            }
    }

    const BatchRequest& request_;
    const HighlightsSettings& settings_;
    const BatchReport& report_;
    fs::path state_dir_, folder_;
    std::vector<ShownPost> posts_;
    std::vector<ShownPost*> reel_, carousel_;
    Brand brand_;
    Template tmpl_, outro_;
    Assets assets_;
    HighlightsOutcome out_;
};

}  // namespace

HighlightsSettings read_highlights_settings(const fs::path& dir) {
    HighlightsSettings settings;
    fs::path file = dir / kHighlightsFile;
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(file, ec))) return settings;
    settings.file = file;
    YamlSource src = load_yaml(file, file.string());
    if (!src.root.IsMap())
        throw SpecError(src.file_mark(), "highlights.yaml must be a mapping of settings",
                        "e.g. music: musik/pekan.mp3");
    src.check_keys(src.root, {"music", "music_volume", "post_seconds", "brand"});
    SpecProblems problems;
    if (const YAML::Node node = src.root["music"])
        problems.attempt([&] {
            MediaRef music;
            music.as_written = src.text(node, "music");
            music.where = src.mark(node);
            music.path = confined_path({dir, "the batch folder", "copy the file into the batch folder"},
                                       music.as_written, music.where, "music");
            if (!fs::is_regular_file(music.path, ec))
                throw SpecError(music.where, "cannot find music '" + excerpt(music.as_written) + "'",
                                "paths are relative to the batch folder");
            settings.music = music;
        });
    if (const YAML::Node node = src.root["music_volume"])
        problems.attempt([&] {
            settings.music_volume = src.number(node, "music_volume");
            if (settings.music_volume < 0 || settings.music_volume > 1)
                throw SpecError(src.mark(node), "'music_volume' must be between 0 and 1",
                                "0 is silent, 1 as loud as the file; got " + excerpt(node.Scalar()));
        });
    if (const YAML::Node node = src.root["post_seconds"])
        problems.attempt([&] {
            double seconds = src.number(node, "post_seconds");
            if (seconds < kMinPostSeconds || seconds > kMaxPostSeconds)
                throw SpecError(src.mark(node), "'post_seconds' must be between 3 and 5",
                                "each post plays 3 to 5 s in the week's reel; got " + excerpt(node.Scalar()));
            settings.post_frames = to_frames(seconds);
        });
    if (const YAML::Node node = src.root["brand"])
        problems.attempt([&] {
            settings.brand = Located<std::string>{src.text(node, "brand"), src.mark(node)};
            load_brand(settings.brand->value, settings.brand->where);
        });
    problems.throw_if_any();
    return settings;
}

HighlightsOutcome write_highlights(const BatchRequest& request, const HighlightsSettings& settings,
                                   const BatchReport& report, const fs::path& state_dir) {
    try {
        return HighlightsWriter(request, settings, report, state_dir).run();
    } catch (const std::exception& e) {
        HighlightsOutcome failed;
        failed.status = "failed";
        failed.error = e.what();
        return failed;
    }
}

}  // namespace rupa
