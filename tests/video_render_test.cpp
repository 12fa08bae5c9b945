// Video formats end to end: every MP4 is read back with libav and held to the platform
// rules, its first second is seen to move, and its cover is its settled frame.
#include "draw/timeline_painter.hpp"
#include "media/clip_reader.hpp"
#include "media/mp4_check.hpp"
#include "media/soundtrack.hpp"
#include "media/yuv_converter.hpp"
#include "pipeline/video_render.hpp"
#include "spec/spec.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <sys/resource.h>
#include <unistd.h>

using namespace rupa;
using namespace rupa::test;
namespace fs = std::filesystem;

namespace {

// A stats spec whose video is short, to keep the suite quick.
void write_stats_spec(const fs::path& folder, const std::string& video_section) {
    write_file(folder / "angka.yaml",
               "template: stats\n"
               "content:\n"
               "  title: Warganet Indonesia Makin Banyak\n"
               "  stats:\n"
               "    - {value: 212900000, label: pengguna internet}\n"
               "    - {value: 167000000, label: pengguna media sosial}\n"
               "    - {value: 78, unit: \"%\", label: aktif di media sosial}\n"
               "  source: Laporan Digital Indonesia 2023\n" +
                   video_section);
}

// A 16-bit stereo WAV of `seconds` at 48 kHz: a quiet tone (-40 dBFS) with a full-scale
// burst every half second (a drum hit in quiet music): normalisation raises the tone, and
// the bursts must still stay under -1 dBTP.
void write_peaky_wav(const fs::path& file, int seconds) {
    int samples = seconds * 48000;
    std::string data;
    auto put16 = [&](int v) { data += char(v & 0xFF); data += char((v >> 8) & 0xFF); };
    for (int i = 0; i < samples; ++i) {
        double v = 0.01 * std::sin(2 * M_PI * 440 * i / 48000.0);
        if (i % 24000 < 480) v = 0.99 * std::sin(2 * M_PI * 1000 * i / 48000.0);
        put16(int(std::lround(v * 32767)));
        put16(int(std::lround(v * 32767)));
    }
    std::string header = "RIFF";
    auto put32s = [](std::string& s, uint32_t v) { for (int k = 0; k < 4; ++k) s += char((v >> (8 * k)) & 0xFF); };
    put32s(header, uint32_t(36 + data.size()));
    header += "WAVEfmt ";
    put32s(header, 16);
    header += std::string("\x01\x00\x02\x00", 4);
    put32s(header, 48000);
    put32s(header, 48000 * 4);
    header += std::string("\x04\x00\x10\x00", 4);
    header += "data";
    put32s(header, uint32_t(data.size()));
    write_file(file, header + data);
}

// The largest mean absolute difference of the channels of any 32x32 block of two canvases
// of one size, 0-255: compression spreads a little everywhere, a stale part of a frame (a
// figure still counting where it has moved on) stands out in its blocks.
double largest_block_difference(cairo_surface_t* a, cairo_surface_t* b) {
    cairo_surface_flush(a);
    cairo_surface_flush(b);
    int width = cairo_image_surface_get_width(a), height = cairo_image_surface_get_height(a);
    int stride = cairo_image_surface_get_stride(a);
    const uint8_t* pa = cairo_image_surface_get_data(a);
    const uint8_t* pb = cairo_image_surface_get_data(b);
    double largest = 0;
    for (int by = 0; by + 32 <= height; by += 32)
        for (int bx = 0; bx + 32 <= width; bx += 32) {
            long sum = 0;
            for (int y = by; y < by + 32; ++y)
                for (int x = 4 * bx; x < 4 * (bx + 32); ++x)
                    if (x % 4 != 3) sum += std::abs(int(pa[size_t(y) * stride + x]) - int(pb[size_t(y) * stride + x]));
            largest = std::max(largest, double(sum) / (32 * 32 * 3));
        }
    return largest;
}

}  // namespace

