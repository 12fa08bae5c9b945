// The sounds are read more than once: the music, the voice-over and each clip's sound once
// to measure their own loudness (which sets their balance), then the mix (the music ducked
// under the voices, trimmed or looped, faded, at its volume) to measure it as it will play,
// then once more to play it with the gain that brings it to -14 LUFS through a look-ahead
// limiter that keeps true peaks under -1 dBTP. Measuring and limiting run through
// libavfilter (ebur128, volume, alimiter); decoding goes through MediaInput's guarded open.
#include "media/soundtrack.hpp"

#include "media/ducker.hpp"
#include "media/media_input.hpp"

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
}

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

namespace rupa {

namespace {

// Fades that make a trimmed song start and end like a produced video's sound.
constexpr double kFadeInSeconds = 0.3;
constexpr double kFadeOutSeconds = 1.5;
// A song shorter than this is kept in memory and looped from there; a longer one is read
// again from its start, so memory stays flat (20 s of 48 kHz stereo float = 7.7 MB).
constexpr long kLoopInMemorySamples = 20L * kAudioRate;
// What the loudness meter gives silence: BS.1770's absolute gate is -70 LUFS.
constexpr double kSilenceLufs = -69;
// The most a quiet song is raised: beyond this it is noise, not music.
constexpr double kMaxGainDb = 30;
// The limiter's ceiling, -3 dBFS at four times the rate: below -1 dBTP with room for what
// resampling back and AAC encoding add to the peaks (about 1 dB on hard transients).
constexpr double kLimiterCeiling = 0.708;
// How near the target the measured loudness must come before the gain is settled.
constexpr double kLoudnessTolerance = 0.3;
constexpr int kMaxGainPasses = 5;

const AVChannelLayout kStereo = AV_CHANNEL_LAYOUT_STEREO;

AvFramePtr new_block(int samples) {
    AvFramePtr frame(av_frame_alloc());
    frame->format = AV_SAMPLE_FMT_FLTP;
    frame->sample_rate = kAudioRate;
    av_channel_layout_copy(&frame->ch_layout, &kStereo);
    frame->nb_samples = samples;
    if (av_frame_get_buffer(frame.get(), 0) < 0) throw MediaError("not enough memory for the sound");
    return frame;
}

// A graph from an abuffer of planar float stereo 48 kHz through `chain` to an abuffersink.
AvFilterGraphPtr build_graph(const std::string& chain, AVFilterContext*& in, AVFilterContext*& out) {
    const AvFilterLibrary& filters = avfilter_library();
    AvFilterGraphPtr graph(filters.graph_alloc());
    if (!graph) throw MediaError("not enough memory for the sound");
    graph->nb_threads = 1;
    char args[160];
    std::snprintf(args, sizeof args,
                  "time_base=1/%d:sample_rate=%d:sample_fmt=fltp:channel_layout=stereo", kAudioRate,
                  kAudioRate);
    if (filters.graph_create_filter(&in, filters.get_by_name("abuffer"), "in", args, nullptr, graph.get()) < 0 ||
        filters.graph_create_filter(&out, filters.get_by_name("abuffersink"), "out", nullptr, nullptr,
                                     graph.get()) < 0)
        throw MediaError("the sound filters are missing from this FFmpeg");
    AVFilterInOut* outputs = filters.inout_alloc();
    AVFilterInOut* inputs = filters.inout_alloc();
    outputs->name = av_strdup("in");
    outputs->filter_ctx = in;
    inputs->name = av_strdup("out");
    inputs->filter_ctx = out;
    // Whatever formats the chain's filters work in, blocks come out as the encoder takes them.
    std::string whole = chain + ",aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo";
    int rc = filters.graph_parse_ptr(graph.get(), whole.c_str(), &inputs, &outputs, nullptr);
    filters.inout_free(&inputs);
    filters.inout_free(&outputs);
    if (rc < 0 || filters.graph_config(graph.get(), nullptr) < 0)
        throw MediaError("cannot set up the sound filters ('" + chain + "')");
    return graph;
}

double metadata_number(const AVFrame& frame, const char* key, double otherwise) {
    AVDictionaryEntry* entry = av_dict_get(frame.metadata, key, nullptr, 0);
    return entry ? std::strtod(entry->value, nullptr) : otherwise;
}

}  // namespace

// How one sound plays in the video: music loops and fades in and out; a voice-over plays
// once and is followed by silence, faded out only when the video ends before it does; a
// clip's sound plays once, from its trim, over its scene's frames only.
struct SoundPlay {
    std::optional<std::filesystem::path> file;  // none: silence
    long samples = 0;                           // the video's length
    bool loop = true;
    double fade_in = 0, fade_out = 0;           // samples
    double volume = 1;
    long at = 0;        // the video's sample where the sound starts
    long length = -1;   // samples it plays from there; < 0: to the video's end
    // Seconds into the file where it starts, as the file's video counts time (a clip's
    // trim); none: from its first sample.
    std::optional<double> from;

