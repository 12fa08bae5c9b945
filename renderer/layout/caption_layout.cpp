// Burned-in captions follow the subtitle habits of broadcasters and streaming services
// (PRODUCT.md, "Formats"): at most two lines of about 32 characters, at most 17 characters a
// second, centred low in the picture on a dark box that keeps them legible over any frame.
#include "layout/caption_layout.hpp"

#include "layout/stat_layout.hpp"
#include "layout/text_block.hpp"
#include "spec/caption_reader.hpp"

#include <glib.h>
#include <pango/pango.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

namespace rupa {

namespace {

constexpr int kMaxLines = 2;
// Viewers read about 17 characters a second (PRODUCT.md; the common subtitling limit).
constexpr double kMaxCharsPerSecond = 17;
// A line holds about 32 characters: at the average advance of a semibold sans on Indonesian
// text, about 0.56 em (Inter: "Petani memanen gabah bersama" is 756 px at 48 px), 18 em.
constexpr double kLineEms = 18;
// The smallest a caption shrinks to keep to two lines: a little below its size, never under
// the floor for body text (PRODUCT.md: 44 px on a 1080 px canvas).
constexpr double kShrinkTo = 0.9;
constexpr double kBodyFloor = 44;
// Antialiasing reaches a pixel past the box.
constexpr double kInkMargin = 2;
// The least room left between a caption's box and a design's text it stands above.
constexpr double kTextClearance = 16;

std::string one_decimal(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

// Characters a viewer reads: the text without its line breaks.
long reading_length(const std::string& text) {
    return long(g_utf8_strlen(text.c_str(), -1)) - long(std::count(text.begin(), text.end(), '\n'));
}

TextStyle caption_text_style(const CaptionStyle& c) {
    TextStyle s;
    s.font = c.font;
    s.size = c.size;
    s.min_size = std::max(kBodyFloor, std::floor(c.size * kShrinkTo));
    s.weight = c.weight;
    s.color = c.color;
    s.line_height = 1.25;
    s.align = TextAlign::center;
    s.max_lines = kMaxLines;
    s.balance = true;  // two lines of about even length read better than a full and a short one
    s.padding_x = std::round(c.size * 0.4);
    s.padding_y = std::round(c.size * 0.25);
    s.radius = std::round(c.size * 0.25);
    return s;
}

// Where the designs playing during [from, to) have text or a logo, in the video's pixels: a
// caption moves off them when it can (broadcasters raise subtitles over on-screen text).
std::vector<Box> design_marks(const Timeline& timeline, long from, long to) {
    std::vector<Box> marks;
    for (const TimedScene& s : timeline.scenes) {
        if (s.start >= to || s.start + s.frames <= from) continue;
        double sx = double(timeline.width) / s.scene.width, sy = double(timeline.height) / s.scene.height;
        for (const SceneNode& n : s.scene.nodes) {
            if (n.kind != NodeKind::text && n.kind != NodeKind::svg) continue;
            Box ink = n.box;
            if (n.kind == NodeKind::text && n.text) {
                PangoRectangle extents;
                pango_layout_get_pixel_extents(n.text.get(), &extents, nullptr);
                ink = {n.box.x + extents.x, n.box.y + extents.y, double(extents.width), double(extents.height)};
            }
            if (ink.w > 0 && ink.h > 0) marks.push_back({ink.x * sx, ink.y * sy, ink.w * sx, ink.h * sy});
        }
    }
    return marks;
}

bool overlaps(const Box& a, const Box& b) {
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

// Where a caption's box stands: the middle of its bottom edge.
struct CaptionSpot {
    double centre = 0, bottom = 0;
};

// The lowest place for a box `width` x `height` in `area` that covers none of `marks`: on
// the area's bottom line or just above a mark; centred in the area, else in its left or
// right half (beside a photo); nothing when every place covers some.
std::optional<CaptionSpot> free_spot(const CaptionArea& area, double width, double height,
                                     const std::vector<Box>& marks) {
    std::vector<double> bottoms{area.bottom};
    for (const Box& m : marks) bottoms.push_back(std::min(area.bottom, m.y - kTextClearance));
    std::sort(bottoms.begin(), bottoms.end(), std::greater<>());
    std::vector<double> centres{area.centre()};
    double half = (area.right - area.left) / 2;
    if (width <= half) centres.insert(centres.end(), {area.left + half / 2, area.right - half / 2});
    for (double bottom : bottoms) {
        if (bottom - height < area.top) break;
        for (double centre : centres) {
            Box place{centre - width / 2 - kTextClearance, bottom - height - kTextClearance,
                      width + 2 * kTextClearance, height + 2 * kTextClearance};
            if (std::none_of(marks.begin(), marks.end(), [&](const Box& m) { return overlaps(place, m); }))
                return CaptionSpot{centre, bottom};
        }
    }
    return std::nullopt;
}

Rgba brand_colour(const Brand& brand, const ColorRef& ref) {
    Rgba c = brand.colors.at(ref.token);
    c.a *= ref.alpha;
    return c;
}

class CaptionLayout {
public:
    CaptionLayout(const Format& format, const Brand& brand, const FontSet& fonts, Diagnostics& diagnostics)
        : format_(format), brand_(brand), fonts_(fonts), diagnostics_(diagnostics),
          area_(caption_area(format)), style_(caption_text_style(brand.captions)),
          width_(std::min(area_.right - area_.left, kLineEms * style_.size + 2 * style_.padding_x)) {}

    // The caption on its box, or nothing when it cannot be drawn whole (reported).
    std::optional<TimedCaption> lay_out(const Caption& caption, const std::vector<Box>& marks) {
        std::vector<TextBlock> blocks{plain_block("caption", caption.text, style_, style_.size)};
        TextBlock& b = blocks.front();
        shape_text(b, width_, brand_, fonts_);
        int lines_at_size = b.lines;
        fit_column(blocks, width_, area_.bottom - area_.top, brand_, fonts_);
        if (b.word_split || b.height > area_.bottom - area_.top) {
            report_unfit(caption, b);
            return std::nullopt;
        }
        if (lines_at_size > kMaxLines) warn_lines(caption, lines_at_size);
        if (int missing = pango_layout_get_unknown_glyphs_count(b.layout.get()); missing > 0)
            warn(caption, "missing-glyph",
                 "this caption has " + std::to_string(missing) +
                     " character(s) that no bundled font can show; they would be drawn as boxes: replace or remove them");
        return place(caption, b, marks);
    }

private:
    TimedCaption place(const Caption& caption, const TextBlock& b, const std::vector<Box>& marks) {
        double width = b.text_width + 2 * style_.padding_x;
        std::optional<CaptionSpot> free = free_spot(area_, width, b.height, marks);
        if (!free)
            warn(caption, "caption-covers-text",
                 "this caption covers the design's text wherever it stands; time it over a scene with room for it "
                 "(a photo), or shorten it");
        CaptionSpot spot = free.value_or(CaptionSpot{area_.centre(), area_.bottom});
        const double cx = spot.centre;
        Box box{cx - width / 2, spot.bottom - b.height, width, b.height};
        SceneNode ground;
        ground.kind = NodeKind::rect;
        ground.name = "caption-box";
        ground.box = box;
        ground.fill = brand_colour(brand_, brand_.captions.box);
        ground.radius = style_.radius;
        double text_left = cx - b.text_width / 2 - b.text_x;
        SceneNode text = text_node("caption", {text_left, box.y + style_.padding_y, b.wrap_width - b.narrowed,
                                               b.height - 2 * style_.padding_y},
                                   brand_colour(brand_, style_.color), b.layout);
        TimedCaption timed{caption.from, caption.to, {std::move(ground), std::move(text)}, {}};
        timed.area = {box.x - kInkMargin, box.y - kInkMargin, box.w + 2 * kInkMargin, box.h + 2 * kInkMargin};
        return timed;
    }

    void warn(const Caption& caption, const std::string& code, const std::string& message, bool error = false) {
        diagnostics_.warn({code, message, std::string(format_.id), caption.where, error});
    }

    void warn_lines(const Caption& caption, int lines) {
        warn(caption, "caption-too-long",
             "this caption needs " + std::to_string(lines) + " lines; a burned-in caption is at most " +
                 std::to_string(kMaxLines) + " lines of about 32 characters: shorten it, or split it into two captions");
    }

    // PRODUCT.md: content that cannot be drawn whole fails its format, never cut.
    void report_unfit(const Caption& caption, const TextBlock& b) {
        std::string why = b.word_split ? "a word is longer than a line"
                                       : "its " + std::to_string(b.lines) + " lines are taller than the frame";
        warn(caption, "content-does-not-fit",
             "this caption cannot be drawn whole even at " + std::to_string(std::lround(b.size)) + " px: " + why +
                 "; shorten it, or split it into several captions",
             true);
    }

    const Format& format_;
    const Brand& brand_;
    const FontSet& fonts_;
    Diagnostics& diagnostics_;
    CaptionArea area_;
    TextStyle style_;
    double width_;  // the box's widest: about 32 characters and its padding, inside the column
};

void warn_pace(const Caption& caption, Diagnostics& diagnostics) {
    double seconds = double(caption.to - caption.from) / kVideoFps;
    long length = reading_length(caption.text);
    double rate = double(length) / seconds;
    if (rate <= kMaxCharsPerSecond) return;
    diagnostics.warn({"caption-too-fast",
                      "this caption shows " + std::to_string(length) + " characters in " + seconds_text(seconds) +
                          ", " + one_decimal(rate) + " a second; viewers read at most 17 a second: show it longer, "
                          "or shorten it",
                      "", caption.where});
}

}  // namespace

// Reel: the format's safe zone (x 65-900, y 270-1248, after Meta's Reels guide); below it
// the app writes the post's own caption, so the box stands 24 px above its bottom edge.
// Feed and landscape video: the grid's margin of 72 px on the sides (DESIGN.md); feed players
// (Instagram's sound and tag buttons, Facebook's and X's progress bars) and YouTube's control
// bar and own subtitles cover about the bottom 12 % of the picture, so the box stands 140 px
// above the bottom edge.
CaptionArea caption_area(const Format& format) {
    if (const SafeZone& zone = format.safe; !zone.empty())
        return {double(zone.left), double(zone.right), double(zone.top), double(zone.bottom - 24)};
    return {72, double(format.width) - 72, 72, double(format.height) - 140};
}

void add_captions(Timeline& timeline, const std::vector<Caption>& captions, const Format& format,
                  const Brand& brand, const FontSet& fonts, Diagnostics& diagnostics) {
    std::vector<Caption> shown = captions_within(captions, timeline.frames);
    for (size_t i = shown.size(); i < captions.size(); ++i)
        diagnostics.warn({"caption-not-shown",
                          "this caption starts at " + seconds_text(double(captions[i].from) / kVideoFps) +
                              ", after the video ends at " + seconds_text(double(timeline.frames) / kVideoFps) +
                              ", so it is never shown: move it, or make the video longer",
                          "", captions[i].where});
    CaptionLayout layout(format, brand, fonts, diagnostics);
    for (const Caption& caption : shown) {
        warn_pace(caption, diagnostics);
        std::optional<TimedCaption> timed = layout.lay_out(caption, design_marks(timeline, caption.from, caption.to));
        if (timed) timeline.captions.push_back(std::move(*timed));
        else timeline.captions_whole = false;
    }
}

}  // namespace rupa
