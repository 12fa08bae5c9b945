// The keys of a template (template.yaml) and of a brand kit (brand.yaml), one table per
// mapping, each key with its kind of value, range and meaning in Indonesian and English.
// The template, motion and brand readers check keys against these tables; `rupa schema
// template|brand` writes them as JSON Schemas.
#pragma once

#include "spec/key_doc.hpp"

#include <string_view>

namespace rupa {

const KeyTable& template_keys();        // the top level: id, name, fields, layouts, ...
const KeyTable& field_rule_keys();      // one of fields: {required, max, entries, ...}
const KeyTable& style_keys();           // a text style: font, size, weight, ...
const KeyTable& flow_keys();            // an element's flow: {edge, grow, shrink, pull}
const KeyTable& stack_item_keys();      // one of a stack's items: {text, value, style, ...}
const KeyTable& list_item_keys();       // a stack's list: {list: points, marker, ...}
const KeyTable& part_keys();            // a part of a stats, bars or agenda element
const KeyTable& motion_keys();          // video: (how the template plays)
const KeyTable& element_motion_keys();  // one of video.elements
const KeyTable& movement_keys();        // an enter or exit as a mapping
const KeyTable& outro_keys();           // video.outro
const KeyTable& motion_transition_keys();  // video.transition
const KeyTable& slides_keys();          // video.slides
const KeyTable& brand_keys();           // brand.yaml's top level
const KeyTable& brand_caption_keys();   // a brand's captions: style
const KeyTable& brand_colour_keys();    // colors: the tokens every brand defines, then the verdict colours it may
const KeyTable& brand_font_keys();      // fonts: heading, body

// The element kinds, in the order of ElementKind; an element names itself with one of them.
const std::vector<std::string>& element_kinds();
// The keys an element of `kind` may hold, its kind key first.
const KeyTable& element_keys(const std::string& kind);

// The range of every number a template holds, in one table: far beyond any design, close
// enough that layout stays quick and finite (a text size of 1e308 shrank in 4 px steps for
// ever; a padding of 1e300 overflowed every box). Sizes, gaps, paddings and radii are pixels
// on canvases of at most 1920 px a side (PRODUCT.md's formats); line_height is a multiple of
// the size and letter_spacing is in em; weights are OpenType's 100-1000.
struct NumberRange {
    std::string_view field;
    double min, max;
};
const std::vector<NumberRange>& number_ranges();
const NumberRange* number_range(std::string_view field);

// The words a value may be, matched ignoring case.
const std::vector<std::string>& anchor_names();           // top, center, bottom
const std::vector<std::string>& align_names();            // left, center, right
const std::vector<std::string>& text_role_names();        // headline, body, small
const std::vector<std::string>& gradient_directions();    // down, right
const std::vector<std::string>& photo_field_names();      // photo, photos
const std::vector<std::string>& marker_names();           // dot, number
const std::vector<std::string>& column_counts();          // 1, 2, 3
const std::vector<std::string>& edge_names();             // top, bottom, left, right
const std::vector<std::string>& list_field_names();       // points
const std::vector<std::string>& enter_kinds();            // none, fade, rise, ...
const std::vector<std::string>& easing_names();           // linear, ease, ...
const std::vector<std::string>& motion_transition_names();  // crossfade, wipe, slide
const std::vector<std::string>& timezone_names();         // WIB, WITA, WIT

}  // namespace rupa
