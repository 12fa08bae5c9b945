// YAML loading and typed access with marks, on top of yaml-cpp.
#include "spec/yaml_source.hpp"

#include "handles/gobject.hpp"
#include "input/plain_file.hpp"
#include "spec/spec_error.hpp"

#include <glib.h>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

namespace rupa {

namespace {

// Edit distance counting a swap of two neighbouring letters as one edit ("titel" is one
// edit from "title"), the most common typo in hand-written YAML keys.
size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
    for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (size_t i = 1; i <= a.size(); ++i)
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

bool is_valid_utf8(const std::string& text) {
    return g_utf8_validate(text.data(), gssize(text.size()), nullptr);
}

// The name of a mapping's key, which must be a plain word in valid UTF-8.
std::string key_name(const YamlSource& src, const YAML::Node& key) {
    if (!key.IsScalar() || key.Scalar().empty())
        throw SpecError(src.mark(key), "a field name must be a single word, not " + kind_name(key),
                        "write 'name: value'");
    if (!is_valid_utf8(key.Scalar()))
        throw SpecError(src.mark(key), "a field name is not valid UTF-8 text", "save the file as UTF-8");
    return key.Scalar();
}

}  // namespace

std::string kind_name(const YAML::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Map: return "a mapping";
        case YAML::NodeType::Sequence: return "a list";
        case YAML::NodeType::Null: return "empty";
        default: return "a single value";
    }
}

std::string excerpt(const std::string& value) {
    // Enough to show any real id, typo or path whole; a longer value is pasted text.
    constexpr glong kMaxChars = 60;
    GCharPtr valid(g_utf8_make_valid(value.data(), gssize(value.size())));
    std::string text = replace_control_characters(valid.get(), " ");
    std::replace(text.begin(), text.end(), '\n', ' ');
    if (g_utf8_strlen(text.c_str(), -1) <= kMaxChars) return text;
    const char* cut = g_utf8_offset_to_pointer(text.c_str(), kMaxChars);
    return std::string(text.c_str(), cut) + "...";
}

void refuse_control_characters(std::string_view text, const SourceMark& where, const std::string& what) {
    auto control = first_control_character(text);
    if (!control) return;
    char code[8];
    std::snprintf(code, sizeof code, "U+%04X", control->code_point);
    throw SpecError(where, what + " contains the control character " + code,
                    "remove it: it is invisible, and in a terminal or a post it can change how text shows");
}

SourceMark YamlSource::mark(const YAML::Node& node) const {
    YAML::Mark m = node.Mark();
    if (m.is_null()) return file_mark();
    if (!line_marks.empty()) return size_t(m.line) < line_marks.size() ? line_marks[size_t(m.line)] : file_mark();
    return SourceMark{display_name, m.line + 1, m.column + 1};
}

void YamlSource::require_map(const YAML::Node& node, const std::string& what) const {
    if (!node.IsMap())
        throw SpecError(mark(node), "'" + what + "' must be a mapping of fields, not " +
                                        kind_name(node));
}

