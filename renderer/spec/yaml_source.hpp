// Reading YAML with its marks kept: every value rupa takes from a YAML file can say
// file:line:col when it is wrong. Shared by the spec, template and brand readers.
#pragma once

#include "spec/control_characters.hpp"
#include "spec/source_mark.hpp"
#include "spec/spec_error.hpp"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

namespace rupa {

// A parsed YAML file and the name it is reported under.
struct YamlSource {
    std::string display_name;
    YAML::Node root;
    // For a document rupa wrote from another source (a row of a spreadsheet of posts): where
    // each of its lines came from, so that marks name that source. Line 0 stands for the
    // source as a whole.
    std::vector<SourceMark> line_marks;

    SourceMark mark(const YAML::Node& node) const;
    // A problem with the file's content as a whole (empty, no 'template') points at 1:1, where
    // an editor opens it.
    SourceMark file_mark() const { return line_marks.empty() ? SourceMark{display_name, 1, 1} : line_marks.front(); }

    // What to say about a key that is not allowed when rupa can tell more than "unknown field"
    // (a content field written at the left margin); nullopt for the usual message.
    using KeyAdvice = std::function<std::optional<SpecProblem>(const std::string& name, const YAML::Node& key)>;

    // Requires `node` to be a mapping whose keys all come from `allowed`; the error for a
    // stray key suggests the nearest allowed one. Every stray or repeated key of the mapping
    // is reported, in one SpecError.
    void require_map(const YAML::Node& node, const std::string& what) const;
    void check_keys(const YAML::Node& map, const std::vector<std::string>& allowed,
                    const KeyAdvice& advice = {}) const;

    std::string text(const YAML::Node& node, const std::string& field) const;
    double number(const YAML::Node& node, const std::string& field) const;
    bool boolean(const YAML::Node& node, const std::string& field) const;
    std::vector<std::string> text_list(const YAML::Node& node, const std::string& field) const;
    // A scalar that must be one of `choices`, matched ignoring case; returns the choice as
    // `choices` spells it.
    std::string choice(const YAML::Node& node, const std::string& field,
                       const std::vector<std::string>& choices) const;
};

struct PlainFileKind;

// A text input file read through the one reader (regular files only, capped while read); its
// refusal is a SpecError at `whole`.
std::string read_text_input(const std::filesystem::path& path, const PlainFileKind& kind,
                            const SourceMark& whole);

// Throws SpecError for a missing, unreadable, empty, binary or malformed file, and for one
// that holds more than one YAML document.
YamlSource load_yaml(const std::filesystem::path& path, const std::string& display_name);

// "a mapping", "a list", "a single value" or "empty": what a node is, for messages.
std::string kind_name(const YAML::Node& node);
// True for a scalar the YAML file wrote in quotes ("2021"): text as written, never a number.
bool written_quoted(const YAML::Node& node);

// A value as an error message may quote it: valid UTF-8, on one line, and cut short with
// "..." when long, so that a pasted megabyte does not become a megabyte of message.
std::string excerpt(const std::string& value);

// Refuses text holding a control character: it would reach caption.txt, alt.txt and
// terminals as it is. `what` names the text in the message ("'title'").
void refuse_control_characters(std::string_view text, const SourceMark& where, const std::string& what);

// The most characters one text value may have.
constexpr long kMaxTextLength = 10000;

// `text` with ASCII letters in lower case: names (templates, brands, locales, verdicts,
// formats, platforms) are matched ignoring case.
std::string lower_ascii(std::string text);

// The candidate equal to `word` ignoring case, or "".
std::string same_ignoring_case(const std::string& word, const std::vector<std::string>& candidates);

// The candidate closest to `word` by edit distance, or "" when none is plausibly meant.
std::string nearest_word(const std::string& word, const std::vector<std::string>& candidates);

std::string join(const std::vector<std::string>& words, const std::string& separator);

// A value as one line of YAML in flow style: "Rapat", "{value: 78, unit: \"%\"}".
std::string flow_yaml(const YAML::Node& node);

}  // namespace rupa
