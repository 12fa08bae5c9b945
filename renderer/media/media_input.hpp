// An audio or video file opened through libavformat within fixed limits of time and memory,
// with its picture and sound streams chosen: what probe_media and ClipReader both start from.
// Whatever the bytes, opening either succeeds or throws MediaError.
#pragma once

#include "handles/av.hpp"
#include "media/media_error.hpp"

#include <chrono>
#include <filesystem>

namespace rupa {

// The largest video rupa reads: 8192 pixels a side, and no more pixels than DCI 8K
// (8192x4320), the most a phone records. Bounds every picture buffer a decoder takes.
constexpr int kMaxVideoSide = 8192;
constexpr long long kMaxVideoPixels = 8192LL * 4320;
// How long opening a file (or reading one packet of it) may take before it counts as damaged.
constexpr std::chrono::seconds kMediaReadTimeLimit{5};

// What a file opened by open_media_file must be.
enum class MediaKind { still_picture, sound_or_video };

// The one guarded way rupa opens a file with libavformat, for photos and logos as for sound
// and video: a plain local regular file only (protocol whitelist "file", no FIFO or device),
// its format recognised from its own first megabyte and required to be of `kind` (never a
// playlist, concat script or image2 file pattern, whatever the name says), probing bounded,
// and every read given up once `deadline` has passed. `deadline` is read by libav for as long
// as the returned context lives.
AvFormatInputPtr open_media_file(const std::filesystem::path& path, MediaKind kind,
                                 const std::chrono::steady_clock::time_point& deadline);

class MediaInput {
public:
    explicit MediaInput(const std::filesystem::path& path);  // throws MediaError
    MediaInput(const MediaInput&) = delete;
    MediaInput& operator=(const MediaInput&) = delete;

    AVFormatContext& format() const { return *format_; }
    // The picture stream, or null; a cover picture attached to a song is not one.
    AVStream* video() const { return video_; }
    AVStream* audio() const { return audio_; }

    // A decoder for `stream` that refuses damaged data and pictures over the limits.
    AvCodecContextPtr open_decoder(const AVStream& stream, int threads) const;

    // The next packet of the chosen streams; false at the end of the file. Throws MediaError
    // on unreadable data or when the read overruns the time limit.
    bool read_packet(AVPacket& packet);
    // Gives the reads from now on a fresh time limit (the first one starts with opening).
    void restart_time_limit();

private:
    // The interrupt callback's view of the time limit; declared before format_ so that it
    // outlives the context that calls back into it.
    std::chrono::steady_clock::time_point deadline_;
    AvFormatInputPtr format_;
    AVStream* video_ = nullptr;
    AVStream* audio_ = nullptr;
};

// Degrees clockwise that turn a stream's stored pictures upright (0, 90, 180 or 270), from its
// display matrix, as phones write it for a clip recorded upright.
int rotation_of(const AVStream& video);

}  // namespace rupa
