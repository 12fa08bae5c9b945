// Warnings gathered during a render (preflight checks). Passed explicitly, never global;
// they end up in render.json and on stderr, and become errors under --strict.
#pragma once

#include "spec/source_mark.hpp"

#include <string>
#include <vector>

namespace rupa {

struct Warning {
    std::string code;     // stable identifier, e.g. "text-overflow"
    std::string message;  // what a person reads
    std::string format;   // the format it concerns, empty when it concerns all
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
    // The same finding twice (a still and the video playing its design) is listed once.
    void warn(Warning w) {
        for (const Warning& seen : warnings_)
            if (seen.code == w.code && seen.message == w.message && seen.format == w.format &&
                seen.where.to_string() == w.where.to_string())
                return;
        warnings_.push_back(std::move(w));
    }
    const std::vector<Warning>& warnings() const { return warnings_; }
    bool empty() const { return warnings_.empty(); }

private:
    std::vector<Warning> warnings_;
};

}  // namespace rupa
