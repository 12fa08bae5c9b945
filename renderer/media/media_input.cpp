// Opening media with libavformat on rupa's terms: the format is recognised from the file's
// own first megabyte before anything is opened, so that a text file, a photo or a playlist is
// named as such; every read is bounded by the probe sizes below and a deadline.
#include "media/media_input.hpp"

extern "C" {
#include <libavutil/display.h>
}

#include "input/plain_file.hpp"
#include "spec/ascii_text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace rupa {

namespace {

namespace fs = std::filesystem;

// How much of the file libavformat may read, and how much playing time it may look at, to
// learn the streams (libavformat's own defaults, stated so that they stay bounded).
constexpr int64_t kProbeBytes = 5'000'000;
constexpr int64_t kAnalyzeMicroseconds = 5'000'000;
// The most bytes a format is recognised from (libavformat's PROBE_BUF_MAX).
constexpr size_t kRecogniseBytes = 1 << 20;
// Phones write a picture track, a sound track and a few of metadata.
constexpr int kMaxStreams = 64;

const MediaError kDamaged("the file is cut short or damaged");
const MediaError kTooSlow("reading the file took too long (it may be damaged)");

int interrupt_when_late(void* deadline) {
    auto* at = static_cast<std::chrono::steady_clock::time_point*>(deadline);
    return std::chrono::steady_clock::now() > *at ? 1 : 0;
}

std::string noun(MediaKind kind) {
    return kind == MediaKind::still_picture ? "an image" : "an audio or video file";
}

// A regular file with something in it; photos and clips from phones are under 4 GB.
void check_is_nonempty_file(const fs::path& path, MediaKind kind) {
    static const PlainFileKind kMedia{"", "media files", std::uintmax_t(4) << 30, "is this the right file?"};
    PlainFileKind plain = kMedia;
    plain.noun = noun(kind);
    try {
        check_plain_file(path, plain);
    } catch (const FileRefused& e) {
        if (std::string(e.what()) == "file not found") throw MediaError("the file does not exist");
        throw MediaError(e.what());
    }
    std::error_code ec;
    if (fs::file_size(path, ec) == 0 && !ec) throw MediaError("the file is empty");
}

// The format the file's first bytes say it is; null when none says so with confidence.
// A score under AVPROBE_SCORE_RETRY means libavformat itself would keep looking: a text
// file named .mp3 scores 1 for MP3 on its name alone. As libavformat's own
// av_probe_input_buffer2 does, the probes first see 4 KB, then 64 KB, and take an answer
// over that score there; only a file they are still unsure of is probed over the whole
// megabyte (every probe scanning a megabyte of each photo took 40-80 ms a photo).
const AVInputFormat* recognise_format(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw MediaError("the file cannot be read");
    std::vector<unsigned char> head(kRecogniseBytes + AVPROBE_PADDING_SIZE, 0);
    in.read(reinterpret_cast<char*>(head.data()), kRecogniseBytes);
    size_t read = size_t(in.gcount());
    std::string name = path.string();
    for (size_t size : {size_t(4096), size_t(65536), kRecogniseBytes}) {
        bool last = size >= read || size == kRecogniseBytes;
        std::vector<unsigned char> part(head.begin(), head.begin() + std::min(size, read));
        part.resize(part.size() + AVPROBE_PADDING_SIZE, 0);  // the probes read past the end in zeros
        AVProbeData probe = {};
        probe.filename = name.c_str();
        probe.buf = part.data();
        probe.buf_size = int(std::min(size, read));
        int score = 0;
        const AVInputFormat* format = av_probe_input_format3(&probe, 1, &score);
        if (last) return score >= AVPROBE_SCORE_RETRY ? format : nullptr;
        if (score > AVPROBE_SCORE_RETRY) return format;
    }
    return nullptr;
}

// The demuxers of single pictures: a JPEG or PNG is a photo, not a clip. image2 itself reads
// file-name patterns ("img%03d.png") and is never used: a picture's own demuxer (jpeg_pipe,
// png_pipe, webp_pipe, ...) reads just the one file.
bool is_still_picture_format(std::string_view name) {
    return name == "image2" || name == "image2pipe" || name.ends_with("_pipe");
}

bool is_usable_picture_format(std::string_view name) {
    return (name.ends_with("_pipe") && name != "image2pipe") || name == "gif";
}

// Formats that only point to other files or to the network: rupa reads what the spec names.
bool is_playlist_format(std::string_view name) {
    return name == "hls" || name == "dash" || name == "concat" || name == "imf" || name == "sdp";
}

// image2 is recognised from a picture's name alone when its first bytes do not say enough
// (a cut-short JPEG): the picture demuxer of that extension reads it instead, and the decoder
// then says what is wrong with it.
const AVInputFormat* picture_demuxer_for_name(const AVInputFormat* format, const fs::path& path) {
    if (!format || std::string_view(format->name) != "image2") return format;
    static const std::vector<std::pair<std::string, const char*>> by_extension = {
        {".jpg", "jpeg_pipe"}, {".jpeg", "jpeg_pipe"}, {".jpe", "jpeg_pipe"}, {".png", "png_pipe"},
        {".webp", "webp_pipe"}, {".gif", "gif"}, {".bmp", "bmp_pipe"}, {".tif", "tiff_pipe"},
        {".tiff", "tiff_pipe"}};
    std::string extension = ascii_lowercase(path.extension().string());
    for (const auto& [known, demuxer] : by_extension)
        if (extension == known) return av_find_input_format(demuxer);
    return nullptr;
}

void check_format_kind(const AVInputFormat* format, MediaKind kind) {
    if (kind == MediaKind::still_picture && !format) throw MediaError("not a readable image (no picture found)");
    if (!format) throw MediaError("not an audio or video file");
    if (is_playlist_format(format->name))
        throw MediaError("a playlist that points to other files, not " + noun(kind));
    if (kind == MediaKind::still_picture && !is_usable_picture_format(format->name))
        throw MediaError("a sound or video file, not an image");
    if (kind == MediaKind::sound_or_video && is_still_picture_format(format->name))
        throw MediaError("a still picture, not an audio or video file");
}

// The stream of `type` a player would choose: the one marked default, else the first.
// Cover pictures attached to songs are not video.
AVStream* choose_stream(AVFormatContext& format, AVMediaType type) {
    AVStream* chosen = nullptr;
    for (unsigned i = 0; i < format.nb_streams; ++i) {
        AVStream* stream = format.streams[i];
        if (stream->codecpar->codec_type != type) continue;
        if (stream->disposition & AV_DISPOSITION_ATTACHED_PIC) continue;
        if (!chosen || (stream->disposition & AV_DISPOSITION_DEFAULT &&
                        !(chosen->disposition & AV_DISPOSITION_DEFAULT)))
            chosen = stream;
    }
    return chosen;
}

// avformat_find_stream_info decodes a little of every stream with decoders of its own:
// hold those to the same picture-size limit as ours, on one thread.
void find_stream_info_within_limits(AVFormatContext& format) {
    AvDictionaryArray options(format.nb_streams);
    for (unsigned i = 0; i < format.nb_streams; ++i) {
        av_dict_set_int(&options[i], "max_pixels", kMaxVideoPixels, 0);
        av_dict_set(&options[i], "threads", "1", 0);
    }
    int rc = avformat_find_stream_info(&format, options.data());
    if (rc == AVERROR_EXIT) throw kTooSlow;
    if (rc < 0) throw kDamaged;
}

void check_video_size(const AVCodecParameters& video) {
    int w = video.width, h = video.height;
    if (w > kMaxVideoSide || h > kMaxVideoSide || (long long)w * h > kMaxVideoPixels)
        throw MediaError("the video is " + std::to_string(w) + "x" + std::to_string(h) +
                         "; rupa takes at most 8192 pixels a side and 8192x4320 in all");
}

std::string kind_of(const AVStream& stream) {
    return stream.codecpar->codec_type == AVMEDIA_TYPE_VIDEO ? "the video" : "the sound";
}

}  // namespace

