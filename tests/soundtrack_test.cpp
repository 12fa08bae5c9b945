// The soundtrack's mix: the music ducked under a voice-over, each sound decoded with libav
// from test media made by ffmpeg (tests/media/make-test-media.sh), then measured by
// frequency: the music is a 440 Hz tone, the voice a 1 kHz one.
#include "media/ducker.hpp"
#include "media/soundtrack.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include "media/media_input.hpp"

#include <chrono>
#include <cmath>
#include <thread>
#include <vector>

using namespace rupa;
using namespace rupa::test;
namespace fs = std::filesystem;

namespace {

constexpr double kMusicHz = 440;
constexpr double kVoiceHz = 1000;

SoundtrackRequest voice_over_music(double seconds) {
    SoundtrackRequest request;
    request.music = test_media_dir() / "tone.mp3";
    request.voiceover = test_media_dir() / "voice-phrases.m4a";
    request.samples = long(seconds * kAudioRate);
    return request;
}

// The ducker's gain in dB after `seconds` of a voice at `level` (a sine's amplitude), then
// after `silence` seconds of silence.
double ducked_db(double level, double seconds, double silence = 0) {
    Ducker ducker(kAudioRate);
    float gain = 1;
    long speech = long(seconds * kAudioRate);
    for (long i = 0; i < speech; ++i) {
        float v = float(level * std::sin(2 * M_PI * kVoiceHz * double(i) / kAudioRate));
        gain = ducker.gain(v, v);
    }
    for (long i = 0; i < long(silence * kAudioRate); ++i) gain = ducker.gain(0, 0);
    return 20 * std::log10(gain);
}

}  // namespace

TEST_CASE("the music drops 12 dB within 150 ms of speech and is back up within a second after it") {
    double speech = 0.2;  // a sine at -14 dBFS, as loud as a voice brought to -14 LUFS
    CHECK(ducked_db(speech, 0.05) < -3);
    CHECK(ducked_db(speech, 0.15) == doctest::Approx(-Ducker::kDepthDb));
    CHECK(ducked_db(speech, 1.0) == doctest::Approx(-Ducker::kDepthDb));
    // A pause between words (150 ms) keeps it down; the end of a phrase lets it up.
    CHECK(ducked_db(speech, 1.0, 0.15) == doctest::Approx(-Ducker::kDepthDb));
    CHECK(ducked_db(speech, 1.0, 0.5) > -Ducker::kDepthDb + 3);
    CHECK(ducked_db(speech, 1.0, 0.8) == doctest::Approx(0));
    // Breath and room noise 30 dB under the speech do not duck the music.
    CHECK(ducked_db(speech * 0.03, 1.0) == doctest::Approx(0));
}

TEST_CASE("under a voice-over the music is quieter while the voice speaks than between phrases") {
    std::vector<float> mix = play(voice_over_music(5));
    REQUIRE(mix.size() == size_t(5 * kAudioRate));
    // Speech 0-1.5 s and 2.5-4 s; the music is back up late in the pause (from 2.2 s).
    double speaking = level_db(mix, kMusicHz, 0.5, 1.4);
    double pausing = level_db(mix, kMusicHz, 2.2, 2.4);
    double speaking_again = level_db(mix, kMusicHz, 2.7, 3.4);
    MESSAGE("music: " << speaking << " dB while speaking, " << pausing << " dB between phrases");
    CHECK(pausing - speaking >= 10);
    CHECK(pausing - speaking_again >= 10);
    // The voice is heard over the ducked music, and not in the pause.
    CHECK(level_db(mix, kVoiceHz, 0.5, 1.4) > speaking + 6);
    CHECK(level_db(mix, kVoiceHz, 2.2, 2.4) < pausing - 20);
    // The music is on its way down as the phrase starts (at 2.5 s), and down within 150 ms.
    CHECK(level_db(mix, kMusicHz, 2.47, 2.53) < pausing - 3);
    CHECK(level_db(mix, kMusicHz, 2.6, 2.7) < pausing - 10);
}

