// Scene at frame N -> Cairo surface. A plain traversal of the scene's nodes; all layout
// decisions were taken before.
#pragma once

#include "handles/cairo.hpp"
#include "scene/scene.hpp"


namespace rupa {

// An opaque RGB canvas of the scene's size with frame `frame` drawn on it.
CairoSurfacePtr paint_scene(const Scene& scene, int frame = 0);

}  // namespace rupa
