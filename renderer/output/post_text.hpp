// The text that goes with the images: caption.txt (the post's text, ready to paste) and
// alt.txt (a description for screen readers). Both carry all of the post's content in the
// spec's locale, whatever the template: docs/spec.md, "What you get", says what goes where.
// Neither holds a control character or an invisible formatting character (a zero-width
// space, a soft hyphen, a direction override), whatever the spec held.
#pragma once

#include "spec/spec.hpp"
#include "template/brand.hpp"
#include "template/template.hpp"

#include <string>

namespace rupa {

// Instagram accepts at most 5 hashtags a post (2025 rule); the other platforms more, so
// one caption that respects Instagram's limit serves all.
constexpr size_t kMaxHashtags = 5;

// The post's text: the headline first (the title, else the quote or the hoax's verdict and
// claim), then the body, the content's own blocks (numbers, points, agenda entries), the
// source, date, time and place, the call to action, the credit line, and the hashtags last.
std::string caption_text(const Spec& spec, const Template& tmpl, const Brand& brand);

// One paragraph saying what the graphic shows, in the order it is read: what kind of
// graphic and whose, then each text the template draws. No hashtags, no line breaks.
std::string alt_text(const Spec& spec, const Template& tmpl, const Brand& brand);

// **bold** and _italic_ marks removed, by the rules the graphics follow.
std::string plain_text(const std::string& markdown);

}  // namespace rupa
