// A brand kit: an office's names, logo, colours, fonts and channels.
#pragma once

#include "spec/source_mark.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace rupa {

struct Rgba {
    double r = 0, g = 0, b = 0, a = 1;
};

// A brand colour token with an opacity: "primary", "ink/0.6".
struct ColorRef {
    std::string token;
    double alpha = 1.0;
};

// How burned-in video captions look (brand.yaml `captions:`): the brand's text on a soft dark
// box. The defaults suit every kit, whose `ink` is very dark and `paper` very light.
struct CaptionStyle {
    std::string font = "body";    // a brand font token
    double size = 46;             // px on the video's 1080 px side: body text (PRODUCT.md: 44 px or more)
    int weight = 600;
    ColorRef color{"paper", 1.0};
    ColorRef box{"ink", 0.75};    // DESIGN.md: text on a dark ground at 60-75 % or more
    SourceMark where;             // the `captions:` key, or the file when the kit has none
};

struct Brand {
    std::string id;
    std::string office;  // "Pemerintah Kabupaten Demo"
    std::string unit;    // "Dinas Komunikasi dan Informatika"
    std::filesystem::path folder;  // the kit's folder, which holds brand.yaml and its files
    std::filesystem::path file;    // its YAML file, as messages name it
    std::filesystem::path logo;
    std::map<std::string, Rgba> colors;        // by token
    std::map<std::string, std::string> fonts;  // token -> family in fonts/
    std::string timezone = "WIB";
    std::string website;
    std::map<std::string, std::string> handles;  // platform -> "@handle"
    std::vector<std::string> hashtags;
    std::string credit;
    CaptionStyle captions;
    // Where the logo and each font were named in brand.yaml, for errors found later.
    SourceMark logo_where;
    std::map<std::string, SourceMark> font_where;
    std::map<std::string, SourceMark> colour_where;  // the colours it gives (not the verdicts' defaults)

    std::string handle() const {
        auto it = handles.find("instagram");
        if (it != handles.end()) return it->second;
        return handles.empty() ? std::string{} : handles.begin()->second;
    }
};

// The tokens every brand defines and every template may use.
const std::vector<std::string>& brand_color_tokens();
const std::vector<std::string>& brand_font_tokens();
// Optional tokens "verdict-hoaks", ... with their defaults.
const std::map<std::string, Rgba>& default_verdict_colors();
// Every optional token a kit may give and a template may use: "accent-strong" and
// "on-accent-strong" (derived from the accent when the kit leaves them out), then the verdicts.
const std::vector<std::string>& optional_colour_tokens();

}  // namespace rupa