    long end() const { return length < 0 ? samples : std::min(samples, at + length); }
};

namespace {

// `file` over a video `samples` long, looped or played once, as it is: no fades, full volume.
SoundPlay plain_play(const std::optional<std::filesystem::path>& file, long samples, bool loop) {
    SoundPlay play;
    play.file = file;
    play.samples = samples;
    play.loop = loop;
    return play;
}

// The fade-out of a sound `samples` long: 1.5 s, or a third of a shorter sound.
double fade_out_of(long samples) {
    return std::min(kFadeOutSeconds * kAudioRate, double(samples) / 3);
}

SoundPlay music_play(const SoundtrackRequest& request) {
    SoundPlay play = plain_play(request.music, request.samples, true);
    if (request.shaped) play.fade_in = kFadeInSeconds * kAudioRate, play.fade_out = fade_out_of(request.samples);
    play.volume = request.music_volume;
    return play;
}

SoundPlay voice_play(const SoundtrackRequest& request, bool cut) {
    SoundPlay play = plain_play(request.voiceover, request.samples, false);
    if (request.shaped && cut) play.fade_out = fade_out_of(request.samples);
    return play;
}

// At least 10 ms of fade, so a clip's sound never starts or stops with a click.
constexpr double kShortestFade = 0.01 * kAudioRate;

SoundPlay scene_play(const SoundtrackRequest& request, const SceneSound& sound) {
    SoundPlay play = plain_play(sound.file, request.samples, false);
    play.at = sound.at;
    play.length = sound.samples;
    play.from = sound.from;
    play.fade_in = std::max(kShortestFade, double(sound.fade_in));
    play.fade_out = std::max(kShortestFade, double(sound.fade_out));
    play.volume = sound.volume;
    return play;
}

// A scene's sound alone, as long as it plays, for measuring its own loudness.
SoundPlay scene_alone(const SceneSound& sound) {
    SoundPlay play = plain_play(sound.file, sound.samples, false);
    play.from = sound.from;
    return play;
}

}  // namespace

// One sound as it plays before the mix: decoded, resampled to 48 kHz stereo, looped or cut
// to the video's length, faded, at its volume; silence when there is none.
class SoundSource {
public:
    explicit SoundSource(const SoundPlay& play) : request_(play), keep_song_(play.loop) {
        if (request_.file && request_.at == 0) open();  // a later sound opens when it starts
    }

    // Whether the sound, played once, ended within the video.
    bool ended() const { return ended_; }

