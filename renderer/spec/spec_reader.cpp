// Reads a content spec. The allowed field names are PRODUCT.md's; each value is checked for
// type and range here, so that later stages can trust the Spec.
#include "spec/spec_reader.hpp"

#include "spec/caption_reader.hpp"
#include "spec/confined_path.hpp"
#include "spec/spec_error.hpp"
#include "spec/spec_keys.hpp"
#include "spec/yaml_source.hpp"

#include <chrono>
#include <map>
#include <regex>

namespace rupa {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kTopFields = key_names(spec_keys());
const std::vector<std::string> kTextFields = {"kicker", "title", "subtitle", "place", "body",
                                              "claim",  "source", "cta"};
// The English words admins reach for; too far from the Indonesian for a typo match.
const std::map<std::string, std::string> kEnglishVerdicts = {
    {"hoax", "hoaks"}, {"disinformation", "disinformasi"}, {"misinformation", "misinformasi"},
    {"fact", "fakta"}, {"true", "fakta"}, {"false", "hoaks"}};

const std::vector<std::string> kVideoFields = key_names(video_keys());
const std::vector<std::string> kSceneFields = key_names(scene_keys());
const std::vector<std::string> kSceneKinds = scene_kind_keys();

// A range's end as messages write it: 0.1, 180.
std::string shown(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

// Reads every field it can and keeps each problem in `problems` (an admin fixes them all in
// one go); only a file that is not a mapping of fields stops it.
class SpecReader {
public:
    SpecReader(YamlSource source, fs::path folder, SpecProblems& problems)
        : src_(std::move(source)), folder_(folder), problems_(problems) {}

    Spec read(Spec spec) {
        const YAML::Node& root = src_.root;
        if (!root.IsMap())
            throw SpecError(src_.mark(root), "a spec must be a mapping of fields, not " +
                                                 kind_name(root),
                            "start with 'template:' and 'content:' at the left margin");
        check([&] { src_.check_keys(root, kTopFields, misplaced_field_advice(root)); });
        if (!root["template"])
            problems_.add({src_.file_mark(), "missing field 'template'", "name a template, e.g. 'template: event'"});
        else
            check([&] { spec.template_name = {name(root["template"], "template"), src_.mark(root["template"])}; });
        if (root["brand"]) {
            // An unreadable brand stays named, empty, so that no default takes its place.
            spec.brand_name = Located<std::string>{"", src_.mark(root["brand"])};
            check([&] { spec.brand_name->value = name(root["brand"], "brand"); });
        }
        if (root["locale"]) check([&] {
            std::string code = src_.choice(root["locale"], "locale", locale_names());
            spec.locale = {code == "en" ? Locale::en : Locale::id, src_.mark(root["locale"])};
        });
        if (root["formats"]) check([&] { read_formats(root["formats"], spec); });
        // Without readable content, no content field is reported missing as well.
        if (!root["content"])
            problems_.add({src_.file_mark(), "missing field 'content'",
                           "put the post's text and photos under 'content:'"});
        if (!root["content"] || !problems_.attempt([&] { spec.content = read_content(root["content"]); }))
            spec.content.refused.insert(content_field_names().begin(), content_field_names().end());
        // A content field at the left margin is reported where it stands, not as missing.
        for (const auto& entry : root)
            if (entry.first.IsScalar()) spec.content.refused.insert(entry.first.Scalar());
        for (const auto& entry : root)
            if (entry.first.IsScalar() && entry.first.Scalar() == "content") spec.content_where = src_.mark(entry.first);
        // Read after the content, which every scene starts from.
        if (root["video"]) check([&] { spec.video = read_video(root["video"], spec.content); });
        return spec;
    }

private:
    // Runs one check; its SpecError is kept and reading goes on.
    template <class Check>
    void check(Check&& one) {
        problems_.attempt(std::forward<Check>(one));
    }

    // Reads every entry of a list, then throws the problems of all of them at once: the list
    // as a whole is refused, and each wrong entry is reported.
    template <class ReadEntry>
    void each_entry(const YAML::Node& list, ReadEntry&& read) {
        SpecProblems entries;
        for (const auto& entry : list) entries.attempt([&] { read(entry); });
        entries.throw_if_any();
    }

    // A content or video field written at the left margin, outside its section, says where it
    // belongs and how far to indent it (as far as the section's own fields are).
    YamlSource::KeyAdvice misplaced_field_advice(const YAML::Node& root) const {
        return [this, root](const std::string& field, const YAML::Node& key) -> std::optional<SpecProblem> {
            const auto content = content_field_names();
            std::string section = std::find(content.begin(), content.end(), field) != content.end() ? "content"
                                  : std::find(kVideoFields.begin(), kVideoFields.end(), field) != kVideoFields.end()
                                      ? "video"
                                      : "";
            if (section.empty()) return std::nullopt;
            const YAML::Node block = root[section];
            if (!block) return SpecProblem{src_.mark(key), "'" + field + "' belongs under '" + section + ":'",
                                           "add a line '" + section + ":' and indent '" + field +
                                               "' under it by two spaces"};
            int spaces = 2;
            if (block.IsMap() && block.Style() != YAML::EmitterStyle::Flow && block.size() > 0)
                spaces = std::max(1, src_.mark(block.begin()->first).column - 1);
            return SpecProblem{src_.mark(key), "'" + field + "' belongs under '" + section + ":'",
                               "indent it by " + std::to_string(spaces) + (spaces == 1 ? " space" : " spaces") +
                                   ", like the other fields under '" + section + ":'"};
        };
    }

    // A template's or brand's id or path: text that may not be empty.
    std::string name(const YAML::Node& node, const std::string& field) {
        std::string value = src_.text(node, field);
        if (!value.empty()) return value;
        throw SpecError(src_.mark(node), "'" + field + "' is empty",
                        field == "template"
                            ? "name one from 'rupa templates', or a path to one"
                            : "name a brand kit, or leave 'brand' out for the template's own");
    }

    void read_formats(const YAML::Node& node, Spec& spec) {
        if (node.IsScalar()) {
            spec.formats.push_back({src_.text(node, "formats"), src_.mark(node)});
            return;
        }
        if (!node.IsSequence())
            throw SpecError(src_.mark(node),
                            "'formats' must be a list of format ids or platforms, not " + kind_name(node));
        for (const auto& item : node)
            spec.formats.push_back({src_.text(item, "formats"), src_.mark(item)});
        if (spec.formats.empty())
            throw SpecError(src_.mark(node), "'formats' is empty",
                            "name formats or platforms, or leave 'formats' out for the template's own");
    }

    Content read_content(const YAML::Node& node) {
        src_.require_map(node, "content");
        const std::vector<std::string> names = content_field_names();
        Content c;
        if (!problems_.attempt([&] { src_.check_keys(node, names); }))
            for (const auto& entry : node)
                if (entry.first.IsScalar()) c.refused.insert(nearest_word(entry.first.Scalar(), names));
        // Each field is read on its own; one that is refused is remembered as such.
        auto check = [&](const std::string& field, auto&& read) {
            if (!problems_.attempt(read)) c.refused.insert(field);
        };
        for (const auto& field : kTextFields)
            if (node[field]) check(field, [&] { c.texts[field] = {src_.text(node[field], field), src_.mark(node[field])}; });
        if (node["verdict"])
            check("verdict", [&] { c.texts["verdict"] = {read_verdict(node["verdict"]), src_.mark(node["verdict"])}; });
        if (node["date"])
            check("date", [&] { c.date = Located<CalendarDate>{read_date(node["date"], "date"), src_.mark(node["date"])}; });
        if (node["time"])
            check("time", [&] { c.time = Located<TimeOfDay>{read_time(node["time"], "time"), src_.mark(node["time"])}; });
        if (node["photo"]) check("photo", [&] { c.photo = read_photo(node["photo"], "photo"); });
        if (node["photos"]) check("photos", [&] { c.photos = read_photo_list(node["photos"]); });
        if (node["stats"]) check("stats", [&] { c.stats = read_stats(node["stats"]); });
        if (node["quote"]) check("quote", [&] { c.quote = read_quote(node["quote"]); });
        if (node["points"]) check("points", [&] { c.points = read_points(node["points"]); });
        if (node["items"]) check("items", [&] { c.items = read_items(node["items"]); });
        if (node["hashtags"]) check("hashtags", [&] { c.hashtags = read_located_texts(node["hashtags"], "hashtags"); });
        for (auto& tag : c.hashtags)
            if (!tag.value.empty() && tag.value[0] == '#') tag.value.erase(0, 1);
        return c;
    }

    std::string read_verdict(const YAML::Node& node) {
        auto english = kEnglishVerdicts.find(lower_ascii(src_.text(node, "verdict")));
        if (english != kEnglishVerdicts.end())
            throw SpecError(src_.mark(node), "unknown verdict '" + node.Scalar() + "'",
                            "did you mean '" + english->second +
                                "'? verdicts are written in Indonesian");
        return src_.choice(node, "verdict", verdict_names());
    }

    CalendarDate read_date(const YAML::Node& node, const std::string& field) {
        return parse_date(src_.text(node, field), src_.mark(node), field);
    }

    TimeOfDay read_time(const YAML::Node& node, const std::string& field) {
        return parse_time(src_.text(node, field), src_.mark(node), field);
    }

    PhotoRef read_photo(const YAML::Node& node, const std::string& field) {
        PhotoRef photo;
        if (node.IsMap()) {
            src_.check_keys(node, key_names(photo_keys()));
            if (!node["src"])
                throw SpecError(src_.mark(node), "'" + field + "' needs a 'src'",
                                std::string("e.g. {src: ") + (field == "clip" ? "video/a.mp4" : "photos/a.jpg") +
                                    ", focus: [0.5, 0.3]}");
            if (node["focus"]) read_focus(node["focus"], photo);
        }
        // A fresh Node, never reassigned: yaml-cpp's Node::operator= writes through.
        const YAML::Node src_node = node.IsMap() ? node["src"] : node;
        static_cast<MediaRef&>(photo) = read_media(src_node, field);
        return photo;
    }

    MediaRef read_media(const YAML::Node& node, const std::string& field) {
        MediaRef media;
        media.as_written = src_.text(node, field);
        media.where = src_.mark(node);
        media.path = resolve_media(media.as_written, media.where, field);
        return media;
    }

    void read_focus(const YAML::Node& node, PhotoRef& photo) {
        if (!node.IsSequence() || node.size() != 2)
            throw SpecError(src_.mark(node), "'focus' must be two numbers [x, y]",
                            "0 is the left/top edge, 1 the right/bottom");
        photo.focus_x = src_.number(node[0], "focus");
        photo.focus_y = src_.number(node[1], "focus");
        for (const auto& [value, item] : {std::pair{photo.focus_x, node[0]}, {photo.focus_y, node[1]}})
            if (value < 0 || value > 1)
                throw SpecError(src_.mark(item), "'focus' values must lie between 0 and 1");
    }

    std::vector<PhotoRef> read_photo_list(const YAML::Node& node) {
        if (!node.IsSequence())
            throw SpecError(src_.mark(node),
                            "'photos' must be a list of photos, not " + kind_name(node));
        std::vector<PhotoRef> photos;
        each_entry(node, [&](const YAML::Node& item) { photos.push_back(read_photo(item, "photos")); });
        return photos;
    }

    // Media paths are relative to the spec's folder and may not leave it (confined_path).
    fs::path resolve_media(const std::string& written, const SourceMark& where,
                           const std::string& field) {
        fs::path full = confined_path({folder_, "the spec's folder", "copy the file next to the spec"},
                                      written, where, field);
        std::string shown = excerpt(written);
        std::error_code ec;
        if (!fs::exists(full, ec))
            throw SpecError(where, "cannot find " + field + " '" + shown + "'",
                            "paths are relative to the spec's folder");
        if (fs::is_directory(full, ec))
            throw SpecError(where, "'" + shown + "' is a folder, not a file",
                            "name the " + field + " file itself");
        if (!fs::is_regular_file(full, ec))
            throw SpecError(where, "'" + shown + "' is not a regular file");
        return full;
    }

    std::vector<Located<std::string>> read_located_texts(const YAML::Node& node,
                                                         const std::string& field) {
        std::vector<Located<std::string>> out;
        if (node.IsScalar()) {
            out.push_back({src_.text(node, field), src_.mark(node)});
            return out;
        }
        if (!node.IsSequence())
            throw SpecError(src_.mark(node),
                            "'" + field + "' must be a list of text, not " + kind_name(node));
        each_entry(node, [&](const YAML::Node& item) { out.push_back({src_.text(item, field), src_.mark(item)}); });
        return out;
    }

    std::vector<Stat> read_stats(const YAML::Node& node) {
        if (!node.IsSequence())
            throw SpecError(src_.mark(node),
                            "'stats' must be a list of {value, label}, not " + kind_name(node));
        if (node.size() < kMinStats || node.size() > kMaxStats)
            throw SpecError(src_.mark(node), "'stats' takes " + std::to_string(kMinStats) + " to " +
                                                 std::to_string(kMaxStats) + " numbers, not " +
                                                 std::to_string(node.size()));
        std::vector<Stat> stats;
        each_entry(node, [&](const YAML::Node& item) { stats.push_back(read_stat(item)); });
        return stats;
    }

    Stat read_stat(const YAML::Node& item) {
        if (!item.IsMap())
            throw SpecError(src_.mark(item), "a stat must be a mapping, not " + kind_name(item),
                            "e.g. {value: 78, unit: \"%\", label: pengguna aktif}");
        check([&] { src_.check_keys(item, key_names(stat_keys())); });
        Stat stat;
        stat.where = src_.mark(item);
        if (!item["value"]) throw SpecError(stat.where, "a stat needs a 'value'");
        check([&] {
            std::string raw = src_.text(item["value"], "value");
            // A quoted value is text as written: a year ("2021") or a code is not a quantity
            // to write as "2.021".
            if (written_quoted(item["value"])) {
                stat.text = raw;
                return;
            }
            try {
                stat.number = src_.number(item["value"], "value");
            } catch (const SpecError&) {
                stat.text = raw;
            }
        });
        if (item["unit"]) check([&] { stat.unit = src_.text(item["unit"], "unit"); });
        if (item["label"]) check([&] { stat.label = src_.text(item["label"], "label"); });
        return stat;
    }

    std::vector<Located<std::string>> read_points(const YAML::Node& node) {
        check_length(node, "points", "points");
        return read_located_texts(node, "points");
    }

    // Checked before the entries are read, so that a huge list is refused at once.
    void check_length(const YAML::Node& list, const std::string& field, const std::string& what) {
        if (!list.IsSequence() || list.size() <= kMaxListEntries) return;
        throw SpecError(src_.mark(list),
                        "'" + field + "' lists " + std::to_string(list.size()) + " " + what +
                            "; rupa takes at most " + std::to_string(kMaxListEntries),
                        "split them over several posts");
    }

    Quote read_quote(const YAML::Node& node) {
        Quote quote;
        quote.where = src_.mark(node);
        if (node.IsScalar()) {
            quote.text = src_.text(node, "quote");
            return quote;
        }
        src_.require_map(node, "quote");
        src_.check_keys(node, key_names(quote_keys()));
        if (!node["text"]) throw SpecError(quote.where, "a quote needs its 'text'");
        quote.text = src_.text(node["text"], "text");
        if (node["by"]) quote.by = src_.text(node["by"], "by");
        if (node["role"]) quote.role = src_.text(node["role"], "role");
        return quote;
    }

    std::vector<AgendaItem> read_items(const YAML::Node& node) {
        if (!node.IsSequence())
            throw SpecError(src_.mark(node),
                            "'items' must be a list of agenda entries, not " + kind_name(node));
        check_length(node, "items", "agenda entries");
        std::vector<AgendaItem> items;
        each_entry(node, [&](const YAML::Node& entry) { items.push_back(read_item(entry)); });
        return items;
    }

    AgendaItem read_item(const YAML::Node& entry) {
        if (!entry.IsMap())
            throw SpecError(src_.mark(entry), "an agenda entry must be a mapping, not " + kind_name(entry),
                            "e.g. {date: 2024-07-03, time: \"13:30\", title: Rapat, place: Pendopo}");
        check([&] { src_.check_keys(entry, key_names(item_keys())); });
        AgendaItem item;
        item.where = src_.mark(entry);
        if (!entry["title"]) problems_.add({item.where, "an agenda entry needs a 'title'", ""});
        else check([&] { item.title = src_.text(entry["title"], "title"); });
        if (entry["place"]) check([&] { item.place = src_.text(entry["place"], "place"); });
        if (entry["date"]) check([&] { item.date = read_date(entry["date"], "date"); });
        if (entry["time"]) check([&] { item.time = read_time(entry["time"], "time"); });
        return item;
    }

    VideoSpec read_video(const YAML::Node& node, const Content& content) {
        src_.require_map(node, "video");
        check([&] { src_.check_keys(node, kVideoFields); });
        VideoSpec video;
        video.where = src_.mark(node);
        if (node["duration"]) check([&] { video.duration = read_duration(node["duration"]); });
        if (node["music"]) check([&] { video.music = read_media(node["music"], "music"); });
        if (node["music_volume"])
            check([&] {
                video.music_volume =
                    read_level(node["music_volume"], "music_volume", "0 is silent, 1 as loud as the file");
            });
        if (node["voiceover"]) check([&] { video.voiceover = read_media(node["voiceover"], "voiceover"); });
        if (node["captions"]) check([&] { read_captions(node["captions"], video); });
        if (node["scenes"]) check([&] { video.scenes = read_scenes(node["scenes"], content); });
        if (video.duration && !video.scenes.empty())
            throw SpecError(video.duration->where, "'duration' is given for the whole video and for 'scenes'",
                            "with scenes, give each scene its own 'duration'");
        return video;
    }

    // PRODUCT.md, "Limits": a video is at most 180 s; a tenth of a second is three frames.
    Located<long> read_duration(const YAML::Node& node) {
        double seconds = src_.number(node, "duration");
        const Bounds range = key_doc(video_keys(), "duration").bounds;
        if (seconds < range.min || seconds > range.max)
            throw SpecError(src_.mark(node), "'duration' must be between " + shown(range.min) + " and " +
                                                 shown(range.max) + " seconds",
                            "got " + excerpt(node.Scalar()));
        return {to_frames(seconds), src_.mark(node)};
    }

    double read_level(const YAML::Node& node, const std::string& field, const std::string& meaning) {
        double volume = src_.number(node, field);
        const Bounds range = key_doc(field == "volume" ? scene_keys() : video_keys(), field).bounds;
        if (volume < range.min || volume > range.max)
            throw SpecError(src_.mark(node), "'" + field + "' must be between " + shown(range.min) + " and " +
                                                 shown(range.max),
                            meaning + "; got " + excerpt(node.Scalar()));
        return volume;
    }

    // transition: cut | crossfade | wipe | slide, or {animation: ..., duration: 0.3-0.5}.
    SceneEntrance read_entrance(const YAML::Node& node) {
        SceneEntrance entrance;
        entrance.where = src_.mark(node);
        if (node.IsMap()) {
            src_.check_keys(node, key_names(transition_keys()));
            if (!node["animation"])
                throw SpecError(entrance.where, "a 'transition' needs an 'animation'",
                                "e.g. {animation: slide, duration: 0.4}");
        } else if (!node.IsScalar()) {
            throw SpecError(entrance.where,
                            "'transition' must be cut, crossfade, wipe or slide, not " + kind_name(node),
                            "e.g. transition: slide");
        }
        std::string kind = src_.choice(node.IsMap() ? node["animation"] : node, "transition", scene_transition_names());
        if (kind == "cut") {
            entrance.frames = 0;
            if (node.IsMap() && node["duration"])
                throw SpecError(src_.mark(node["duration"]), "a cut takes no time", "leave 'duration' out");
            return entrance;
        }
        entrance.animation = kind == "wipe"    ? Transition::wipe
                             : kind == "slide" ? Transition::slide
                                               : Transition::crossfade;
        if (node.IsMap() && node["duration"]) {
            // DESIGN.md: transitions take 300-500 ms.
            double seconds = src_.number(node["duration"], "duration");
            const Bounds range = key_doc(transition_keys(), "duration").bounds;
            if (!(seconds >= range.min && seconds <= range.max))
                throw SpecError(src_.mark(node["duration"]),
                                "a transition's 'duration' must be between " + shown(range.min) + " and " +
                                    shown(range.max) + " seconds",
                                "got " + excerpt(node["duration"].Scalar()));
            entrance.frames = to_frames(seconds);
        }
        return entrance;
    }

    void read_captions(const YAML::Node& node, VideoSpec& video) {
        if (node.IsScalar()) {
            video.captions_file = read_media(node, "captions");
            if (video.captions_file->path.extension() != ".srt")
                throw SpecError(video.captions_file->where, "'captions' must be a SubRip (.srt) file",
                                "or a list of {text, from, to}");
            fs::path shown = fs::path(src_.display_name).parent_path() / video.captions_file->as_written;
            video.captions = read_srt(video.captions_file->path, shown.lexically_normal().string());
            return;
        }
        if (!node.IsSequence())
            throw SpecError(src_.mark(node), "'captions' must be an .srt file or a list of {text, from, to}, not " +
                                                 kind_name(node));
        if (node.size() > kMaxCaptions)
            throw SpecError(src_.mark(node), "'captions' lists " + std::to_string(node.size()) +
                                                 " captions; rupa takes at most " + std::to_string(kMaxCaptions),
                            "a video is at most 180 s");
        each_entry(node, [&](const YAML::Node& entry) { video.captions.push_back(read_caption(entry)); });
        order_captions(video.captions);
    }

    Caption read_caption(const YAML::Node& entry) {
        if (!entry.IsMap())
            throw SpecError(src_.mark(entry), "a caption must be a mapping, not " + kind_name(entry),
                            "e.g. {text: Selamat datang, from: 0, to: 2.5}");
        src_.check_keys(entry, key_names(caption_keys()));
        Caption caption;
        caption.where = src_.mark(entry);
        for (const char* field : {"text", "from", "to"})
            if (!entry[field]) throw SpecError(caption.where, std::string("a caption needs '") + field + "'",
                                               "e.g. {text: Selamat datang, from: 0, to: 2.5}");
        caption.text = src_.text(entry["text"], "text");
        if (caption.text.empty()) throw SpecError(src_.mark(entry["text"]), "a caption's 'text' is empty");
        double from = read_caption_time(entry["from"], "from");
        double to = read_caption_time(entry["to"], "to");
        check_caption_range(from, to, src_.mark(entry["to"]));
        caption.from = to_frames(from);
        caption.to = to_frames(to);
        return caption;
    }

    double read_caption_time(const YAML::Node& node, const std::string& field) {
        auto seconds = parse_caption_time(src_.text(node, field));
        if (!seconds)
            throw SpecError(src_.mark(node), "'" + field + "' must be a time in seconds",
                            "e.g. 12.5 or 0:12.5, not '" + excerpt(node.Scalar()) + "'");
        return *seconds;
    }

    std::vector<VideoScene> read_scenes(const YAML::Node& node, const Content& content) {
        if (!node.IsSequence())
            throw SpecError(src_.mark(node), "'scenes' must be a list of scenes, not " + kind_name(node),
                            "e.g. - {template: stats, duration: 4}");
        if (node.size() == 0)
            throw SpecError(src_.mark(node), "'scenes' is empty",
                            "list the scenes, or leave 'scenes' out for the template's own");
        check_length(node, "scenes", "scenes");
        std::vector<VideoScene> scenes;
        each_entry(node, [&](const YAML::Node& item) { scenes.push_back(read_scene(item, content)); });
        if (!scenes.empty() && scenes.front().transition)
            throw SpecError(scenes.front().transition->where,
                            "the first scene has no scene before it to enter over",
                            "leave its 'transition' out; a scene's 'transition' is how it enters the one before");
        return scenes;
    }

    VideoScene read_scene(const YAML::Node& item, const Content& content) {
        if (!item.IsMap())
            throw SpecError(src_.mark(item), "a scene must be a mapping, not " + kind_name(item),
                            "e.g. {template: stats, duration: 4}");
        src_.check_keys(item, kSceneFields);
        VideoScene scene;
        scene.where = src_.mark(item);
        std::vector<std::string> kinds;
        for (const auto& kind : kSceneKinds)
            if (item[kind]) kinds.push_back(kind);
        if (kinds.empty())
            throw SpecError(scene.where, "a scene needs a 'template', 'photos' or a 'clip'",
                            "e.g. {template: stats, duration: 4}");
        if (kinds.size() > 1)
            throw SpecError(src_.mark(item[kinds[1]]),
                            "a scene shows a template, photos or a clip, not '" + kinds[0] + "' and '" +
                                kinds[1] + "' at once",
                            "make them two scenes");
        if (item["template"]) {
            scene.template_name = {name(item["template"], "template"), src_.mark(item["template"])};
        } else if (item["photos"]) {
            scene.kind = SceneKind::slideshow;
            check_length(item["photos"], "photos", "photos");
            scene.photos = read_photo_list(item["photos"]);
            if (scene.photos.empty()) throw SpecError(src_.mark(item["photos"]), "'photos' is empty");
        } else {
            scene.kind = SceneKind::clip;
            scene.clip = read_photo(item["clip"], "clip");
        }
        if (item["trim"]) read_trim(item["trim"], scene);
        if (item["duration"]) {
            scene.duration = read_duration(item["duration"]);
            if (scene.trim_from)
                throw SpecError(scene.duration->where, "a trimmed clip lasts as long as its 'trim'",
                                "leave 'duration' out, or change 'trim'");
        }
        if (item["transition"]) scene.transition = read_entrance(item["transition"]);
        if (item["volume"]) {
            if (scene.kind != SceneKind::clip)
                throw SpecError(src_.mark(item["volume"]), "'volume' sets a clip's sound, and this scene has no clip",
                                "give the music's level with 'music_volume' under 'video:'");
            scene.volume = read_level(item["volume"], "volume", "0 mutes the clip, 1 plays it as loud as a voice-over");
        }
        scene.content = content;
        if (item["content"]) overlay(scene.content, read_content(item["content"]));
        return scene;
    }

    // trim: [from, to], seconds into the clip.
    void read_trim(const YAML::Node& node, VideoScene& scene) {
        if (scene.kind != SceneKind::clip)
            throw SpecError(src_.mark(node), "'trim' cuts a clip, and this scene has none");
        if (!node.IsSequence() || node.size() != 2)
            throw SpecError(src_.mark(node), "'trim' must be two times [from, to]",
                            "seconds into the clip, e.g. [2.0, 8.5]");
        double from = src_.number(node[0], "trim");
        double to = src_.number(node[1], "trim");
        if (from < 0) throw SpecError(src_.mark(node[0]), "'trim' cannot start before the clip does");
        if (to <= from)
            throw SpecError(src_.mark(node[1]), "'trim' must end after it starts", "e.g. [2.0, 8.5]");
        if (to - from > 180)
            throw SpecError(src_.mark(node[1]), "'trim' keeps more than 180 s, the longest a video can be");
        scene.trim_from = Located<long>{to_frames(from), src_.mark(node[0])};
        scene.trim_to = Located<long>{to_frames(to), src_.mark(node[1])};
    }

    // A scene's own content fields replace the spec's; the rest it keeps.
    static void overlay(Content& base, const Content& over) {
        for (const auto& [field, value] : over.texts) base.texts[field] = value;
        if (over.date) base.date = over.date;
        if (over.time) base.time = over.time;
        if (over.photo) base.photo = over.photo;
        if (over.quote) base.quote = over.quote;
        if (!over.photos.empty()) base.photos = over.photos;
        if (!over.stats.empty()) base.stats = over.stats;
        if (!over.points.empty()) base.points = over.points;
        if (!over.items.empty()) base.items = over.items;
        if (!over.hashtags.empty()) base.hashtags = over.hashtags;
    }

    YamlSource src_;
    fs::path folder_;
    SpecProblems& problems_;
};

// What is wrong with a date written YYYY-MM-DD that is not in the calendar.
std::string calendar_hint(const std::string& text, const CalendarDate& d) {
    using namespace std::chrono;
    if (d.month < 1 || d.month > 12) return "months run from 01 to 12";
    if (d.day < 1) return "days start at 01";
    year_month_day_last last{year(d.year), month_day_last(month(unsigned(d.month)))};
    return text.substr(0, 7) + " has " + std::to_string(unsigned(last.day())) + " days";
}

}  // namespace

CalendarDate parse_date(const std::string& text, const SourceMark& where, const std::string& field) {
    static const std::regex iso(R"((\d{4})-(\d{2})-(\d{2}))");
    std::smatch m;
    if (std::regex_match(text, m, iso)) {
        CalendarDate d{std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3])};
        std::chrono::year_month_day ymd{std::chrono::year(d.year),
                                        std::chrono::month(unsigned(d.month)),
                                        std::chrono::day(unsigned(d.day))};
        if (ymd.ok()) return d;
        throw SpecError(where, "'" + text + "' is not a date in the calendar", calendar_hint(text, d));
    }
    throw SpecError(where, "'" + field + "' must be a date written YYYY-MM-DD",
                    "e.g. 2024-07-04, not '" + excerpt(text) + "'");
}

