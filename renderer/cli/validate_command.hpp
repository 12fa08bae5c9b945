// `rupa validate FILE...`: specs, templates and brand kits checked, files or folders, nothing
// rendered. Returns the exit status.
#pragma once

#include <string>
#include <vector>

namespace rupa {

// 0 every file is valid (warnings allowed); 1 some content does not fit a format it would
// render; 2 some file is invalid. With `json`, the result goes to standard output as JSON
// and nothing else is printed.
int run_validate(const std::vector<std::string>& inputs, bool json);

}  // namespace rupa