    // The next block of at most `samples`; null after the video's length.
    AvFramePtr next(int samples) {
        long left = request_.samples - given_;
        if (left <= 0) return nullptr;
        int n = int(std::min<long>(samples, left));
        AvFramePtr block = new_block(n);
        float* l = reinterpret_cast<float*>(block->data[0]);
        float* r = reinterpret_cast<float*>(block->data[1]);
        std::fill(l, l + n, 0.f);
        std::fill(r, r + n, 0.f);
        // The part of the block the sound plays in.
        int begin = int(std::clamp<long>(request_.at - given_, 0, n));
        int end = int(std::clamp<long>(request_.end() - given_, 0, n));
        if (request_.file && end > begin) {
            if (!input_) open();
            fill(end - begin);
            for (int i = begin; i < end; ++i) {
                float g = float(envelope(given_ + i - request_.at));
                l[i] = left_[read_ + size_t(i - begin)] * g;
                r[i] = right_[read_ + size_t(i - begin)] * g;
            }
            read_ += size_t(end - begin);
            compact();
            if (given_ + end >= request_.end()) close();  // played: its file closes
        }
        block->pts = given_;
        given_ += n;
        return block;
    }

private:
    // The gain `at` samples into the sound's play.
    double envelope(long at) const {
        double total = double(request_.end() - request_.at);
        double g = 1;
        if (request_.fade_in > 0) g = std::min(g, double(at) / request_.fade_in);
        if (request_.fade_out > 0) g = std::min(g, (total - double(at)) / request_.fade_out);
        return std::clamp(g, 0.0, 1.0) * request_.volume;
    }

    void open() {
        input_ = std::make_unique<MediaInput>(*request_.file);
        if (!input_->audio()) throw MediaError("the file has no sound");
        decoder_ = input_->open_decoder(*input_->audio(), 1);
        if (request_.from) seek_to_start();
        SwrContext* raw = nullptr;
        AVChannelLayout stereo = AV_CHANNEL_LAYOUT_STEREO;
        if (swr_alloc_set_opts2(&raw, &stereo, AV_SAMPLE_FMT_FLTP, kAudioRate, &decoder_->ch_layout,
                                decoder_->sample_fmt, decoder_->sample_rate, 0, nullptr) < 0 ||
            swr_init(raw) < 0) {
            swr_free(&raw);
            throw MediaError("the sound cannot be converted to 48 kHz stereo");
        }
        resampler_.reset(raw);
        packet_.reset(av_packet_alloc());
        decoded_.reset(av_frame_alloc());
        drained_ = false;
    }

    // A clip's sound from its trim: to the packet at or before it, the rest is skipped once
    // the first decoded block's time is known (place_first). Its time 0 is the clip's video's
    // (ClipReader's), so picture and sound stay together.
    void seek_to_start() {
        if (input_->video()) input_->video()->discard = AVDISCARD_ALL;
        const AVStream& video = input_->video() ? *input_->video() : *input_->audio();
        origin_ = video.start_time != AV_NOPTS_VALUE ? double(video.start_time) * av_q2d(video.time_base) : 0;
        placed_ = false;
        const AVStream& audio = *input_->audio();
        if (*request_.from > 0) {
            input_->restart_time_limit();
            auto at = int64_t((*request_.from + origin_) / av_q2d(audio.time_base));
            av_seek_frame(&input_->format(), audio.index, at, AVSEEK_FLAG_BACKWARD);
        }
    }

    // Lines the first decoded block up with the trim: skips what comes before it, or puts
    // silence before a sound that starts later than the trim.
    void place_first(const AVFrame& frame) {
        placed_ = true;
        int64_t pts = frame.best_effort_timestamp;
        if (pts == AV_NOPTS_VALUE) return;
        double time = double(pts) * av_q2d(input_->audio()->time_base) - origin_;
        long offset = std::lround((time - *request_.from) * kAudioRate);
        if (offset > 0) {
            left_.resize(left_.size() + size_t(offset), 0.f);
            right_.resize(right_.size() + size_t(offset), 0.f);
        } else {
            skip_ = -offset;
        }
    }

