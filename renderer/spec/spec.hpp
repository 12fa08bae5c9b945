// The content spec (PRODUCT.md, "The content spec"): what an admin wrote, typed, with the
// place each value came from. Read by spec_reader.cpp; nothing here knows about YAML.
#pragma once

#include "scene/transition.hpp"
#include "spec/key_doc.hpp"
#include "spec/source_mark.hpp"

#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

namespace rupa {

template <typename T>
struct Located {
    T value{};
    SourceMark where;
};

enum class Locale { id, en };

struct CalendarDate {
    int year = 0;
    int month = 0;  // 1..12
    int day = 0;    // 1..31
};

struct TimeOfDay {
    int hour = 0;
    int minute = 0;
};

// A file the spec points at: the path as written, resolved against the spec's folder.
struct MediaRef {
    std::string as_written;
    std::filesystem::path path;
    SourceMark where;
};

// A photo, and the point of it that stays in view when it is cropped.
struct PhotoRef : MediaRef {
    double focus_x = 0.5;  // 0 = left edge, 1 = right edge
    double focus_y = 0.5;  // 0 = top, 1 = bottom
};

struct Stat {
    std::optional<double> number;  // a value given as a number ...
    std::string text;              // ... or as text, shown as written
    std::string unit;
    std::string label;
    SourceMark where;
};

struct Quote {
    std::string text;
    std::string by;
    std::string role;
    SourceMark where;
};

struct AgendaItem {
    std::optional<CalendarDate> date;
    std::optional<TimeOfDay> time;
    std::string title;
    std::string place;
    SourceMark where;
};

// The content fields a spec may give (PRODUCT.md, "The content spec") and the kind of value
// each takes, as `rupa templates --json` and the JSON Schema name them: text, date
// (YYYY-MM-DD), time (HH:MM), photo, photos (a list of photos), stats (a list of {value,
// unit, label}), quote ({text, by, role}), text-list, items (a list of {date, time, title,
// place}), verdict (one of the verdict words).
using ContentField = KeyDoc;
inline const KeyTable& content_fields() {
    static const KeyTable fields = {
        {"kicker", "text", "Teks kecil di atas judul, mis. jenis kegiatan.", "Small text above the title, e.g. the kind of event."},
        {"title", "text", "Judul unggahan.", "The post's headline."},
        {"subtitle", "text", "Anak judul, mis. penyelenggara.", "A line under the title, e.g. the organiser."},
        {"date", "date", "Tanggal, YYYY-MM-DD; tampil \"Kamis, 6 Juli 2023\".",
         "The date, YYYY-MM-DD; shown as \"Kamis, 6 Juli 2023\" (id) or \"Thursday, 6 July 2023\" (en)."},
        {"time", "time", "Jam, \"09:00\" atau \"09.00\"; tampil \"pukul 09.00 WIB\" (zona waktu brand).",
         "The time, \"09:00\" or \"09.00\"; shown as \"pukul 09.00 WIB\" (the brand's time zone)."},
        {"place", "text", "Tempat kegiatan.", "Where it takes place."},
        {"body", "text", "Teks isi; **tebal** dan _miring_ boleh.", "Body text; **bold** and _italic_ allowed."},
        {"photo", "photo", "Foto utama, relatif ke folder spec, atau {src, focus}.",
         "The main photo, relative to the spec's folder, or {src, focus}."},
        {"photos", "photos", "Daftar foto untuk galeri dan tayangan foto.", "A list of photos for galleries and slideshows."},
        {"stats", "stats", "1 sampai 6 angka: {value, unit, label}.", "1 to 6 numbers: {value, unit, label}."},
        {"quote", "quote", "Kutipan: teks, atau {text, by, role}.", "A quote: its text, or {text, by, role}."},
        {"points", "text-list", "Daftar butir (poin) pengumuman.", "A bulleted list of points."},
        {"items", "items", "Entri agenda: {date, time, title, place}.", "Agenda entries: {date, time, title, place}."},
        {"claim", "text", "Klaim yang diluruskan (template hoax).", "The claim being corrected (hoax template)."},
        {"verdict", "verdict", "Label: hoaks, disinformasi, misinformasi atau fakta.",
         "The label: hoaks, disinformasi, misinformasi or fakta (written in Indonesian)."},
        {"source", "text", "Sumber informasi.", "Where the information comes from."},
        {"cta", "text", "Ajakan bertindak, mis. \"Info lengkap: blitarkab.go.id\".",
         "A call to action, e.g. \"Info lengkap: blitarkab.go.id\"."},
        {"hashtags", "text-list", "Tagar tanpa atau dengan '#'.", "Hashtags, with or without '#'."}};
    return fields;
}
inline const std::vector<std::string>& content_field_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const ContentField& f : content_fields()) out.push_back(f.name);
        return out;
    }();
    return names;
}

struct Content {
    // Free-text fields by name: kicker, title, subtitle, place, body, cta, claim, verdict, source.
    std::map<std::string, Located<std::string>> texts;
    std::optional<Located<CalendarDate>> date;
    std::optional<Located<TimeOfDay>> time;
    std::optional<PhotoRef> photo;
    std::vector<PhotoRef> photos;
    std::vector<Stat> stats;
    std::optional<Quote> quote;
    std::vector<Located<std::string>> points;
    std::vector<AgendaItem> items;
    std::vector<Located<std::string>> hashtags;
    // Fields the spec gives that were refused as they are written (a wrong value, or a name
    // that reads as a typo of one: 'tittle'). Their error is reported already; a template that
    // requires one does not report it missing as well.
    std::set<std::string> refused;

