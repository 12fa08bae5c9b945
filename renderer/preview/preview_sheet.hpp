// The preview's contact sheet: every format of a template side by side, as one picture
// (preview.png, guides on) and as an offline page (index.html, with the guide-free files).
#pragma once

#include "layout/font_set.hpp"
#include "spec/format.hpp"

#include <cairo.h>

#include <memory>
#include <string>
#include <vector>

namespace rupa {

// One picture of a format: a still, or a video's cover or one frame of its strip.
struct PreviewTile {
    std::string label;   // "cover", "0.5 s", ...
    std::string file;    // its guide-free file, in the preview's folder
    std::string guides;  // its copy with guides, or "" (the strip's frames have none)
    std::shared_ptr<cairo_surface_t> canvas;  // guide-free
};

struct PreviewFormat {
    const Format* format = nullptr;
    std::vector<PreviewTile> tiles;  // a still: one; a video: the cover, then the strip
    std::string failure;             // why it was not drawn, or ""
    struct Note {
        std::string text;
        bool error = false;
    };
    std::vector<Note> notes;  // its warnings and errors
    double seconds = 0;       // a video's length
};

struct PreviewSheet {
    std::string title;     // "event — Laporan kegiatan"
    std::string subtitle;  // the brand and the template's file
    std::vector<PreviewFormat> formats;
    std::vector<PreviewFormat::Note> notes;  // warnings that concern every format
};

// preview.png: every format at a common height with its guides, labels and warnings.
std::string sheet_png(const PreviewSheet& sheet, const FontSet& fonts);
// index.html: the same, with links to every file (guide-free and guided).
std::string sheet_html(const PreviewSheet& sheet);

}  // namespace rupa