    // The file closed once the sound has played: a video of many clips holds one at a time.
    void close() {
        input_.reset();
        decoder_.reset();
        resampler_.reset();
        left_.clear();
        right_.clear();
        left_.shrink_to_fit();
        right_.shrink_to_fit();
        read_ = 0;
    }

    // Makes at least `n` samples ready from the read position.
    void fill(int n) {
        while (left_.size() - read_ < size_t(n)) {
            if (ended_ || !decode_some()) {
                if (request_.loop) {
                    loop();
                } else {
                    ended_ = true;  // played once: silence from here
                    left_.resize(read_ + size_t(n), 0.f);
                    right_.resize(read_ + size_t(n), 0.f);
                }
            }
        }
    }

    // The song is over: start it again, from memory when it is short.
    void loop() {
        if (song_samples_ == 0) throw MediaError("the file has no sound in it");
        if (keep_song_) {
            keep_song_ = false;
            loop_from_memory_ = true;
        }
        if (loop_from_memory_) {
            append(song_left_.data(), song_right_.data(), song_left_.size());
            return;
        }
        song_left_.clear();
        song_right_.clear();
        song_samples_ = 0;
        keep_song_ = false;  // long songs are read again, never kept
        open();
    }

    // Decodes one packet's worth; false at the end of the song.
    bool decode_some() {
        while (true) {
            int rc = avcodec_receive_frame(decoder_.get(), decoded_.get());
            if (rc == 0) {
                if (request_.from && !placed_) place_first(*decoded_);
                convert(decoded_.get());
                av_frame_unref(decoded_.get());
                return true;
            }
            if (rc == AVERROR_EOF) {
                convert(nullptr);
                return false;
            }
            if (rc != AVERROR(EAGAIN)) throw MediaError("the sound is damaged part-way");
            if (drained_) return false;
            // Each read has its own time limit: the sound is read as the encoder needs it,
            // for as long as the whole video takes to encode.
            input_->restart_time_limit();
            if (input_->read_packet(*packet_)) {
                bool ours = packet_->stream_index == input_->audio()->index;
                int sent = ours ? avcodec_send_packet(decoder_.get(), packet_.get()) : 0;
                av_packet_unref(packet_.get());
                if (sent < 0 && sent != AVERROR(EAGAIN)) throw MediaError("the sound is damaged part-way");
            } else {
                avcodec_send_packet(decoder_.get(), nullptr);
                drained_ = true;
            }
        }
    }

    // Resamples one decoded frame (or flushes the resampler) onto the buffer.
    void convert(const AVFrame* frame) {
        int in_samples = frame ? frame->nb_samples : 0;
        int room = swr_get_out_samples(resampler_.get(), in_samples);
        if (room <= 0) return;
        std::vector<float> l(static_cast<size_t>(room)), r(static_cast<size_t>(room));
        uint8_t* out[2] = {reinterpret_cast<uint8_t*>(l.data()), reinterpret_cast<uint8_t*>(r.data())};
        int made = swr_convert(resampler_.get(), out, room,
                               frame ? const_cast<const uint8_t**>(frame->extended_data) : nullptr, in_samples);
        if (made < 0) throw MediaError("the sound cannot be converted to 48 kHz stereo");
        append(l.data(), r.data(), size_t(made));
        if (loop_from_memory_) return;
        song_samples_ += made;
        if (keep_song_ && song_samples_ <= kLoopInMemorySamples) {
            song_left_.insert(song_left_.end(), l.begin(), l.begin() + made);
            song_right_.insert(song_right_.end(), r.begin(), r.begin() + made);
        } else {
            keep_song_ = false;
            song_left_.clear();
            song_right_.clear();
        }
    }

    void append(const float* l, const float* r, size_t n) {
        size_t skipped = std::min(n, size_t(skip_));  // before a clip's trim
        skip_ -= long(skipped);
        l += skipped, r += skipped, n -= skipped;
        left_.insert(left_.end(), l, l + n);
        right_.insert(right_.end(), r, r + n);
    }