    // Whether the spec fills the content field `field` (or a part of the quote: quote.text,
    // quote.by, quote.role).
    bool has(const std::string& field) const {
        if (field == "quote.text") return quote && !quote->text.empty();
        if (field == "quote.by") return quote && !quote->by.empty();
        if (field == "quote.role") return quote && !quote->role.empty();
        if (field == "date") return bool(date);
        if (field == "time") return bool(time);
        if (field == "photo") return bool(photo);
        if (field == "photos") return !photos.empty();
        if (field == "stats") return !stats.empty();
        if (field == "quote") return bool(quote);
        if (field == "points") return !points.empty();
        if (field == "items") return !items.empty();
        if (field == "hashtags") return !hashtags.empty();
        auto it = texts.find(field);
        return it != texts.end() && !it->second.value.empty();
    }

    // Where the spec gives `field` (a list: its first entry); empty when it does not.
    SourceMark where(const std::string& field) const {
        if (field.rfind("quote", 0) == 0) return quote ? quote->where : SourceMark{};
        if (field == "date") return date ? date->where : SourceMark{};
        if (field == "time") return time ? time->where : SourceMark{};
        if (field == "photo") return photo ? photo->where : SourceMark{};
        if (field == "photos") return photos.empty() ? SourceMark{} : photos.front().where;
        if (field == "stats") return stats.empty() ? SourceMark{} : stats.front().where;
        if (field == "points") return points.empty() ? SourceMark{} : points.front().where;
        if (field == "items") return items.empty() ? SourceMark{} : items.front().where;
        if (field == "hashtags") return hashtags.empty() ? SourceMark{} : hashtags.front().where;
        auto it = texts.find(field);
        return it == texts.end() ? SourceMark{} : it->second.where;
    }

    // The text of a field, or "" when the spec leaves it out.
    std::string text(const std::string& field) const {
        auto it = texts.find(field);
        return it == texts.end() ? std::string{} : it->second.value;
    }
};

// Time in a video is a count of frames: every video format of PRODUCT.md plays at 30 fps,
// and seconds are turned into frames only where the spec is read.
constexpr int kVideoFps = 30;
// PRODUCT.md, "Limits": at most 180 s of video.
constexpr long kMaxVideoFrames = 180L * kVideoFps;

inline long to_frames(double seconds) { return std::lround(seconds * kVideoFps); }

// A length as messages show it: "12.5 s".
inline std::string seconds_text(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", seconds);
    return text;
}

// One burned-in caption: shown from frame `from` up to, not including, frame `to`.
struct Caption {
    std::string text;
    long from = 0;
    long to = 0;
    SourceMark where;
};

enum class SceneKind { templated, slideshow, clip };

// A scene's own `transition`: how it enters the scene before it, instead of as its template
// says. A cut is no entrance at all (0 frames).
struct SceneEntrance {
    Transition animation = Transition::crossfade;
    std::optional<long> frames;  // none: the template's length
    SourceMark where;
};

// One entry of `video.scenes`.
struct VideoScene {
    SceneKind kind = SceneKind::templated;
    Located<std::string> template_name;  // a templated scene's template id or path
    std::vector<PhotoRef> photos;        // a slideshow's photos
    std::optional<PhotoRef> clip;        // a phone clip, and the point of it that stays in view
    std::optional<Located<long>> trim_from, trim_to;  // frames into the clip
    std::optional<Located<long>> duration;            // frames; else the template's or clip's own
    std::optional<SceneEntrance> transition;          // none: as its template says
    double volume = 1;  // a clip's sound: 0 mutes it, 1 as loud as a voice-over
    Content content;  // the spec's content with this scene's own fields over it
    SourceMark where;
};

// The `video:` section: how the video formats play.
struct VideoSpec {
    std::optional<Located<long>> duration;  // frames; else the template's default
    std::optional<MediaRef> music;
    double music_volume = 1.0;  // 0 silent .. 1 as loud as the file
    std::optional<MediaRef> voiceover;
    std::optional<MediaRef> captions_file;  // an .srt file, read into `captions`
    std::vector<Caption> captions;          // in time order, never overlapping
    std::vector<VideoScene> scenes;         // empty: the template's own sequence
    SourceMark where;
};

struct Spec {
    std::filesystem::path file;  // as given on the command line
    std::string display_name;    // how errors name the file
    std::string stem;            // output folder name
    Located<std::string> template_name;
    std::optional<Located<std::string>> brand_name;
    Located<Locale> locale{Locale::id, {}};
    std::vector<Located<std::string>> formats;  // format ids or platforms, as written
    Content content;
    SourceMark content_where;  // the 'content:' key, where a missing field is reported
    std::optional<VideoSpec> video;
    // A row of a spreadsheet of posts (spec/post_sheet.hpp): its number, and the cell of each
    // column of the sheet in this row, so that a field the template needs is reported at its
    // empty cell.
    int sheet_row = 0;
    std::map<std::string, SourceMark> sheet_cells;  // by column name
};

}  // namespace rupa