namespace {

// `{text: Ayo, kita bangun, by: Bupati}`: the comma ends the text, and "kita bangun" becomes a
// field of its own with no value. Says so, and how the text reads in quotes.
std::optional<SpecProblem> flow_comma(const YamlSource& src, const YAML::Node& map, const YAML::Node& key,
                                      const YAML::Node& value) {
    if (map.Style() != YAML::EmitterStyle::Flow || !value.IsNull()) return std::nullopt;
    std::string quoted;
    const YAML::Node* before = nullptr;
    for (const auto& entry : map) {
        if (entry.first.is(key)) break;
        before = &entry.first;
        quoted = entry.second.IsScalar() ? entry.first.Scalar() + ": \"" + entry.second.Scalar() + ", " +
                                               key.Scalar() + "\""
                                         : "";
    }
    if (!before) return std::nullopt;
    return SpecProblem{src.mark(key),
                       "'" + excerpt(key.Scalar()) + "' reads as a field of its own: a comma inside {...} ends the text before it",
                       quoted.empty() ? "put text that holds a comma in quotes" : "put the text in quotes: " + excerpt(quoted)};
}

// A line that lacks the ':' after its field name: "title Bupati" -> write 'title: Bupati'.
SpecProblem no_colon(const SourceMark& where, const std::string& line) {
    size_t space = line.find(' ');
    std::string fixed = space == std::string::npos ? line + ":" : line.substr(0, space) + ": " + line.substr(space + 1);
    return SpecProblem{where, "this line has no ':' after its field name", "write '" + excerpt(fixed) + "'"};
}

// `place Pendopo` with no ':' as a mapping's last line reads as a field named "place
// Pendopo" with no value.
std::optional<SpecProblem> missing_colon(const YamlSource& src, const YAML::Node& map, const YAML::Node& key,
                                         const YAML::Node& value) {
    const std::string& name = key.Scalar();
    if (map.Style() == YAML::EmitterStyle::Flow || !value.IsNull() || name.find(' ') == std::string::npos)
        return std::nullopt;
    return no_colon(src.mark(key), name);
}

}  // namespace

// yaml-cpp keeps both entries of a repeated key and `map[key]` finds the first, so a second
// 'title:' further down would be silently ignored; it is refused instead.
void YamlSource::check_keys(const YAML::Node& map, const std::vector<std::string>& allowed,
                            const KeyAdvice& advice) const {
    std::map<std::string, SourceMark> seen;
    SpecProblems problems;
    for (const auto& entry : map) {
        const YAML::Node& key = entry.first;
        std::string name;
        if (!problems.attempt([&] { name = key_name(*this, key); })) continue;
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
            std::optional<SpecProblem> told = advice ? advice(name, key) : std::nullopt;
            if (!told) told = flow_comma(*this, map, key, entry.second);
            if (!told) told = missing_colon(*this, map, key, entry.second);
            if (!told) {
                std::string guess = nearest_word(name, allowed);
                told = SpecProblem{mark(key), "unknown field '" + excerpt(name) + "'",
                                   guess.empty() ? "expected one of: " + join(allowed, ", ")
                                                 : "did you mean '" + guess + "'?"};
            }
            problems.add(*told);
            continue;
        }
        auto [first, inserted] = seen.emplace(name, mark(key));
        if (!inserted)
            problems.add({mark(key), "field '" + name + "' is given twice",
                          "first on line " + std::to_string(first->second.line) + "; keep one"});
    }
    problems.throw_if_any();
}

std::string YamlSource::text(const YAML::Node& node, const std::string& field) const {
    if (!node.IsScalar())
        throw SpecError(mark(node), "'" + field + "' must be text, not " + kind_name(node));
    const std::string& value = node.Scalar();
    if (value.find('\0') != std::string::npos)
        throw SpecError(mark(node), "'" + field + "' contains a NUL character", "remove the \\0");
    if (!is_valid_utf8(value))
        throw SpecError(mark(node), "'" + field + "' is not valid UTF-8 text",
                        "save the file as UTF-8");
    refuse_control_characters(value, mark(node), "'" + field + "'");
    // A hard ceiling far above any template's design, so that a pasted document is refused
    // at once instead of keeping layout busy (shaping grows faster than the text).
    glong length = g_utf8_strlen(value.data(), gssize(value.size()));
    if (length > kMaxTextLength)
        throw SpecError(mark(node), "'" + field + "' has " + std::to_string(length) +
                                        " characters; rupa takes at most " + std::to_string(kMaxTextLength) +
                                        " in one field",
                        "shorten it");
    return value;
}

double YamlSource::number(const YAML::Node& node, const std::string& field) const {
    if (node.IsScalar()) {
        const std::string& s = node.Scalar();
        std::istringstream in(s);
        in.imbue(std::locale::classic());
        double value = 0;
        if (in >> value && in.peek() == std::char_traits<char>::eof() && std::isfinite(value)) return value;
    }
    throw SpecError(mark(node), "'" + field + "' must be a number",
                    node.IsScalar() ? "got '" + excerpt(node.Scalar()) + "'" : "got " + kind_name(node));
}

