// A new brand kit: each answer checked where it is given, the colours worked out, and the
// kit written into a fresh folder that becomes DIR only once it reads back as valid.
#include "pipeline/brand_kit.hpp"

#include "media/image_decoder.hpp"
#include "media/media_error.hpp"
#include "media/svg_image.hpp"
#include "output/atomic_file.hpp"
#include "pipeline/render_job.hpp"
#include "spec/control_characters.hpp"
#include "spec/spec_error.hpp"
#include "spec/ascii_text.hpp"
#include "spec/yaml_source.hpp"
#include "template/catalog.hpp"
#include "template/template_reader.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <regex>
#include <sstream>

#include <stdlib.h>

namespace rupa {

namespace fs = std::filesystem;

namespace {

// A YAML double-quoted scalar.
std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

std::string padded(std::string text, size_t width) {
    if (text.size() < width) text.append(width - text.size(), ' ');
    return text;
}

std::string brand_yaml(const std::string& id, const BrandKitAnswers& a, const std::string& logo_name,
                       const Palette& palette) {
    std::ostringstream y;
    y << "# The brand kit of " << a.office << ", made by `rupa brand new`.\n"
      << "# Edit it freely (docs/brands.md says what each key does), then check it with\n"
      << "# `rupa validate`. The text colours were picked to read on the colour under them at\n"
      << "# 4.5:1 or more (WCAG AA); the ratios are in the comments.\n"
      << "id: " << id << "\n"
      << "office: " << quoted(a.office) << "\n";
    if (a.unit.empty()) y << "# unit: \"Dinas Komunikasi dan Informatika\"\n";
    else y << "unit: " << quoted(a.unit) << "\n";
    y << "logo: " << logo_name << "\n"
      << "colors:\n";
    for (const PaletteEntry& e : palette.entries)
        y << "  " << padded(e.token + ": \"" + to_hex(e.colour) + "\"", 24) << "# " << e.comment << "\n";
    std::vector<std::string> families;
    for (const std::string& family : bundled_font_families())
        if (family.find("Emoji") == std::string::npos) families.push_back(family);  // not for words
    std::string family = std::find(families.begin(), families.end(), "Inter") != families.end() ? "Inter"
                                                                                                : families.front();
    y << "fonts:                    # any family in fonts/: " << join(families, ", ") << "\n"
      << "  heading: " << family << "\n"
      << "  body: " << family << "\n"
      << "timezone: " << a.timezone << "\n";
    if (a.website.empty()) y << "# website: diskominfo.example.go.id\n";
    else y << "website: " << quoted(a.website) << "\n";
    if (a.handles.empty()) {
        y << "# handles:\n#   instagram: \"@diskominfo\"\n";
    } else {
        y << "handles:                  # graphics show the instagram one, else the first\n";
        for (const auto& [platform, handle] : a.handles) y << "  " << platform << ": " << quoted(handle) << "\n";
    }
    if (a.hashtags.empty()) {
        y << "# hashtags: [KotaKitaMaju]\n";
    } else {
        y << "hashtags: [";
        for (size_t i = 0; i < a.hashtags.size(); ++i) y << (i ? ", " : "") << quoted(a.hashtags[i]);
        y << "]           # added to caption.txt after the post's own\n";
    }
    if (a.credit.empty()) y << "# credit: \"Diskominfo\"\n";
    else y << "credit: " << quoted(a.credit) << "\n";
    return y.str();
}

void write_text(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
    out.close();
    if (!out) throw OutputError("cannot write " + file.string());
}

}  // namespace

std::string read_name_answer(const std::string& text, const std::string& flag, bool required) {
    std::string name = trimmed(text);
    if (required && name.empty())
        throw SpecError({flag, 0, 0}, "the answer is empty", "give the name as it should appear on the graphics");
    refuse_control_characters(name, {flag, 0, 0}, "the answer");
    if (name.size() > 120)
        throw SpecError({flag, 0, 0}, "'" + excerpt(name) + "' is too long (" + std::to_string(name.size()) +
                                          " characters)",
                        "120 characters at most; the graphics show it beside the logo");
    return name;
}

Rgba read_colour_answer(const std::string& text, const std::string& flag) {
    std::string colour = trimmed(text);
    if (!colour.empty() && colour[0] != '#') colour = "#" + colour;
    if (auto parsed = parse_rgb_hex(colour)) return *parsed;
    throw SpecError({flag, 0, 0}, "'" + excerpt(trimmed(text)) + "' is not a colour",
                    "write it as #RRGGBB, six hexadecimal digits, e.g. #0B4F6C");
}

std::string read_timezone_answer(const std::string& text) {
    std::string zone = trimmed(text);
    std::string upper;
    for (char c : zone) upper += char(std::toupper(static_cast<unsigned char>(c)));
    if (upper == "WIB" || upper == "WITA" || upper == "WIT") return upper;
    throw SpecError({"--timezone", 0, 0}, "'" + excerpt(zone) + "' is not an Indonesian time zone",
                    "write WIB (UTC+7), WITA (UTC+8) or WIT (UTC+9)");
}

fs::path read_logo_answer(const std::string& text) {
    const SourceMark where{"--logo", 0, 0};
    fs::path logo = trimmed(text);
    std::error_code ec;
    if (logo.empty()) throw SpecError(where, "no logo file given", "give the path of the office's SVG or PNG logo");
    if (!fs::exists(logo, ec))
        throw SpecError(where, "cannot find the logo '" + excerpt(logo.string()) + "'",
                        "give the path of the office's SVG or PNG logo");
    if (!fs::is_regular_file(logo, ec))
        throw SpecError(where, "the logo '" + excerpt(logo.string()) + "' is not a file",
                        "give the path of the office's SVG or PNG logo");
    std::string ext = ascii_lowercase(logo.extension().string());
    if (ext != ".svg" && ext != ".png" && ext != ".jpg" && ext != ".jpeg" && ext != ".webp")
        throw SpecError(where, "the logo '" + excerpt(logo.string()) + "' is not an SVG, PNG, JPEG or WebP file",
                        "give the office's logo as .svg (best) or .png");
    try {
        if (ext == ".svg") load_svg(logo);
        else decode_image(logo);
    } catch (const MediaError& e) {
        throw SpecError(where, "cannot use the logo '" + excerpt(logo.string()) + "': " + e.what(),
                        "use an SVG with a width, a height and a viewBox, or a PNG");
    }
    return logo;
}

std::string read_website_answer(const std::string& text) {
    std::string site = trimmed(text);
    static const std::regex scheme(R"(^https?://)", std::regex::icase);
    site = std::regex_replace(site, scheme, "");
    while (!site.empty() && site.back() == '/') site.pop_back();
    static const std::regex form(R"(^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+(/[^\s]*)?$)");
    if (site.empty()) return site;
    if (site.size() > 100 || !std::regex_match(site, form))
        throw SpecError({"--website", 0, 0}, "'" + excerpt(trimmed(text)) + "' is not a website address",
                        "write it like diskominfo.sukamakmurkab.go.id");
    return ascii_lowercase(site.substr(0, site.find('/'))) + (site.find('/') == std::string::npos ? "" : site.substr(site.find('/')));
}

std::pair<std::string, std::string> read_handle_answer(const std::string& text) {
    const SourceMark where{"--handle", 0, 0};
    std::string answer = trimmed(text);
    size_t eq = answer.find('=');
    if (eq == std::string::npos)
        throw SpecError(where, "'" + excerpt(answer) + "' does not say the platform",
                        "write PLATFORM=@HANDLE, e.g. instagram=@diskominfo");
    std::string platform = ascii_lowercase(trimmed(answer.substr(0, eq))), handle = trimmed(answer.substr(eq + 1));
    static const std::regex platform_form(R"(^[a-z][a-z0-9-]{0,29}$)");
    if (!std::regex_match(platform, platform_form))
        throw SpecError(where, "'" + excerpt(platform) + "' is not a platform name",
                        "write PLATFORM=@HANDLE, e.g. instagram=@diskominfo");
    if (!handle.empty() && handle[0] != '@') handle = "@" + handle;
    static const std::regex handle_form(R"(^@[A-Za-z0-9._-]{1,60}$)");
    if (!std::regex_match(handle, handle_form))
        throw SpecError(where, "'" + excerpt(handle) + "' is not a handle",
                        "write PLATFORM=@HANDLE with letters, digits, '.', '_' or '-', e.g. instagram=@diskominfo");
    return {platform, handle};
}

std::vector<std::string> read_hashtags_answer(const std::string& text) {
    std::vector<std::string> tags;
    std::stringstream in(text);
    std::string tag;
    while (std::getline(in, tag, ',')) {
        tag = trimmed(tag);
        if (!tag.empty() && tag[0] == '#') tag.erase(0, 1);
        tag.erase(std::remove(tag.begin(), tag.end(), ' '), tag.end());
        if (tag.empty()) continue;
        bool word = std::all_of(tag.begin(), tag.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
        });
        if (!word || tag.size() > 60)
            throw SpecError({"--hashtags", 0, 0}, "'" + excerpt(tag) + "' is not a hashtag",
                            "use letters, digits and '_', separated by commas: SukamakmurMaju,GotongRoyong");
        tags.push_back(tag);
    }
    return tags;
}

