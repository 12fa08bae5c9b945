// A small ring of canvases gives back-pressure: drawing runs at most kRing frames ahead of
// encoding, so memory stays the same however long the video. A slot coming back from the
// encoder still holds the frame it carried: the rows that changed since then are copied from
// the last frame drawn, and only the rows that change in the new frame are drawn and
// converted to YUV, both on the drawing thread: the encoder thread only feeds x264, whose
// calling thread is the pipeline's critical path. A frame that looks like
// the one before is not drawn at all: the encoder sends the picture it holds once more. A
// slot not yet used starts as a copy of the last frame drawn, less the rows drawn anew (the
// encoder only reads that one meanwhile), so the ring fills without drawing whole frames.
#include "pipeline/video_render.hpp"

#include "draw/scene_painter.hpp"
#include "draw/timeline_painter.hpp"
#include "media/yuv_converter.hpp"

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <mutex>
#include <pthread.h>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace rupa {

namespace {

constexpr size_t kRing = 4;

// A canvas, the same picture in YUV, and the frame they hold (-1: none yet); or, with no
// canvas, word that the next frame repeats the one before.
struct Slot {
    cairo_surface_t* canvas = nullptr;
    AVFrame* yuv = nullptr;
    long frame = -1;
    bool repeat = false;
    explicit operator bool() const { return canvas != nullptr || repeat; }
};

// Slots passing between the drawing and the encoding thread, in both directions.
template <typename Item>
class Queue {
public:
    void push(Item item) {
        {
            std::lock_guard lock(mutex_);
            items_.push_back(item);
        }
        ready_.notify_one();
    }
    // Empty (a null slot) once closed and empty.
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

// Writes every page of `slot`'s canvas and picture once (what they hold does not matter: a
// slot not used yet is copied or drawn over in every row before it is sent).
void touch_memory(const Slot& slot) {
    cairo_surface_flush(slot.canvas);
    std::memset(cairo_image_surface_get_data(slot.canvas), 0,
                size_t(cairo_image_surface_get_stride(slot.canvas)) * cairo_image_surface_get_height(slot.canvas));
    cairo_surface_mark_dirty(slot.canvas);
    for (AVBufferRef* buffer : slot.yuv->buf)
        if (buffer) std::memset(buffer->data, 0, buffer->size);
}

// Lowers the calling thread's priority to the least (nice 19, this thread alone: Linux keeps
// a nice value per thread). On 2 cores x264's threads keep both busy most of the time but
// not all of it; drawing at the same priority takes its turns from them, drawing at the least
// fills the moments x264 leaves, and when the ring runs dry x264's threads wait, so the
// drawing runs then. bench/video's reel: 3-5 % less wall time. Failing is harmless.
void yield_to_encoder() {
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 19);
}

// Makes `slot` hold what `from` holds in rows `rows`, in its canvas and its picture (with
// the chroma rows that cover them).
void copy_rows(const Slot& from, Slot& slot, ChangedRows rows) {
    if (rows.empty()) return;
    auto copy = [&](const uint8_t* source, uint8_t* target, int stride, int top, int bottom) {
        std::memcpy(target + size_t(top) * stride, source + size_t(top) * stride, size_t(bottom - top) * stride);
    };
    cairo_surface_flush(from.canvas);
    cairo_surface_flush(slot.canvas);
    copy(cairo_image_surface_get_data(from.canvas), cairo_image_surface_get_data(slot.canvas),
         cairo_image_surface_get_stride(from.canvas), rows.top, rows.bottom);
    cairo_surface_mark_dirty(slot.canvas);
    copy(from.yuv->data[0], slot.yuv->data[0], from.yuv->linesize[0], rows.top, rows.bottom);
    for (int plane : {1, 2})
        copy(from.yuv->data[plane], slot.yuv->data[plane], from.yuv->linesize[plane], rows.top / 2, (rows.bottom + 1) / 2);
}

// Makes `slot` hold the frame `last` holds, except in `rows`, which are drawn afresh next: it
// takes the rows that changed since the frame it carried (all of them for a slot not used
// yet) from `last`. Copying a row costs a fraction of drawing and converting it.
void catch_up(const Slot& last, Slot& slot, const TimelinePainter& painter, ChangedRows rows) {
    ChangedRows stale = painter.changed_since(slot.frame, last.frame);
    copy_rows(last, slot, {stale.top, std::min(stale.bottom, rows.top)});
    copy_rows(last, slot, {std::max(stale.top, rows.bottom), stale.bottom});
    slot.frame = last.frame;
}

}  // namespace

