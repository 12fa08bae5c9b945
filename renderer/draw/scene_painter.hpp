// Scene at frame N -> Cairo surface. A plain traversal of the scene's nodes; all layout
// decisions were taken before, and motion only changes the values bound to each node.
#pragma once

#include "handles/cairo.hpp"
#include "scene/scene.hpp"

#include <array>
#include <climits>
#include <functional>
#include <map>
#include <utility>

namespace rupa {

// Called just before a text node is drawn, with the canvas as it is then: what the text
// will stand on (for contrast checks).
using TextProbe = std::function<void(const SceneNode& text, cairo_surface_t* canvas)>;

// A new image surface; throws std::runtime_error when Cairo cannot allocate it.
CairoSurfacePtr new_canvas(cairo_format_t format, int width, int height);
// Copies the pixels of `from` onto `to`, an image surface of the same size and format.
void copy_canvas(cairo_surface_t* from, cairo_surface_t* to);

// An opaque RGB canvas of the scene's size with frame `frame` drawn on it.
CairoSurfacePtr paint_scene(const Scene& scene, int frame = 0, const TextProbe& before_text = {});

// Draws `nodes` as they stand (no motion) over `canvas`, in rows [top, bottom) only: a
// caption over a video frame.
void paint_overlay(const std::vector<SceneNode>& nodes, cairo_surface_t* canvas, int top, int bottom);

// Where on a video's canvas a scene is painted: shifted right by `dx` canvas pixels, only
// inside the given rows and columns (the rest of the canvas already shows the frame, or
// belongs to another scene), and blended at `opacity` over what is there when below 1.
struct Placement {
    double opacity = 1;
    int dx = 0;
    int top = 0, bottom = INT_MAX;
    int left = 0, right = INT_MAX;
};

// A photo, a gradient or an SVG logo as last drawn onto a canvas at full opacity, in
// the canvas pixels its box covers, with what shaped it: a frame that draws it alike again
// composites this at the node's opacity instead of scaling the photo, filling the gradient
// or running librsvg.
struct NodeRaster {
    CairoSurfacePtr surface;
    int left = 0, top = 0;            // where its top-left pixel goes on the canvas
    std::array<double, 10> shape{};   // the drawing matrix's scale, its sub-pixel offset, the photo's part
    long frame = -2;                  // the frame it was last used on
};

// Draws one scene frame after frame onto canvases of any size (the scene is scaled to fill
// them: a 1200x675 design on a 1920x1080 video). Runs of nodes that no longer change are
// drawn once into a cached layer and composited from then on, so a settled frame costs
// little more than its moving parts (a photo's Ken Burns drift). A run that grows as more
// nodes settle draws only the newcomers onto its layer.
class FramePainter {
public:
    explicit FramePainter(const Scene& scene);

    // Paints frame `frame` over `canvas` (opaque), where `at` says (all of it by default).
    void paint(long frame, cairo_surface_t* canvas, const Placement& at = {});
    // The part of the design (its coordinates) that looks different at `frame` than at the
    // frame before; empty (zero height) when nothing changes.
    Box changed_area(long frame) const;
    // Frees what the painter keeps between frames (cached layers, a clip's decoder) once its
    // scene has played; painting again builds them anew.
    void release();

private:
    // A run of settled nodes [begin, end) drawn into a layer of its own.
    struct Layer {
        size_t end = 0;
        CairoSurfacePtr surface;
    };
    Layer layer_for(size_t begin, size_t end, int width, int height, Layer cached);

    const Scene& scene_;
    std::vector<long> settles_at_;
    // Cached runs of settled nodes, by their first node's index.
    std::map<size_t, Layer> layers_;
    // Each node's last raster (a photo, a gradient or a logo as drawn on the canvas, at full
    // opacity), by node index: a fading or rising one is drawn once, then only composited.
    std::vector<NodeRaster> rasters_;
    CairoSurfacePtr group_;  // the frame itself, when it is blended at an opacity
    bool holding_ = false;   // painted since the last release
};

}  // namespace rupa