bool YamlSource::boolean(const YAML::Node& node, const std::string& field) const {
    if (node.IsScalar()) {
        const std::string& s = node.Scalar();
        if (s == "true" || s == "yes") return true;
        if (s == "false" || s == "no") return false;
    }
    throw SpecError(mark(node), "'" + field + "' must be true or false");
}

std::vector<std::string> YamlSource::text_list(const YAML::Node& node,
                                               const std::string& field) const {
    std::vector<std::string> items;
    if (node.IsScalar()) {
        items.push_back(text(node, field));
        return items;
    }
    if (!node.IsSequence())
        throw SpecError(mark(node), "'" + field + "' must be a list, not " + kind_name(node));
    for (const auto& item : node) items.push_back(text(item, field));
    return items;
}

std::string YamlSource::choice(const YAML::Node& node, const std::string& field,
                               const std::vector<std::string>& choices) const {
    std::string value = text(node, field);
    if (std::string same = same_ignoring_case(value, choices); !same.empty()) return same;
    std::string guess = nearest_word(lower_ascii(value), choices);
    std::string hint = guess.empty() ? "expected one of: " + join(choices, ", ")
                                     : "did you mean '" + guess + "'?";
    throw SpecError(mark(node), "unknown " + field + " '" + excerpt(value) + "'", hint);
}

