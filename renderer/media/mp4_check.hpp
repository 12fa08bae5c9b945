// rupa reads its own MP4 back and checks every platform rule of PRODUCT.md ("Formats"), so
// that a file Instagram or TikTok would refuse is never reported as rendered.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace rupa {

struct Mp4Expectation {
    int width = 0;
    int height = 0;
    long frames = 0;  // at 30 fps
    bool silent = false;  // a silent track: AAC spends next to no bits on silence
};

// What was read from the file (for tests and the report).
struct Mp4Facts {
    std::string video_codec, audio_codec;
    int profile = 0, level = 0;  // H.264 profile_idc and level_idc (High = 100, 4.0 = 40)
    std::string pixel_format;
    int width = 0, height = 0;
    bool bt709_stream = false;   // primaries, transfer, matrix BT.709 and limited range in the stream
    bool bt709_colr = false;     // the same in the `colr` box (nclx 1/1/1, not full range)
    double frame_rate = 0;
    bool constant_frame_rate = false;
    long frames = 0;
    double duration = 0;          // seconds, of the video stream
    double longest_gop = 0;       // seconds between key frames, at most
    bool closed_gops = false;     // every key frame is an IDR picture
    double peak_bitrate = 0;      // bits per second, the most in any 1 s window
    int audio_rate = 0, audio_channels = 0;
    long audio_bitrate = 0;       // over the whole track
    double audio_peak_bitrate = 0;  // bits per second, the most in any 1 s window of sound
    bool aac_lc = false;
    bool moov_first = false;      // faststart
    bool edit_list = false;
};

// Reads the file; throws MediaError when it cannot be read as an MP4 at all.
Mp4Facts read_mp4_facts(const std::filesystem::path& file);

// The rules `facts` break, one sentence each; empty when the file conforms.
std::vector<std::string> broken_platform_rules(const Mp4Facts& facts, const Mp4Expectation& expected);

}  // namespace rupa
