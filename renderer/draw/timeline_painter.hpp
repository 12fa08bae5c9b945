// Timeline at frame N -> canvas: each scene playing then, the later ones faded in over the
// earlier ones, and the caption shown then over them.
#pragma once

#include "draw/scene_painter.hpp"
#include "scene/timeline.hpp"

#include <memory>
#include <optional>
#include <vector>

namespace rupa {

// The rows of the canvas, [top, bottom), where a frame differs from another one.
struct ChangedRows {
    int top = 0, bottom = 0;
    bool empty() const { return bottom <= top; }
    void add(const ChangedRows& more);
};

class TimelinePainter {
public:
    explicit TimelinePainter(const Timeline& timeline);

    // The rows where frame `frame` differs from frame `frame - 1` (all of them for frame 0).
    // Nothing is drawn to find them.
    ChangedRows changed_rows(long frame) const;

    // The rows where frame `frame` differs from frame `since`: all of them when `since` is
    // negative (a canvas that holds no frame yet).
    ChangedRows changed_since(long since, long frame) const;

    // Paints video frame `frame` onto `canvas` (CAIRO_FORMAT_RGB24, the timeline's size), in
    // `rows` only: the caller knows the canvas holds the frame's pixels everywhere else (a
    // canvas recycled from frame `since` needs only changed_since(since, frame)).
    void paint(long frame, cairo_surface_t* canvas, ChangedRows rows);

    // A new canvas of the timeline's size with frame `frame` on it.
    CairoSurfacePtr paint(long frame);

private:
    // Where each scene is painted at `frame`; nullopt for one that is not playing.
    std::vector<std::optional<Placement>> placements(long frame) const;
    // The rows a caption covers on the canvas.
    ChangedRows caption_rows(const TimedCaption& caption) const;
    // The caption shown at `frame`, or null.
    const TimedCaption* caption_at(long frame) const;

    const Timeline& timeline_;
    std::vector<std::unique_ptr<FramePainter>> painters_;
};

}  // namespace rupa