TEST_CASE("BT.709 limited range gives the standard's values for white, black and the primaries") {
    auto same = [](Yuv got, int y, int cb, int cr) { return got.y == y && got.cb == cb && got.cr == cr; };
    CHECK(same(bt709_limited(255, 255, 255), 235, 128, 128));
    CHECK(same(bt709_limited(0, 0, 0), 16, 128, 128));
    CHECK(same(bt709_limited(255, 0, 0), 63, 102, 240));
    CHECK(same(bt709_limited(0, 255, 0), 173, 42, 26));
    CHECK(same(bt709_limited(0, 0, 255), 32, 240, 118));
    CHECK(same(bt709_limited(128, 128, 128), 126, 128, 128));
}

TEST_CASE("a canvas converts to 4:2:0 with each 2x2 block's chroma and each pixel's luma") {
    CairoSurfacePtr canvas(cairo_image_surface_create(CAIRO_FORMAT_RGB24, 4, 2));
    cairo_t* cr = cairo_create(canvas.get());
    cairo_set_source_rgb(cr, 1, 0, 0);  // left block red, right block blue
    cairo_rectangle(cr, 0, 0, 2, 2);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0, 0, 1);
    cairo_rectangle(cr, 2, 0, 2, 2);
    cairo_fill(cr);
    cairo_destroy(cr);
    AvFramePtr frame(av_frame_alloc());
    frame->format = AV_PIX_FMT_YUV420P;
    frame->width = 4;
    frame->height = 2;
    REQUIRE(av_frame_get_buffer(frame.get(), 0) == 0);
    convert_to_yuv420(canvas.get(), *frame);
    CHECK(frame->data[0][0] == 63);
    CHECK(frame->data[0][frame->linesize[0] + 3] == 32);
    CHECK(frame->data[1][0] == 102);
    CHECK(frame->data[2][0] == 240);
    CHECK(frame->data[1][1] == 240);
    CHECK(frame->data[2][1] == 118);
}

TEST_CASE("a reel of the stats template is a platform-conformant MP4 that moves in its first second") {
    ScratchDir dir;
    write_stats_spec(dir.path(), "video: {duration: 5}\n");
    CommandResult r = run_rupa("render angka.yaml --formats reel -o out", dir.path());
    INFO(r.err);
    REQUIRE(r.status == 0);
    fs::path reel = dir.path() / "out/angka/reel.mp4";
    Mp4Facts facts = read_mp4_facts(reel);
    CHECK(broken_platform_rules(facts, {1080, 1920, 150, true}).empty());
    CHECK(facts.video_codec == "h264");
    CHECK(facts.profile == 100);
    CHECK(facts.level == 40);
    CHECK(facts.pixel_format == "yuv420p");
    CHECK(facts.bt709_stream);
    CHECK(facts.bt709_colr);
    CHECK(facts.frame_rate == doctest::Approx(30));
    CHECK(facts.constant_frame_rate);
    CHECK(facts.frames == 150);
    CHECK(facts.duration == doctest::Approx(5.0));
    CHECK(facts.longest_gop == doctest::Approx(2.0));
    CHECK(facts.closed_gops);
    CHECK(facts.moov_first);
    CHECK_FALSE(facts.edit_list);
    CHECK(facts.aac_lc);
    CHECK(facts.audio_rate == 48000);
    CHECK(facts.audio_channels == 2);
    CHECK(measure_file_loudness(reel).integrated <= -70);  // no music: a silent track

    auto report = nlohmann::json::parse(read_file(dir.path() / "out/angka/render.json"));
    REQUIRE(report["files"].size() == 4);
    CHECK(report["files"][0]["file"] == "reel.mp4");
    CHECK(report["files"][0]["frames"] == 150);
    CHECK(report["files"][1]["file"] == "reel-cover.png");

    // The first second animates: the frames at 0, 0.5 s and 1 s all differ.
    auto frames = frames_of(reel, 1080, 1920, {0, 15, 30, 75});
    REQUIRE(frames.size() == 4);
    CHECK(mean_difference(frames[0].get(), frames[1].get()) > 2);
    CHECK(mean_difference(frames[1].get(), frames[2].get()) > 0.5);
    // Settled by 2.5 s, the frame is the cover (within what compression changes: about 1.5
    // on the hero's 220 px figures; the frame at 1.5 s, still counting up, differs by about 5).
    CairoSurfacePtr cover = read_png(dir.path() / "out/angka/reel-cover.png");
    CHECK(mean_difference(frames[3].get(), cover.get()) < 2);
}