    void compact() {
        if (read_ < (1u << 16)) return;
        left_.erase(left_.begin(), left_.begin() + long(read_));
        right_.erase(right_.begin(), right_.begin() + long(read_));
        read_ = 0;
    }

    SoundPlay request_;
    std::unique_ptr<MediaInput> input_;
    AvCodecContextPtr decoder_;
    SwrContextPtr resampler_;
    AvPacketPtr packet_;
    AvFramePtr decoded_;
    bool drained_ = false;
    bool ended_ = false;
    double origin_ = 0;     // seconds: the file's time 0 (its video's first timestamp)
    bool placed_ = false;   // the first block is lined up with `from`
    long skip_ = 0;         // samples still to drop before `from`
    std::vector<float> left_, right_;  // decoded, not yet given
    size_t read_ = 0;
    long given_ = 0;
    // The song's first pass, kept while it may be short enough to loop from memory.
    bool keep_song_;
    bool loop_from_memory_ = false;
    long song_samples_ = 0;
    std::vector<float> song_left_, song_right_;
};

// The music and the voices (the voice-over and the clips' own sounds) mixed at their
// balance, the music ducked while a voice sounds: what the normalising chain is fed. Without
// voices, the music as it is. The ducker hears the voices a little ahead of the mix, so the
// music is already on its way down when the first syllable starts.
class Premix {
public:
    Premix(const SoundtrackRequest& request, const Soundtrack::Balance& balance)
        : music_(music_play(request)), music_gain_(float(std::pow(10.0, balance.music_db / 20))),
          ducker_(kAudioRate), look_ahead_(int(Ducker::kLookAheadSeconds * kAudioRate)) {
        if (request.voiceover) add_voice(voice_play(request, balance.voice_cut), balance.voice_db);
        for (size_t i = 0; i < request.scene_sounds.size(); ++i)
            add_voice(scene_play(request, request.scene_sounds[i]), balance.scene_db.at(i));
    }

    AvFramePtr next(int samples) {
        AvFramePtr music = music_.next(samples);
        if (voices_.empty() || !music) return music;
        size_t n = size_t(music->nb_samples);
        read_voice(n + size_t(look_ahead_));
        float* ml = reinterpret_cast<float*>(music->data[0]);
        float* mr = reinterpret_cast<float*>(music->data[1]);
        for (size_t i = 0; i < n; ++i) {
            size_t ahead = i + size_t(look_ahead_);
            float duck = music_gain_ * ducker_.gain(voice_left_[ahead], voice_right_[ahead]);
            ml[i] = ml[i] * duck + voice_left_[i];
            mr[i] = mr[i] * duck + voice_right_[i];
        }
        voice_left_.erase(voice_left_.begin(), voice_left_.begin() + long(n));
        voice_right_.erase(voice_right_.begin(), voice_right_.begin() + long(n));
        return music;
    }

private:
    void add_voice(const SoundPlay& play, double db) {
        voices_.emplace_back(play);
        voice_gains_.push_back(float(std::pow(10.0, db / 20)));
    }

    // Makes `wanted` samples of the voices ready, each at its gain, silence past the video's
    // end. Every voice plays over the whole video, so their blocks line up.
    void read_voice(size_t wanted) {
        while (voice_left_.size() < wanted) {
            size_t have = voice_left_.size(), n = 0;
            for (size_t v = 0; v < voices_.size(); ++v) {
                AvFramePtr voice = voices_[v].next(int(wanted - have));
                if (!voice) break;
                n = size_t(voice->nb_samples);
                voice_left_.resize(have + n, 0.f);
                voice_right_.resize(have + n, 0.f);
                const float* l = reinterpret_cast<const float*>(voice->data[0]);
                const float* r = reinterpret_cast<const float*>(voice->data[1]);
                for (size_t i = 0; i < n; ++i) {
                    voice_left_[have + i] += l[i] * voice_gains_[v];
                    voice_right_[have + i] += r[i] * voice_gains_[v];
                }
            }
            if (n == 0) {
                voice_left_.resize(wanted, 0.f);
                voice_right_.resize(wanted, 0.f);
            }
        }
    }