// Loading: the checks yaml-cpp leaves to its caller, and messages that say what to fix.
namespace {

// UTF-16 and UTF-32 files announce themselves with a byte-order mark; yaml-cpp reads them.
bool starts_with_wide_bom(const std::string& bytes) {
    return bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF") ||
           bytes.starts_with(std::string("\0\0\xFE\xFF", 4));
}

// A NUL byte never occurs in UTF-8 text: the "spec" is an image, a document or an archive,
// or text in an encoding YAML readers do not guess. yaml-cpp would read it as some value.
void refuse_binary(const std::string& bytes, const SourceMark& whole) {
    if (bytes.find('\0') != std::string::npos && !starts_with_wide_bom(bytes))
        throw SpecError(whole, "not a text file", "a spec is YAML text saved as UTF-8");
}

// yaml-cpp's messages name a grammar rule; these hints say what to look for.
std::string syntax_hint(const std::string& message) {
    static const std::string backslash =
        "inside double quotes write a backslash as \\\\, or use single quotes";
    static const std::vector<std::pair<std::string, std::string>> hints = {
        {YAML::ErrorMsg::END_OF_SEQ_FLOW, "a '[' is not closed with ']'"},
        {YAML::ErrorMsg::END_OF_MAP_FLOW, "a '{' is not closed with '}'"},
        {YAML::ErrorMsg::END_OF_MAP, "check the indentation of this line"},
        {YAML::ErrorMsg::END_OF_SEQ, "check the indentation of this line"},
        {YAML::ErrorMsg::BLOCK_ENTRY, "check the indentation of this '-'"},
        {YAML::ErrorMsg::MAP_VALUE, "check the indentation, and put text that holds ': ' in quotes"},
        {YAML::ErrorMsg::UNKNOWN_ANCHOR, "'*name' repeats a value marked '&name' above it"},
        {YAML::ErrorMsg::INVALID_ESCAPE, backslash},
        {YAML::ErrorMsg::INVALID_HEX, backslash},
    };
    for (const auto& [start, hint] : hints)
        if (message.starts_with(start)) return hint;
    return {};
}

// The column of the first tab in a line's indentation (1-based), or 0.
int tab_in_indentation(const std::string& bytes, int line) {
    size_t at = 0;
    for (int i = 1; i < line; ++i) {
        at = bytes.find('\n', at);
        if (at == std::string::npos) return 0;
        ++at;
    }
    for (size_t i = at; i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t'); ++i)
        if (bytes[i] == '\t') return int(i - at) + 1;
    return 0;
}

// The lines of a file, without their line ends.
std::vector<std::string> lines_of(const std::string& bytes) {
    std::vector<std::string> lines;
    std::istringstream in(bytes);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
    }
    return lines;
}

size_t indentation(const std::string& line) {
    size_t at = line.find_first_not_of(' ');
    return at == std::string::npos ? line.size() : at;
}

// Whether a line holds a mapping's ':' (followed by a space or ending the line).
bool has_map_colon(const std::string& line) {
    std::string text = line.substr(0, line.find(" #"));
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text.ends_with(':') || text.find(": ") != std::string::npos;
}

// `title Bupati` above `date: 2024-07-04`: yaml-cpp reads the two lines as one key
// "title Bupati date" and stops at the ':' of the second ("illegal map value"). The line
// that lacks its ':' is the one above, unless that line continues the text of a field above it.
std::optional<SpecProblem> colon_missing_above(const std::string& bytes, int error_line,
                                               const std::string& display_name) {
    std::vector<std::string> lines = lines_of(bytes);
    auto blank = [&](int i) {
        size_t at = lines[size_t(i)].find_first_not_of(' ');
        return at == std::string::npos || lines[size_t(i)][at] == '#';
    };
    int below = error_line - 1, above = below - 1;  // 0-based
    if (below < 1 || below >= int(lines.size())) return std::nullopt;
    while (above >= 0 && blank(above)) --above;
    if (above < 0 || has_map_colon(lines[size_t(above)])) return std::nullopt;
    std::string line = lines[size_t(above)];
    size_t key = indentation(line);
    if (line.compare(key, 2, "- ") == 0) key = line.find_first_not_of(' ', key + 2);
    if (key == std::string::npos || indentation(lines[size_t(below)]) < key) return std::nullopt;
    int parent = above - 1;
    while (parent >= 0 && blank(parent)) --parent;
    if (parent >= 0) {
        // A value's second line ("body: Bupati" / "  membuka") is not a field of its own.
        const std::string& up = lines[size_t(parent)];
        std::string value = up.find(": ") == std::string::npos ? "" : up.substr(up.find(": ") + 2);
        if (value.find_first_not_of(' ') != std::string::npos && value[value.find_first_not_of(' ')] != '#' &&
            indentation(line) > indentation(up))
            return std::nullopt;
    }
    std::string text = line.substr(key);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return no_colon({display_name, above + 1, int(key) + 1}, text);
}

// A tab in the indentation is the commonest slip in hand-written YAML, and yaml-cpp reports
// it as whatever rule it broke next ("illegal map value"), so it is named here.
SpecError syntax_error(const YAML::Exception& e, const std::string& bytes,
                       const std::string& display_name) {
    if (e.mark.is_null()) return SpecError({display_name, 1, 1}, "not valid YAML: " + e.msg);
    int line = e.mark.line + 1;
    if (int tab = tab_in_indentation(bytes, line))
        return SpecError({display_name, line, tab}, "not valid YAML: a tab in the indentation",
                         "indent with spaces");
    if (e.msg.starts_with(YAML::ErrorMsg::MAP_VALUE))
        if (auto above = colon_missing_above(bytes, line, display_name)) return SpecError(std::vector{*above});
    return SpecError({display_name, line, e.mark.column + 1}, "not valid YAML: " + excerpt(e.msg),
                     syntax_hint(e.msg));
}

// Whether the quoted scalar opening at `at` is closed before the end of the file.
bool quote_closes(const std::string& bytes, size_t at) {
    char quote = bytes[at];
    for (size_t i = at + 1; i < bytes.size(); ++i) {
        if (quote == '"' && bytes[i] == '\\') ++i;
        else if (bytes[i] == quote && quote == '\'' && i + 1 < bytes.size() && bytes[i + 1] == '\'') ++i;
        else if (bytes[i] == quote) return true;
    }
    return false;
}

// yaml-cpp 0.7 ends a quoted scalar left open at the end of the file without complaint, so
// `title: "Rapat` swallows every line after it. Replays the parse's events to find one.
class UnclosedQuoteFinder : public YAML::EventHandler {
public:
    UnclosedQuoteFinder(const std::string& bytes, std::string display_name)
        : bytes_(bytes), display_name_(std::move(display_name)),
          offset_(bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0) {}

    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  const std::string&) override {
        size_t at = size_t(mark.pos) + offset_;
        if (at >= bytes_.size() || (bytes_[at] != '"' && bytes_[at] != '\'')) return;
        if (!quote_closes(bytes_, at))
            throw SpecError({display_name_, mark.line + 1, mark.column + 1},
                            "not valid YAML: the quote opened here is never closed",
                            std::string("end the text with ") + bytes_[at]);
    }
    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}

