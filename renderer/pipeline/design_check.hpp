// `rupa validate`'s design checks of a template and a brand kit, beyond what reading them
// checks: fields declared and used, colour pairs under WCAG AA, text under its legibility
// floor. Each finding is at the template's or kit's own line.
#pragma once

#include "spec/diagnostics.hpp"
#include "spec/spec_error.hpp"
#include "template/brand.hpp"
#include "template/template.hpp"

#include <vector>

namespace rupa {

// The legibility floor of a text role ("headline", "body", "small") on a canvas of
// `width` x `height`: 72, 44 and 32 px on a 1080 px short side, scaled with it.
double legibility_floor(const std::string& role, int width, int height);

// Errors (fields used but not declared or declared but shown nowhere, text under its floor,
// a default brand that cannot be loaded) and warnings (colours under WCAG AA with the
// template's default brand, as render warns).
void check_template_design(const Template& tmpl, std::vector<SpecProblem>& errors, Diagnostics& diagnostics);

// Warnings for the kit's colour pairs under WCAG AA.
void check_brand_colours(const Brand& brand, Diagnostics& diagnostics);

}  // namespace rupa
