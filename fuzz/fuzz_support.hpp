// A file in a private temporary folder that a fuzz target rewrites with each input: the
// readers under test take paths, as rupa does.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace rupa::fuzz {

class ScratchFile {
public:
    explicit ScratchFile(const std::string& name) {
        folder_ = std::filesystem::temp_directory_path() / ("rupa-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(folder_);
        path_ = folder_ / name;
    }
    ~ScratchFile() {
        std::error_code ec;
        std::filesystem::remove_all(folder_, ec);
    }
    void write(const uint8_t* data, size_t size) {
        std::FILE* f = std::fopen(path_.c_str(), "wb");
        if (!f) return;
        if (size) std::fwrite(data, 1, size, f);
        std::fclose(f);
    }
    const std::filesystem::path& path() const { return path_; }
    const std::filesystem::path& folder() const { return folder_; }

private:
    std::filesystem::path folder_;
    std::filesystem::path path_;
};

}  // namespace rupa::fuzz
