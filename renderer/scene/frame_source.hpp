// Pictures that change every frame (a phone clip's), pulled by draw/ as it paints each frame
// and decoded by media/ behind this interface, so the scene never holds more than the
// picture on screen.
#pragma once

#include <cairo.h>

namespace rupa {

class FrameSource {
public:
    virtual ~FrameSource() = default;

    // The picture at frame `frame` of its scene: a CAIRO_FORMAT_ARGB32 surface, valid until
    // the next call. Frames are asked for in order as a video is drawn; any other order is
    // allowed and costs a new decode from the nearest point.
    virtual cairo_surface_t* at(long frame) = 0;

    // Gives back the decoder and the picture once the scene has played; a later `at`
    // opens them again.
    virtual void release() = 0;
};

}  // namespace rupa