TEST_CASE("a voice-over longer than the video is faded out and cut where the video ends") {
    SoundtrackRequest request;
    request.voiceover = test_media_dir() / "voice-phrases.m4a";
    request.samples = 3 * kAudioRate;  // the voice lasts 5 s, speaking at 2.5-4 s
    Soundtrack sound(request);
    CHECK(sound.voiceover_cut());
    std::vector<float> voice = play(request);
    REQUIRE(voice.size() == size_t(3 * kAudioRate));
    double speaking = level_db(voice, kVoiceHz, 0.5, 1.4);
    CHECK(level_db(voice, kVoiceHz, 2.5, 2.6) < speaking - 3);
    CHECK(level_db(voice, kVoiceHz, 2.95, 3.0) < speaking - 20);
}

TEST_CASE("a voice-over shorter than the video plays whole, then silence, without a fade") {
    SoundtrackRequest request;
    request.voiceover = test_media_dir() / "voice-phrases.m4a";
    request.samples = 8 * kAudioRate;
    Soundtrack sound(request);
    CHECK_FALSE(sound.voiceover_cut());
    std::vector<float> voice = play(request);
    REQUIRE(voice.size() == size_t(8 * kAudioRate));
    CHECK(level_db(voice, kVoiceHz, 2.7, 3.9) == doctest::Approx(level_db(voice, kVoiceHz, 0.2, 1.4)).epsilon(0.1));
    CHECK(level_db(voice, kVoiceHz, 5.5, 8) < -80);
}

TEST_CASE("the music is read as slowly as the encoder asks for it, past the time limit of one read") {
    // A long video encodes for longer than one read may take; the music is read all along.
    SoundtrackRequest request;
    request.music = test_media_dir() / "phone-3min.mp4";  // sound under 2 Mbit/s of picture
    request.samples = 3 * kAudioRate;
    Soundtrack sound(request);
    REQUIRE(sound.next(1024));
    std::this_thread::sleep_for(kMediaReadTimeLimit + std::chrono::milliseconds(500));
    long samples = 1024;
    while (const AVFrame* block = sound.next(1024)) samples += block->nb_samples;
    CHECK(samples == 3 * kAudioRate);
}

TEST_CASE("a clip's sound plays where its scene is placed, from its trim; a clip of silence adds no sound") {
    // clip-h264.mp4 sounds 660 Hz for 4 s: from 1 s into it, over 1-2.5 s of a 3 s video.
    SoundtrackRequest request;
    request.samples = 3 * kAudioRate;
    request.scene_sounds.push_back({test_media_dir() / "clip-h264.mp4", 1.0, kAudioRate, 3 * kAudioRate / 2, 0, 0});
    CHECK_FALSE(Soundtrack(request).silent());
    std::vector<float> sound = play(request);
    REQUIRE(sound.size() == size_t(3 * kAudioRate));
    CHECK(level_db(sound, 660, 1.1, 2.4) > -20);
    CHECK(level_db(sound, 660, 0, 0.95) < -80);
    CHECK(level_db(sound, 660, 2.55, 3) < -80);

    // A recording of nothing: 2 s of digital silence.
    ScratchDir dir;
    fs::path hush = dir.path() / "hening.wav";
    {
        std::string pcm(size_t(2 * kAudioRate * 4), '\0');
        std::string header = "RIFF....WAVEfmt ";
        auto put32 = [](std::string& s, uint32_t v) { for (int k = 0; k < 4; ++k) s += char((v >> (8 * k)) & 0xFF); };
        put32(header, 16);
        header += std::string("\x01\x00\x02\x00", 4);
        put32(header, kAudioRate);
        put32(header, kAudioRate * 4);
        header += std::string("\x04\x00\x10\x00", 4);
        header += "data";
        put32(header, uint32_t(pcm.size()));
        std::string size;
        put32(size, uint32_t(header.size() - 8 + pcm.size()));
        header.replace(4, 4, size);
        write_file(hush, header + pcm);
    }
    request.scene_sounds = {{hush, 0, 0, 2 * kAudioRate, 0, 0}};
    CHECK(Soundtrack(request).silent());
}
