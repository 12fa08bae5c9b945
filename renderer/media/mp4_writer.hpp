// Encoding and muxing in process: BT.709 YUV frames in, a platform-conformant MP4 out
// (PRODUCT.md, "Formats"): H.264 High at level 4.0, yuv420p, BT.709 limited range tagged in
// the stream and the `colr` box, constant 30 fps, a closed 2 s GOP, peak bitrate capped by
// the VBV; AAC-LC 48 kHz stereo at 160 kbps; `moov` before `mdat` and no edit list.
#pragma once

#include "handles/av.hpp"
#include "media/media_error.hpp"
#include "media/soundtrack.hpp"


#include <filesystem>

namespace rupa {

struct VideoSettings {
    int width = 1080;
    int height = 1920;
    int fps = 30;
    // x264's speed/size trade-off and constant-quality factor; bench/video uses the same.
    const char* preset = "veryfast";
    int crf = 20;
    // The VBV cap: 12 Mbps over a 2 s buffer stays well under the platforms' 25 Mbps peak.
    int max_bitrate = 12'000'000;
    int buffer_bits = 24'000'000;
    int threads = 0;  // x264's own threads; 0 = as many as suit the cores
};

// The encoder settings written into every MP4 (also what bench/video's encode-alone uses).
class Mp4Writer {
public:
    // Opens `file` for writing. `sound` is read as the video needs it; it must outlive the writer.
    Mp4Writer(const std::filesystem::path& file, const VideoSettings& settings, Soundtrack& sound);
    ~Mp4Writer();
    Mp4Writer(const Mp4Writer&) = delete;
    Mp4Writer& operator=(const Mp4Writer&) = delete;

    // Encodes the next frame. libx264 copies it before this returns, so the caller may
    // change the frame from then on (video_render keeps a ring of them, each updated only
    // where its picture changed).
    void add_frame(AVFrame& yuv);
    // A YUV420P frame of a video of that size, to fill for add_frame.
    static AvFramePtr blank_frame(int width, int height);
    // Flushes the encoders, writes the rest of the sound and the index. The file is complete
    // only when this returns.
    void finish();

    long frames() const { return frames_; }

private:
    void open_video();
    void open_audio();
    void send_video(AVFrame* frame);
    void write_audio_until(int64_t video_time_us);
    void drain(AVCodecContext& encoder, AVStream& stream);

    VideoSettings settings_;
    Soundtrack& sound_;
    AvFormatOutputPtr muxer_;
    AvCodecContextPtr video_;
    AvCodecContextPtr audio_;
    AVStream* video_stream_ = nullptr;
    AVStream* audio_stream_ = nullptr;
    AvPacketPtr video_packet_, audio_packet_;
    long frames_ = 0;
    int64_t audio_samples_ = 0;
    bool audio_done_ = false;
    bool finished_ = false;
};

}  // namespace rupa
