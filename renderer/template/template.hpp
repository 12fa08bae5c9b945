// A template as its designer wrote it: the fields it uses and one layout per format, each a
// list of elements placed in the format's pixel grid. Colours and fonts are brand tokens,
// so any brand kit re-skins any template.
#pragma once

#include "scene/transition.hpp"
#include "template/brand.hpp"
#include "spec/format.hpp"
#include "spec/source_mark.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rupa {

struct Box {
    double x = 0, y = 0, w = 0, h = 0;
    double right() const { return x + w; }
    double bottom() const { return y + h; }
};

enum class TextAlign { left, center, right };

// A line through the text: never, always, or only when the spec's verdict refutes the claim
// (hoaks, disinformasi, misinformasi; a claim found to be fakta is not struck).
enum class Strike { never, always, refuted };

struct TextStyle {
    std::string font = "body";  // brand font token: heading or body
    double size = 44;           // px
    double min_size = 0;        // px; text shrinks toward it to fit (0 = never shrinks)
    // headline, body or small: the legibility floor `size` and `min_size` keep (validate)
    std::string role = "small";
    int weight = 400;           // CSS weight: 400 regular, 700 bold
    bool italic = false;
    ColorRef color{"text", 1.0};
    double line_height = 1.3;   // multiple of the font size
    TextAlign align = TextAlign::left;
    bool uppercase = false;
    double letter_spacing = 0;  // em
    int max_lines = 0;          // 0 = as many as fit
    Strike strike = Strike::never;
    bool balance = false;       // a headline: lines narrowed to even lengths, no short last line
    bool trim_below = false;    // the block ends where its ink ends (a display quote mark)
    bool has_background = false;  // a pill behind the text (labels, calls to action)
    ColorRef background;
    double padding_x = 0, padding_y = 0;  // px inside the pill
    double radius = 0;                    // px, pill corners
};

// One line of text in a text element or a stack: a pattern such as "{title}" or
// "{brand.website}", filled from the spec and brand at layout time.
struct TextItem {
    std::string name;      // names the scene node, e.g. "title"
    std::string pattern;
    TextStyle style;
    double gap_before = -1;  // px above this item in a stack; -1 = the stack's gap
    SourceMark where;
    // A list item stands for the spec's points, one text per point behind a marker.
    bool is_list = false;
    std::string marker = "dot";  // dot or number
    ColorRef marker_color{"accent", 1.0};
    double item_gap = 12;        // px between points
};

enum class ElementKind { rect, gradient, photo, logo, text, stack, stats, bars, agenda };

// A text block that takes the room its content needs: one edge of its box moves, outward
// (`grow`) when the content needs more room, inward (`shrink`) when it needs less, and the
// elements it pulls move or resize with that edge (the photo's edge, the panel, the accent
// bar). See docs/templates.md, "flow".
enum class Edge { top, bottom, left, right };

struct Pull {
    std::string element;  // the name of the pulled element(s)
    std::string how;      // "top", "bottom", "left", "right" (that edge follows) or "move"
    SourceMark where;
};

struct Flow {
    bool declared = false;
    Edge edge = Edge::top;
    double grow = 0;    // px the edge may move outward
    double shrink = 0;  // px the edge may move inward (top and bottom edges only)
    std::vector<Pull> pulls;
    SourceMark where;

    bool vertical() const { return edge == Edge::top || edge == Edge::bottom; }
    // The signed movement, in canvas coordinates, of an edge whose box grew by `growth` px
    // (negative: it shrank): a top or left edge moves toward 0 as its box grows.
    double movement(double growth) const {
        return edge == Edge::top || edge == Edge::left ? -growth : growth;
    }
};

// `box` with one of its edges moved by `delta` px along the flow's axis: `how` is the edge
// ("top", "bottom", "left", "right") or "move" for the whole box.
inline Box moved_box(Box box, const std::string& how, double delta, bool vertical) {
    if (how == "top") box.y += delta, box.h -= delta;
    else if (how == "bottom") box.h += delta;
    else if (how == "left") box.x += delta, box.w -= delta;
    else if (how == "right") box.w += delta;
    else (vertical ? box.y : box.x) += delta;
    return box;
}

inline const char* edge_name(Edge edge) {
    switch (edge) {
        case Edge::top: return "top";
        case Edge::bottom: return "bottom";
        case Edge::left: return "left";
        default: return "right";
    }
}

