// One `rupa render`: spec -> template and brand -> a scene per format -> files.
// Everything that can fail on input is checked before the first file is written.
#pragma once

#include "spec/diagnostics.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace rupa {

struct RenderRequest {
    std::filesystem::path spec_file;
    std::filesystem::path out_dir = "out";
    std::vector<std::string> formats;  // from --formats; empty = the spec's or template's own
    bool strict = false;
};

struct RenderedFile {
    std::string format;  // empty for caption.txt, alt.txt, render.json
    std::filesystem::path path;
    int width = 0;
    int height = 0;
};

struct RenderResult {
    std::filesystem::path folder;
    std::vector<RenderedFile> files;
    std::vector<std::string> failed;  // formats that could not be rendered
    Diagnostics diagnostics;
    double seconds = 0;
};

// Throws SpecError on invalid input, before anything is written.
RenderResult render_spec(const RenderRequest& request);

}  // namespace rupa