TEST_CASE("music is looped to the video's length and the mix is normalised to -14 LUFS under -1 dBTP") {
    ScratchDir dir;
    fs::copy_file(test_media_dir() / "tone.mp3", dir.path() / "lagu.mp3");
    write_stats_spec(dir.path(), "video: {duration: 7, music: lagu.mp3, music_volume: 0.5}\n");
    CommandResult r = run_rupa("render angka.yaml --formats video-square -o out", dir.path());
    INFO(r.err);
    REQUIRE(r.status == 0);
    fs::path video = dir.path() / "out/angka/video-square.mp4";
    Mp4Facts facts = read_mp4_facts(video);
    CHECK(broken_platform_rules(facts, {1080, 1080, 210, false}).empty());
    CHECK(facts.audio_bitrate >= 128000);
    Loudness loudness = measure_file_loudness(video);
    CHECK(loudness.integrated == doctest::Approx(-14).epsilon(0.05));
    CHECK(loudness.true_peak < -1.0);
}

TEST_CASE("quiet music with loud bursts is raised to -14 LUFS while its true peak stays under -1 dBTP") {
    ScratchDir dir;
    write_peaky_wav(dir.path() / "klik.wav", 6);
    write_stats_spec(dir.path(), "video: {duration: 6, music: klik.wav}\n");
    CommandResult r = run_rupa("render angka.yaml --formats video-square -o out", dir.path());
    INFO(r.err);
    REQUIRE(r.status == 0);
    Loudness loudness = measure_file_loudness(dir.path() / "out/angka/video-square.mp4");
    CHECK(loudness.integrated == doctest::Approx(-14).epsilon(0.1));
    CHECK(loudness.true_peak < -1.0);
}

TEST_CASE("a voice-over over music comes out at -14 LUFS under -1 dBTP, as does a voice-over alone") {
    ScratchDir dir;
    fs::copy_file(test_media_dir() / "tone.mp3", dir.path() / "lagu.mp3");
    fs::copy_file(test_media_dir() / "voice-phrases.m4a", dir.path() / "narasi.m4a");
    for (const char* section : {"video: {duration: 5, music: lagu.mp3, music_volume: 0.7, voiceover: narasi.m4a}\n",
                                "video: {duration: 5, voiceover: narasi.m4a}\n"}) {
        CAPTURE(section);
        write_stats_spec(dir.path(), section);
        CommandResult r = run_rupa("render angka.yaml --formats video-square -o out", dir.path());
        INFO(r.err);
        REQUIRE(r.status == 0);
        CHECK(r.err.find("voiceover") == std::string::npos);  // played, not noted as unplayed
        fs::path video = dir.path() / "out/angka/video-square.mp4";
        CHECK(broken_platform_rules(read_mp4_facts(video), {1080, 1080, 150, false}).empty());
        Loudness loudness = measure_file_loudness(video);
        MESSAGE(loudness.integrated << " LUFS, true peak " << loudness.true_peak << " dBTP");
        CHECK(loudness.integrated == doctest::Approx(-14).epsilon(1.0 / 14));
        CHECK(loudness.true_peak < -1.0);
    }
}

TEST_CASE("a voice-over longer than the video is cut with a warning at its line; the video keeps its length") {
    ScratchDir dir;
    fs::copy_file(test_media_dir() / "voice-phrases.m4a", dir.path() / "narasi.m4a");
    write_stats_spec(dir.path(), "video:\n  duration: 3\n  voiceover: narasi.m4a\n");
    CommandResult r = run_rupa("render angka.yaml --formats video-square -o out", dir.path());
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.find("angka.yaml:11:14: warning: the voiceover lasts 5.0 s, longer than the 3.0 s video: its last "
                     "2.0 s are faded out and cut (lengthen the video or shorten the recording)\n") != std::string::npos);
    CHECK(read_mp4_facts(dir.path() / "out/angka/video-square.mp4").frames == 90);
}