void encode_timeline(const Timeline& timeline, Soundtrack& sound, const std::filesystem::path& file,
                     const VideoSettings& requested, const FrameTap& tap, const FramesSent& frames_sent) {
    VideoSettings settings = requested;
    settings.width = timeline.width;
    settings.height = timeline.height;
    std::vector<CairoSurfacePtr> canvases(kRing);
    std::vector<AvFramePtr> pictures(kRing);
    Queue<Slot> free_slots, drawn;
    auto make_slot = [&](size_t i) -> Slot {
        canvases[i] = new_canvas(CAIRO_FORMAT_RGB24, timeline.width, timeline.height);
        pictures[i] = Mp4Writer::blank_frame(timeline.width, timeline.height);
        return {canvases[i].get(), pictures[i].get(), -1};
    };
    free_slots.push(make_slot(0));
    std::exception_ptr failure;
    bool finished = true;  // false: the drawing failed, and the file is left as it is
    // x264 starts up while the first frame is drawn, and the rest of the ring is made then
    // too, on this otherwise idle thread: its memory touched here, a fresh canvas's first
    // copy costs the drawing thread a page fault every 4 KB (7 ms a 1080x1920 slot against
    // 1.5), and the drawing thread is all that x264 waits for in the first frames.
    std::thread encoder([&] {
        try {
            Mp4Writer writer(file, settings, sound);
            for (size_t i = 1; i < kRing; ++i) {
                Slot slot = make_slot(i);
                touch_memory(slot);
                free_slots.push(slot);
            }
            Slot shown;  // the last picture sent, kept back from the ring while it may repeat
            long sent = 0;
            while (Slot slot = drawn.pop()) {
                if (frames_sent && sent > 0) frames_sent(sent);
                ++sent;
                if (slot.repeat) {
                    writer.add_frame(*shown.yuv);
                    continue;
                }
                writer.add_frame(*slot.yuv);
                if (shown) free_slots.push(shown);
                shown = slot;
            }
            if (finished) writer.finish();
        } catch (...) {
            failure = std::current_exception();
            free_slots.close();  // the drawing thread stops at its next frame
            while (drawn.pop()) {
            }
        }
    });
    // The frames are drawn on a thread of their own that yields to x264's (see yield_to_encoder);
    // the caller's thread only waits, so its priority is left as it was.
    std::exception_ptr drawing_failure;
    auto draw_frames = [&] {
        yield_to_encoder();
        pthread_setname_np(pthread_self(), "rupa-draw");  // for profilers: `perf report --comm rupa-draw`
        try {
            TimelinePainter painter(timeline);
            Slot last;  // the last slot drawn
            for (long frame = 0; frame < timeline.frames; ++frame) {
                ChangedRows rows = painter.changed_rows(frame);  // from the frame before, which `last` holds
                if (rows.empty()) {
                    if (frame == tap.frame) tap.take(last.canvas);
                    drawn.push({nullptr, nullptr, frame, true});
                    continue;
                }
                Slot slot = free_slots.pop();
                if (!slot) break;
                if (last) catch_up(last, slot, painter, rows);
                painter.paint(frame, slot.canvas, rows);
                convert_to_yuv420(slot.canvas, *slot.yuv, rows.top, rows.bottom);
                slot.frame = frame;
                last = slot;
                if (frame == tap.frame) tap.take(slot.canvas);
                drawn.push(slot);
            }
        } catch (...) {
            drawing_failure = std::current_exception();
            finished = false;
        }
        drawn.close();
    };
    std::thread drawer;
    try {
        drawer = std::thread(draw_frames);
    } catch (...) {  // no thread to be had: the encoder stops, and the file is left unfinished
        finished = false;
        drawn.close();
        encoder.join();
        throw;
    }
    drawer.join();
    encoder.join();
    if (drawing_failure) std::rethrow_exception(drawing_failure);
    if (failure) std::rethrow_exception(failure);
    if (frames_sent) frames_sent(timeline.frames);
}

}  // namespace rupa
