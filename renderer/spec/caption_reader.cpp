// SubRip parsing and caption ordering.
#include "spec/caption_reader.hpp"

#include "input/plain_file.hpp"
#include "spec/spec_error.hpp"
#include "spec/ascii_text.hpp"
#include "spec/yaml_source.hpp"

#include <glib.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string_view>

namespace rupa {

namespace fs = std::filesystem;

namespace {

// A SubRip file is a few kilobytes; a larger one is not captions.
constexpr std::uintmax_t kMaxSrtBytes = 1 << 20;

// "<i>Halo</i> {\an8}semua" -> "Halo semua": a '<' up to the next '>' with no '<' between,
// and a '{\' up to the next '}' with no '{' between, are dropped. A plain scan, linear in the
// line: std::regex recursed once per character and overflowed the stack on a long line.
std::string without_tags(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        bool brace = text[i] == '{' && i + 1 < text.size() && text[i + 1] == '\\';
        if (text[i] == '<' || brace) {
            const char* stops = brace ? "{}" : "<>";
            size_t end = text.find_first_of(stops, i + 1);
            if (end != std::string::npos && text[end] == stops[1]) {
                i = end + 1;
                continue;
            }
        }
        out += text[i++];
    }
    return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A cue number: digits, with blanks around them.
bool is_cue_number(const std::string& line) {
    std::string digits = trimmed(line);
    return !digits.empty() && std::all_of(digits.begin(), digits.end(), is_digit);
}

// The two times of "FROM --> TO ...", and where each starts.
struct TimingWords {
    std::string from, to;
    size_t from_at = 0, to_at = 0;
};

// Nothing when the line is not a time line: no arrow, or not one word on each side of it.
std::optional<TimingWords> split_timing(const std::string& line) {
    size_t arrow = line.find("-->");
    if (arrow == std::string::npos) return std::nullopt;
    TimingWords words;
    while (words.from_at < arrow && is_space(line[words.from_at])) ++words.from_at;
    size_t from_end = arrow;
    while (from_end > words.from_at && is_space(line[from_end - 1])) --from_end;
    words.from = line.substr(words.from_at, from_end - words.from_at);
    words.to_at = arrow + 3;
    while (words.to_at < line.size() && is_space(line[words.to_at])) ++words.to_at;
    size_t to_end = words.to_at;
    while (to_end < line.size() && !is_space(line[to_end])) ++to_end;
    words.to = line.substr(words.to_at, to_end - words.to_at);
    bool one_word = std::none_of(words.from.begin(), words.from.end(), is_space);
    if (words.from.empty() || !one_word || words.to.empty()) return std::nullopt;
    return words;
}

// Where the first NUL byte is, as a line and column: UTF-16 text is full of them.
SourceMark first_nul(const std::string& bytes, const std::string& name) {
    size_t at = bytes.find('\0');
    size_t line_start = bytes.rfind('\n', at);
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    int line = 1 + int(std::count(bytes.begin(), bytes.begin() + long(at), '\n'));
    return {name, line, int(at - line_start) + 1};
}

std::string read_srt_bytes(const fs::path& file, const std::string& name) {
    static const PlainFileKind kSrt{"a captions file", "captions files", kMaxSrtBytes, "is this the right file?"};
    std::string bytes = read_text_input(file, kSrt, {name, 0, 0});
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"))
        throw SpecError({name, 1, 1}, "the file is saved as UTF-16 text", "save it as UTF-8");
    if (bytes.find('\0') != std::string::npos)
        throw SpecError(first_nul(bytes, name), "not a text file (a NUL byte)",
                        "captions are a SubRip (.srt) text file saved as UTF-8");
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.erase(0, 3);
    return bytes;
}

class SrtReader {
public:
    SrtReader(const std::string& bytes, std::string display_name)
        : in_(bytes), name_(std::move(display_name)) {}

    std::vector<Caption> read() {
        std::vector<Caption> captions;
        std::string line;
        while (next_line(line)) {
            if (trimmed(line).empty()) continue;
            if (captions.size() == kMaxCaptions)
                throw SpecError(at(1), "more than " + std::to_string(kMaxCaptions) + " captions",
                                "a video is at most 180 s; split the captions over several videos");
            captions.push_back(read_block(line));
        }
        if (captions.empty())
            throw SpecError({name_, 0, 0}, "the file holds no captions",
                            "write blocks of a number, a time line '00:00:01,000 --> 00:00:03,000' and text");
        return captions;
    }

private:
    bool next_line(std::string& line) {
        if (!std::getline(in_, line)) return false;
        ++line_no_;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!g_utf8_validate(line.data(), gssize(line.size()), nullptr))
            throw SpecError(at(1), "not valid UTF-8 text", "save the file as UTF-8");
        return true;
    }

    SourceMark at(int column) const { return {name_, line_no_, column}; }

