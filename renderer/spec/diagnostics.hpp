// Warnings gathered during a render (preflight checks). Passed explicitly, never global;
// they end up in render.json and on stderr, and become errors under --strict.
#pragma once

#include "spec/source_mark.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace rupa {

struct Warning {
    std::string code;     // stable identifier, e.g. "text-overflow"
    std::string message;  // what a person reads
    std::string format;   // the formats it concerns ("story, reel"), empty when it concerns all
    SourceMark where;
    bool error = false;   // a format that could not be rendered because of it

    std::string to_string() const {
        std::string text = where.to_string() + (error ? ": error: " : ": warning: ") + message;
        if (!format.empty()) text += " [" + format + "]";
        return text;
    }
};

class Diagnostics {
public:
    // The same finding in several formats (a reel plays its story's design) is one warning
    // naming each format.
    void warn(Warning w) {
        for (Warning& seen : warnings_) {
            if (seen.code != w.code || seen.message != w.message || seen.error != w.error ||
                seen.where.to_string() != w.where.to_string())
                continue;
            if (seen.format.empty() || w.format.empty()) {
                seen.format.clear();
            } else if (!lists(seen.format, w.format)) {
                seen.format += ", " + w.format;
            }
            return;
        }
        warnings_.push_back(std::move(w));
    }
    const std::vector<Warning>& warnings() const { return warnings_; }
    bool empty() const { return warnings_.empty(); }

private:
    static bool lists(const std::string& formats, const std::string& format) {
        size_t at = 0;
        while (at <= formats.size()) {
            size_t end = std::min(formats.find(", ", at), formats.size());
            if (formats.compare(at, end - at, format) == 0) return true;
            at = end + 2;
        }
        return false;
    }

    std::vector<Warning> warnings_;
};

}  // namespace rupa
