// Binds a template's motion (its `video:` block) to the nodes of a scene laid out for a
// video: each node's enter and exit, count-up, bar growth and Ken Burns become keyframes.
#pragma once

#include "scene/scene.hpp"
#include "spec/spec.hpp"
#include "template/template.hpp"

namespace rupa {

// Keys every node of `scene` by its element's motion, over a scene `frames` long. Returns
// the settled frame: the first at which everything has entered and every number landed.
long bind_motion(Scene& scene, const TemplateVideo& video, long frames, Locale locale);

}  // namespace rupa