AvFormatInputPtr open_media_file(const fs::path& path, MediaKind kind,
                                 const std::chrono::steady_clock::time_point& deadline) {
    av_log_set_level(AV_LOG_QUIET);
    check_is_nonempty_file(path, kind);
    const AVInputFormat* recognised = recognise_format(path);
    if (kind == MediaKind::still_picture) recognised = picture_demuxer_for_name(recognised, path);
    check_format_kind(recognised, kind);

    AVFormatContext* raw = avformat_alloc_context();
    if (!raw) throw MediaError("not enough memory to open the file");
    raw->interrupt_callback = {interrupt_when_late,
                               const_cast<std::chrono::steady_clock::time_point*>(&deadline)};
    raw->probesize = kProbeBytes;
    raw->max_analyze_duration = kAnalyzeMicroseconds;
    raw->max_streams = kMaxStreams;
    raw->protocol_whitelist = av_strdup("file");
    raw->format_whitelist = av_strdup(recognised->name);
    // "file:" keeps a name with a colon in it ("http:x.jpg") from naming a protocol.
    std::string url = "file:" + path.string();
    // On failure avformat_open_input frees the context itself.
    int rc = avformat_open_input(&raw, url.c_str(), recognised, nullptr);
    if (rc == AVERROR_EXIT) throw kTooSlow;
    if (rc < 0) throw kind == MediaKind::still_picture ? MediaError("not a readable image") : kDamaged;
    return AvFormatInputPtr(raw);
}

