// The text that goes with the images: caption.txt (the post's text, ready to paste) and
// alt.txt (a description for screen readers).
#pragma once

#include "spec/spec.hpp"
#include "template/brand.hpp"
#include "template/template.hpp"

#include <string>

namespace rupa {

// Instagram accepts at most 5 hashtags a post (2025 rule); the other platforms more, so
// one caption that respects Instagram's limit serves all.
constexpr size_t kMaxHashtags = 5;

std::string caption_text(const Spec& spec, const Brand& brand);
std::string alt_text(const Spec& spec, const Template& tmpl, const Brand& brand);

// **bold** and _italic_ marks removed.
std::string plain_text(const std::string& markdown);

}  // namespace rupa