TEST_CASE("a video is written into an output folder whose name has a colon, not to a protocol") {
    ScratchDir dir;
    write_stats_spec(dir.path(), "video: {duration: 3}\n");
    CommandResult r = run_rupa("render angka.yaml --formats video-square -o 'x:y'", dir.path());
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(read_mp4_facts(dir.path() / "x:y/angka/video-square.mp4").frames == 90);
}

TEST_CASE("every frame of a video is the whole frame, whatever its canvas held before") {
    // Canvases are recycled: each comes back holding a frame from a few frames before, takes
    // the rows changed since from the last frame drawn and is drawn only where its own frame
    // changes. The stats reel with a photo changes in different rows at different moments:
    // the numbers counting up, the photo fading in and drifting, then the outro over all.
    ScratchDir dir;
    fs::create_directories(dir.path() / "photos");
    fs::copy_file(source_dir() / "samples/photos/sawah.jpg", dir.path() / "photos/sawah.jpg");
    write_stats_spec(dir.path(), "  photo: photos/sawah.jpg\nvideo: {duration: 5}\n");
    CommandResult r = run_rupa("render angka.yaml --formats reel -o out", dir.path());
    INFO(r.err);
    REQUIRE(r.status == 0);
    Timeline timeline = plan_timeline(dir.path() / "angka.yaml", "reel");
    REQUIRE(timeline.frames == 150);
    std::vector<long> all(150);
    for (long f = 0; f < 150; ++f) all[f] = f;
    std::vector<CairoSurfacePtr> frames = frames_of(dir.path() / "out/angka/reel.mp4", 1080, 1920, all);
    REQUIRE(frames.size() == 150);
    TimelinePainter painter(timeline);
    for (long f = 0; f < 150; ++f) {
        // Compression reaches 15 in a block of the grass photo; canvases left as they came
        // back differ by 58-138 (the figures, the photo fading in, the outro).
        INFO("frame " << f);
        CHECK(largest_block_difference(frames[f].get(), painter.paint(f).get()) < 25);
    }
}

TEST_CASE("a video's frames are drawn on a thread of their own at the least priority; the caller's is left as it was") {
    ScratchDir dir;
    write_stats_spec(dir.path(), "video: {duration: 3}\n");
    Timeline timeline = plan_timeline(dir.path() / "angka.yaml", "video-square");
    SoundtrackRequest silence;
    silence.samples = timeline.frames * (kAudioRate / kVideoFps);
    Soundtrack sound(silence);
    const pid_t caller = gettid();
    const int caller_nice = getpriority(PRIO_PROCESS, id_t(caller));
    pid_t drawer = 0;
    int drawer_nice = -100;
    long taken = 0;
    FrameTap tap{0, [&](cairo_surface_t*) {  // frame 0 is drawn, on the drawing thread
                     drawer = gettid();
                     drawer_nice = getpriority(PRIO_PROCESS, id_t(drawer));
                     ++taken;
                 }};
    encode_timeline(timeline, sound, dir.path() / "v.mp4", VideoSettings{}, tap);
    CHECK(taken == 1);
    CHECK(drawer != 0);
    CHECK(drawer != caller);
    CHECK(drawer_nice == 19);
    CHECK(getpriority(PRIO_PROCESS, id_t(caller)) == caller_nice);
    CHECK(read_mp4_facts(dir.path() / "v.mp4").frames == 90);
}

TEST_CASE("a video's memory does not grow with its length") {
    ScratchDir dir;
    write_stats_spec(dir.path(), "video: {duration: 3}\n");
    fs::copy_file(dir.path() / "angka.yaml", dir.path() / "pendek.yaml");
    write_stats_spec(dir.path(), "video: {duration: 24}\n");
    check_memory_flat(dir.path(), "pendek.yaml", "angka.yaml");
}

