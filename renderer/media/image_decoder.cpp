// Image decoding with libavformat/libavcodec and conversion with libswscale.
#include "media/image_decoder.hpp"

#include "handles/av.hpp"
#include "media/frame_colours.hpp"
#include "media/media_input.hpp"
#include "media/picture_header.hpp"
#include "media/orientation.hpp"

extern "C" {
#include <libavutil/dict.h>
#include <libavutil/imgutils.h>
}

#include <cmath>
#include <cstring>
#include <fstream>
#include <utility>

namespace rupa {

namespace {

AvFramePtr checked(AvFramePtr frame) {
    if (frame->decode_error_flags || (frame->flags & AV_FRAME_FLAG_CORRUPT))
        throw MediaError("the image data is damaged or cut short");
    return frame;
}

MediaError over_limit(long long width, long long height) {
    std::string size = "image of " + std::to_string(width) + "x" + std::to_string(height);
    if (width * height > kMaxInputPixels) return MediaError(size + " is over the 100-megapixel limit");
    return MediaError(size + " is over " + std::to_string(kMaxImageSide) + " pixels a side, the most rupa can draw");
}

bool is_over_limit(long long width, long long height) {
    return width * height > kMaxInputPixels || width > kMaxImageSide || height > kMaxImageSide;
}

// Refuses from the file's own header what no decoder should start on: a size over the limits
// (libav's own size check would refuse the largest with no word of the size) and a PNG whose
// compressed chunks inflate without bound.
void check_header(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(1 << 16, '\0');
    in.read(head.data(), std::streamsize(head.size()));
    head.resize(size_t(in.gcount()));
    if (auto size = stated_picture_size(head); size && is_over_limit(size->width, size->height))
        throw over_limit(size->width, size->height);
    check_png_compressed_chunks(path);
}

// The size of a picture the decoder was refused; zero while none was.
struct RefusedSize {
    int width = 0;
    int height = 0;
};

// libav asks for a picture's memory here, right after the decoder has read the size from the
// file's own header: the first moment the size of a PNG, JPEG or WebP is known, and the last
// one before hundreds of megabytes are taken for it.
int get_buffer_within_limit(AVCodecContext* decoder, AVFrame* frame, int flags) {
    if (is_over_limit(decoder->width, decoder->height)) {
        auto* refused = static_cast<RefusedSize*>(decoder->opaque);
        refused->width = decoder->width;
        refused->height = decoder->height;
        return AVERROR(ERANGE);
    }
    return avcodec_default_get_buffer2(decoder, frame, flags);
}

// No avformat_find_stream_info: to learn a still image's size it decodes the whole picture
// (WebP, for one, has no cheaper way), before any limit could be checked. The demuxer already
// knows the codec, and our own decoder reads the size under get_buffer_within_limit.
AvCodecContextPtr open_decoder(const AVCodecParameters& par, RefusedSize& refused) {
    const AVCodec* codec = avcodec_find_decoder(par.codec_id);
    if (!codec) throw MediaError("image format not supported");
    AvCodecContextPtr decoder(avcodec_alloc_context3(codec));
    if (!decoder || avcodec_parameters_to_context(decoder.get(), &par) < 0)
        throw MediaError("not enough memory for the image");
    decoder->thread_count = 1;
    // Refuse damaged data instead of concealing it: a half-grey photo must not be posted.
    decoder->err_recognition |= AV_EF_EXPLODE;
    decoder->opaque = &refused;
    decoder->get_buffer2 = get_buffer_within_limit;
    if (avcodec_open2(decoder.get(), codec, nullptr) < 0)
        throw MediaError("image format not supported");
    return decoder;
}

// The first picture of `stream`, or null when the decoder gave none.
AvFramePtr read_first_frame(AVFormatContext& input, int stream, AVCodecContext& decoder) {
    AvPacketPtr packet(av_packet_alloc());
    AvFramePtr frame(av_frame_alloc());
    while (av_read_frame(&input, packet.get()) >= 0) {
        bool ours = packet->stream_index == stream;
        if (ours) avcodec_send_packet(&decoder, packet.get());
        av_packet_unref(packet.get());
        if (ours && avcodec_receive_frame(&decoder, frame.get()) >= 0) return frame;
    }
    avcodec_send_packet(&decoder, nullptr);
    if (avcodec_receive_frame(&decoder, frame.get()) >= 0) return frame;
    return nullptr;
}

AvFramePtr decode_first_frame(const std::filesystem::path& path) {
    // Declared before the input, whose interrupt callback reads it.
    auto deadline = std::chrono::steady_clock::now() + kMediaReadTimeLimit;
    AvFormatInputPtr input = open_media_file(path, MediaKind::still_picture, deadline);
    check_header(path);
    int stream = av_find_best_stream(input.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (stream < 0) throw MediaError("not an image");
    const AVCodecParameters& par = *input->streams[stream]->codecpar;
    // Some containers (GIF, MP4) state the size up front: refuse before opening a decoder.
    if (is_over_limit(par.width, par.height)) throw over_limit(par.width, par.height);
    RefusedSize refused;
    AvCodecContextPtr decoder = open_decoder(par, refused);
    AvFramePtr frame = read_first_frame(*input, stream, *decoder);
    if (refused.width) throw over_limit(refused.width, refused.height);
    if (!frame && is_over_limit(decoder->width, decoder->height)) throw over_limit(decoder->width, decoder->height);
    // A decoder that never found a size never found a picture header: not an image at all.
    if (!frame && decoder->width <= 0) throw MediaError("not a readable image (no picture found)");
    if (!frame) throw MediaError("the image data is damaged or cut short");
    return checked(std::move(frame));
}

int orientation_of(const AVFrame& frame) {
    const AVDictionaryEntry* tag = av_dict_get(frame.metadata, "Orientation", nullptr, 0);
    if (!tag) return 1;
    int value = std::atoi(tag->value);
    return value >= 1 && value <= 8 ? value : 1;
}

// Cairo's ARGB32 is native-endian 32-bit with premultiplied alpha: BGRA bytes on x86.
CairoSurfacePtr to_cairo(const AVFrame& frame) {
    int w = frame.width, h = frame.height;
    CairoSurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        throw MediaError("not enough memory for the image");
    SwsContextPtr sws(sws_getContext(w, h, AVPixelFormat(frame.format), w, h, AV_PIX_FMT_BGRA,
                                     SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT,
                                     nullptr, nullptr, nullptr));
    if (!sws) throw MediaError("unsupported pixel layout");
    describe_source_colours(sws.get(), frame, SWS_CS_DEFAULT);
    cairo_surface_flush(surface.get());
    uint8_t* dst[4] = {cairo_image_surface_get_data(surface.get()), nullptr, nullptr, nullptr};
    int dst_stride[4] = {cairo_image_surface_get_stride(surface.get()), 0, 0, 0};
    sws_scale(sws.get(), frame.data, frame.linesize, 0, h, dst, dst_stride);
    premultiply_alpha(AVPixelFormat(frame.format), dst[0], dst_stride[0], w, h);
    cairo_surface_mark_dirty(surface.get());
    return surface;
}

// Turns the stored picture upright; 5-8 swap width and height.
CairoSurfacePtr apply_orientation(CairoSurfacePtr stored, int orientation, int& w, int& h) {
    if (orientation == 1) return stored;
    if (orientation >= 5) std::swap(w, h);
    CairoSurfacePtr upright(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
    paint_upright(stored.get(), orientation, upright.get());
    return upright;
}

}  // namespace

void add_half(DecodedImage& image) {
    cairo_surface_t* full = image.surface.get();
    int w = image.width / 2, h = image.height / 2;
    if (!full || w < 1 || h < 1) return;
    CairoSurfacePtr half(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
    if (cairo_surface_status(half.get()) != CAIRO_STATUS_SUCCESS) return;  // drawn from the full size then
    cairo_surface_flush(full);
    const unsigned char* from = cairo_image_surface_get_data(full);
    unsigned char* to = cairo_image_surface_get_data(half.get());
    int from_stride = cairo_image_surface_get_stride(full), to_stride = cairo_image_surface_get_stride(half.get());
    for (int y = 0; y < h; ++y) {
        const unsigned char* top = from + size_t(2 * y) * from_stride;
        const unsigned char* bottom = top + from_stride;
        unsigned char* row = to + size_t(y) * to_stride;
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < 4; ++c) {  // premultiplied: the mean of each channel stays premultiplied
                int i = 8 * x + c;
                row[4 * x + c] = static_cast<unsigned char>((top[i] + top[i + 4] + bottom[i] + bottom[i + 4] + 2) / 4);
            }
    }
    cairo_surface_mark_dirty(half.get());
    image.half = share_surface(half.release());
}

DecodedImage decode_image(const std::filesystem::path& path) {
    AvFramePtr frame = decode_first_frame(path);
    DecodedImage image;
    image.width = frame->width;
    image.height = frame->height;
    image.exif_orientation = orientation_of(*frame);
    CairoSurfacePtr upright =
        apply_orientation(to_cairo(*frame), image.exif_orientation, image.width, image.height);
    image.surface = share_surface(upright.release());
    return image;
}

}  // namespace rupa
