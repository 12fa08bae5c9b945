// Reads a template's `video:` block: how each element enters, counts, grows and drifts, the
// default duration and the closing card. Every time is written in seconds and kept in frames.
#pragma once

#include "spec/yaml_source.hpp"
#include "template/template.hpp"

namespace rupa {

// Reads `node` (the template's `video:` mapping) for a template whose layouts are read.
TemplateVideo read_template_video(const YamlSource& src, const YAML::Node& node, const Template& tmpl);

}  // namespace rupa
