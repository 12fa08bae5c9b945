// Filling a template's text patterns ("{title}", "{when}", "{brand.website}") from the spec
// and the brand, as Pango markup.
#pragma once

#include "spec/spec.hpp"
#include "template/brand.hpp"

#include <string>

namespace rupa {

// Plain text made safe for Pango markup.
std::string escape_markup(const std::string& text);

// Turns **bold** and _italic_ into Pango markup, escaping everything else.
std::string markdown_to_markup(const std::string& text);

// The value of one placeholder as plain text ("" when the spec leaves it out).
// Throws SpecError at `where` for a name no template may use.
std::string field_text(const std::string& name, const Spec& spec, const Brand& brand,
                       const SourceMark& where);

// The pattern with every placeholder filled, as markup; "" when every placeholder in it
// was empty (so the template's line is left out rather than drawn half-empty).
std::string fill_pattern(const std::string& pattern, const Spec& spec, const Brand& brand,
                         const SourceMark& where);

}  // namespace rupa
