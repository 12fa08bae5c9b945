// Text made safe for an HTML page rupa writes (the batch's and the preview's contact sheets):
// every text it shows may come from files others wrote.
#pragma once

#include <string>

namespace rupa {

// `text` with & < > " ' escaped, cut after 600 characters (with "…") so that a pasted
// megabyte stays out of the page.
std::string escape_html(const std::string& text);

}  // namespace rupa
