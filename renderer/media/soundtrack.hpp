// A video's sound: the spec's music trimmed or looped to the video's length, faded in and
// out, with the voice-over and the clip scenes' own sounds mixed over it and the music ducked
// while they sound, then
// the whole mix normalised to -14 LUFS integrated with its true peak held under -1 dBTP (the
// level Instagram, TikTok and YouTube play at); or silence when there is neither. Read in
// AAC-sized blocks as the encoder needs them, so memory stays flat however long the video.
#pragma once

#include "handles/av.hpp"
#include "media/media_error.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

namespace rupa {

// The sound every MP4 of rupa carries: 48 kHz stereo (PRODUCT.md, "Formats").
constexpr int kAudioRate = 48000;
// PRODUCT.md, "Video": the mix is normalised to -14 LUFS, true peak under -1 dBTP.
constexpr double kTargetLufs = -14.0;
constexpr double kMaxTruePeak = -1.0;

// A scene's own sound (a phone clip's), played once where its scene plays and faded in and
// out with the scene's transitions.
struct SceneSound {
    std::filesystem::path file;
    double from = 0;   // seconds into the file, as its video's timestamps count
    long at = 0;       // the video's sample where it starts
    long samples = 0;  // how long it plays
    long fade_in = 0, fade_out = 0;  // samples
    double volume = 1;  // after it is brought to the voice-over's loudness: 1 as loud, 0 silent
};

struct SoundtrackRequest {
    std::optional<std::filesystem::path> music;
    double music_volume = 1.0;  // 0..1, the music's level before the mix is normalised
    // Played once from the start, over the music; cut with a fade when longer than the video.
    std::optional<std::filesystem::path> voiceover;
    // Each brought to the voice-over's level, the music ducked under them as under it; one
    // that is silence is left out.
    std::vector<SceneSound> scene_sounds;
    long samples = 0;           // the video's length in samples at 48 kHz
    bool shaped = true;         // faded in and out (false: as the file is, for measuring)
};

class Premix;

class Soundtrack {
public:
    // Measures the music's and the voice's loudness in first passes; throws MediaError when
    // either cannot be read.
    explicit Soundtrack(const SoundtrackRequest& request);
    ~Soundtrack();
    Soundtrack(const Soundtrack&) = delete;
    Soundtrack& operator=(const Soundtrack&) = delete;

    // The next block of up to `samples` samples (planar float stereo at 48 kHz), or null after
    // the video's length. Blocks are `samples` long except the last.
    const AVFrame* next(int samples);

    bool silent() const { return !request_.music && !request_.voiceover && request_.scene_sounds.empty(); }
    double gain_db() const { return gain_db_; }  // what normalisation applied to the mix
    // Whether the voice-over was longer than the video, and so was faded out and cut.
    bool voiceover_cut() const { return balance_.voice_cut; }

    // The levels the music, the voice and the scenes' sounds enter the mix at, before it is
    // normalised.
    struct Balance {
        double music_db = 0;
        double voice_db = 0;
        bool voice_cut = false;
        std::vector<double> scene_db;  // by scene_sounds
    };

private:
    void balance_voices();
    double normalising_gain();
    void open_chain(double gain);
    const AVFrame* next_silence(int samples);

    SoundtrackRequest request_;
    Balance balance_;
    double gain_db_ = 0;
    std::unique_ptr<Premix> source_;
    AvFilterGraphPtr graph_;
    AVFilterContext* in_ = nullptr;
    AVFilterContext* out_ = nullptr;
    AvFramePtr block_;
    long given_ = 0;
    bool flushed_ = false;
};

// What a sound measures, by libavfilter's EBU R128 meter (ITU-R BS.1770-4).
struct Loudness {
    double integrated = -70;  // LUFS; -70 or less for silence
    double true_peak = -100;  // dBTP
};

// Measures planar float stereo 48 kHz sound, block by block, through libavfilter's ebur128.
class LoudnessMeter {
public:
    LoudnessMeter();
    void add(const AVFrame& block);
    Loudness result();

private:
    AvFilterGraphPtr graph_;
    AVFilterContext* in_ = nullptr;
    AVFilterContext* out_ = nullptr;
    AvFramePtr taken_;
    Loudness measured_;
    void drain();
};

// The loudness of the sound of a media file (the first audio stream), for checking outputs.
Loudness measure_file_loudness(const std::filesystem::path& file);

}  // namespace rupa
