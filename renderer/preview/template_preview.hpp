// `rupa preview TEMPLATE`: a template rendered with its own sample content in every format
// it lists and every video format it plays, into OUTDIR/preview-<template>/: each still and
// its copy with guides, each video's cover (with a guided copy) and a strip of frames at
// 0.5 s, 1.5 s, the middle and the end, and the contact sheet (preview.png, index.html).
#pragma once

#include "spec/diagnostics.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace rupa {

struct PreviewRequest {
    std::string template_name;  // an installed id or a path
    std::string brand;          // an installed id or a path; "" = the template's default
    std::filesystem::path out_dir = "out";
};

struct PreviewResult {
    std::filesystem::path folder;
    std::filesystem::path sheet;  // preview.png
    std::filesystem::path page;   // index.html
    std::vector<std::filesystem::path> files;  // every file written, the sheet and page last
    std::vector<std::string> failed;           // formats not drawn (content does not fit)
    Diagnostics diagnostics;
    // What the preview was made from: the template's and brand kit's folders and the sample
    // photos (what `--watch` watches).
    std::vector<std::filesystem::path> sources;
};

// The video frames of the strip, by label: "0.5 s", "1.5 s", "middle", "end".
long strip_frame(const std::string& which, long frames);

// Throws SpecError for invalid input (nothing written), OutputError when OUTDIR is unusable.
PreviewResult render_preview(const PreviewRequest& request);

}  // namespace rupa
