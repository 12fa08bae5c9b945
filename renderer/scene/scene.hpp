// A scene: what one format shows, fully resolved (boxes in pixels, text shaped, images
// fitted), as a flat list of nodes drawn in order. A still is frame 0 of its scene.
#pragma once

#include "handles/cairo.hpp"
#include "handles/gobject.hpp"
#include "spec/source_mark.hpp"
#include "template/brand.hpp"
#include "template/template.hpp"

#include <librsvg/rsvg.h>
#include <pango/pango.h>

#include <string>
#include <vector>

namespace rupa {

enum class NodeKind { rect, gradient, image, svg, text };

struct SceneNode {
    NodeKind kind = NodeKind::rect;
    std::string name;  // the template element or text item it comes from
    SourceMark where;  // that element in the template, for warnings
    Box box;           // where it lands on the canvas
    double opacity = 1;

    Rgba fill;              // rect, gradient start, text colour
    Rgba fill_to;           // gradient end
    bool vertical = true;   // gradient direction
    double radius = 0;      // rect corners

    SharedSurface image;  // image: the decoded picture ...
    Box source;           // ... and the part of it (in its pixels) that fills `box`

    SharedGObject<RsvgHandle> svg;  // svg: drawn to fill `box`

    SharedGObject<PangoLayout> text;  // text: shaped, drawn with its top-left at box.x, box.y
    bool clipped = false;             // text that overflowed: drawn only inside `clip`
    Box clip;
};

// Marks every node to be drawn only inside `box` (content that overflowed its element).
inline void clip_nodes(std::vector<SceneNode>& nodes, const Box& box) {
    for (auto& n : nodes) {
        n.clipped = true;
        n.clip = box;
    }
}

struct Scene {
    int width = 0;
    int height = 0;
    Rgba background;
    std::vector<SceneNode> nodes;

    const SceneNode* find(const std::string& name) const {
        for (const auto& n : nodes)
            if (n.name == name) return &n;
        return nullptr;
    }
};

}  // namespace rupa
