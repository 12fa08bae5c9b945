// SubRip parsing and caption ordering.
#include "spec/caption_reader.hpp"

#include "spec/spec_error.hpp"
#include "spec/yaml_source.hpp"

#include <glib.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <regex>
#include <sstream>

namespace rupa {

namespace fs = std::filesystem;

namespace {

// A SubRip file is a few kilobytes; a larger one is not captions.
constexpr std::uintmax_t kMaxSrtBytes = 1 << 20;

std::string trimmed(const std::string& line) {
    size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) return {};
    size_t last = line.find_last_not_of(" \t\r");
    return line.substr(first, last - first + 1);
}

// "<i>Halo</i> {\an8}semua" -> "Halo semua".
std::string without_tags(const std::string& text) {
    static const std::regex tags(R"(<[^<>]*>|\{\\[^{}]*\})");
    return std::regex_replace(text, tags, "");
}

std::string read_text_file(const fs::path& file, const SourceMark& whole) {
    std::error_code ec;
    std::uintmax_t size = fs::file_size(file, ec);
    if (!ec && size > kMaxSrtBytes)
        throw SpecError(whole, "the file is " + std::to_string(size >> 10) +
                                   " KB; a captions file is at most 1 MB",
                        "is this the right file?");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw SpecError(whole, "cannot read the file", "check its permissions");
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string bytes = buffer.str();
    if (bytes.find('\0') != std::string::npos)
        throw SpecError(whole, "not a text file", "captions are a SubRip (.srt) text file saved as UTF-8");
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
        static const std::regex number(R"(\s*\d+\s*)");
        if (std::regex_match(line, number) && !next_line(line))
            throw SpecError(at(1), "the file ends after a caption number", "add its time line and text");
        Caption caption;
        caption.where = at(1);
        read_timing(line, caption);
        std::string text;
        while (next_line(line) && !trimmed(line).empty()) {
            std::string part = trimmed(without_tags(line));
            if (part.empty()) continue;
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
        static const std::regex timing(R"(\s*(\S+)\s*-->\s*(\S+).*)");
        std::smatch m;
        if (!std::regex_match(line, m, timing))
            throw SpecError(at(1), "expected a time line like '00:00:01,000 --> 00:00:03,000'",
                            "got '" + excerpt(line) + "'");
        auto from = parse_caption_time(m[1]);
        auto to = parse_caption_time(m[2]);
        if (!from) throw SpecError(at(int(m.position(1)) + 1), "'" + excerpt(m[1]) + "' is not a time",
                                   "write HH:MM:SS,mmm");
        if (!to) throw SpecError(at(int(m.position(2)) + 1), "'" + excerpt(m[2]) + "' is not a time",
                                 "write HH:MM:SS,mmm");
        check_caption_range(*from, *to, at(int(m.position(2)) + 1));
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

std::optional<double> parse_caption_time(const std::string& text) {
    static const std::regex clock(R"((?:(?:(\d{1,2}):)?(\d{1,2}):)?(\d{1,5})(?:[.,](\d{1,3}))?)");
    std::smatch m;
    if (!std::regex_match(text, m, clock)) return std::nullopt;
    double hours = m[1].matched ? std::stod(m[1]) : 0;
    double minutes = m[2].matched ? std::stod(m[2]) : 0;
    double seconds = std::stod(m[3]);
    bool clock_form = m[2].matched;
    if (clock_form && (minutes >= 60 && m[1].matched)) return std::nullopt;
    if (clock_form && seconds >= 60) return std::nullopt;
    if (m[4].matched) seconds += std::stod("0." + m[4].str());
    return hours * 3600 + minutes * 60 + seconds;
}

std::vector<Caption> read_srt(const fs::path& file, const std::string& display_name) {
    std::string bytes = read_text_file(file, {display_name, 0, 0});
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

}  // namespace rupa
