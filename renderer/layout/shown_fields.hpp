// Which of the spec's content fields each part of a template shows, given what the spec
// fills: what tells an admin that a field they gave is not drawn in some format, and what a
// warning about a drawn text points at (the spec's line, not the template's).
#pragma once

#include "scene/scene.hpp"
#include "spec/spec.hpp"
#include "template/template.hpp"

#include <string>
#include <vector>

namespace rupa {

// The content fields behind one placeholder: {when} is the date and the time,
// {source_line} the source, {quote.by} a part of the quote; labels and brand values show no
// field of the spec.
std::vector<std::string> fields_of_placeholder(const std::string& name);

// The fields a text pattern ("{when} · {place}") shows, those the spec fills, in order.
std::vector<ShownField> fields_in_pattern(const std::string& pattern, const Content& content);

// The fields a whole element shows.
std::vector<ShownField> fields_of_element(const Element& e, const Content& content);

// The fields one scene node of element `e` shows (a stack's item, a list's point, a stat).
std::vector<ShownField> fields_of_node(const Element& e, const SceneNode& node, const Content& content);

}  // namespace rupa
