// `rupa brand new`: an office's answers checked one by one, and a working brand kit made
// from them (brand.yaml and the logo), written whole or not at all.
#pragma once

#include "template/brand_palette.hpp"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace rupa {

// The answers, each as checked by the function below that reads it.
struct BrandKitAnswers {
    std::string office;
    std::string unit;
    std::filesystem::path logo;
    Rgba primary, accent;
    std::string timezone = "WIB";
    std::string website;
    std::vector<std::pair<std::string, std::string>> handles;  // platform, "@handle"
    std::vector<std::string> hashtags;                         // without '#'
    std::string credit;
};

// Each reads one answer as an admin types it and throws SpecError, at the flag that gives
// it ("--primary"), when it cannot be used.
std::string read_name_answer(const std::string& text, const std::string& flag, bool required);
Rgba read_colour_answer(const std::string& text, const std::string& flag);
std::string read_timezone_answer(const std::string& text);  // "wita" -> "WITA"
std::filesystem::path read_logo_answer(const std::string& text);  // an SVG, PNG, JPEG or WebP that decodes
std::string read_website_answer(const std::string& text);   // "https://x.go.id/" -> "x.go.id"
std::pair<std::string, std::string> read_handle_answer(const std::string& text);  // "instagram=@x"
std::vector<std::string> read_hashtags_answer(const std::string& text);  // "A, #B" -> {A, B}

// The id a kit in `dir` gets: the folder's name, lower-case letters, digits and hyphens.
std::string brand_kit_id(const std::filesystem::path& dir);

struct BrandKitWritten {
    std::filesystem::path brand_file;
    std::filesystem::path logo_file;
    Palette palette;
};

// Writes `dir`/brand.yaml and the logo beside it: in a new folder beside `dir`, checked as
// `rupa validate` checks a kit, then renamed into place. Refuses (SpecError) a `dir` that
// already holds a kit or anything else.
BrandKitWritten write_brand_kit(const std::filesystem::path& dir, const BrandKitAnswers& answers);

}  // namespace rupa
