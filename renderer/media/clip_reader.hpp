// A phone clip's pictures for a video scene: trimmed, turned upright, cropped to cover the
// output frame around a focus point, and retimed to the output's constant frame rate.
// Streams: memory stays flat however long the clip (two decoded frames, a bounded decoder).
#pragma once

#include "handles/av.hpp"
#include "handles/cairo.hpp"
#include "media/media_input.hpp"
#include "media/media_probe.hpp"

#include <cstdint>
#include <filesystem>

namespace rupa {

struct ClipRequest {
    std::filesystem::path path;
    double start = 0;            // seconds into the clip (trim)
    double end = -1;             // seconds; < 0 = to the clip's end
    int width = 0, height = 0;   // the output frame size
    double focus_x = 0.5, focus_y = 0.5;  // which part stays when cropping to cover
    int fps = 30;
};

// The longest part of a clip one reader gives: PRODUCT.md's limit on a video.
constexpr double kMaxClipSeconds = 180;

class ClipReader {
public:
    // Throws MediaError when the file is no usable video or the trim does not fit it.
    explicit ClipReader(const ClipRequest& request);

    int frame_count() const { return frame_count_; }  // round((end - start) * fps)

    // Draws output frame `next` into `into` (CAIRO_FORMAT_ARGB32 surface of width x height)
    // and returns true; false once every frame has been given. Output frame n shows the clip
    // as it is on display at start + n / fps; past the clip's end, its last picture stays.
    // Throws MediaError when the clip turns out damaged part-way.
    bool next(cairo_surface_t* into);

private:
    void seek_to_start();
    int64_t display_time(int frame) const;
    void feed_decoder();
    bool decode_picture(AVFrame& picture, int64_t& time);
    void advance_to(int64_t time);
    void prepare_scaler(const AVFrame& part, const AVFrame& picture, int width, int height);
    void draw(const AVFrame& picture, cairo_surface_t* into);

    ClipRequest request_;
    MediaInfo info_;
    MediaInput input_;
    const AVStream& stream_;
    AvCodecContextPtr decoder_;
    AvPacketPtr packet_;
    AvFramePtr shown_;   // the picture on display at the last output frame
    AvFramePtr ahead_;   // the picture after it, once decoded
    AvFramePtr crop_;    // a view of part of shown_'s pixels, owning none
    int64_t origin_;     // the stream's first timestamp: the clip's time 0
    int64_t shown_time_ = 0, ahead_time_ = 0, last_time_ = 0;
    bool has_shown_ = false, has_ahead_ = false, decoder_drained_ = false, at_end_ = false;
    int frame_count_;
    int next_frame_ = 0;

    // Scaling from the cropped picture to the output, rebuilt only when the picture's size,
    // layout or colours change.
    struct ScalerSource {
        int width = 0, height = 0, format = -1, colorspace = -1, range = -1;
        bool operator==(const ScalerSource&) const = default;
    };
    ScalerSource scaler_source_;
    SwsContextPtr scaler_;
    CairoSurfacePtr stored_;  // the output frame as the clip stores it, for turning upright
    AvFramePtr scaled_;       // swscale's output, padded as it needs
};

}  // namespace rupa