MediaInput::MediaInput(const fs::path& path) {
    restart_time_limit();
    format_ = open_media_file(path, MediaKind::sound_or_video, deadline_);
    find_stream_info_within_limits(*format_);

    video_ = choose_stream(*format_, AVMEDIA_TYPE_VIDEO);
    audio_ = choose_stream(*format_, AVMEDIA_TYPE_AUDIO);
    if (!video_ && !audio_) throw MediaError("the file has no audio or video stream");
    if (video_) check_video_size(*video_->codecpar);
    for (unsigned i = 0; i < format_->nb_streams; ++i) {
        AVStream* stream = format_->streams[i];
        if (stream != video_ && stream != audio_) stream->discard = AVDISCARD_ALL;
    }
}

AvCodecContextPtr MediaInput::open_decoder(const AVStream& stream, int threads) const {
    AVCodecID id = stream.codecpar->codec_id;
    const AVCodec* codec = avcodec_find_decoder(id);
    if (!codec)
        throw MediaError(kind_of(stream) + " uses codec '" + avcodec_get_name(id) +
                         "', which rupa cannot decode");
    AvCodecContextPtr decoder(avcodec_alloc_context3(codec));
    if (!decoder || avcodec_parameters_to_context(decoder.get(), stream.codecpar) < 0)
        throw MediaError("not enough memory to decode the file");
    decoder->pkt_timebase = stream.time_base;
    decoder->thread_count = threads;
    decoder->max_pixels = kMaxVideoPixels;
    // Refuse damaged data instead of concealing it: a smeared clip must not be posted.
    decoder->err_recognition |= AV_EF_EXPLODE;
    if (avcodec_open2(decoder.get(), codec, nullptr) < 0) throw kDamaged;
    return decoder;
}

bool MediaInput::read_packet(AVPacket& packet) {
    int rc = av_read_frame(format_.get(), &packet);
    if (rc == AVERROR_EOF) return false;
    if (rc == AVERROR_EXIT) throw kTooSlow;
    if (rc < 0 || (packet.flags & AV_PKT_FLAG_CORRUPT)) {
        av_packet_unref(&packet);
        throw kDamaged;
    }
    return true;
}

void MediaInput::restart_time_limit() {
    deadline_ = std::chrono::steady_clock::now() + kMediaReadTimeLimit;
}

int rotation_of(const AVStream& video) {
    size_t size = 0;
    const uint8_t* matrix = av_stream_get_side_data(&video, AV_PKT_DATA_DISPLAYMATRIX, &size);
    if (!matrix || size < 9 * sizeof(int32_t)) return 0;
    // av_display_rotation_get answers counter-clockwise, in (-180, 180], NaN for no rotation.
    double counter_clockwise = av_display_rotation_get(reinterpret_cast<const int32_t*>(matrix));
    if (!std::isfinite(counter_clockwise)) return 0;
    long clockwise = std::lround(-counter_clockwise / 90) * 90;
    return int((clockwise % 360 + 360) % 360);
}

}  // namespace rupa
