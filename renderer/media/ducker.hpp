// Ducking: the music's gain under a voice-over, followed from the voice's own level. While the
// voice speaks the music sits 12 dB lower; it comes back up once a phrase has ended, not in the
// gaps between words. Worked sample by sample on the mix's 48 kHz stereo.
#pragma once

namespace rupa {

class Ducker {
public:
    // How far the music drops under the voice: 10-15 dB is broadcast practice for a music bed
    // under speech (EBU R 128 s1 leaves the balance to the mixer; 12 dB keeps words clear
    // without the music vanishing).
    static constexpr double kDepthDb = 12;
    // The voice counts as speaking above this level (mean square of a 10 ms window, dBFS).
    // The voice is brought to -14 LUFS before it is followed, so this is about 20 dB under
    // its speech: breath and room noise stay below it, soft consonants mostly above.
    static constexpr double kSpeechThresholdDb = -36;
    // The music is down within 120 ms of speech, stays down through pauses between words
    // (200 ms) and is back up 0.5 s later: fast enough that the first word is clear, slow
    // enough that the music does not pump with syllables.
    static constexpr double kAttackSeconds = 0.12;
    static constexpr double kHoldSeconds = 0.2;
    static constexpr double kReleaseSeconds = 0.5;
    // The mix lets the ducker hear the voice this much ahead (a look-ahead, as broadcast
    // duckers have), so the music is half-way down when the first syllable starts.
    static constexpr double kLookAheadSeconds = 0.06;

    explicit Ducker(int sample_rate);

    // The music's gain (linear, 1 = untouched) for the voice's next sample.
    float gain(float voice_left, float voice_right);

private:
    double level_smoothing_;   // one-pole coefficient of the 10 ms level window
    double threshold_;         // kSpeechThresholdDb as a mean square
    double attack_step_;       // dB a sample
    double release_step_;      // dB a sample
    long hold_samples_;
    double mean_square_ = 0;
    long held_ = 0;
    double duck_db_ = 0;       // 0 .. -kDepthDb
    double gain_db_ = 0;       // duck_db_ when gain_ was last worked out
    float gain_ = 1;
};

}  // namespace rupa
