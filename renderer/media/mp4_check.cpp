// The stream facts come from libavformat; the box facts (moov before mdat, edit lists, the
// colr box) from a small walk over the ISO BMFF box tree (ISO/IEC 14496-12), since
// libavformat hides how a file is laid out.
#include "media/mp4_check.hpp"

#include "handles/av.hpp"
#include "media/media_error.hpp"
#include "media/media_input.hpp"

extern "C" {
#include <libavutil/pixdesc.h>
}

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <deque>
#include <fstream>
#include <string_view>
#include <utility>

namespace rupa {

namespace fs = std::filesystem;

namespace {

// PRODUCT.md: peak bitrate "well under 25 Mbps"; rupa's own limit leaves a fifth spare.
constexpr double kMaxPeakBitrate = 20e6;
// A GOP of "about 2 s": rupa writes exactly 2 s; more than 2.5 s is wrong.
constexpr double kMaxGopSeconds = 2.5;
// A moov larger than this is no file rupa wrote.
constexpr uint64_t kMaxMoovBytes = 64u << 20;

uint32_t be32(const uint8_t* p) { return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3]; }
uint16_t be16(const uint8_t* p) { return uint16_t(p[0] << 8 | p[1]); }

struct BoxWalk {
    bool edit_list = false;
    bool bt709_colr = false;
};

// Walks boxes in [begin, end) of `moov`, descending into the containers on the way to each
// track's sample description.
void walk_boxes(const std::vector<uint8_t>& d, size_t begin, size_t end, BoxWalk& found, int depth) {
    if (depth > 12) return;
    size_t at = begin;
    while (at + 8 <= end) {
        uint64_t size = be32(&d[at]);
        std::string_view type(reinterpret_cast<const char*>(&d[at + 4]), 4);
        size_t header = 8;
        if (size == 1 && at + 16 <= end) {
            size = uint64_t(be32(&d[at + 8])) << 32 | be32(&d[at + 12]);
            header = 16;
        } else if (size == 0) {
            size = end - at;
        }
        if (size < header || at + size > end) return;
        size_t body = at + header, stop = size_t(at + size);
        if (type == "elst") found.edit_list = true;
        if (type == "colr" && stop - body >= 11 && std::string_view(reinterpret_cast<const char*>(&d[body]), 4) == "nclx") {
            bool full_range = d[body + 10] & 0x80;
            found.bt709_colr = be16(&d[body + 4]) == 1 && be16(&d[body + 6]) == 1 && be16(&d[body + 8]) == 1 && !full_range;
        }
        if (type == "moov" || type == "trak" || type == "mdia" || type == "minf" || type == "stbl" || type == "edts")
            walk_boxes(d, body, stop, found, depth + 1);
        if (type == "stsd" && stop - body > 8) walk_boxes(d, body + 8, stop, found, depth + 1);
        // A visual sample entry's boxes follow its 78 bytes of fixed fields (14496-12, 12.1.3).
        if ((type == "avc1" || type == "avc3") && stop - body > 78) walk_boxes(d, body + 78, stop, found, depth + 1);
        at = stop;
    }
}

// Reads the top-level boxes: whether moov comes before mdat, and moov's own boxes.
void read_layout(const fs::path& file, Mp4Facts& facts) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw MediaError("cannot read the MP4");
    bool seen_mdat = false;
    uint64_t at = 0;
    uint64_t file_size = fs::file_size(file);
    while (at + 8 <= file_size) {
        uint8_t head[16];
        in.seekg(std::streamoff(at));
        if (!in.read(reinterpret_cast<char*>(head), 8)) break;
        uint64_t size = be32(head);
        std::string_view type(reinterpret_cast<const char*>(head + 4), 4);
        if (size == 1) {
            if (!in.read(reinterpret_cast<char*>(head + 8), 8)) break;
            size = uint64_t(be32(head + 8)) << 32 | be32(head + 12);
        } else if (size == 0) {
            size = file_size - at;
        }
        if (size < 8) break;
        if (type == "mdat") seen_mdat = true;
        if (type == "moov") {
            facts.moov_first = !seen_mdat;
            if (size > kMaxMoovBytes) throw MediaError("the MP4's index is too large");
            std::vector<uint8_t> moov(static_cast<size_t>(size));
            in.seekg(std::streamoff(at));
            if (!in.read(reinterpret_cast<char*>(moov.data()), std::streamsize(size)))
                throw MediaError("the MP4's index is cut short");
            BoxWalk found;
            walk_boxes(moov, 0, moov.size(), found, 0);
            facts.edit_list = found.edit_list;
            facts.bt709_colr = found.bt709_colr;
        }
        at += size;
    }
}

