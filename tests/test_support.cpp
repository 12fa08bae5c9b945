// Implementation of the shared test tools.
#include "test_support.hpp"

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>

namespace rupa::test {

namespace fs = std::filesystem;

fs::path source_dir() { return RUPA_SOURCE_DIR; }
fs::path test_media_dir() { return RUPA_TEST_MEDIA_DIR; }

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

void write_file(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

bool is_empty_or_missing(const fs::path& dir) {
    return !fs::exists(dir) || fs::is_empty(dir);
}

ScratchDir::ScratchDir() {
    std::random_device random;
    path_ = fs::temp_directory_path() / ("rupa-test-" + std::to_string(random()));
    fs::create_directories(path_);
}

ScratchDir::~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

CommandResult run_rupa(const std::string& args, const fs::path& cwd) {
    ScratchDir capture;
    fs::path out = capture.path() / "out.txt", err = capture.path() / "err.txt";
    std::string command = "cd '" + cwd.string() + "' && '" + std::string(RUPA_BINARY) + "' " +
                          args + " >'" + out.string() + "' 2>'" + err.string() + "'";
    int raw = std::system(command.c_str());
    CommandResult result;
    result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    result.out = read_file(out);
    result.err = read_file(err);
    return result;
}

PngSize png_size(const fs::path& path) {
    std::string bytes = read_file(path);
    if (bytes.size() < 24 || bytes.compare(1, 3, "PNG") != 0 || bytes.compare(12, 4, "IHDR") != 0)
        throw std::runtime_error(path.string() + " is not a PNG");
    auto be32 = [&](size_t at) {
        return (uint32_t(uint8_t(bytes[at])) << 24) | (uint32_t(uint8_t(bytes[at + 1])) << 16) |
               (uint32_t(uint8_t(bytes[at + 2])) << 8) | uint32_t(uint8_t(bytes[at + 3]));
    };
    return {int(be32(16)), int(be32(20))};
}

}  // namespace rupa::test
