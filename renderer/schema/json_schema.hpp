// JSON Schemas (draft-07) of the content spec, the template and the brand kit, written from
// the key tables the readers check against (spec/spec_keys.hpp, template/template_keys.hpp),
// so that an editor's completion and hover text follow the readers. The schemas ship in
// schemas/; `rupa schema spec|template|brand` writes them again.
#pragma once

#include <string>
#include <vector>

namespace rupa {

// The kinds of file a schema is written for: spec, template, brand.
const std::vector<std::string>& schema_kinds();

// The schema of `kind` as the text schemas/<kind>.schema.json holds. Throws
// std::invalid_argument for an unknown kind, and std::logic_error for a key whose kind of
// value the writer does not know (a key added to a table without its schema).
std::string json_schema(const std::string& kind);

}  // namespace rupa