// Whether a length-prefixed H.264 access unit holds an IDR slice (nal_unit_type 5).
bool holds_idr(const AVPacket& packet) {
    size_t at = 0;
    while (at + 4 < size_t(packet.size)) {
        uint32_t length = be32(packet.data + at);
        if (length == 0 || at + 4 + length > size_t(packet.size)) return false;
        if ((packet.data[at + 4] & 0x1F) == 5) return true;
        at += 4 + length;
    }
    return false;
}

// The bytes of the packets in the last second, as bits per second.
class SecondWindow {
public:
    double add(double time, int bytes) {
        packets_.emplace_back(time, bytes);
        bytes_ += bytes;
        while (!packets_.empty() && packets_.front().first <= time - 1.0) {
            bytes_ -= packets_.front().second;
            packets_.pop_front();
        }
        return bytes_ * 8;
    }

private:
    std::deque<std::pair<double, int>> packets_;  // (time, bytes)
    double bytes_ = 0;
};

void read_streams(const fs::path& file, Mp4Facts& facts) {
    // Through the one guarded open, like every file rupa reads with libavformat.
    auto deadline = std::chrono::steady_clock::now() + kMediaReadTimeLimit;
    AvFormatInputPtr input = open_media_file(file, MediaKind::sound_or_video, deadline);
    AVFormatContext* raw = input.get();
    // One thread per decoder: find_stream_info decodes a frame or two, and H.264's frame
    // threads would cost more to start than that frame costs to decode.
    std::vector<AVDictionary*> options(raw->nb_streams, nullptr);
    for (AVDictionary*& o : options) av_dict_set(&o, "threads", "1", 0);
    int found = avformat_find_stream_info(raw, options.data());
    for (AVDictionary*& o : options) av_dict_free(&o);
    if (found < 0) throw MediaError("the MP4's streams cannot be read");
    AVStream* video = nullptr;
    AVStream* audio = nullptr;
    for (unsigned i = 0; i < raw->nb_streams; ++i) {
        AVStream* s = raw->streams[i];
        if (s->codecpar->codec_type == AVMEDIA_TYPE_VIDEO && !video) video = s;
        if (s->codecpar->codec_type == AVMEDIA_TYPE_AUDIO && !audio) audio = s;
    }
    if (video) {
        const AVCodecParameters& v = *video->codecpar;
        facts.video_codec = avcodec_get_name(v.codec_id);
        facts.profile = v.profile;
        facts.level = v.level;
        const char* pixel = av_get_pix_fmt_name(AVPixelFormat(v.format));
        facts.pixel_format = pixel ? pixel : "";
        facts.width = v.width;
        facts.height = v.height;
        facts.bt709_stream = v.color_primaries == AVCOL_PRI_BT709 && v.color_trc == AVCOL_TRC_BT709 &&
                             v.color_space == AVCOL_SPC_BT709 && v.color_range == AVCOL_RANGE_MPEG;
        facts.frame_rate = av_q2d(video->avg_frame_rate);
    }
    if (audio) {
        const AVCodecParameters& a = *audio->codecpar;
        facts.audio_codec = avcodec_get_name(a.codec_id);
        facts.aac_lc = a.codec_id == AV_CODEC_ID_AAC && a.profile == FF_PROFILE_AAC_LOW;
        facts.audio_rate = a.sample_rate;
        facts.audio_channels = a.ch_layout.nb_channels;
        facts.audio_bitrate = long(a.bit_rate);
    }
    // Packets: frame timing, key frames, and bytes per second for the peak bitrate.
    AvPacketPtr packet(av_packet_alloc());
    std::vector<int64_t> video_pts;
    std::vector<int64_t> key_pts;
    facts.closed_gops = true;
    SecondWindow all, sound;
    while (av_read_frame(raw, packet.get()) >= 0) {
        AVStream* s = raw->streams[packet->stream_index];
        double t = packet->dts == AV_NOPTS_VALUE ? 0 : packet->dts * av_q2d(s->time_base);
        facts.peak_bitrate = std::max(facts.peak_bitrate, all.add(t, packet->size));
        if (s == audio) facts.audio_peak_bitrate = std::max(facts.audio_peak_bitrate, sound.add(t, packet->size));
        if (s == video) {
            video_pts.push_back(packet->pts);
            if (packet->flags & AV_PKT_FLAG_KEY) {
                key_pts.push_back(packet->pts);
                if (!holds_idr(*packet)) facts.closed_gops = false;
            }
        }
        av_packet_unref(packet.get());
    }
    if (!video || video_pts.empty()) return;
    std::sort(video_pts.begin(), video_pts.end());
    std::sort(key_pts.begin(), key_pts.end());
    double tick = av_q2d(video->time_base);
    facts.frames = long(video_pts.size());
    int64_t step = video_pts.size() > 1 ? video_pts[1] - video_pts[0] : 0;
    facts.constant_frame_rate = step > 0;
    for (size_t i = 1; i < video_pts.size(); ++i)
        if (video_pts[i] - video_pts[i - 1] != step) facts.constant_frame_rate = false;
    if (step > 0 && facts.frame_rate <= 0) facts.frame_rate = 1 / (step * tick);
    facts.duration = (video_pts.back() - video_pts.front() + step) * tick;
    key_pts.push_back(video_pts.back() + step);
    for (size_t i = 1; i < key_pts.size(); ++i)
        facts.longest_gop = std::max(facts.longest_gop, (key_pts[i] - key_pts[i - 1]) * tick);
    if (key_pts.size() < 2 || key_pts.front() != video_pts.front()) facts.closed_gops = false;
}

}  // namespace

