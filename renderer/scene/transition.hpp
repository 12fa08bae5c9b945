// How a scene of a video enters the one before it.
#pragma once

namespace rupa {

// Blending in, uncovering from the left, or pushing the scene before out to the left.
enum class Transition { crossfade, wipe, slide };

}  // namespace rupa