std::string brand_kit_id(const fs::path& dir) {
    std::string id = fs::path(dir).lexically_normal().filename().string();
    if (id.empty()) id = fs::path(dir).lexically_normal().parent_path().filename().string();
    static const std::regex form(R"(^[a-z0-9]+(-[a-z0-9]+)*$)");
    if (!std::regex_match(id, form) || id.size() > 60)
        throw SpecError({dir.string(), 0, 0}, "'" + excerpt(id) + "' cannot name a brand kit",
                        "the folder's name is the brand's id: use lower-case letters, digits and hyphens, "
                        "e.g. kominfo-sukamakmur");
    return id;
}

BrandKitWritten write_brand_kit(const fs::path& given_dir, const BrandKitAnswers& answers) {
    fs::path dir = given_dir.lexically_normal();
    if (dir.filename().empty()) dir = dir.parent_path();
    std::string id = brand_kit_id(dir);
    const SourceMark at{given_dir.string(), 0, 0};
    std::error_code ec;
    if (fs::exists(dir / "brand.yaml", ec))
        throw SpecError(at, "a brand kit is already there",
                        "rupa brand new does not overwrite a kit: choose another folder, or remove this one first");
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
        throw SpecError(at, "this is a file, not a folder", "name a new folder for the brand kit");
    if (fs::is_directory(dir, ec) && !fs::is_empty(dir, ec))
        throw SpecError(at, "the folder is not empty", "name a new folder for the brand kit; rupa makes it");

    fs::path parent = dir.parent_path().empty() ? fs::path(".") : dir.parent_path();
    fs::create_directories(parent, ec);
    std::string pattern = (parent / ("." + id + ".rupa-new-XXXXXX")).string();
    if (!mkdtemp(pattern.data())) throw OutputError("cannot make a folder in " + parent.string());
    fs::path temp = pattern;
    try {
        BrandKitWritten written;
        written.palette = make_palette(answers.primary, answers.accent);
        std::string logo_name = "logo" + ascii_lowercase(answers.logo.extension().string());
        if (logo_name == "logo.jpeg") logo_name = "logo.jpg";
        fs::copy_file(answers.logo, temp / logo_name);
        write_text(temp / "brand.yaml", brand_yaml(id, answers, logo_name, written.palette));
        // Read back as `rupa validate` reads a kit: what was written is a kit that works.
        check_brand(read_brand(temp / "brand.yaml", (dir / "brand.yaml").string()));
        fs::rename(temp, dir);  // an empty folder there is replaced
        written.brand_file = dir / "brand.yaml";
        written.logo_file = dir / logo_name;
        return written;
    } catch (...) {
        fs::remove_all(temp, ec);
        throw;
    }
}

}  // namespace rupa
