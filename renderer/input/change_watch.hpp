// Waiting for a designer's files to change, through inotify: the kernel wakes rupa when a
// file is written, replaced, renamed or touched, so a waiting `rupa preview --watch` uses no
// CPU at all (no polling loop).
#pragma once

#include "handles/posix.hpp"

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace rupa {

class ChangeWatch {
public:
    ChangeWatch();  // throws std::runtime_error when inotify is not available

    // Watches `sources` from now on, instead of what was watched before: a folder as a whole
    // (the files directly in it), a file by its name in its folder (so that an editor that
    // saves by writing a new file and renaming it over the old one is seen too).
    void watch(const std::vector<std::filesystem::path>& sources);

    // What to poll(2) for: readable when something changed.
    int fd() const { return fd_.get(); }

    // Reads what is pending (without waiting) and returns the watched files that changed;
    // editors' own files (hidden names, backups ending in '~', swap files) are left out.
    std::vector<std::filesystem::path> changes();

private:
    struct Folder {
        std::filesystem::path path;
        bool whole = false;          // every file in it
        std::set<std::string> names;  // else only these
    };
    FileDescriptor fd_;
    std::map<int, Folder> folders_;  // by watch descriptor
};

}  // namespace rupa
