// YAML loading and typed access with marks, on top of yaml-cpp.
#include "spec/yaml_source.hpp"

#include "spec/spec_error.hpp"

#include <glib.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace rupa {

namespace {

std::string kind_name(const YAML::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Map: return "a mapping";
        case YAML::NodeType::Sequence: return "a list";
        case YAML::NodeType::Null: return "empty";
        default: return "a single value";
    }
}

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

}  // namespace

SourceMark YamlSource::mark(const YAML::Node& node) const {
    YAML::Mark m = node.Mark();
    if (m.is_null()) return file_mark();
    return SourceMark{display_name, m.line + 1, m.column + 1};
}

void YamlSource::require_map(const YAML::Node& node, const std::string& what) const {
    if (!node.IsMap())
        throw SpecError(mark(node), "'" + what + "' must be a mapping of fields, not " +
                                        kind_name(node));
}

void YamlSource::check_keys(const YAML::Node& map, const std::vector<std::string>& allowed) const {
    for (const auto& entry : map) {
        const YAML::Node& key = entry.first;
        std::string name = key.Scalar();
        if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
        std::string guess = nearest_word(name, allowed);
        std::string hint = guess.empty() ? "expected one of: " + join(allowed, ", ")
                                         : "did you mean '" + guess + "'?";
        throw SpecError(mark(key), "unknown field '" + name + "'", hint);
    }
}

std::string YamlSource::text(const YAML::Node& node, const std::string& field) const {
    if (!node.IsScalar())
        throw SpecError(mark(node), "'" + field + "' must be text, not " + kind_name(node));
    const std::string& value = node.Scalar();
    if (!g_utf8_validate(value.data(), gssize(value.size()), nullptr))
        throw SpecError(mark(node), "'" + field + "' is not valid UTF-8 text",
                        "save the file as UTF-8");
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
                    node.IsScalar() ? "got '" + node.Scalar() + "'" : "got " + kind_name(node));
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
    if (std::find(choices.begin(), choices.end(), value) != choices.end()) return value;
    std::string guess = nearest_word(value, choices);
    std::string hint = guess.empty() ? "expected one of: " + join(choices, ", ")
                                     : "did you mean '" + guess + "'?";
    throw SpecError(mark(node), "unknown " + field + " '" + value + "'", hint);
}

YamlSource load_yaml(const std::filesystem::path& path, const std::string& display_name) {
    SourceMark whole{display_name, 0, 0};
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw SpecError(whole, "file not found", "check the path");
    if (std::filesystem::is_directory(path, ec))
        throw SpecError(whole, "is a folder, not a YAML file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw SpecError(whole, "cannot read the file", "check its permissions");
    std::stringstream buffer;
    buffer << in.rdbuf();
    YamlSource source{display_name, {}};
    try {
        source.root = YAML::Load(buffer.str());
    } catch (const YAML::Exception& e) {
        SourceMark where{display_name, e.mark.line + 1, e.mark.column + 1};
        if (e.mark.is_null()) where = whole;
        throw SpecError(where, "not valid YAML: " + e.msg);
    }
    if (!source.root || source.root.IsNull())
        throw SpecError(whole, "the file is empty");
    return source;
}

std::string nearest_word(const std::string& word, const std::vector<std::string>& candidates) {
    std::string best;
    size_t best_distance = std::string::npos;
    for (const auto& candidate : candidates) {
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

}  // namespace rupa
