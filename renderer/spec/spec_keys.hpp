// The keys of a content spec (PRODUCT.md, "The content spec"), one table per mapping, each
// key with its kind of value, range and meaning in Indonesian and English. The spec reader
// checks keys against these tables; `rupa schema spec` writes them as a JSON Schema.
#pragma once

#include "spec/key_doc.hpp"

namespace rupa {

const KeyTable& spec_keys();        // the top level: template, brand, locale, ...
const KeyTable& video_keys();       // video:
const KeyTable& scene_keys();       // one of video.scenes
const KeyTable& stat_keys();        // one of content.stats
const KeyTable& quote_keys();       // content.quote as a mapping
const KeyTable& item_keys();        // one of content.items
const KeyTable& photo_keys();       // a photo or clip as a mapping: {src, focus}
const KeyTable& caption_keys();     // one of video.captions
const KeyTable& transition_keys();  // a scene's transition as a mapping

// The words a value may be, matched ignoring case.
const std::vector<std::string>& locale_names();
const std::vector<std::string>& verdict_names();
const std::vector<std::string>& scene_transition_names();
// The keys of which a scene gives exactly one: what it shows.
const std::vector<std::string>& scene_kind_keys();

// No template shows more than six points or five agenda entries; past this many the list
// is a paste gone wrong, and laying it out would take seconds per format (10,000 agenda
// entries took 25 s) for a post no one can read.
constexpr size_t kMaxListEntries = 50;
// A stats block shows 1 to 6 numbers (PRODUCT.md, "Templates and brand kits").
constexpr size_t kMinStats = 1, kMaxStats = 6;

}  // namespace rupa
