// A small ring of canvases gives back-pressure: drawing runs at most kRing frames ahead of
// encoding, so memory stays the same however long the video.
#include "pipeline/video_render.hpp"

#include "draw/timeline_painter.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace rupa {

namespace {

constexpr size_t kRing = 4;

// Canvases passing between the drawing and the encoding thread, in both directions.
class CanvasQueue {
public:
    void push(cairo_surface_t* canvas) {
        {
            std::lock_guard lock(mutex_);
            items_.push_back(canvas);
        }
        ready_.notify_one();
    }
    // Null once closed and empty.
    cairo_surface_t* pop() {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return !items_.empty() || closed_; });
        if (items_.empty()) return nullptr;
        cairo_surface_t* canvas = items_.front();
        items_.pop_front();
        return canvas;
    }
    void close() {
        {
            std::lock_guard lock(mutex_);
            closed_ = true;
        }
        ready_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<cairo_surface_t*> items_;
    bool closed_ = false;
};

}  // namespace

void encode_timeline(const Timeline& timeline, Soundtrack& sound, const std::filesystem::path& file,
                     const VideoSettings& requested) {
    VideoSettings settings = requested;
    settings.width = timeline.width;
    settings.height = timeline.height;
    Mp4Writer writer(file, settings, sound);
    std::vector<CairoSurfacePtr> ring;
    CanvasQueue free_canvases, drawn;
    for (size_t i = 0; i < kRing; ++i) {
        ring.emplace_back(cairo_image_surface_create(CAIRO_FORMAT_RGB24, timeline.width, timeline.height));
        if (cairo_surface_status(ring.back().get()) != CAIRO_STATUS_SUCCESS)
            throw std::runtime_error("cannot allocate a canvas");
        free_canvases.push(ring.back().get());
    }
    std::exception_ptr failure;
    std::thread encoder([&] {
        try {
            while (cairo_surface_t* canvas = drawn.pop()) {
                writer.add_frame(canvas);
                free_canvases.push(canvas);
            }
        } catch (...) {
            failure = std::current_exception();
            free_canvases.close();  // the drawing thread stops at its next frame
            while (drawn.pop()) {
            }
        }
    });
    TimelinePainter painter(timeline);
    try {
        for (long frame = 0; frame < timeline.frames; ++frame) {
            cairo_surface_t* canvas = free_canvases.pop();
            if (!canvas) break;
            painter.paint(frame, canvas);
            drawn.push(canvas);
        }
    } catch (...) {
        drawn.close();
        encoder.join();
        throw;
    }
    drawn.close();
    encoder.join();
    if (failure) std::rethrow_exception(failure);
    writer.finish();
}

}  // namespace rupa
