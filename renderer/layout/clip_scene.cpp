// A clip node's pictures come from a ClipReader opened when the scene first shows and
// closed once it has played: a sequence of many clips holds one decoder at a time.
#include "layout/clip_scene.hpp"

#include "media/clip_reader.hpp"
#include "spec/spec.hpp"

#include <algorithm>
#include <memory>

namespace rupa {

namespace {

class ClipFrames : public FrameSource {
public:
    ClipFrames(const SceneClip& clip, long frames, int width, int height)
        : clip_(clip), frames_(frames), width_(width), height_(height) {}

    cairo_surface_t* at(long frame) override {
        frame = std::clamp(frame, 0L, frames_ - 1);
        if (picture_ && frame == shown_) return picture_.get();
        try {
            if (!reader_ || frame < next_) open();  // backwards: from the start again
            while (next_ <= frame) {
                reader_->next(picture_.get());  // past the clip's end the last picture stays
                ++next_;
            }
        } catch (const MediaError& e) {
            throw MediaError("clip '" + clip_.as_written + "': " + e.what());
        }
        shown_ = frame;
        return picture_.get();
    }

    void release() override {
        reader_.reset();
        picture_.reset();
        shown_ = -1;
        next_ = 0;
    }

private:
    void open() {
        ClipRequest request;
        request.path = clip_.file;
        request.start = clip_.from;
        // A clip plays at most 180 s (ClipReader's limit); the next scene's entrance after
        // that shows its last picture.
        request.end = clip_.from + std::min(double(frames_) / kVideoFps, kMaxClipSeconds);
        request.width = width_;
        request.height = height_;
        request.focus_x = clip_.focus_x;
        request.focus_y = clip_.focus_y;
        request.fps = kVideoFps;
        reader_ = std::make_unique<ClipReader>(request);
        if (!picture_) {
            picture_.reset(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width_, height_));
            if (cairo_surface_status(picture_.get()) != CAIRO_STATUS_SUCCESS)
                throw MediaError("not enough memory to decode the clip");
        }
        next_ = 0;
    }

    SceneClip clip_;
    long frames_;
    int width_, height_;
    std::unique_ptr<ClipReader> reader_;
    CairoSurfacePtr picture_;
    long next_ = 0;    // the frame the reader gives next
    long shown_ = -1;  // the frame picture_ holds
};

}  // namespace

Scene clip_scene(const SceneClip& clip, long frames, const Format& format) {
    Scene scene;
    scene.width = format.width;
    scene.height = format.height;
    scene.background = {0, 0, 0, 1};
    SceneNode node;
    node.kind = NodeKind::clip;
    node.name = node.element = "clip";
    node.box = {0, 0, double(format.width), double(format.height)};
    node.motion.every_frame = true;
    node.frames = std::make_shared<ClipFrames>(clip, std::max(frames, 1L), format.width, format.height);
    scene.nodes.push_back(std::move(node));
    return scene;
}

}  // namespace rupa
