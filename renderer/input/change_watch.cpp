#include "input/change_watch.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <sys/inotify.h>
#include <unistd.h>

namespace rupa {

namespace fs = std::filesystem;

namespace {

// Written, replaced, renamed in or out, created, removed, touched (`touch` sets both times:
// IN_ATTRIB; a tool that sets only the modification time gives IN_MODIFY).
constexpr uint32_t kEvents = IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB |
                             IN_DELETE_SELF | IN_MOVE_SELF;

bool editors_own(const std::string& name) {
    return name.empty() || name.front() == '.' || name.back() == '~' || name.ends_with(".swp") ||
           name.ends_with(".swx") || name == "4913";  // vim's check that it may write the folder
}

}  // namespace

ChangeWatch::ChangeWatch() : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
    if (fd_.get() < 0) throw std::runtime_error(std::string("cannot watch files: ") + std::strerror(errno));
}

void ChangeWatch::watch(const std::vector<fs::path>& sources) {
    std::map<fs::path, Folder> wanted;
    for (const fs::path& source : sources) {
        std::error_code ec;
        fs::path path = fs::weakly_canonical(source, ec);
        if (ec) path = source;
        if (fs::is_directory(path, ec)) {
            wanted[path].path = path;
            wanted[path].whole = true;
        } else {
            Folder& folder = wanted[path.parent_path()];
            folder.path = path.parent_path();
            folder.names.insert(path.filename().string());
        }
    }
    for (const auto& [wd, folder] : folders_) inotify_rm_watch(fd_.get(), wd);
    folders_.clear();
    for (auto& [path, folder] : wanted) {
        int wd = inotify_add_watch(fd_.get(), path.c_str(), kEvents | IN_ONLYDIR);
        if (wd >= 0) folders_[wd] = folder;  // a folder that is gone is not watched; nothing to see there
    }
}

std::vector<fs::path> ChangeWatch::changes() {
    std::vector<fs::path> changed;
    alignas(inotify_event) char buffer[16 * 1024];
    for (;;) {
        ssize_t n = ::read(fd_.get(), buffer, sizeof buffer);
        if (n <= 0) break;  // EAGAIN: nothing more pending
        for (char* at = buffer; at < buffer + n;) {
            auto* event = reinterpret_cast<inotify_event*>(at);
            at += sizeof(inotify_event) + event->len;
            if (event->mask & IN_Q_OVERFLOW) {
                changed.emplace_back();  // too many to tell: something changed
                continue;
            }
            auto folder = folders_.find(event->wd);
            if (folder == folders_.end()) continue;
            if (event->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
                changed.push_back(folder->second.path);
                continue;
            }
            std::string name = event->len > 0 ? std::string(event->name) : "";
            if ((event->mask & IN_ISDIR) || editors_own(name)) continue;
            if (folder->second.whole || folder->second.names.count(name)) changed.push_back(folder->second.path / name);
        }
    }
    return changed;
}

}  // namespace rupa
