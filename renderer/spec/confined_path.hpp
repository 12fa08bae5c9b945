// Paths written in YAML files, resolved against the file's own folder and kept inside it.
#pragma once

#include "spec/source_mark.hpp"

#include <filesystem>
#include <string>

namespace rupa {

// What a path is confined to, as messages name it: "the spec's folder" and the advice for
// a path that leaves it, "copy the file next to the spec".
struct PathScope {
    std::filesystem::path folder;
    std::string name;
    std::string advice;
};

// `written`, relative to `scope.folder`, made canonical. A path that is absolute, empty, or
// leaves the folder (through '..' or a symlink), or that the file system cannot follow, is
// a SpecError at `where`: a file shared between offices must not read arbitrary files.
// Whether the target exists is the caller's to check.
std::filesystem::path confined_path(const PathScope& scope, const std::string& written,
                                    const SourceMark& where, const std::string& field);

}  // namespace rupa