    // One block: an optional cue number, the timing line, then text up to a blank line.
    Caption read_block(std::string line) {
        if (is_cue_number(line) && !next_line(line))
            throw SpecError(at(1), "the file ends after a caption number", "add its time line and text");
        Caption caption;
        caption.where = at(1);
        read_timing(line, caption);
        std::string text;
        while (next_line(line) && !trimmed(line).empty()) {
            std::string part = trimmed(without_tags(line));
            if (part.empty()) continue;
            if (auto control = first_control_character(line))
                refuse_control_characters(line, at(int(control->at) + 1), "this caption");
            text += (text.empty() ? "" : "\n") + part;
        }
        if (text.empty())
            throw SpecError(caption.where, "this caption has no text", "write its text on the line below");
        if (g_utf8_strlen(text.c_str(), -1) > kMaxTextLength)
            throw SpecError(caption.where, "this caption is longer than " + std::to_string(kMaxTextLength) +
                                               " characters", "a caption is a line or two");
        caption.text = text;
        return caption;
    }

    void read_timing(const std::string& line, Caption& caption) {
        std::optional<TimingWords> words = split_timing(line);
        if (!words)
            throw SpecError(at(1), "expected a time line like '00:00:01,000 --> 00:00:03,000'",
                            "got '" + excerpt(line) + "'");
        auto from = parse_caption_time(words->from);
        auto to = parse_caption_time(words->to);
        if (!from) throw SpecError(at(int(words->from_at) + 1), "'" + excerpt(words->from) + "' is not a time",
                                   "write HH:MM:SS,mmm");
        if (!to) throw SpecError(at(int(words->to_at) + 1), "'" + excerpt(words->to) + "' is not a time",
                                 "write HH:MM:SS,mmm");
        check_caption_range(*from, *to, at(int(words->to_at) + 1));
        caption.from = to_frames(*from);
        caption.to = to_frames(*to);
    }

    std::istringstream in_;
    std::string name_;
    int line_no_ = 0;
};

}  // namespace

void check_caption_range(double from, double to, const SourceMark& where) {
    if (to <= from)
        throw SpecError(where, "a caption must end after it starts", "check the order of its two times");
    if (from * kVideoFps >= double(kMaxVideoFrames))
        throw SpecError(where, "this caption starts after 180 s, the longest a video can be");
}

// [[HH:]MM:]SS[(.|,)mmm]: one or two digits for hours and minutes, up to five for seconds
// (a plain number of seconds), up to three for the fraction.
std::optional<double> parse_caption_time(const std::string& text) {
    std::string_view rest(text);
    std::vector<std::string_view> parts;
    for (size_t colon; parts.size() < 3 && (colon = rest.find(':')) != std::string_view::npos;) {
        parts.push_back(rest.substr(0, colon));
        rest.remove_prefix(colon + 1);
    }
    if (parts.size() > 2) return std::nullopt;
    std::string_view whole = rest, fraction;
    bool has_fraction = false;
    if (size_t dot = rest.find_first_of(".,"); dot != std::string_view::npos) {
        whole = rest.substr(0, dot);
        fraction = rest.substr(dot + 1);
        has_fraction = true;
    }
    auto digits = [](std::string_view s, size_t most) {
        return !s.empty() && s.size() <= most && std::all_of(s.begin(), s.end(), is_digit);
    };
    if (!digits(whole, 5) || (has_fraction && !digits(fraction, 3))) return std::nullopt;
    for (std::string_view part : parts)
        if (!digits(part, 2)) return std::nullopt;
    auto value = [](std::string_view s) { return std::stod(std::string(s)); };
    bool has_hours = parts.size() == 2;
    bool clock_form = !parts.empty();
    double hours = has_hours ? value(parts[0]) : 0;
    double minutes = clock_form ? value(parts.back()) : 0;
    double seconds = value(whole);
    if (has_hours && minutes >= 60) return std::nullopt;
    if (clock_form && seconds >= 60) return std::nullopt;
    if (has_fraction) seconds += value("0." + std::string(fraction));
    return hours * 3600 + minutes * 60 + seconds;
}

std::vector<Caption> read_srt(const fs::path& file, const std::string& display_name) {
    std::string bytes = read_srt_bytes(file, display_name);
    std::vector<Caption> captions = SrtReader(bytes, display_name).read();
    order_captions(captions);
    return captions;
}

void order_captions(std::vector<Caption>& captions) {
    std::stable_sort(captions.begin(), captions.end(),
                     [](const Caption& a, const Caption& b) { return a.from < b.from; });
    for (size_t i = 1; i < captions.size(); ++i) {
        Caption& before = captions[i - 1];
        if (captions[i].from == before.from)
            throw SpecError(captions[i].where, "two captions start at the same time",
                            "the other is on line " + std::to_string(before.where.line) +
                                "; join their text or move one");
        before.to = std::min(before.to, captions[i].from);
    }
}

std::vector<Caption> captions_within(const std::vector<Caption>& captions, long frames) {
    std::vector<Caption> shown;
    for (const Caption& c : captions) {
        if (c.from >= frames) break;  // in time order: the rest start later still
        shown.push_back(c);
        shown.back().to = std::min(c.to, frames);
    }
    return shown;
}

}  // namespace rupa
