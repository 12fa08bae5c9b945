// Scene at frame N -> Cairo surface. A plain traversal of the scene's nodes; all layout
// decisions were taken before, and motion only changes the values bound to each node.
#pragma once

#include "handles/cairo.hpp"
#include "scene/scene.hpp"

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

// An opaque RGB canvas of the scene's size with frame `frame` drawn on it.
CairoSurfacePtr paint_scene(const Scene& scene, int frame = 0, const TextProbe& before_text = {});

// Where on a video's canvas a scene is painted: shifted right by `dx` canvas pixels, only
// inside the given rows and columns (the rest of the canvas already shows the frame, or
// belongs to another scene), and blended at `opacity` over what is there when below 1.
struct Placement {
    double opacity = 1;
    int dx = 0;
    int top = 0, bottom = INT_MAX;
    int left = 0, right = INT_MAX;
};

// Draws one scene frame after frame onto canvases of any size (the scene is scaled to fill
// them: a 1200x675 design on a 1920x1080 video). Runs of nodes that no longer change are
// drawn once into a cached layer and composited from then on, so a settled frame costs
// little more than its moving parts (a photo's Ken Burns drift).
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
    CairoSurfacePtr layer_for(size_t begin, size_t end, int width, int height);

    const Scene& scene_;
    std::vector<long> settles_at_;
    // Cached runs of settled nodes, by [begin, end) node index.
    std::map<std::pair<size_t, size_t>, CairoSurfacePtr> layers_;
    CairoSurfacePtr group_;  // the frame itself, when it is blended at an opacity
    bool holding_ = false;   // painted since the last release
};

}  // namespace rupa