Mp4Facts read_mp4_facts(const fs::path& file) {
    Mp4Facts facts;
    read_layout(file, facts);
    read_streams(file, facts);
    return facts;
}

std::vector<std::string> broken_platform_rules(const Mp4Facts& f, const Mp4Expectation& expected) {
    std::vector<std::string> broken;
    auto rule = [&](bool holds, const std::string& what) {
        if (!holds) broken.push_back(what);
    };
    rule(f.video_codec == "h264", "the video is not H.264 (it is '" + f.video_codec + "')");
    rule(f.profile == 100, "the H.264 profile is not High");
    rule(f.level > 0 && f.level <= 42, "the H.264 level is above 4.2");
    rule(f.pixel_format == "yuv420p", "the pixels are not yuv420p");
    rule(f.width == expected.width && f.height == expected.height,
         "the picture is " + std::to_string(f.width) + "x" + std::to_string(f.height) + ", not " +
             std::to_string(expected.width) + "x" + std::to_string(expected.height));
    rule(f.bt709_stream, "the stream is not tagged BT.709 limited range");
    rule(f.bt709_colr, "the colr box does not say BT.709 limited range");
    rule(std::abs(f.frame_rate - 30) < 1e-6 && f.constant_frame_rate, "the frame rate is not a constant 30 fps");
    rule(f.frames == expected.frames, "the video has " + std::to_string(f.frames) + " frames, not " +
                                          std::to_string(expected.frames));
    rule(f.longest_gop > 0 && f.longest_gop <= kMaxGopSeconds, "key frames are more than 2.5 s apart");
    rule(f.closed_gops, "a GOP is open (a key frame is not an IDR picture)");
    rule(f.peak_bitrate < kMaxPeakBitrate, "the peak bitrate is over 20 Mbps");
    rule(f.aac_lc, "the sound is not AAC-LC");
    rule(f.audio_rate == 48000 && f.audio_channels == 2, "the sound is not 48 kHz stereo");
    // AAC spends next to no bits on silence, so a voice-over's pauses pull the whole track's
    // average down: the rate is judged where the sound is busiest as well.
    rule(expected.silent || std::max(double(f.audio_bitrate), f.audio_peak_bitrate) >= 128000,
         "the sound's bitrate is under 128 kbps");
    rule(f.moov_first, "the index (moov) is not before the media (mdat)");
    rule(!f.edit_list, "the file has an edit list");
    return broken;
}

}  // namespace rupa