    SoundSource music_;
    std::vector<SoundSource> voices_;
    std::vector<float> voice_gains_;
    float music_gain_;
    Ducker ducker_;
    int look_ahead_;
    std::vector<float> voice_left_, voice_right_;  // read, not yet mixed
};

namespace {

// The integrated loudness of all a source plays.
template <class Source>
double integrated_loudness(Source& source) {
    LoudnessMeter meter;
    while (AvFramePtr block = source.next(kAudioRate / 10)) meter.add(*block);
    return meter.result().integrated;
}

// The gain that brings a sound measured at `integrated` to the target; silence stays
// silence rather than being raised.
double gain_to_target(double integrated) {
    return integrated <= kSilenceLufs ? 0 : std::min(kMaxGainDb, kTargetLufs - integrated);
}

}  // namespace

LoudnessMeter::LoudnessMeter() : taken_(av_frame_alloc()) {
    graph_ = build_graph("ebur128=peak=true:metadata=1", in_, out_);
}

void LoudnessMeter::add(const AVFrame& block) {
    AvFramePtr copy(av_frame_clone(&block));
    if (!copy || avfilter_library().buffersrc_add_frame(in_, copy.get()) < 0) throw MediaError("cannot measure the sound");
    drain();
}

void LoudnessMeter::drain() {
    while (avfilter_library().buffersink_get_frame(out_, taken_.get()) >= 0) {
        measured_.integrated = metadata_number(*taken_, "lavfi.r128.I", measured_.integrated);
        // ebur128 writes peaks as linear amplitudes (1.0 = 0 dBFS).
        double peak = metadata_number(*taken_, "lavfi.r128.true_peak", 0);
        if (peak > 0) measured_.true_peak = std::max(measured_.true_peak, 20 * std::log10(peak));
        av_frame_unref(taken_.get());
    }
}

Loudness LoudnessMeter::result() {
    if (avfilter_library().buffersrc_add_frame(in_, nullptr) < 0) throw MediaError("cannot measure the sound");
    drain();
    return measured_;
}

Soundtrack::Soundtrack(const SoundtrackRequest& request) : request_(request), block_(av_frame_alloc()) {
    if (request_.voiceover || !request_.scene_sounds.empty()) balance_voices();
    if (!silent()) gain_db_ = normalising_gain();
    open_chain(gain_db_);
}

// Brings the voice, each clip's sound and the music (at full volume) each to the target on
// its own, so that `music_volume` 1 puts the music as loud as the voices between phrases,
// whatever levels the files were made at; the music's volume then sets it under that.
// Learns whether the voice outlasts the video.
void Soundtrack::balance_voices() {
    if (request_.voiceover) {
        SoundSource voice_source(voice_play(request_, false));
        balance_.voice_db = gain_to_target(integrated_loudness(voice_source));
        balance_.voice_cut = !voice_source.ended();
    }
    // A clip whose sound is silence (a muted recording) is left out: a soundtrack of nothing
    // else is then the silent track.
    std::vector<SceneSound> heard;
    for (const SceneSound& sound : request_.scene_sounds) {
        SoundSource scene_source(scene_alone(sound));
        double integrated = integrated_loudness(scene_source);
        if (integrated <= kSilenceLufs) continue;
        heard.push_back(sound);
        balance_.scene_db.push_back(gain_to_target(integrated));
    }
    request_.scene_sounds = std::move(heard);
    if (request_.music) {
        SoundPlay music = music_play(request_);
        music.volume = 1;
        SoundSource music_source(music);
        balance_.music_db = gain_to_target(integrated_loudness(music_source));
    }
}

// The gain that brings the mix, as it plays through the limiter, to the target. The
// limiter takes loudness off peaky sound, so the gain is measured again through it and
// corrected (each pass reads the sounds once more; peaky music needs a few).
double Soundtrack::normalising_gain() {
    Premix raw(request_, balance_);
    double integrated = integrated_loudness(raw);
    if (integrated <= kSilenceLufs) return 0;
    double gain = gain_to_target(integrated);
    for (int pass = 0; pass < kMaxGainPasses; ++pass) {
        open_chain(gain);
        LoudnessMeter meter;
        while (const AVFrame* block = next(kAudioRate / 10)) meter.add(*block);
        double error = kTargetLufs - meter.result().integrated;
        if (std::abs(error) < kLoudnessTolerance) break;
        gain = std::min(kMaxGainDb, gain + error);
    }
    return gain;
}

// The mix at `gain` through a true-peak limiter: limiting at four times the sample rate
// catches the peaks between samples that BS.1770's true-peak meter (and a player's DAC) sees.
void Soundtrack::open_chain(double gain) {
    source_ = std::make_unique<Premix>(request_, balance_);
    given_ = 0;
    flushed_ = false;
    char chain[300];
    std::snprintf(chain, sizeof chain,
                  "volume=volume=%.3fdB:precision=float,aresample=%d,"
                  "alimiter=limit=%.3f:level=false:latency=true:attack=5:release=80,aresample=%d",
                  gain, 4 * kAudioRate, kLimiterCeiling, kAudioRate);
    if (!silent()) graph_ = build_graph(chain, in_, out_);
}

Soundtrack::~Soundtrack() = default;

const AVFrame* Soundtrack::next(int samples) {
    if (silent()) return next_silence(samples);
    av_frame_unref(block_.get());
    while (true) {
        int rc = avfilter_library().buffersink_get_samples(out_, block_.get(), samples);
        if (rc >= 0) {
            // The limiter's look-ahead may hand back a little more than the video is long.
            long left = request_.samples - given_;
            if (left <= 0) return nullptr;
            if (block_->nb_samples > left) block_->nb_samples = int(left);
            block_->pts = given_;
            given_ += block_->nb_samples;
            return block_.get();
        }
        if (rc == AVERROR_EOF) return nullptr;
        if (rc != AVERROR(EAGAIN)) throw MediaError("the sound filters failed");
        if (flushed_) return nullptr;
        AvFramePtr block = source_->next(samples * 4);
        if (!block) {
            if (avfilter_library().buffersrc_add_frame(in_, nullptr) < 0) throw MediaError("the sound filters failed");
            flushed_ = true;
        } else if (avfilter_library().buffersrc_add_frame(in_, block.get()) < 0) {
            throw MediaError("the sound filters failed");
        }
    }
}

// Silence needs no filter: blocks of zeros, as the filters would give them (`samples` long but
// the last), so a video without sound never loads libavfilter.
const AVFrame* Soundtrack::next_silence(int samples) {
    long left = request_.samples - given_;
    if (left <= 0) return nullptr;
    int length = int(std::min<long>(samples, left));
    block_ = new_block(length);
    av_samples_set_silence(block_->extended_data, 0, length, 2, AV_SAMPLE_FMT_FLTP);
    block_->pts = given_;
    given_ += length;
    return block_.get();
}

Loudness measure_file_loudness(const std::filesystem::path& file) {
    SoundPlay play = plain_play(file, 0, false);
    {
        MediaInput probe(file);
        if (!probe.audio() || probe.format().duration <= 0) throw MediaError("the file has no sound");
        play.samples = long(double(probe.format().duration) / AV_TIME_BASE * kAudioRate);
    }
    SoundSource source(play);
    LoudnessMeter meter;
    try {
        while (AvFramePtr block = source.next(kAudioRate / 10)) meter.add(*block);
    } catch (const MediaError&) {
        // The container's duration may overstate the sound by a frame; what was read counts.
    }
    return meter.result();
}

}  // namespace rupa
