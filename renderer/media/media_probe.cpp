// probe_media: a file's header can be whole while its body is not, so besides reading what
// the container says, the first frame of each reported stream is decoded, with damage refused.
#include "media/media_probe.hpp"

#include "media/media_input.hpp"

#include <cmath>
#include <vector>

namespace rupa {

namespace {

const char* const kDamaged = "the file is cut short or damaged";

// A stream to report, and its decoder until that has given one whole frame.
struct FirstFrame {
    const AVStream* stream = nullptr;
    AvCodecContextPtr decoder;
    bool decoded = false;
};

// True once `first`'s decoder has given a whole frame; false while it wants more data.
bool receive_frame(FirstFrame& first, AVFrame& frame) {
    int rc = avcodec_receive_frame(first.decoder.get(), &frame);
    if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF) return false;
    if (rc < 0) throw MediaError(kDamaged);
    bool whole = !frame.decode_error_flags && !(frame.flags & AV_FRAME_FLAG_CORRUPT);
    av_frame_unref(&frame);
    if (!whole) throw MediaError(kDamaged);
    return true;
}

void send_packet(FirstFrame& first, const AVPacket* packet) {
    int rc = avcodec_send_packet(first.decoder.get(), packet);
    if (rc < 0 && rc != AVERROR(EAGAIN) && rc != AVERROR_EOF) throw MediaError(kDamaged);
}

// Reads from the start until every reported stream has decoded a frame; at the end of the
// file the decoders are drained, and one that still gives nothing means damage.
void decode_first_frames(MediaInput& input) {
    std::vector<FirstFrame> streams;
    for (const AVStream* stream : {input.video(), input.audio()})
        if (stream) streams.push_back({stream, input.open_decoder(*stream, 1), false});
    auto all_decoded = [&] {
        for (const FirstFrame& first : streams)
            if (!first.decoded) return false;
        return true;
    };
    AvPacketPtr packet(av_packet_alloc());
    AvFramePtr frame(av_frame_alloc());
    if (!packet || !frame) throw MediaError("not enough memory to decode the file");
    while (!all_decoded() && input.read_packet(*packet)) {
        for (FirstFrame& first : streams) {
            if (first.decoded || packet->stream_index != first.stream->index) continue;
            send_packet(first, packet.get());
            first.decoded = receive_frame(first, *frame);
        }
        av_packet_unref(packet.get());
    }
    for (FirstFrame& first : streams) {
        if (first.decoded) continue;
        send_packet(first, nullptr);
        if (!receive_frame(first, *frame)) throw MediaError(kDamaged);
    }
}

// The container's duration, else that of its longest stream; a bad one is refused.
double duration_of(const AVFormatContext& format) {
    double seconds = 0;
    if (format.duration != AV_NOPTS_VALUE && format.duration > 0) {
        seconds = format.duration / double(AV_TIME_BASE);
    } else {
        for (unsigned i = 0; i < format.nb_streams; ++i) {
            const AVStream& stream = *format.streams[i];
            if (stream.duration != AV_NOPTS_VALUE && stream.duration > 0)
                seconds = std::max(seconds, stream.duration * av_q2d(stream.time_base));
        }
    }
    if (!std::isfinite(seconds) || seconds <= 0)
        throw MediaError("the file does not say how long it plays (it may be cut short or damaged)");
    return seconds;
}

double frame_rate_of(const AVStream& video) {
    for (AVRational rate : {video.avg_frame_rate, video.r_frame_rate})
        if (rate.num > 0 && rate.den > 0) return av_q2d(rate);
    return 0;
}

void describe_video(const AVStream& video, MediaInfo& info) {
    const AVCodecParameters& par = *video.codecpar;
    if (par.width <= 0 || par.height <= 0) throw MediaError(kDamaged);
    info.has_video = true;
    info.video_codec = avcodec_get_name(par.codec_id);
    info.rotation = rotation_of(video);
    bool sideways = info.rotation == 90 || info.rotation == 270;
    info.width = sideways ? par.height : par.width;
    info.height = sideways ? par.width : par.height;
    info.frame_rate = frame_rate_of(video);
}

void describe_audio(const AVStream& audio, MediaInfo& info) {
    const AVCodecParameters& par = *audio.codecpar;
    if (par.sample_rate <= 0 || par.ch_layout.nb_channels <= 0) throw MediaError(kDamaged);
    info.has_audio = true;
    info.audio_codec = avcodec_get_name(par.codec_id);
    info.sample_rate = par.sample_rate;
    info.channels = par.ch_layout.nb_channels;
}

}  // namespace

MediaInfo probe_media(const std::filesystem::path& path) {
    MediaInput input(path);
    MediaInfo info;
    info.container = input.format().iformat->name;
    if (input.video()) describe_video(*input.video(), info);
    if (input.audio()) describe_audio(*input.audio(), info);
    decode_first_frames(input);
    info.duration = duration_of(input.format());
    return info;
}

}  // namespace rupa
