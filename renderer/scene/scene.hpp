// A scene: what one format shows, fully resolved (boxes in pixels, text shaped, images
// fitted), as a flat list of nodes drawn in order. A still is frame 0 of its scene.
#pragma once

#include "handles/cairo.hpp"
#include "handles/gobject.hpp"
#include "scene/animated.hpp"
#include "scene/frame_source.hpp"
#include "spec/source_mark.hpp"
#include "template/brand.hpp"
#include "template/template.hpp"

#include <librsvg/rsvg.h>
#include <pango/pango.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

namespace rupa {

enum class NodeKind { rect, gradient, image, svg, text, clip };

inline Box lerp(const Box& a, const Box& b, double t) {
    return {lerp(a.x, b.x, t), lerp(a.y, b.y, t), lerp(a.w, b.w, t), lerp(a.h, b.h, t)};
}

// How a node moves in a video: each property static (a still) or keyframed, bound once when
// the video's scene is built (layout/motion_binder) and read per frame by draw/.
struct NodeMotion {
    Animated<double> opacity{1.0};  // times the node's own opacity
    Animated<double> dx{0.0}, dy{0.0};  // px offset from its box
    Animated<double> scale{1.0};    // about the box's centre
    Animated<double> reveal{1.0};   // the part of its width shown from the left (wipes, bars)
    Animated<double> count{1.0};    // text: the part of its number shown (count-up)
    bool ken_burns = false;         // image: `source` below drifts
    Animated<Box> source;           // image: the part of the picture shown, when ken_burns
    long drift_every = 1;           // ken_burns: the drift is redrawn every this many frames
    bool every_frame = false;       // a new picture each frame (a clip)
    char decimal_mark = ',';        // count-up: the locale's decimal mark

    // The first frame from which nothing but a Ken Burns drift changes any more.
    long moves_until() const {
        return std::max({opacity.settles_at(), dx.settles_at(), dy.settles_at(), scale.settles_at(),
                         reveal.settles_at(), count.settles_at()});
    }
    // The first frame from which nothing about the node changes any more.
    long settles_at() const { return ken_burns || every_frame ? LONG_MAX : moves_until(); }
    bool is_static() const { return settles_at() == 0; }

    // The part of the picture shown at `frame`: the drift moves in steps of `drift_every`
    // frames, each too small to see as a step.
    Box source_at(long frame) const { return source.at(frame - frame % drift_every); }

    // Whether the node looks different at `frame` than at the frame before.
    bool changes_at(long frame) const {
        if (every_frame) return true;
        if (ken_burns && frame % drift_every == 0) return true;
        long start = std::min({opacity.starts_at(), dx.starts_at(), dy.starts_at(), scale.starts_at(),
                               reveal.starts_at(), count.starts_at()});
        return start < frame && frame <= moves_until();
    }

    // How far from its box the node may be drawn while it moves (its largest offset).
    double reach() const {
        return std::max({std::abs(dx.first_value()), std::abs(dx.final_value()), std::abs(dy.first_value()),
                         std::abs(dy.final_value())});
    }
};

// A content field of the spec that a node shows, and where the spec gives it.
struct ShownField {
    std::string name;  // the spec's name: title, place, points, quote.by ...
    int entry = 0;     // 1-based entry of a list (points, stats, items); 0: the whole field
    SourceMark where;

    // How a warning names it: 'title', or entry 3 of 'points'.
    std::string label() const {
        std::string quoted = "'" + name + "'";
        return entry > 0 ? "entry " + std::to_string(entry) + " of " + quoted : quoted;
    }
};

struct SceneNode {
    NodeKind kind = NodeKind::rect;
    std::string name;  // the template element or text item it comes from
    std::string element;  // the template element it belongs to
    int part = 0;         // which of the element's repeated parts (stack item, stat, entry)
    SourceMark where;  // that element in the template, for warnings
    std::vector<ShownField> shows;  // the spec's fields it shows; empty: brand or decoration

    // A warning about the node is about the first spec field it shows, at the spec's line;
    // a node showing no field (the brand's office, a panel) is named by its template element.
    std::string subject() const {
        return shows.empty() ? "the template's '" + name + "'" : shows.front().label();
    }
    SourceMark reported_at() const { return shows.empty() ? where : shows.front().where; }
    // Where the template draws a node whose warning points into the spec: for its designer.
    std::string drawn_by() const {
        return shows.empty() ? "" : " (drawn by '" + name + "' at " + where.to_string() + ")";
    }
    Box box;           // where it lands on the canvas
    double opacity = 1;

    Rgba fill;              // rect, gradient start, text colour
    Rgba fill_to;           // gradient end
    bool vertical = true;   // gradient direction
    double radius = 0;      // rect corners

    SharedSurface image;  // image: the decoded picture ...
    SharedSurface half;   // ... and, when made, the picture at half size, drawn at half or less
    Box source;           // ... and the part of it (in its pixels) that fills `box`
    double focus_x = 0.5, focus_y = 0.5;  // the photo's point of interest (0-1 of its size)

    SharedGObject<RsvgHandle> svg;  // svg: drawn to fill `box`

    std::shared_ptr<FrameSource> frames;  // clip: its picture at each frame, drawn to fill `box`

    SharedGObject<PangoLayout> text;  // text: shaped, drawn with its top-left at box.x, box.y
    bool countable = false;           // text: a number given as a number, which may count up
    bool trails_figure = false;       // text: a unit set after the countable figure before it

    NodeMotion motion;  // video only; a still draws every node as it is
};

struct Scene {
    int width = 0;
    int height = 0;
    Rgba background;
    std::vector<SceneNode> nodes;
    // False when some content cannot be drawn whole even at its smallest size: the format is
    // then not drawn at all (content is never cut); the layout reported which field.
    bool whole = true;

    const SceneNode* find(const std::string& name) const {
        for (const auto& n : nodes)
            if (n.name == name) return &n;
        return nullptr;
    }
};

}  // namespace rupa
