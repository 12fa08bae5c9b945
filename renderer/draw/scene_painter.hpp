// Scene at frame N -> Cairo surface. A plain traversal of the scene's nodes; all layout
// decisions were taken before.
#pragma once

#include "handles/cairo.hpp"
#include "scene/scene.hpp"

#include <functional>


namespace rupa {

// Called just before a text node is drawn, with the canvas as it is then: what the text
// will stand on (for contrast checks).
using TextProbe = std::function<void(const SceneNode& text, cairo_surface_t* canvas)>;

// An opaque RGB canvas of the scene's size with frame `frame` drawn on it.
CairoSurfacePtr paint_scene(const Scene& scene, int frame = 0, const TextProbe& before_text = {});

}  // namespace rupa
