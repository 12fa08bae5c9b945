// ClipReader: decode forward from the keyframe before the trim start, keep the picture on
// display and the one after it, and convert the one on display for each output frame.
// Retiming by timestamps (not by counting frames) is what makes 24, 60 and variable frame rate
// clips come out at a constant rate with their real timing.
#include "media/clip_reader.hpp"

#include "media/frame_colours.hpp"
#include "media/orientation.hpp"

#include <cstring>

extern "C" {
#include <libavutil/mathematics.h>
#include <libavutil/pixdesc.h>
}

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace rupa {

namespace {

const char* const kDamaged = "the file is cut short or damaged";

std::string seconds_text(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", seconds);
    return text;
}

// Size and rate come from the format table and focus from the spec's reader: a value out of
// range here is a mistake in rupa, not in the admin's input.
ClipRequest checked(ClipRequest request) {
    if (request.width < 1 || request.width > kMaxVideoSide || request.height < 1 ||
        request.height > kMaxVideoSide || request.fps < 1 || request.fps > 240)
        throw std::invalid_argument("ClipRequest: output size or frame rate out of range");
    auto unit = [](double v) { return std::isfinite(v) ? std::clamp(v, 0.0, 1.0) : 0.5; };
    request.focus_x = unit(request.focus_x);
    request.focus_y = unit(request.focus_y);
    return request;
}

const AVStream& video_stream_of(const MediaInput& input) {
    if (!input.video()) throw MediaError("the file has only sound, no video");
    return *input.video();
}

// The trimmed part in frames; a trim that does not fit the clip is the admin's to fix.
int frame_count_of(const ClipRequest& request, double clip_duration) {
    double end = request.end < 0 ? clip_duration : request.end;
    if (!(request.start >= 0))
        throw MediaError("the trim starts at " + seconds_text(request.start) +
                         ", before the clip begins");
    if (request.start >= clip_duration)
        throw MediaError("the trim starts at " + seconds_text(request.start) +
                         ", but the clip is only " + seconds_text(clip_duration) + " long");
    if (!(end > request.start))
        throw MediaError("the trim ends at " + seconds_text(end) + ", before it starts at " +
                         seconds_text(request.start));
    if (end - request.start > kMaxClipSeconds)
        throw MediaError("the trimmed clip is " + seconds_text(end - request.start) +
                         " long; a video is at most 180 s");
    return int(std::lround((end - request.start) * request.fps));
}

// A part of a stored picture, in stored pixels.
struct Crop {
    int left = 0, top = 0, width = 0, height = 0;
};

// The part of `picture` that, turned upright by `rotation`, covers the output frame around
// the focus point, widened to whole chroma samples.
Crop cover_crop(const AVFrame& picture, int rotation, const ClipRequest& request) {
    AVRational aspect = picture.sample_aspect_ratio;
    double sar = aspect.num > 0 && aspect.den > 0 ? av_q2d(aspect) : 1;
    double sw = picture.width * sar, sh = picture.height;  // stored, in square pixels
    bool sideways = rotation == 90 || rotation == 270;
    double dw = sideways ? sh : sw, dh = sideways ? sw : sh;  // as displayed
    double scale = std::max(request.width / dw, request.height / dh);
    double cw = request.width / scale, ch = request.height / scale;
    double cx = std::clamp(request.focus_x * dw - cw / 2, 0.0, dw - cw);
    double cy = std::clamp(request.focus_y * dh - ch / 2, 0.0, dh - ch);
    // Back to stored coordinates: a quarter turn clockwise shows stored (x, y) at (sh - y, x).
    double x = cx, y = cy, w = cw, h = ch;
    if (rotation == 90) x = cy, y = sh - cx - cw, w = ch, h = cw;
    if (rotation == 180) x = sw - cx - cw, y = sh - cy - ch;
    if (rotation == 270) x = sw - cy - ch, y = cx, w = ch, h = cw;
    x /= sar;
    w /= sar;

    const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(AVPixelFormat(picture.format));
    int step_x = desc ? 1 << desc->log2_chroma_w : 1, step_y = desc ? 1 << desc->log2_chroma_h : 1;
    Crop crop;
    crop.left = std::clamp(int(std::lround(x / step_x)) * step_x, 0, picture.width - 1);
    crop.top = std::clamp(int(std::lround(y / step_y)) * step_y, 0, picture.height - 1);
    crop.width = std::clamp(int(std::lround(x + w)), crop.left + 1, picture.width) - crop.left;
    crop.height = std::clamp(int(std::lround(y + h)), crop.top + 1, picture.height) - crop.top;
    return crop;
}

// Points `view` at `crop` of `picture`'s pixels without taking a reference: per frame this
// costs no allocation, and `view` never outlives the draw that uses it.
void view_part(const AVFrame& picture, const Crop& crop, AVFrame& view) {
    view.format = picture.format;
    view.width = picture.width;
    view.height = picture.height;
    std::copy(std::begin(picture.data), std::end(picture.data), std::begin(view.data));
    std::copy(std::begin(picture.linesize), std::end(picture.linesize), std::begin(view.linesize));
    view.crop_left = crop.left;
    view.crop_top = crop.top;
    view.crop_right = picture.width - crop.left - crop.width;
    view.crop_bottom = picture.height - crop.top - crop.height;
    if (av_frame_apply_cropping(&view, AV_FRAME_CROP_UNALIGNED) < 0) throw MediaError(kDamaged);
}

void check_output_surface(cairo_surface_t* into, const ClipRequest& request) {
    if (!into || cairo_surface_get_type(into) != CAIRO_SURFACE_TYPE_IMAGE ||
        cairo_image_surface_get_format(into) != CAIRO_FORMAT_ARGB32 ||
        cairo_image_surface_get_width(into) != request.width ||
        cairo_image_surface_get_height(into) != request.height)
        throw std::invalid_argument("ClipReader::next draws into an ARGB32 image surface of "
                                    "the requested size");
}

template <typename T>
T* allocated(T* object) {
    if (!object) throw MediaError("not enough memory to decode the clip");
    return object;
}

}  // namespace

ClipReader::ClipReader(const ClipRequest& request)
    : request_(checked(request)),
      info_(probe_media(request.path)),
      input_(request.path),
      stream_(video_stream_of(input_)),
      decoder_(input_.open_decoder(stream_, 2)),
      packet_(allocated(av_packet_alloc())),
      shown_(allocated(av_frame_alloc())),
      ahead_(allocated(av_frame_alloc())),
      crop_(allocated(av_frame_alloc())),
      origin_(stream_.start_time != AV_NOPTS_VALUE ? stream_.start_time : 0),
      frame_count_(frame_count_of(request_, info_.duration)) {
    if (input_.audio()) input_.audio()->discard = AVDISCARD_ALL;
    if (info_.rotation) {
        bool sideways = info_.rotation == 90 || info_.rotation == 270;
        int w = sideways ? request_.height : request_.width;
        int h = sideways ? request_.width : request_.height;
        stored_.reset(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
        if (cairo_surface_status(stored_.get()) != CAIRO_STATUS_SUCCESS)
            throw MediaError("not enough memory to decode the clip");
    }
    seek_to_start();
}

// To the keyframe at or before the trim start. Should the container not allow it, decoding
// from the beginning reaches the start all the same.
void ClipReader::seek_to_start() {
    if (request_.start <= 0) return;
    input_.restart_time_limit();
    av_seek_frame(&input_.format(), stream_.index, display_time(0), AVSEEK_FLAG_BACKWARD);
}

// In the stream's time base. Timestamps in whole milliseconds (Matroska, FLV) sit up to half
// a millisecond off the true time of a frame, so one millisecond of slack is allowed.
int64_t ClipReader::display_time(int frame) const {
    int64_t micro = std::llround(request_.start * AV_TIME_BASE) +
                    av_rescale(frame, AV_TIME_BASE, request_.fps) + 1000;
    return origin_ + av_rescale_q_rnd(micro, AV_TIME_BASE_Q, stream_.time_base, AV_ROUND_DOWN);
}

void ClipReader::feed_decoder() {
    input_.restart_time_limit();
    if (!input_.read_packet(*packet_)) {
        avcodec_send_packet(decoder_.get(), nullptr);
        decoder_drained_ = true;
        return;
    }
    int rc = packet_->stream_index == stream_.index
                 ? avcodec_send_packet(decoder_.get(), packet_.get())
                 : 0;
    av_packet_unref(packet_.get());
    if (rc < 0) throw MediaError(kDamaged);
}

// The next picture in display order and its time; false at the end of the clip. A picture
// without a timestamp is taken to follow the one before.
bool ClipReader::decode_picture(AVFrame& picture, int64_t& time) {
    for (;;) {
        int rc = avcodec_receive_frame(decoder_.get(), &picture);
        if (rc == 0) break;
        if (rc == AVERROR_EOF) return false;
        if (rc != AVERROR(EAGAIN)) throw MediaError(kDamaged);
        if (decoder_drained_) return false;
        feed_decoder();
    }
    if (picture.decode_error_flags || (picture.flags & AV_FRAME_FLAG_CORRUPT))
        throw MediaError(kDamaged);
    time = picture.best_effort_timestamp;
    if (time == AV_NOPTS_VALUE) time = last_time_ + std::max<int64_t>(1, picture.pkt_duration);
    last_time_ = time;
    return true;
}

// Makes shown_ the latest picture whose time is at or before `time` (or the first picture,
// when the clip starts later). At the end of the clip shown_ stays as it is.
void ClipReader::advance_to(int64_t time) {
    if (!has_shown_) {
        if (!decode_picture(*shown_, shown_time_)) throw MediaError(kDamaged);
        has_shown_ = true;
    }
    for (;;) {
        if (!has_ahead_) {
            if (at_end_ || !decode_picture(*ahead_, ahead_time_)) {
                at_end_ = true;
                return;
            }
            has_ahead_ = true;
        }
        if (ahead_time_ > time) return;
        std::swap(shown_, ahead_);
        shown_time_ = ahead_time_;
        av_frame_unref(ahead_.get());
        has_ahead_ = false;
    }
}

// Players take untagged video as BT.709 from HD sizes up, BT.601 below (ITU-R BT.709 is the
// HDTV standard; 576 lines is PAL's SD): so does rupa.
void ClipReader::prepare_scaler(const AVFrame& part, const AVFrame& picture, int width,
                                int height) {
    ScalerSource source{part.width, part.height, part.format, picture.colorspace,
                        picture.color_range};
    if (scaler_ && source == scaler_source_) return;
    scaler_.reset(sws_getContext(part.width, part.height, AVPixelFormat(part.format), width,
                                 height, AV_PIX_FMT_BGRA, SWS_BICUBIC, nullptr, nullptr,
                                 nullptr));
    if (!scaler_) {
        const char* name = av_get_pix_fmt_name(AVPixelFormat(part.format));
        throw MediaError(std::string("the video's pixel format '") + (name ? name : "?") +
                         "' is not supported");
    }
    bool hd = picture.width >= 1280 || picture.height > 576;
    describe_source_colours(scaler_.get(), picture, hd ? SWS_CS_ITU709 : SWS_CS_ITU601);
    scaler_source_ = source;
}

// Crops and scales in the stored orientation (into stored_ when the clip is turned, so that
// the quarter turn moves whole output pixels), then turns upright.
void ClipReader::draw(const AVFrame& picture, cairo_surface_t* into) {
    view_part(picture, cover_crop(picture, info_.rotation, request_), *crop_);
    cairo_surface_t* target = stored_ ? stored_.get() : into;
    int width = cairo_image_surface_get_width(target);
    int height = cairo_image_surface_get_height(target);
    prepare_scaler(*crop_, picture, width, height);
    // swscale's vector code may write a little past the end of its last row: it scales into
    // a frame of libav's own, padded for that, and the rows are copied to the canvas.
    if (!scaled_ || scaled_->width != width || scaled_->height != height) {
        scaled_.reset(av_frame_alloc());
        scaled_->format = AV_PIX_FMT_BGRA;
        scaled_->width = width;
        scaled_->height = height;
        if (!scaled_ || av_frame_get_buffer(scaled_.get(), 64) < 0) throw MediaError("not enough memory for the clip");
    }
    sws_scale(scaler_.get(), crop_->data, crop_->linesize, 0, crop_->height, scaled_->data, scaled_->linesize);
    cairo_surface_flush(target);
    uint8_t* pixels = cairo_image_surface_get_data(target);
    int stride = cairo_image_surface_get_stride(target);
    for (int y = 0; y < height; ++y)
        std::memcpy(pixels + size_t(y) * stride, scaled_->data[0] + size_t(y) * scaled_->linesize[0], size_t(width) * 4);
    premultiply_alpha(AVPixelFormat(picture.format), pixels, stride, width, height);
    cairo_surface_mark_dirty(target);
    if (stored_) paint_upright(stored_.get(), exif_orientation_turning(info_.rotation), into);
}

bool ClipReader::next(cairo_surface_t* into) {
    check_output_surface(into, request_);
    if (next_frame_ >= frame_count_) return false;
    advance_to(display_time(next_frame_));
    draw(*shown_, into);
    ++next_frame_;
    return true;
}

}  // namespace rupa