struct Element {
    ElementKind kind = ElementKind::rect;
    std::string name;
    Box box;
    SourceMark where;
    ColorRef fill;                // rect; gradient start
    ColorRef fill_to;             // gradient end
    bool vertical = true;         // gradient runs top->bottom (else left->right)
    double radius = 0;            // rect corner radius
    std::string field = "photo";  // photo: which content field
    TextAlign align = TextAlign::left;  // logo placement inside its box
    double opacity = 1;           // logo: under 1, a watermark (decoration, like a photo)
    std::string anchor = "top";   // stack: top, center or bottom of its box
    double gap = 0;               // stack: default space between items
    std::vector<TextItem> items;  // text: one item; stack: several
    std::string if_field;         // drawn only when the spec fills this content field
    // stats and bars: the text styles of their repeated parts, by part name
    // (stats: figure, unit, label; bars: label, value).
    std::map<std::string, TextStyle> parts;
    int columns = 0;              // stats: 0 = 1 column up to 3 stats, else 2
    int hero_up_to = 0;           // stats with a hero part: the hero up to this many stats (0 = always)
    double bar = 24;              // bars: thickness in px
    ColorRef track{"on-primary", 0.15};  // bars: the unfilled part; agenda: the date block
    Flow flow;                    // text and stack: the edge that follows the content
};

struct Layout {
    std::string format;
    std::vector<Element> elements;
    SourceMark where;
};

struct FieldSpec {
    std::string name;
    bool required = false;
    int max_chars = 0;  // 0 = no limit; on points: each point's characters
    // The parts of a structured field and their limits in characters: quote (text, by,
    // role), stats (value, unit, label), items (title, place).
    std::map<std::string, int> part_max;
    int max_entries = 0;  // points, stats, items: the most entries (0 = no limit)
    // The template's sample value for the field, as YAML in flow style (empty: none): what
    // `rupa templates` shows and a preview fills the field with.
    std::string sample;
    SourceMark sample_where;
    SourceMark where;
    // The formats that draw the field. A field left out of a format on purpose (the post's
    // date, carried by caption.txt and used by `batch`) is no warning there.
    bool shown_everywhere = true;
    std::vector<std::string> shown_in;
    SourceMark shown_in_where;

    bool shown_in_format(const std::string& format) const {
        return shown_everywhere || std::find(shown_in.begin(), shown_in.end(), format) != shown_in.end();
    }
};

// How a template's elements play in a video (its `video:` block). Times are frames at
// 30 fps, read from seconds; an easing is a CSS cubic-bezier's four numbers.
using Bezier = std::array<double, 4>;

enum class EnterKind { none, fade, rise, drop, slide_left, slide_right, zoom, wipe };

struct Movement {
    EnterKind kind = EnterKind::fade;
    long at = 0;          // frames after the scene starts (enter) or before it ends (exit)
    long duration = 15;   // frames
    long stagger = 0;     // frames between the element's parts (stack items, stats, entries)
    Bezier easing{0, 0, 0.58, 1};  // ease-out
    double distance = 48; // px travelled by rise, drop and slides
};

struct ElementMotion {
    std::optional<Movement> enter;  // none: the element is there from the first frame
    std::optional<Movement> exit;   // none: it stays until the scene ends
    long count_up = 0;    // stats and bars: frames the numbers take to count up (0: no count)
    long grow = 0;        // bars: frames the bars take to grow (0: no growth)
    double ken_burns = 0; // photo: the zoom reached at the scene's end (1.05 = 5 %), 0: still
    SourceMark where;
};

struct TemplateVideo {
    bool declared = false;  // the template has a `video:` block: it plays
    long duration = 0;      // frames, outro included
    std::map<std::string, ElementMotion> elements;  // by element name
    std::string outro;      // the template of the closing card ("" = none)
    long outro_duration = 0;
    long transition = 12;   // frames of crossfade between the scene and its outro
    // How the template's scene enters the one before it in a video's sequence of scenes.
    Transition enters = Transition::crossfade;
    long enter_frames = 12;
    // Slides after the design: each of the spec's `photos` full-frame (the `photo` template)
    // for this many frames; 0: none. The design then plays for `duration` less the outro.
    long slide_frames = 0;
    SourceMark slides_where;
    SourceMark where;
};

struct Template {
    std::string id;
    std::string name;     // in Indonesian: "Infografis angka"
    std::string name_en;  // in English, for posts in English: "Statistics infographic"
    std::string description;     // in Indonesian
    std::string description_en;  // in English
    std::filesystem::path folder;
    std::filesystem::path file;  // its YAML file, as messages name it
    std::string default_brand;
    SourceMark brand_where;  // the `brand:` key's value
    std::vector<std::string> formats;  // default formats, in order
    std::vector<FieldSpec> fields;
    std::map<std::string, Layout> layouts;  // by format id
    TemplateVideo video;

    // The format whose layout `format` is drawn from: its own when the template lays it out,
    // else, for a video format, the still design it plays; null when the template has neither.
    const Format* layout_for(const Format& format) const {
        if (layouts.count(std::string(format.id))) return &format;
        const Format& design = design_format(format);
        return layouts.count(std::string(design.id)) ? &design : nullptr;
    }
};

}  // namespace rupa
