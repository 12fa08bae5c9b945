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

// A drawn frame: its canvas and the rows that changed since the frame before.
struct DrawnFrame {
    cairo_surface_t* canvas = nullptr;
    ChangedRows changed;
    explicit operator bool() const { return canvas != nullptr; }
};

// Canvases passing between the drawing and the encoding thread, in both directions.
template <typename Item>
class Queue {
public:
    void push(Item canvas) {
        {
            std::lock_guard lock(mutex_);
            items_.push_back(canvas);
        }
        ready_.notify_one();
    }
    // Empty (a null canvas) once closed and empty.
    Item pop() {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return !items_.empty() || closed_; });
        if (items_.empty()) return Item{};
        Item item = items_.front();
        items_.pop_front();
        return item;
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
    std::deque<Item> items_;
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
    Queue<cairo_surface_t*> free_canvases;
    Queue<DrawnFrame> drawn;
    for (size_t i = 0; i < kRing; ++i) {
        ring.push_back(new_canvas(CAIRO_FORMAT_RGB24, timeline.width, timeline.height));
        free_canvases.push(ring.back().get());
    }
    std::exception_ptr failure;
    std::thread encoder([&] {
        try {
            while (DrawnFrame frame = drawn.pop()) {
                writer.add_frame(frame.canvas, frame.changed.top, frame.changed.bottom);
                free_canvases.push(frame.canvas);
            }
        } catch (...) {
            failure = std::current_exception();
            free_canvases.close();  // the drawing thread stops at its next frame
            while (drawn.pop().canvas) {
            }
        }
    });
    TimelinePainter painter(timeline);
    try {
        for (long frame = 0; frame < timeline.frames; ++frame) {
            cairo_surface_t* canvas = free_canvases.pop();
            if (!canvas) break;
            ChangedRows changed = painter.paint(frame, canvas);
            drawn.push({canvas, changed});
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
