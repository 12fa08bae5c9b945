// What an audio or video file holds, learnt by opening it and decoding the first frame of each
// stream it reports: the check that a spec's music, voice-over or clip is usable, made before
// anything is rendered.
#pragma once

#include "media/media_error.hpp"

#include <filesystem>
#include <string>

namespace rupa {

struct MediaInfo {
    std::string container;      // libavformat's short name, e.g. "mov,mp4,m4a,3gp,3g2,mj2"
    double duration = 0;        // seconds (container duration, else longest stream)
    bool has_audio = false;
    bool has_video = false;     // a real picture stream: an mp3's cover art (attached picture) is not video
    std::string video_codec;    // "h264", "hevc", ...
    int width = 0, height = 0;  // as displayed, i.e. after rotation
    int rotation = 0;           // degrees clockwise to turn the stored picture upright: 0, 90, 180, 270
    double frame_rate = 0;      // average frames per second
    std::string audio_codec;    // "mp3", "aac", "vorbis", "flac", "pcm_s16le", ...
    int sample_rate = 0, channels = 0;
};

// Throws MediaError, with one sentence for the person who chose the file, when it is not
// usable audio or video. Bounded in time and memory whatever the file holds.
MediaInfo probe_media(const std::filesystem::path& path);

}  // namespace rupa
