// The one error type of rupa's input side: what is wrong, where, and what to do about it.
// Thrown at the boundary that finds the problem and caught once, in cli/.
#pragma once

#include "spec/source_mark.hpp"

#include <stdexcept>
#include <string>

namespace rupa {

class SpecError : public std::runtime_error {
public:
    SpecError(SourceMark where, std::string what, std::string hint = {})
        : std::runtime_error(format(where, what, hint)),
          where_(std::move(where)), what_(std::move(what)), hint_(std::move(hint)) {}

    const SourceMark& where() const { return where_; }
    const std::string& problem() const { return what_; }
    const std::string& hint() const { return hint_; }

private:
    static std::string format(const SourceMark& where, const std::string& what,
                              const std::string& hint) {
        std::string text = where.to_string() + ": error: " + what;
        if (!hint.empty()) text += " (" + hint + ")";
        return text;
    }

    SourceMark where_;
    std::string what_;
    std::string hint_;
};

}  // namespace rupa
