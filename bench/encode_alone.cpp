// bench/video's "encode alone" row: what rupa's encoder costs with nothing drawn.
//   rupa_bench_encode INPUT.mp4 OUTPUT.mp4
// Decodes every video frame of INPUT (rupa's own reel) into memory as YUV420P frames first,
// untimed, then times only the encoding: constructing rupa::Mp4Writer with the default
// VideoSettings at the input's size and a silent Soundtrack of the same length, feeding it
// every frame and finishing the file. Prints the encode time in seconds (one number) on
// stdout; exits 0, or 1 with a message on stderr when INPUT cannot be read or OUTPUT written.
#include "handles/av.hpp"
#include "media/media_input.hpp"
#include "media/mp4_writer.hpp"
#include "media/soundtrack.hpp"

extern "C" {
#include <libavutil/log.h>
#include <libavutil/pixdesc.h>
}

#include <chrono>
#include <cstdio>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

// A fresh YUV420P frame holding a copy of `decoded`'s picture and nothing else (no picture
// type, timestamps or side data from the decoder that could steer the encoder).
rupa::AvFramePtr copy_picture(const AVFrame& decoded) {
    rupa::AvFramePtr frame(av_frame_alloc());
    if (!frame) throw std::runtime_error("no memory for a frame");
    frame->format = AV_PIX_FMT_YUV420P;
    frame->width = decoded.width;
    frame->height = decoded.height;
    if (av_frame_get_buffer(frame.get(), 0) < 0 || av_frame_copy(frame.get(), &decoded) < 0)
        throw std::runtime_error("no memory for a frame");
    return frame;
}

// Takes every frame the decoder has ready into `frames`.
void take_frames(AVCodecContext& decoder, AVFrame& decoded, std::vector<rupa::AvFramePtr>& frames) {
    while (true) {
        int rc = avcodec_receive_frame(&decoder, &decoded);
        if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF) return;
        if (rc < 0) throw std::runtime_error("cannot decode a frame");
        if (decoded.format != AV_PIX_FMT_YUV420P)
            throw std::runtime_error(std::string("frames are ") +
                                     (av_get_pix_fmt_name(static_cast<AVPixelFormat>(decoded.format))
                                          ? av_get_pix_fmt_name(static_cast<AVPixelFormat>(decoded.format))
                                          : "of an unknown format") +
                                     ", not yuv420p");
        frames.push_back(copy_picture(decoded));
        av_frame_unref(&decoded);
    }
}

std::vector<rupa::AvFramePtr> decode_all(const char* path) {
    rupa::MediaInput input(path);
    AVStream* stream = input.video();
    if (!stream) throw std::runtime_error("no video stream");
    rupa::AvCodecContextPtr decoder = input.open_decoder(*stream, 0);
    rupa::AvPacketPtr packet(av_packet_alloc());
    rupa::AvFramePtr decoded(av_frame_alloc());
    if (!packet || !decoded) throw std::runtime_error("no memory");
    std::vector<rupa::AvFramePtr> frames;
    while (true) {
        input.restart_time_limit();  // the limit is per read; decoding 1.4 GB takes a while
        if (!input.read_packet(*packet)) break;
        if (packet->stream_index == stream->index) {
            if (avcodec_send_packet(decoder.get(), packet.get()) < 0)
                throw std::runtime_error("cannot decode a packet");
            take_frames(*decoder, *decoded, frames);
        }
        av_packet_unref(packet.get());
    }
    avcodec_send_packet(decoder.get(), nullptr);
    take_frames(*decoder, *decoded, frames);
    if (frames.empty()) throw std::runtime_error("no video frames");
    return frames;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: rupa_bench_encode INPUT.mp4 OUTPUT.mp4\n");
        return 2;
    }
    av_log_set_level(AV_LOG_QUIET);
    try {
        std::vector<rupa::AvFramePtr> frames = decode_all(argv[1]);  // untimed

        auto start = std::chrono::steady_clock::now();
        rupa::VideoSettings settings{};
        settings.width = frames.front()->width;
        settings.height = frames.front()->height;
        // Silence as long as the video: 1600 samples a frame at 48 kHz and 30 fps.
        rupa::SoundtrackRequest silence;
        silence.music = std::nullopt;
        silence.music_volume = 1.0;
        silence.samples = static_cast<long>(frames.size()) * (rupa::kAudioRate / settings.fps);
        rupa::Soundtrack sound(silence);
        rupa::Mp4Writer writer(argv[2], settings, sound);
        for (rupa::AvFramePtr& frame : frames) writer.add_frame(*frame);
        writer.finish();
        std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;

        std::printf("%.3f\n", took.count());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "rupa_bench_encode: %s\n", e.what());
        return 1;
    }
}
