// PRODUCT.md: every field a spec gives is shown by the template in every format, or the
// render warns at that field's line. What a format shows is read from its laid-out scene,
// so an element left out by `if`, an empty pattern or a chart with nothing to compare
// counts as not shown.
#pragma once

#include "scene/scene.hpp"
#include "scene/timeline.hpp"
#include "spec/diagnostics.hpp"
#include "spec/format.hpp"
#include "spec/spec.hpp"
#include "template/template.hpp"

#include <set>
#include <string>
#include <vector>

namespace rupa {

// The spec's fields a scene shows, by name (the quote's parts as quote.text, quote.by,
// quote.role).
std::set<std::string> fields_shown(const Scene& scene);

// The fields the spec gives that belong in the image, in the spec's order of fields
// (hashtags go to caption.txt, not the image).
std::vector<std::string> fields_given(const Content& content);

// A warning at its spec line for each field given that `scene`, the template's layout for
// `format`, does not show, unless the template's `fields` say it is not shown there.
void warn_unshown_fields(const Spec& spec, const Template& tmpl, const Scene& scene, const Format& format,
                         Diagnostics& diagnostics);

// The same for a video format: a field counts as shown when any scene of `timeline` shows it
// (a sequence that opens with a photo or a clip shows the title later).
void warn_unshown_fields(const Spec& spec, const Template& tmpl, const Timeline& timeline, const Format& format,
                         Diagnostics& diagnostics);

}  // namespace rupa
