// libx264 and FFmpeg's native AAC encoder into the mp4 muxer. Sound is encoded as the video
// advances (never ahead by more than half a second), so the muxer's interleaving queue
// stays small and memory does not grow with the video's length.
#include "media/mp4_writer.hpp"


extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
}

#include <string>

namespace rupa {

namespace {

// AAC-LC at 160 kbps: above the 128 kbps PRODUCT.md asks for, what YouTube recommends for
// stereo.
constexpr int kAudioBitrate = 160'000;
// The sound runs at most this far ahead of the video in the file.
constexpr int64_t kAudioLeadUs = 500'000;

[[noreturn]] void fail(const std::string& what, int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    throw MediaError("cannot encode the video: " + what + " (" + text + ")");
}

void check(int code, const std::string& what) {
    if (code < 0) fail(what, code);
}

}  // namespace

Mp4Writer::Mp4Writer(const std::filesystem::path& file, const VideoSettings& settings, Soundtrack& sound)
    : settings_(settings), sound_(sound), video_packet_(av_packet_alloc()), audio_packet_(av_packet_alloc()) {
    // "file:" keeps a folder with a colon in its name ("-o x:y") from naming a protocol; the
    // muxer opens the same name again to move the index to the front (faststart).
    std::string url = "file:" + file.string();
    AVFormatContext* raw = nullptr;
    check(avformat_alloc_output_context2(&raw, nullptr, "mp4", url.c_str()), "no mp4 muxer");
    muxer_.reset(raw);
    open_video();
    open_audio();
    check(avio_open(&muxer_->pb, url.c_str(), AVIO_FLAG_WRITE), "cannot create " + file.string());
    AVDictionary* options = nullptr;
    // faststart: moov before mdat, so a phone starts playing before the whole file arrives.
    // No edit list (some platforms mistime them): B-frames are placed by negative
    // composition offsets instead, so the first picture shows at time 0.
    av_dict_set(&options, "movflags", "+faststart+negative_cts_offsets", 0);
    av_dict_set(&options, "use_editlist", "0", 0);
    std::unique_ptr<AVDictionary, AvDictionaryDeleter> owned(options);
    AVDictionary* pass = owned.release();
    int rc = avformat_write_header(muxer_.get(), &pass);
    owned.reset(pass);
    check(rc, "cannot start the MP4");
}

Mp4Writer::~Mp4Writer() = default;

void Mp4Writer::open_video() {
    const AVCodec* codec = avcodec_find_encoder_by_name("libx264");
    if (!codec) throw MediaError("this FFmpeg has no libx264 encoder; install Debian's libavcodec59");
    video_.reset(avcodec_alloc_context3(codec));
    AVCodecContext& c = *video_;
    c.width = settings_.width;
    c.height = settings_.height;
    c.pix_fmt = AV_PIX_FMT_YUV420P;
    c.time_base = {1, settings_.fps};
    c.framerate = {settings_.fps, 1};
    c.sample_aspect_ratio = {1, 1};
    // A key frame every 2 s, and only there: closed GOPs of a fixed length (x264's default
    // is a closed GOP; scene-cut key frames are turned off).
    c.gop_size = 2 * settings_.fps;
    c.keyint_min = 2 * settings_.fps;
    c.max_b_frames = 2;
    // H.264 level 4.0 covers 1080x1920 and 1920x1080 at 30 fps (ITU-T H.264 table A-1: 8192
    // macroblocks a frame, 245,760 a second; 25 Mbps for High).
    c.profile = FF_PROFILE_H264_HIGH;
    c.level = 40;
    c.rc_max_rate = settings_.max_bitrate;
    c.rc_buffer_size = settings_.buffer_bits;
    c.color_primaries = AVCOL_PRI_BT709;
    c.color_trc = AVCOL_TRC_BT709;
    c.colorspace = AVCOL_SPC_BT709;
    c.color_range = AVCOL_RANGE_MPEG;
    c.chroma_sample_location = AVCHROMA_LOC_CENTER;
    c.thread_count = settings_.threads;
    if (muxer_->oformat->flags & AVFMT_GLOBALHEADER) c.flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    av_opt_set(c.priv_data, "preset", settings_.preset, 0);
    av_opt_set(c.priv_data, "profile", "high", 0);
    av_opt_set_double(c.priv_data, "crf", settings_.crf, 0);
    av_opt_set(c.priv_data, "x264-params", "scenecut=0:open-gop=0", 0);
    check(avcodec_open2(&c, codec, nullptr), "cannot open libx264");
    video_stream_ = avformat_new_stream(muxer_.get(), nullptr);
    if (!video_stream_) fail("no stream", AVERROR(ENOMEM));
    video_stream_->time_base = c.time_base;
    video_stream_->avg_frame_rate = c.framerate;
    video_stream_->r_frame_rate = c.framerate;
    check(avcodec_parameters_from_context(video_stream_->codecpar, &c), "video parameters");
}

void Mp4Writer::open_audio() {
    const AVCodec* codec = avcodec_find_encoder(AV_CODEC_ID_AAC);
    if (!codec) throw MediaError("this FFmpeg has no AAC encoder");
    audio_.reset(avcodec_alloc_context3(codec));
    AVCodecContext& c = *audio_;
    c.sample_fmt = AV_SAMPLE_FMT_FLTP;
    c.sample_rate = kAudioRate;
    const AVChannelLayout stereo = AV_CHANNEL_LAYOUT_STEREO;
    av_channel_layout_copy(&c.ch_layout, &stereo);
    c.bit_rate = kAudioBitrate;
    c.profile = FF_PROFILE_AAC_LOW;
    c.time_base = {1, kAudioRate};
    if (muxer_->oformat->flags & AVFMT_GLOBALHEADER) c.flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    check(avcodec_open2(&c, codec, nullptr), "cannot open the AAC encoder");
    audio_stream_ = avformat_new_stream(muxer_.get(), nullptr);
    if (!audio_stream_) fail("no stream", AVERROR(ENOMEM));
    audio_stream_->time_base = c.time_base;
    check(avcodec_parameters_from_context(audio_stream_->codecpar, &c), "audio parameters");
}

AvFramePtr Mp4Writer::blank_frame(int width, int height) {
    AvFramePtr frame(av_frame_alloc());
    frame->format = AV_PIX_FMT_YUV420P;
    frame->width = width;
    frame->height = height;
    check(av_frame_get_buffer(frame.get(), 0), "no memory for a frame");
    return frame;
}

void Mp4Writer::add_frame(AVFrame& yuv) {
    yuv.pts = frames_++;
    yuv.color_primaries = AVCOL_PRI_BT709;
    yuv.color_trc = AVCOL_TRC_BT709;
    yuv.colorspace = AVCOL_SPC_BT709;
    yuv.color_range = AVCOL_RANGE_MPEG;
    send_video(&yuv);
}

void Mp4Writer::send_video(AVFrame* frame) {
    check(avcodec_send_frame(video_.get(), frame), "libx264 refused a frame");
    drain(*video_, *video_stream_);
}

// Writes every packet the encoder has ready; video packets first pull the sound up to them.
void Mp4Writer::drain(AVCodecContext& encoder, AVStream& stream) {
    bool is_video = &encoder == video_.get();
    AVPacket* packet = is_video ? video_packet_.get() : audio_packet_.get();
    while (true) {
        int rc = avcodec_receive_packet(&encoder, packet);
        if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF) return;
        check(rc, "encoding failed");
        if (is_video) write_audio_until(av_rescale_q(packet->dts, encoder.time_base, AV_TIME_BASE_Q));
        av_packet_rescale_ts(packet, encoder.time_base, stream.time_base);
        packet->stream_index = stream.index;
        check(av_interleaved_write_frame(muxer_.get(), packet), "cannot write the MP4");
    }
}

void Mp4Writer::write_audio_until(int64_t video_time_us) {
    int64_t until = video_time_us + kAudioLeadUs;
    while (!audio_done_ && av_rescale(audio_samples_, AV_TIME_BASE, kAudioRate) < until) {
        const AVFrame* block = sound_.next(audio_->frame_size);
        if (!block) {
            audio_done_ = true;
            check(avcodec_send_frame(audio_.get(), nullptr), "cannot finish the sound");
        } else {
            AvFramePtr frame(av_frame_clone(block));
            frame->pts = audio_samples_;
            audio_samples_ += frame->nb_samples;
            check(avcodec_send_frame(audio_.get(), frame.get()), "the AAC encoder refused the sound");
        }
        drain(*audio_, *audio_stream_);
    }
}

void Mp4Writer::finish() {
    if (finished_) return;
    finished_ = true;
    send_video(nullptr);
    write_audio_until(INT64_MAX - kAudioLeadUs);
    check(av_write_trailer(muxer_.get()), "cannot finish the MP4");
    check(avio_closep(&muxer_->pb), "cannot close the MP4");
}

}  // namespace rupa