private:
    const std::string& bytes_;
    std::string display_name_;
    size_t offset_;  // yaml-cpp's positions start after a UTF-8 byte-order mark
};

void refuse_unclosed_quotes(const std::string& bytes, const std::string& display_name) {
    if (starts_with_wide_bom(bytes)) return;  // positions are not byte offsets there
    std::istringstream in(bytes);
    YAML::Parser parser(in);
    UnclosedQuoteFinder finder(bytes, display_name);
    while (parser.HandleNextDocument(finder)) {}
}

// yaml-cpp spends about a kilobyte on each node it builds, so a file of 10,000 agenda entries
// took 114 MB and over a second before any check could refuse it. This pass counts the
// values from the parser's events, which cost nothing to keep, and stops at a bound far
// above any real spec (the largest built-in sample holds under 100 values).
constexpr long kMaxValues = 20000;

class ValueCounter : public YAML::EventHandler {
public:
    explicit ValueCounter(std::string display_name) : display_name_(std::move(display_name)) {}

    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  const std::string&) override { count(mark); }
    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { count(mark); }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { count(mark); }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override { count(mark); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override { count(mark); }
    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnSequenceEnd() override {}
    void OnMapEnd() override {}

private:
    void count(const YAML::Mark& mark) {
        if (++values_ <= kMaxValues) return;
        throw SpecError({display_name_, mark.line + 1, mark.column + 1},
                        "the file holds more than " + std::to_string(kMaxValues) + " values",
                        "a post needs a few hundred at most; split it over several files");
    }
    std::string display_name_;
    long values_ = 0;
};

void refuse_too_many_values(const std::string& bytes, const std::string& display_name) {
    std::istringstream in(bytes);
    YAML::Parser parser(in);
    ValueCounter counter(display_name);
    while (parser.HandleNextDocument(counter)) {}
}

// One document per file: a second one after '---' would be silently ignored.
YAML::Node single_document(const std::vector<YAML::Node>& documents, const std::string& display_name) {
    for (size_t i = 1; i < documents.size(); ++i)
        if (!documents[i].IsNull()) {
            YAML::Mark m = documents[i].Mark();
            throw SpecError({display_name, m.line + 1, m.column + 1},
                            "a second YAML document starts here",
                            "a file holds one spec: remove the '---' above it or split the file");
        }
    return documents.empty() ? YAML::Node() : documents.front();
}

std::vector<YAML::Node> parse_documents(const std::string& bytes, const std::string& display_name) {
    try {
        refuse_too_many_values(bytes, display_name);
        std::vector<YAML::Node> documents = YAML::LoadAll(bytes);
        refuse_unclosed_quotes(bytes, display_name);
        return documents;
    } catch (const YAML::DeepRecursion& e) {
        throw SpecError({display_name, e.mark.line + 1, e.mark.column + 1},
                        "not valid YAML: nested too deeply", "a spec needs only a few levels");
    } catch (const YAML::Exception& e) {
        throw syntax_error(e, bytes, display_name);
    }
}

// Nothing to read: say whether the file is blank or holds only comments.
SpecError empty_file_error(const std::string& bytes, const SourceMark& whole) {
    std::istringstream in(bytes);
    std::string line;
    bool comments = false;
    while (std::getline(in, line)) {
        size_t first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos) continue;
        if (line[first] != '#') return SpecError(whole, "the file holds an empty YAML document");
        comments = true;
    }
    return SpecError(whole, comments ? "the file holds only comments" : "the file is empty");
}

}  // namespace

