// Where a value came from: a file and a 1-based line and column, for compiler-style errors.
#pragma once

#include <string>

namespace rupa {

struct SourceMark {
    std::string file;
    int line = 0;    // 1-based; 0 when the problem is the file as a whole
    int column = 0;  // 1-based

    std::string to_string() const {
        if (line <= 0) return file;
        return file + ":" + std::to_string(line) + ":" + std::to_string(column);
    }
};

}  // namespace rupa
