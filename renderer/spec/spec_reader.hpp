// YAML content spec -> Spec. Every problem is a SpecError pointing at file:line:col.
#pragma once

#include "spec/spec.hpp"
#include "spec/spec_error.hpp"
#include "spec/yaml_source.hpp"

#include <filesystem>

namespace rupa {

// Throws one SpecError listing every problem found, in file order.
Spec read_spec(const std::filesystem::path& file);
// Reads what it can and adds each problem to `problems`, so that the caller can add its own
// (an unknown template or format) before reporting them all. Throws only when the file cannot
// be read as YAML at all.
Spec read_spec(const std::filesystem::path& file, SpecProblems& problems);

// Reads a document rupa made from another source (a row of a spreadsheet of posts): `spec`
// comes with its file, display_name and stem set, and media paths are relative to `folder`.
Spec read_spec(YamlSource source, Spec spec, const std::filesystem::path& folder, SpecProblems& problems);

// A spec rupa wrote itself (a template's samples, for a preview): its YAML text, where each
// line came from, and the folder its media paths are relative to.
struct SpecDocument {
    std::filesystem::path file;  // the file messages about the spec as a whole name
    std::string stem;            // its output folder's name
    std::string yaml;
    std::vector<SourceMark> line_marks;  // one per line of `yaml`, and line 0 for the whole
    std::filesystem::path folder;
};
Spec read_spec(const SpecDocument& document, SpecProblems& problems);

// Exposed for the template reader, which reads sample content in the same shapes.
CalendarDate parse_date(const std::string& text, const SourceMark& where, const std::string& field);
TimeOfDay parse_time(const std::string& text, const SourceMark& where, const std::string& field);

}  // namespace rupa
