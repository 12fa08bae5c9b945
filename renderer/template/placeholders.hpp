// The names a template's text patterns may use in braces ("{title}", "{brand.website}"),
// checked when a template is read and filled when a scene is laid out.
#pragma once

#include <string>
#include <vector>

namespace rupa {

const std::vector<std::string>& placeholder_names();

// The names in braces in `pattern`, in order. Sets `unclosed` when a '{' has no '}'.
std::vector<std::string> placeholders_in(const std::string& pattern, bool& unclosed);

}  // namespace rupa