TEST_CASE("video-landscape plays the 1200x675 landscape design at 1920x1080") {
    ScratchDir dir;
    write_stats_spec(dir.path(), "video: {duration: 5}\n");
    CommandResult r = run_rupa("render angka.yaml --formats video-landscape,landscape -o out", dir.path());
    INFO(r.err);
    REQUIRE(r.status == 0);
    Mp4Facts facts = read_mp4_facts(dir.path() / "out/angka/video-landscape.mp4");
    CHECK(facts.width == 1920);
    CHECK(facts.height == 1080);
    CHECK(png_size(dir.path() / "out/angka/video-landscape-cover.png").width == 1920);
    // The cover is the still design, scaled: the same picture as landscape.png at 1.6x.
    CairoSurfacePtr still = read_png(dir.path() / "out/angka/landscape.png");
    CairoSurfacePtr cover = read_png(dir.path() / "out/angka/video-landscape-cover.png");
    CairoSurfacePtr scaled(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1200, 675));
    cairo_t* cr = cairo_create(scaled.get());
    cairo_scale(cr, 1200.0 / 1920, 675.0 / 1080);
    cairo_set_source_surface(cr, cover.get(), 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint(cr);
    cairo_destroy(cr);
    CHECK(mean_difference(still.get(), scaled.get()) < 4);
}

TEST_CASE("a video format named for a template without motion is an error at the format's line") {
    ScratchDir dir;
    // A designer's template with layouts but no `video:` block plays no video.
    std::string quote = read_file(source_dir() / "templates/quote/template.yaml");
    fs::create_directories(dir.path() / "diam");
    write_file(dir.path() / "diam/template.yaml", quote.substr(0, quote.find("\nvideo:")) + "\n");
    write_file(dir.path() / "kutipan.yaml",
               "template: ./diam\n"
               "formats: [square, reel]\n"
               "content:\n"
               "  quote: {text: Jangan lelah melayani., by: Rini}\n");
    CommandResult r = run_rupa("render kutipan.yaml -o out", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err == "kutipan.yaml:2:19: error: template 'quote' does not play as video "
                   "(it supports: square, portrait, story, landscape)\n");
    CHECK(is_empty_or_missing(dir.path() / "out"));

    // Reached through a platform, the video format is skipped with a warning instead.
    write_file(dir.path() / "kutipan.yaml",
               "template: ./diam\n"
               "formats: [instagram]\n"
               "content:\n"
               "  quote: {text: Jangan lelah melayani., by: Rini}\n");
    r = run_rupa("render kutipan.yaml -o out", dir.path());
    CHECK(r.status == 0);
    CHECK(r.err.find("kutipan.yaml:2:11: warning: video format 'reel' skipped: template 'quote' does not play as video") !=
          std::string::npos);
    CHECK(fs::exists(dir.path() / "out/kutipan/story.png"));
    CHECK_FALSE(fs::exists(dir.path() / "out/kutipan/reel.mp4"));
}

TEST_CASE("every built-in template's sample plays its reel, and its cover is the settled design") {
    for (const char* sample : {"event", "quote", "announcement", "agenda", "hoax", "stats"}) {
        INFO(sample);
        ScratchDir dir;
        fs::copy(source_dir() / "samples", dir.path() / "samples", fs::copy_options::recursive);
        std::string spec = read_file(dir.path() / "samples" / (std::string(sample) + ".yaml"));
        write_file(dir.path() / "samples" / (std::string(sample) + ".yaml"), spec + "video: {duration: 4}\n");
        CommandResult r =
            run_rupa("render samples/" + std::string(sample) + ".yaml --formats reel,story -o out", dir.path());
        INFO(r.err);
        REQUIRE(r.status == 0);
        fs::path folder = dir.path() / "out" / sample;
        CHECK(broken_platform_rules(read_mp4_facts(folder / "reel.mp4"), {1080, 1920, 120, true}).empty());
        // The cover is the story design with everything entered; only a drifting photo differs.
        CairoSurfacePtr cover = read_png(folder / "reel-cover.png");
        CairoSurfacePtr still = read_png(folder / "story.png");
        CHECK(mean_difference(cover.get(), still.get()) < (std::string(sample) == "event" ? 6 : 0.5));
    }
}
