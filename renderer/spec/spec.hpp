// The content spec (PRODUCT.md, "The content spec"): what an admin wrote, typed, with the
// place each value came from. Read by spec_reader.cpp; nothing here knows about YAML.
#pragma once

#include "spec/source_mark.hpp"

#include <filesystem>
#include <map>
#include <optional>
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

// A photo the spec points at: the path as written, resolved against the spec's folder.
struct PhotoRef {
    std::string as_written;
    std::filesystem::path path;
    double focus_x = 0.5;  // 0 = left edge, 1 = right edge
    double focus_y = 0.5;  // 0 = top, 1 = bottom
    SourceMark where;
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

    // Whether the spec fills the content field `field`.
    bool has(const std::string& field) const {
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

    // The text of a field, or "" when the spec leaves it out.
    std::string text(const std::string& field) const {
        auto it = texts.find(field);
        return it == texts.end() ? std::string{} : it->second.value;
    }
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
    bool has_video_section = false;
    SourceMark video_where;
};

}  // namespace rupa
