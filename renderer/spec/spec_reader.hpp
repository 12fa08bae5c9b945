// YAML content spec -> Spec. Every problem is a SpecError pointing at file:line:col.
#pragma once

#include "spec/spec.hpp"

#include <filesystem>

namespace rupa {

Spec read_spec(const std::filesystem::path& file);

// Exposed for the template reader, which reads sample content in the same shapes.
CalendarDate parse_date(const std::string& text, const SourceMark& where, const std::string& field);
TimeOfDay parse_time(const std::string& text, const SourceMark& where, const std::string& field);

}  // namespace rupa