std::string read_text_input(const std::filesystem::path& path, const PlainFileKind& kind,
                            const SourceMark& whole) {
    try {
        return read_plain_file(path, kind);
    } catch (const FileRefused& e) {
        throw SpecError(whole, e.what(), e.hint());
    }
}

YamlSource load_yaml(const std::filesystem::path& path, const std::string& display_name) {
    // A file that cannot be read is named alone; one whose content is wrong as a whole (not
    // text, empty) points at 1:1, where an editor opens it.
    SourceMark whole{display_name, 0, 0};
    SourceMark start{display_name, 1, 1};
    // A spec is a few kilobytes and the corpus's megabyte values are refused by field; a file
    // this large is a video or a disk image under a .yaml name, not worth reading into memory.
    static const PlainFileKind kYaml{"a YAML file", "YAML files", 4 << 20,
                                     "a spec is a few kilobytes: is this the right file?"};
    const std::string bytes = read_text_input(path, kYaml, whole);
    refuse_binary(bytes, start);
    YamlSource source{display_name, single_document(parse_documents(bytes, display_name), display_name), {}};
    if (!source.root || source.root.IsNull()) throw empty_file_error(bytes, start);
    return source;
}

std::string lower_ascii(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return text;
}

std::string same_ignoring_case(const std::string& word, const std::vector<std::string>& candidates) {
    std::string lower = lower_ascii(word);
    for (const auto& candidate : candidates)
        if (lower_ascii(candidate) == lower) return candidate;
    return {};
}

std::string nearest_word(const std::string& word, const std::vector<std::string>& candidates) {
    std::string best;
    size_t best_distance = std::string::npos;
    for (const auto& candidate : candidates) {
        // Lengths further apart than the limit below cannot match; skipping them also keeps
        // a pasted megabyte from filling a megabyte-by-word distance table.
        size_t apart = word.size() > candidate.size() ? word.size() - candidate.size()
                                                       : candidate.size() - word.size();
        if (apart > 2) continue;
        size_t d = edit_distance(word, candidate);
        if (d < best_distance) {
            best_distance = d;
            best = candidate;
        }
    }
    // A typo is at most two edits, and never most of the word.
    size_t limit = std::min<size_t>(2, std::max<size_t>(1, word.size() / 3));
    return best_distance <= limit ? best : std::string{};
}

std::string join(const std::vector<std::string>& words, const std::string& separator) {
    std::string out;
    for (size_t i = 0; i < words.size(); ++i) {
        if (i) out += separator;
        out += words[i];
    }
    return out;
}

bool written_quoted(const YAML::Node& node) { return node.IsScalar() && node.Tag() == "!"; }

namespace {

// Emits `node` keeping what its quotes meant: a quoted "2021" stays a quoted string (read
// back as text), where yaml-cpp's own emitter would write it plain (read back as a number).
void emit_keeping_quotes(YAML::Emitter& out, const YAML::Node& node) {
    switch (node.Type()) {
    case YAML::NodeType::Scalar:
        if (written_quoted(node)) out << YAML::DoubleQuoted;
        out << node.Scalar();
        break;
    case YAML::NodeType::Sequence:
        out << YAML::BeginSeq;
        for (const auto& item : node) emit_keeping_quotes(out, item);
        out << YAML::EndSeq;
        break;
    case YAML::NodeType::Map:
        out << YAML::BeginMap;
        for (const auto& entry : node) {
            out << YAML::Key;
            emit_keeping_quotes(out, entry.first);
            out << YAML::Value;
            emit_keeping_quotes(out, entry.second);
        }
        out << YAML::EndMap;
        break;
    default:
        out << node;
    }
}

}  // namespace

std::string flow_yaml(const YAML::Node& node) {
    YAML::Emitter out;
    out.SetMapFormat(YAML::Flow);
    out.SetSeqFormat(YAML::Flow);
    emit_keeping_quotes(out, node);
    return out.c_str();
}

}  // namespace rupa
