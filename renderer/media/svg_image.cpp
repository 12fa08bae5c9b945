// librsvg loading; the intrinsic size decides the logo's aspect ratio. librsvg 2.54 cannot be
// interrupted while it draws, so the work an SVG can ask for is bounded before it is loaded:
// its bytes come through the one capped reader and are scanned for what makes drawing slow or
// large (filter primitives and their costly parameters, embedded pictures, entity
// declarations); it is then loaded from memory with no base file, so that it can reach no
// other file (librsvg otherwise follows relative references beside the logo). What the scan
// cannot foresee (filters repeated on many shapes, many large embedded pictures) is caught by
// drawing the SVG once, larger than any template draws a logo, under a deadline and a memory
// budget (media/svg_trial.*).
#include "media/svg_image.hpp"

#include "input/plain_file.hpp"
#include "media/picture_header.hpp"
#include "media/svg_trial.hpp"

#include <glib.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace rupa {

namespace {

// A logo is a few kilobytes; one with a photo embedded, a few megabytes.
constexpr std::uintmax_t kMaxSvgBytes = 8 << 20;
// Far above any logo (the demo kits' have under 50 elements and no filter).
constexpr int kMaxElements = 20000;
constexpr int kMaxFilterPrimitives = 50;
// Past 10 octaves each adds under 1/1024 of the noise: nothing visible in 8-bit colour, while
// the work grows with each one (numOctaves="1000000000" never finished).
constexpr double kMaxOctaves = 10;
// Convolution work grows with the kernel's area, erosion and dilation with the radius's.
constexpr double kMaxConvolveOrder = 9;
constexpr double kMaxMorphologyRadius = 10;
// PRODUCT.md's limit on a side; an embedded picture is decoded whole by librsvg.
constexpr long long kMaxEmbeddedSide = 4096;

std::string_view local_name(std::string_view name) {
    size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The value of attribute `name` in a start tag's text, without its quotes.
std::optional<std::string_view> attribute(std::string_view tag, std::string_view name) {
    for (size_t at = tag.find(name); at != std::string_view::npos; at = tag.find(name, at + 1)) {
        bool starts_word = at > 0 && (is_space(tag[at - 1]) || tag[at - 1] == ':');
        size_t eq = at + name.size();
        while (eq < tag.size() && is_space(tag[eq])) ++eq;
        if (!starts_word || eq >= tag.size() || tag[eq] != '=') continue;
        size_t quote = eq + 1;
        while (quote < tag.size() && is_space(tag[quote])) ++quote;
        if (quote >= tag.size() || (tag[quote] != '"' && tag[quote] != '\'')) continue;
        size_t end = tag.find(tag[quote], quote + 1);
        if (end == std::string_view::npos) return std::nullopt;
        return tag.substr(quote + 1, end - quote - 1);
    }
    return std::nullopt;
}

// The largest number in a list such as "3 3" or "2,5"; infinity for anything unreadable.
double largest_number(std::string_view list) {
    std::string text(list);
    for (char& c : text)
        if (c == ',') c = ' ';
    const char* at = text.c_str();
    double largest = 0;
    while (*at) {
        char* end = nullptr;
        double value = std::strtod(at, &end);
        if (end == at) {
            if (!is_space(*at)) return HUGE_VAL;
            ++at;
            continue;
        }
        if (std::isnan(value)) return HUGE_VAL;
        largest = std::max(largest, value);
        at = end;
    }
    return largest;
}

void check_parameter(std::string_view tag, std::string_view element, std::string_view name, double most) {
    auto value = attribute(tag, name);
    if (!value || largest_number(*value) <= most) return;
    std::string shown(value->substr(0, 40));
    throw MediaError("the SVG's " + std::string(element) + " has " + std::string(name) + "=\"" + shown +
                     "\"; rupa draws at most " + std::to_string(int(most)));
}

// A picture embedded as a data: URL, checked by the size its header states.
void check_embedded_picture(std::string_view tag) {
    auto href = attribute(tag, "href");
    if (!href) return;
    if (!href->starts_with("data:")) {
        if (href->starts_with("#")) return;
        throw MediaError("the SVG refers to another file ('" + std::string(href->substr(0, 40)) +
                         "'); embed pictures in the SVG itself");
    }
    size_t comma = href->find(',');
    std::string_view kind = href->substr(0, comma);
    if (comma == std::string_view::npos || !kind.ends_with(";base64"))
        throw MediaError("the SVG embeds a picture rupa cannot check (only base64 PNG, JPEG, GIF or WebP)");
    std::string base64;
    for (char c : href->substr(comma + 1)) {
        if (!is_space(c)) base64 += c;
        if (base64.size() == 87384) break;  // 64 KB decoded: enough for any header
    }
    base64.resize(base64.size() / 4 * 4);
    gsize length = 0;
    guchar* raw = g_base64_decode(base64.c_str(), &length);
    std::string head(reinterpret_cast<const char*>(raw), length);
    g_free(raw);
    std::optional<PictureSize> size = stated_picture_size(head);
    if (!size) throw MediaError("the SVG embeds a picture rupa cannot check (only base64 PNG, JPEG, GIF or WebP)");
    if (size->width > kMaxEmbeddedSide || size->height > kMaxEmbeddedSide)
        throw MediaError("the SVG embeds a picture of " + std::to_string(size->width) + "x" +
                         std::to_string(size->height) + "; rupa takes at most " + std::to_string(kMaxEmbeddedSide) +
                         " pixels a side");
}

void check_element(std::string_view name, std::string_view tag, int& primitives) {
    if (name.size() > 2 && name.starts_with("fe") && name[2] >= 'A' && name[2] <= 'Z' &&
        ++primitives > kMaxFilterPrimitives)
        throw MediaError("the SVG has more than " + std::to_string(kMaxFilterPrimitives) + " filter primitives");
    if (name == "feTurbulence") check_parameter(tag, name, "numOctaves", kMaxOctaves);
    if (name == "feConvolveMatrix") check_parameter(tag, name, "order", kMaxConvolveOrder);
    if (name == "feMorphology") check_parameter(tag, name, "radius", kMaxMorphologyRadius);
    if (name == "image" || name == "feImage") check_embedded_picture(tag);
}

// Walks the start tags of the SVG's text (comments, CDATA and declarations skipped).
void check_svg_work(std::string_view svg) {
    if (svg.find("<!ENTITY") != std::string_view::npos)
        throw MediaError("the SVG declares entities (<!ENTITY>), which a logo never needs");
    int elements = 0, primitives = 0;
    for (size_t at = svg.find('<'); at != std::string_view::npos; at = svg.find('<', at)) {
        std::string_view rest = svg.substr(at);
        auto skip_to = [&](std::string_view end) {
            size_t found = svg.find(end, at + 1);
            at = found == std::string_view::npos ? svg.size() : found + end.size();
        };
        if (rest.starts_with("<!--")) skip_to("-->");
        else if (rest.starts_with("<![CDATA[")) skip_to("]]>");
        else if (rest.starts_with("<?")) skip_to("?>");
        else if (rest.starts_with("<!") || rest.starts_with("</")) skip_to(">");
        else {
            size_t end = at + 1;
            for (char quote = 0; end < svg.size(); ++end) {
                char c = svg[end];
                if (quote) {
                    if (c == quote) quote = 0;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    break;
                }
            }
            std::string_view tag = svg.substr(at + 1, end - at - 1);
            size_t name_end = 0;
            while (name_end < tag.size() && !is_space(tag[name_end]) && tag[name_end] != '/') ++name_end;
            if (++elements > kMaxElements)
                throw MediaError("the SVG has more than " + std::to_string(kMaxElements) + " elements");
            check_element(local_name(tag.substr(0, name_end)), tag, primitives);
            at = end;
        }
    }
}

}  // namespace

SvgImage load_svg(const std::filesystem::path& path) {
    static const PlainFileKind kSvg{"an SVG file", "SVG files", kMaxSvgBytes, "a logo is a few kilobytes"};
    std::string bytes;
    try {
        bytes = read_plain_file(path, kSvg);
    } catch (const FileRefused& e) {
        throw MediaError(e.what());
    }
    check_svg_work(bytes);
    GError* raw_error = nullptr;
    RsvgHandle* raw = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(bytes.data()), gsize(bytes.size()),
                                                &raw_error);
    GErrorPtr error(raw_error);
    if (!raw) throw MediaError(std::string("not a readable SVG: ") + (error ? error->message : "unknown"));
    SvgImage svg;
    svg.handle = share_gobject(raw);
    gdouble w = 0, h = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(raw, &w, &h) || w <= 0 || h <= 0)
        throw MediaError("the SVG has no width and height (give it a viewBox and a size)");
    trial_draw_svg(bytes, w, h);
    svg.width = w;
    svg.height = h;
    return svg;
}

}  // namespace rupa