TimeOfDay parse_time(const std::string& text, const SourceMark& where, const std::string& field) {
    static const std::regex clock(R"((\d{1,2})[:.](\d{2}))");
    std::smatch m;
    if (std::regex_match(text, m, clock)) {
        TimeOfDay t{std::stoi(m[1]), std::stoi(m[2])};
        if (t.hour < 24 && t.minute < 60) return t;
        throw SpecError(where, "'" + text + "' is not a time of day",
                        "hours run from 00 to 23 and minutes from 00 to 59; midnight is 00:00");
    }
    throw SpecError(where, "'" + field + "' must be a time written HH:MM or HH.MM",
                    "e.g. \"09:00\", not '" + excerpt(text) + "'");
}

Spec read_spec(const fs::path& file) {
    SpecProblems problems;
    Spec spec = read_spec(file, problems);
    problems.throw_if_any();
    return spec;
}

Spec read_spec(const fs::path& file, SpecProblems& problems) {
    Spec spec;
    spec.file = file;
    spec.display_name = file.string();
    spec.stem = file.stem().string();
    // The stem names the output folder OUTDIR/<stem>: '...yaml' would give '..', and a
    // hidden name could meet rupa's own '.rupa-batch'.
    if (spec.stem.empty() || spec.stem.starts_with("."))
        throw SpecError({spec.display_name, 0, 0},
                        "the file's name gives the output folder '" + excerpt(spec.stem) +
                            "', which is not a folder of its own",
                        "rename the file, e.g. to rapat.yaml");
    YamlSource source = load_yaml(file, spec.display_name);
    fs::path folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    return SpecReader(std::move(source), folder, problems).read(std::move(spec));
}

Spec read_spec(YamlSource source, Spec spec, const fs::path& folder, SpecProblems& problems) {
    return SpecReader(std::move(source), folder, problems).read(std::move(spec));
}

Spec read_spec(const SpecDocument& document, SpecProblems& problems) {
    Spec spec;
    spec.file = document.file;
    spec.display_name = document.file.string();
    spec.stem = document.stem;
    YAML::Node root;
    try {
        root = YAML::Load(document.yaml);
    } catch (const YAML::Exception& e) {  // a mark of the document's own source says where
        int line = e.mark.is_null() ? 0 : e.mark.line;
        SourceMark where = size_t(line) < document.line_marks.size() ? document.line_marks[size_t(line)]
                                                                     : SourceMark{spec.display_name, 1, 1};
        throw SpecError(where, "cannot read this value", e.msg);
    }
    YamlSource source{spec.display_name, root, document.line_marks};
    return read_spec(std::move(source), std::move(spec), document.folder, problems);
}

}  // namespace rupa
