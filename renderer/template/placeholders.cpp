// The placeholder vocabulary shared by the template reader and the layout.
#include "template/placeholders.hpp"

namespace rupa {

const std::vector<std::string>& placeholder_names() {
    static const std::vector<std::string> names = {
        "kicker",      "title",        "subtitle",     "place",         "body",
        "claim",       "source",       "cta",          "verdict",       "date",
        "time",        "when",         "hashtags",     "quote.text",    "quote.by",
        "quote.role",  "verdict_label", "fact_label",  "claim_label",   "source_line",
        "brand.office", "brand.unit",  "brand.website", "brand.credit", "brand.handle"};
    return names;
}

std::vector<std::string> placeholders_in(const std::string& pattern, bool& unclosed) {
    std::vector<std::string> names;
    unclosed = false;
    size_t at = 0;
    while ((at = pattern.find('{', at)) != std::string::npos) {
        size_t close = pattern.find('}', at);
        if (close == std::string::npos) {
            unclosed = true;
            break;
        }
        names.push_back(pattern.substr(at + 1, close - at - 1));
        at = close + 1;
    }
    return names;
}

}  // namespace rupa
