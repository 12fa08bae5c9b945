// A spec's `video.scenes`: template scenes, photo slideshows and phone clips played in order,
// each entering the one before as its template says, lasting exactly their frames. The clips
// come from tests/media/make-test-media.sh.
#include "draw/timeline_painter.hpp"
#include "pipeline/render_job.hpp"
#include "media/clip_reader.hpp"
#include "media/mp4_check.hpp"
#include "media/soundtrack.hpp"
#include "spec/spec_error.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <tuple>

using namespace rupa;
using namespace rupa::test;
namespace fs = std::filesystem;

namespace {

// A post folder with the sample photo, and a spec of the stats template with `scenes`.
void write_scenes_spec(const fs::path& folder, const std::string& scenes) {
    fs::create_directories(folder / "photos");
    fs::copy_file(source_dir() / "samples/photos/sawah.jpg", folder / "photos/sawah.jpg",
                  fs::copy_options::overwrite_existing);
    write_file(folder / "scenes.yaml",
               "template: stats\n"
               "brand: demo-kabupaten\n"
               "content:\n"
               "  title: Hasil Panen Padi 2024\n"
               "  stats:\n"
               "    - {value: 12500, unit: ton, label: gabah kering panen}\n"
               "    - {value: 120, label: petani terlibat}\n"
               "video:\n"
               "  scenes:\n" +
                   scenes);
}

// The `photo` template under another name, entering by `animation`.
void write_photo_template(const fs::path& folder, const std::string& animation) {
    std::string text = read_file(source_dir() / "templates/photo/template.yaml");
    size_t at = text.find("animation: crossfade");
    REQUIRE(at != std::string::npos);
    text.replace(at, 20, "animation: " + animation);
    fs::create_directories(folder);
    write_file(folder / "template.yaml", text);
}

// The mean absolute difference of two canvases' channels over columns [x0, x1), 0-255.
double mean_difference(cairo_surface_t* a, cairo_surface_t* b, int x0, int x1) {
    int h = cairo_image_surface_get_height(a);
    double sum = 0;
    long n = 0;
    for (int y = 0; y < h; y += 4)
        for (int x = x0; x < x1; x += 4, ++n) {
            Argb p = argb_at(a, x, y), q = argb_at(b, x, y);
            sum += std::abs(p.r - q.r) + std::abs(p.g - q.g) + std::abs(p.b - q.b);
        }
    return sum / (3.0 * double(n));
}

// `t` starts its scenes at `starts`, each entering over `entrances` frames, and lasts
// `frames`; each scene plays on beneath the next one's entrance, and no longer.
void check_timing(const Timeline& t, const std::vector<long>& starts, const std::vector<long>& entrances, long frames) {
    std::vector<long> started, entered;
    for (const TimedScene& s : t.scenes) started.push_back(s.start), entered.push_back(s.fade_in);
    CHECK(started == starts);
    CHECK(entered == entrances);
    CHECK(t.frames == frames);
    for (size_t i = 0; i + 1 < t.scenes.size(); ++i)
        CHECK(t.scenes[i].start + t.scenes[i].frames == t.scenes[i + 1].start + t.scenes[i + 1].fade_in);
    CHECK(t.scenes.back().start + t.scenes.back().frames == t.frames);
}

// Test clips beside the spec: video/suara.mp4 (4 s of H.264 at 30 fps with a 660 Hz tone)
// and video/tegak.mp4 (2 s of HEVC at 60 fps, stored landscape and turned upright by its
// display matrix to 180x320: a red square top left, a lime one top right, a clock's white bar
// along the bottom moving 60 px a second, no sound).
void copy_clips(const fs::path& folder) {
    fs::create_directories(folder / "video");
    fs::copy_file(test_media_dir() / "clip-h264.mp4", folder / "video/suara.mp4", fs::copy_options::overwrite_existing);
    fs::copy_file(test_media_dir() / "clip-rotated-hevc.mp4", folder / "video/tegak.mp4",
                  fs::copy_options::overwrite_existing);
}

// The test clips beside a spec of `scenes` with music: lagu.m4a, a 440 Hz tone.
void write_clips_with_music(const fs::path& folder, const std::string& scenes) {
    copy_clips(folder);
    fs::copy_file(test_media_dir() / "tone.m4a", folder / "lagu.m4a", fs::copy_options::overwrite_existing);
    write_scenes_spec(folder, scenes + "  music: lagu.m4a\n");
}

// Renders the folder's scenes.yaml as video-square, and gives the MP4.
fs::path render_video_square(const fs::path& folder) {
    CommandResult r = run_rupa("render scenes.yaml --formats video-square -o out", folder);
    INFO(r.err);
    REQUIRE(r.status == 0);
    return folder / "out/scenes/video-square.mp4";
}

// Frames `wanted` of an MP4, decoded by libav (through ClipReader) at its own size.
std::vector<CairoSurfacePtr> decoded_frames(const fs::path& file, int width, int height, std::vector<long> wanted) {
    ClipReader reader({file, 0, -1, width, height, 0.5, 0.5, 30});
    std::vector<CairoSurfacePtr> out;
    for (long n = 0; !wanted.empty(); ++n) {
        CairoSurfacePtr frame(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height));
        REQUIRE(reader.next(frame.get()));
        if (n != wanted.front()) continue;
        out.push_back(std::move(frame));
        wanted.erase(wanted.begin());
    }
    return out;
}

// The centre of the white run on `row` (brightness-weighted), or -1 when there is none.
double white_centre(cairo_surface_t* frame, int row) {
    double total = 0, weighted = 0;
    for (int x = 0; x < cairo_image_surface_get_width(frame); ++x) {
        Argb p = argb_at(frame, x, row);
        double weight = std::max(0, std::min({p.r, p.g, p.b}) - 64);
        total += weight;
        weighted += weight * x;
    }
    return total > 0 ? weighted / total : -1;
}

// The left channel of a file's sound, as it is (brought to -14 LUFS, which keeps ratios).
std::vector<float> sound_of(const fs::path& file, long samples) {
    SoundtrackRequest request;
    request.music = file;
    request.samples = samples;
    request.shaped = false;
    return play(request);
}

}  // namespace

TEST_CASE("scenes play in order and last exactly their frames, a photo scene's slides sharing its length") {
    ScratchDir dir;
    write_scenes_spec(dir.path(), "    - {template: stats, duration: 2.5}\n"
                                  "    - {photos: [photos/sawah.jpg, photos/sawah.jpg, photos/sawah.jpg], duration: 7.1}\n"
                                  "    - {template: event, duration: 4, content: {title: Panen Raya, photo: photos/sawah.jpg}}\n");
    Timeline t = plan_timeline(dir.path() / "scenes.yaml", "reel");
    // 75 + 213 (71 + 71 + 71) + 120 frames of scenes, then the 54-frame outro.
    REQUIRE(t.scenes.size() == 6);
    // Photo slides enter in 0.45 s; event and the outro in 0.4 s.
    check_timing(t, {0, 75, 146, 217, 288, 408}, {0, 14, 14, 14, 12, 12}, 408 + 54);
    CHECK(t.cover_frame < 75);  // the first scene, settled
}

TEST_CASE("fifty scenes add up to the frame, with no drift") {
    ScratchDir dir;
    std::string scenes;
    for (int i = 0; i < 50; ++i) scenes += "    - {photos: [photos/sawah.jpg, photos/sawah.jpg, photos/sawah.jpg], duration: 3.1}\n";
    write_scenes_spec(dir.path(), scenes);
    Timeline t = plan_timeline(dir.path() / "scenes.yaml", "reel");
    REQUIRE(t.scenes.size() == 151);
    CHECK(t.frames == 50 * 93 + 54);
    CHECK(t.scenes[150].start == 50 * 93);  // the outro
    long slides = 0;
    for (size_t i = 0; i < 150; ++i) slides += t.scenes[i].frames - (i + 1 < 151 ? t.scenes[i + 1].fade_in : 0);
    CHECK(slides == 50 * 93);
}

TEST_CASE("a crossfade blends both scenes; a wipe uncovers the new one from the left; a slide pushes the old one out") {
    for (const char* animation : {"crossfade", "wipe", "slide"}) {
        INFO(animation);
        ScratchDir dir;
        write_photo_template(dir.path() / "slide", animation);
        write_scenes_spec(dir.path(), "    - {template: stats, duration: 3}\n"
                                      "    - {template: ./slide, duration: 3, content: {photo: {src: photos/sawah.jpg}}}\n");
        Timeline t = plan_timeline(dir.path() / "scenes.yaml", "reel");
        REQUIRE(t.scenes.size() == 3);
        const TimedScene& entering = t.scenes[1];
        REQUIRE(entering.fade_in == 14);
        TimelinePainter painter(t);
        long middle = entering.start + entering.fade_in / 2;  // 8 of 15 steps in
        CairoSurfacePtr before = painter.paint(entering.start - 1);
        CairoSurfacePtr during = painter.paint(middle);
        CairoSurfacePtr after = painter.paint(entering.start + entering.fade_in);
        int width = t.width, edge = int(std::lround(8.0 / 15 * width));
        if (std::string(animation) == "crossfade") {
            CHECK(mean_difference(during.get(), before.get(), 0, width) > 10);
            CHECK(mean_difference(during.get(), after.get(), 0, width) > 10);
        } else if (std::string(animation) == "wipe") {
            // Left of the edge the photo (drifting a little), right of it the stats scene as it was.
            CHECK(mean_difference(during.get(), after.get(), 0, edge - 4) < 3);
            CHECK(mean_difference(during.get(), before.get(), edge + 4, width) < 1);
            CHECK(mean_difference(during.get(), before.get(), 0, edge - 4) > 10);
        } else {
            // The photo's left part has come in from the right; the stats scene's right part
            // has gone out to the left.
            CairoSurfacePtr shifted = new_canvas(CAIRO_FORMAT_RGB24, width, t.height);
            cairo_t* cr = cairo_create(shifted.get());
            cairo_set_source_surface(cr, before.get(), -edge, 0);
            cairo_paint(cr);
            cairo_destroy(cr);
            CHECK(mean_difference(during.get(), shifted.get(), 0, width - edge - 4) < 1);
            CHECK(mean_difference(during.get(), before.get(), 0, width - edge - 4) > 10);
        }
    }
}

TEST_CASE("a scene's own transition: a crossfade lies between the scenes in the MP4, a cut shows the next scene at once") {
    ScratchDir dir;
    write_scenes_spec(dir.path(), "    - {photos: [photos/sawah.jpg], duration: 2}\n"
                                  "    - {photos: [photos/danau.jpg], duration: 2, transition: {animation: crossfade, duration: 0.5}}\n"
                                  "    - {photos: [photos/bukit.jpg], duration: 2, transition: cut}\n"
                                  "    - {photos: [photos/hutan.jpg], duration: 2, transition: slide}\n");
    for (const char* photo : {"danau.jpg", "bukit.jpg", "hutan.jpg"})
        fs::copy_file(source_dir() / "samples/photos" / photo, dir.path() / "photos" / photo);
    Timeline t = plan_timeline(dir.path() / "scenes.yaml", "video-square");
    // Entrances overlap the end of the scene before: the video lasts the scenes' 8 s and the
    // outro, whatever they are. The crossfade takes its 0.5 s, the cut none, the slide the
    // photo template's 0.45 s.
    check_timing(t, {0, 60, 120, 180, 240}, {0, 15, 0, 14, 12}, 240 + 54);
    CHECK(t.scenes[2].enters == Transition::crossfade);
    CHECK(t.scenes[3].enters == Transition::slide);

    fs::path video = render_video_square(dir.path());
    CHECK(read_mp4_facts(video).frames == 240 + 54);
    std::vector<CairoSurfacePtr> f = decoded_frames(video, 1080, 1080, {59, 67, 75, 119, 120});
    // Mid-crossfade (8 of 16 steps): unlike the scene before and the scene after, and where
    // they differ, between the two.
    CHECK(mean_difference(f[1].get(), f[0].get(), 0, 1080) > 15);
    CHECK(mean_difference(f[1].get(), f[2].get(), 0, 1080) > 15);
    long compared = 0, between = 0;
    for (int y = 0; y < 1080; y += 6)
        for (int x = 0; x < 1080; x += 6) {
            Argb a = argb_at(f[0].get(), x, y), m = argb_at(f[1].get(), x, y), b = argb_at(f[2].get(), x, y);
            for (auto [p, q, r] : {std::tuple{a.r, m.r, b.r}, std::tuple{a.g, m.g, b.g}, std::tuple{a.b, m.b, b.b}}) {
                if (std::abs(p - r) < 60) continue;
                ++compared;
                int gap = std::abs(p - r) / 5;  // strictly inside, a fifth of the way from either end
                between += q > std::min(p, r) + gap && q < std::max(p, r) - gap;
            }
        }
    CAPTURE(compared);
    CHECK(compared > 1000);
    CHECK(double(between) / double(compared) > 0.9);
    // The cut: the last frame of the second photo, then the third photo's first frame whole.
    CairoSurfacePtr second = new_canvas(CAIRO_FORMAT_RGB24, 1080, 1080);
    FramePainter(t.scenes[1].scene).paint(119 - 60, second.get());
    CairoSurfacePtr third = new_canvas(CAIRO_FORMAT_RGB24, 1080, 1080);
    FramePainter(t.scenes[2].scene).paint(0, third.get());
    // (The MP4's frames are the painted ones after x264: a few levels off on a detailed photo.)
    CHECK(mean_difference(f[3].get(), second.get(), 0, 1080) < 5);
    CHECK(mean_difference(f[4].get(), third.get(), 0, 1080) < 5);
    CHECK(mean_difference(f[4].get(), second.get(), 0, 1080) > 15);
}

TEST_CASE("a scene's transition that is not cut, crossfade, wipe or slide, or one on the first scene, is an error at it") {
    ScratchDir dir;
    write_scenes_spec(dir.path(), "    - {template: stats, duration: 3}\n"
                                  "    - {photos: [photos/sawah.jpg], duration: 3, transition: fade}\n");
    CommandResult r = run_rupa("render scenes.yaml --formats reel -o out", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err == "scenes.yaml:11:61: error: unknown transition 'fade' (expected one of: cut, crossfade, wipe, slide)\n");
    CHECK(is_empty_or_missing(dir.path() / "out"));

    write_scenes_spec(dir.path(), "    - {template: stats, duration: 3, transition: {animation: slide, duration: 1}}\n"
                                  "    - {photos: [photos/sawah.jpg], duration: 3, transition: {animation: cut, duration: 0.4}}\n");
    r = run_rupa("render scenes.yaml --formats reel -o out", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err == "scenes.yaml:10:79: error: a transition's 'duration' must be between 0.3 and 0.5 seconds (got 1)\n"
                   "scenes.yaml:11:88: error: a cut takes no time (leave 'duration' out)\n");

    write_scenes_spec(dir.path(), "    - {template: stats, duration: 3, transition: slide}\n");
    r = run_rupa("validate scenes.yaml", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err == "scenes.yaml:10:50: error: the first scene has no scene before it to enter over (leave its "
                   "'transition' out; a scene's 'transition' is how it enters the one before)\n");
    CHECK(is_empty_or_missing(dir.path() / "out"));
}

TEST_CASE("a scene whose template does not play, or scenes over 180 s, are errors at the scene") {
    ScratchDir dir;
    write_scenes_spec(dir.path(), "    - {template: stats, duration: 3}\n"
                                  "    - {photos: [photos/sawah.jpg], duration: 3}\n");
    fs::path no_video = dir.path() / "still";
    fs::create_directories(no_video);
    std::string text = read_file(source_dir() / "templates/photo/template.yaml");
    write_file(no_video / "template.yaml", text.substr(0, text.find("# DESIGN.md")));
    write_file(dir.path() / "still.yaml",
               read_file(dir.path() / "scenes.yaml") + "    - {template: ./still, content: {photo: photos/sawah.jpg}}\n");
    CommandResult r = run_rupa("render still.yaml --formats reel -o out", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err == "still.yaml:12:18: error: template 'photo' cannot play in 'reel' (use a template with a 'video' block)\n");
    CHECK(is_empty_or_missing(dir.path() / "out"));

    std::string many;
    for (int i = 0; i < 40; ++i) many += "    - {template: stats}\n";  // 8.2 s each by default
    write_scenes_spec(dir.path(), many);
    r = run_rupa("render scenes.yaml --formats reel -o out", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err == "scenes.yaml:31:7: error: the scenes up to this one last 180.4 s; a video is at most 180 s (shorten or remove scenes, or give them shorter 'duration's)\n");
}

TEST_CASE("a reel of scenes is written whole: its frames, the outro and a conformant MP4") {
    ScratchDir dir;
    write_scenes_spec(dir.path(), "    - {template: stats, duration: 3}\n"
                                  "    - {photos: [photos/sawah.jpg, photos/sawah.jpg], duration: 2}\n");
    CommandResult r = run_rupa("render scenes.yaml --formats reel -o out", dir.path());
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.find("video-unplayed") == std::string::npos);
    CHECK(r.err.find("not played") == std::string::npos);
    Mp4Facts facts = read_mp4_facts(dir.path() / "out/scenes/reel.mp4");
    CHECK(facts.frames == 90 + 60 + 54);
    CHECK(broken_platform_rules(facts, {1080, 1920, 90 + 60 + 54, true}).empty());
}

TEST_CASE("a clip scene lasts exactly its trim, its duration or the whole clip, and its sound plays where it shows") {
    ScratchDir dir;
    copy_clips(dir.path());
    write_scenes_spec(dir.path(), "    - {template: stats, duration: 2}\n"
                                  "    - {clip: video/suara.mp4, trim: [1.0, 2.5]}\n"
                                  "    - {clip: video/tegak.mp4}\n"
                                  "    - {clip: {src: video/suara.mp4, focus: [0.2, 0.5]}, duration: 1}\n");
    Timeline t = plan_timeline(dir.path() / "scenes.yaml", "reel");
    // 60 + 45 + 60 + 30 frames of scenes, then the 54-frame outro.
    REQUIRE(t.scenes.size() == 5);
    // A clip enters as a photo slide does, in 0.45 s.
    check_timing(t, {0, 60, 105, 165, 195}, {0, 14, 14, 14, 12}, 195 + 54);
    // The clips with sound play it over their frames, fading with the entrances into and out
    // of them; the silent one has none.
    REQUIRE(t.sounds.size() == 2);
    CHECK(t.sounds[0].from == doctest::Approx(1.0));
    CHECK(std::vector<long>{t.sounds[0].start, t.sounds[0].frames, t.sounds[0].fade_in, t.sounds[0].fade_out} ==
          std::vector<long>{60, 45 + 14, 14, 14});
    CHECK(t.sounds[1].from == 0);
    CHECK(t.sounds[1].start == 165);
    CHECK(t.sounds[1].frames == 30 + 12);
    CHECK(t.sounds[1].fade_in == 14);
    CHECK(t.sounds[1].fade_out == 12);
}

TEST_CASE("a phone's turned HEVC clip at 60 fps plays upright at 30 fps in the reel, each frame its own moment") {
    ScratchDir dir;
    copy_clips(dir.path());
    write_scenes_spec(dir.path(), "    - {clip: video/tegak.mp4}\n");
    CommandResult r = run_rupa("render scenes.yaml --formats reel -o out", dir.path());
    INFO(r.err);
    REQUIRE(r.status == 0);
    fs::path reel = dir.path() / "out/scenes/reel.mp4";
    Mp4Facts facts = read_mp4_facts(reel);
    CHECK(facts.frames == 60 + 54);  // the clip's 2 s, then the outro
    CHECK(facts.frame_rate == 30);
    CHECK(broken_platform_rules(facts, {1080, 1920, 60 + 54, true}).empty());
    // Upright 180x320 covers 1080x1920 six times over: the red square top left, the lime one
    // top right (not mirrored, not sideways), navy between; the clock's bar along the bottom
    // 12 px further each frame: 1/30 s of the clip, never 1/60.
    const Argb red{255, 0, 0, 255}, lime{0, 255, 0, 255}, navy{0, 0, 128, 255};
    std::vector<long> wanted{0, 1, 15, 30, 45};
    std::vector<CairoSurfacePtr> frames = decoded_frames(reel, 1080, 1920, wanted);
    for (size_t k = 0; k < wanted.size(); ++k) {
        CAPTURE(wanted[k]);
        cairo_surface_t* f = frames[k].get();
        CHECK_MESSAGE(near(argb_at(f, 120, 120), red, 40), argb_at(f, 120, 120));
        CHECK_MESSAGE(near(argb_at(f, 960, 120), lime, 40), argb_at(f, 960, 120));
        CHECK_MESSAGE(near(argb_at(f, 540, 900), navy, 40), argb_at(f, 540, 900));
        double want = 6 * (2.0 * double(wanted[k]) + 2);  // the 4 px bar's centre at x = 60 t, six times
        double centre = white_centre(f, 1880);
        CHECK_MESSAGE(std::abs(centre - want) <= 3, "the bar's centre is at ", centre, ", want ", want);
    }    // A sequence that opens with a clip has the clip's first frame as cover, upright too.
    CairoSurfacePtr cover(cairo_image_surface_create_from_png((dir.path() / "out/scenes/reel-cover.png").c_str()));
    REQUIRE(cairo_surface_status(cover.get()) == CAIRO_STATUS_SUCCESS);
    CHECK(near(argb_at(cover.get(), 120, 120), red, 40));
    CHECK(near(argb_at(cover.get(), 960, 120), lime, 40));
}

TEST_CASE("a clip's own sound plays under the music while the clip shows, and only then") {
    ScratchDir dir;
    write_clips_with_music(dir.path(), "    - {template: stats, duration: 2}\n"
                                       "    - {clip: video/suara.mp4, trim: [0.5, 2.5]}\n"
                                       "    - {template: stats, duration: 2}\n");
    fs::path video = render_video_square(dir.path());
    long frames = 60 + 60 + 60 + 54;
    CHECK(broken_platform_rules(read_mp4_facts(video), {1080, 1080, frames, false}).empty());
    std::vector<float> sound = sound_of(video, frames * (kAudioRate / kVideoFps));
    // The clip shows from 2 s (cross-fading in over 0.47 s) to 4 s (the next scene's 0.4 s
    // entrance): its 660 Hz is there and nowhere else; the 440 Hz music plays throughout,
    // ducked while the clip sounds.
    constexpr double kClipHz = 660, kMusicHz = 440;
    double clip_before = level_db(sound, kClipHz, 0.5, 1.8), clip_during = level_db(sound, kClipHz, 2.6, 3.9),
           clip_after = level_db(sound, kClipHz, 4.8, 5.8);
    double music_before = level_db(sound, kMusicHz, 0.5, 1.8), music_during = level_db(sound, kMusicHz, 2.6, 3.9),
           music_after = level_db(sound, kMusicHz, 4.8, 5.8);
    MESSAGE("660 Hz: " << clip_before << " / " << clip_during << " / " << clip_after << " dB; 440 Hz: "
                       << music_before << " / " << music_during << " / " << music_after << " dB");
    CHECK(clip_during > -30);
    CHECK(clip_during - clip_before > 30);
    CHECK(clip_during - clip_after > 30);
    CHECK(music_during > -45);                      // still there, under the clip
    CHECK(music_before - music_during > 8);         // ducked (12 dB) while the clip sounds
    CHECK(std::abs(music_before - music_after) < 2);  // and back up after it
    Loudness loudness = measure_file_loudness(video);
    CHECK(loudness.integrated == doctest::Approx(-14).epsilon(1.0 / 14));
    CHECK(loudness.true_peak < -1.0);
}

TEST_CASE("a clip's volume sets its sound against the music: half is 6 dB quieter, 0 mutes it and leaves the music up") {
    ScratchDir dir;
    write_clips_with_music(dir.path(), "    - {template: stats, duration: 2}\n"
                                       "    - {clip: video/suara.mp4, trim: [0.5, 2.5]}\n"
                                       "    - {clip: video/suara.mp4, trim: [0.5, 2.5], volume: 0.5}\n"
                                       "    - {clip: video/suara.mp4, trim: [0.5, 2.5], volume: 0}\n"
                                       "    - {template: stats, duration: 2}\n");
    Timeline t = plan_timeline(dir.path() / "scenes.yaml", "reel");
    REQUIRE(t.sounds.size() == 2);  // the muted clip adds no sound
    CHECK(t.sounds[1].volume == 0.5);
    fs::path video = render_video_square(dir.path());
    long frames = 5 * 60 + 54;
    CHECK(broken_platform_rules(read_mp4_facts(video), {1080, 1080, frames, false}).empty());
    std::vector<float> sound = sound_of(video, frames * (kAudioRate / kVideoFps));
    // Each clip shows from its start + 0.5 s to the next entrance; the 660 Hz is the clip's,
    // the 440 Hz the music's.
    constexpr double kClipHz = 660, kMusicHz = 440;
    auto clip_at = [&](double from) { return level_db(sound, kClipHz, from + 0.6, from + 1.9); };
    auto music_at = [&](double from) { return level_db(sound, kMusicHz, from + 0.6, from + 1.9); };
    MESSAGE("660 Hz: " << clip_at(2) << " dB at volume 1, " << clip_at(4) << " dB at 0.5, " << clip_at(6)
                       << " dB at 0; 440 Hz: " << music_at(0) << " dB alone, " << music_at(2) << " / " << music_at(4)
                       << " / " << music_at(6) << " dB under the clips");
    // The mix is normalised as a whole, so the clip's own level shows its volume.
    CHECK(clip_at(2) - clip_at(4) == doctest::Approx(6.02).epsilon(0.5 / 6));  // 20 log10(2), within 0.5 dB
    CHECK(clip_at(4) > -30);
    CHECK(clip_at(6) < clip_at(4) - 30);             // muted
    CHECK(music_at(0) - music_at(2) > 8);            // the music ducked under a sounding clip,
    CHECK(music_at(0) - music_at(4) > 8);            // a quieter one too,
    CHECK(std::abs(music_at(6) - music_at(0)) < 2);  // and not under a muted one
}

TEST_CASE("a clip's volume outside 0 to 1, or on a scene without a clip, is an error at it") {
    ScratchDir dir;
    copy_clips(dir.path());
    write_scenes_spec(dir.path(), "    - {clip: video/suara.mp4, volume: 1.5}\n"
                                  "    - {template: stats, duration: 3, volume: 0.5}\n");
    CommandResult r = run_rupa("validate scenes.yaml", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err == "scenes.yaml:10:39: error: 'volume' must be between 0 and 1 (0 mutes the clip, 1 plays it as "
                   "loud as a voice-over; got 1.5)\n"
                   "scenes.yaml:11:46: error: 'volume' sets a clip's sound, and this scene has no clip (give the "
                   "music's level with 'music_volume' under 'video:')\n");
}

TEST_CASE("a clip scene is drawn anew every frame it shows; the settled scene after it is not") {
    ScratchDir dir;
    copy_clips(dir.path());
    write_scenes_spec(dir.path(), "    - {clip: video/tegak.mp4}\n"
                                  "    - {template: stats, duration: 5}\n");
    Timeline t = plan_timeline(dir.path() / "scenes.yaml", "reel");
    REQUIRE(t.scenes.size() == 3);
    TimelinePainter painter(t);
    for (long f = 1; f < 60 + 12; ++f) {
        ChangedRows rows = painter.changed_rows(f);
        CHECK_MESSAGE((rows.top == 0 && rows.bottom == 1920), "frame ", f, " changes rows ", rows.top, "-", rows.bottom);
    }
    // Once the stats have landed, nothing changes until the outro comes.
    long still = 0;
    for (long f = 60 + 100; f < 60 + 150; ++f) still += painter.changed_rows(f).empty();
    CHECK(still == 50);
}

TEST_CASE("a clip scene cross-fades in over the scene before, and the next scene's wipe uncovers it from the left") {
    ScratchDir dir;
    copy_clips(dir.path());
    write_photo_template(dir.path() / "slide", "wipe");
    write_scenes_spec(dir.path(), "    - {template: stats, duration: 2}\n"
                                  "    - {clip: video/tegak.mp4}\n"
                                  "    - {template: ./slide, duration: 2, content: {photo: {src: photos/sawah.jpg}}}\n");
    Timeline t = plan_timeline(dir.path() / "scenes.yaml", "reel");
    REQUIRE(t.scenes.size() == 4);
    const TimedScene& clip = t.scenes[1];
    const TimedScene& slide = t.scenes[2];
    REQUIRE(clip.fade_in == 14);
    REQUIRE(slide.fade_in == 14);
    TimelinePainter painter(t);
    int width = t.width;
    {
        CairoSurfacePtr before = painter.paint(clip.start - 1);
        CairoSurfacePtr during = painter.paint(clip.start + 7);
        CairoSurfacePtr after = painter.paint(clip.start + 14);
        CHECK(mean_difference(during.get(), before.get(), 0, width) > 10);
        CHECK(mean_difference(during.get(), after.get(), 0, width) > 10);
    }
    long middle = slide.start + 7;  // 8 of 15 steps in
    CairoSurfacePtr during = painter.paint(middle);
    // The clip as it plays on beneath, and the photo, each on its own at that moment.
    CairoSurfacePtr clip_alone = new_canvas(CAIRO_FORMAT_RGB24, width, t.height);
    FramePainter(clip.scene).paint(middle - clip.start, clip_alone.get());
    CairoSurfacePtr slide_alone = new_canvas(CAIRO_FORMAT_RGB24, width, t.height);
    FramePainter(slide.scene).paint(middle - slide.start, slide_alone.get());
    int edge = int(std::lround(8.0 / 15 * width));
    CHECK(mean_difference(during.get(), clip_alone.get(), edge + 4, width) < 1);
    CHECK(mean_difference(during.get(), slide_alone.get(), 0, edge - 4) < 1);
    CHECK(mean_difference(during.get(), clip_alone.get(), 0, edge - 4) > 10);
}

TEST_CASE("a clip scene's duration longer than its clip is an error at the duration") {
    ScratchDir dir;
    copy_clips(dir.path());
    write_scenes_spec(dir.path(), "    - {clip: video/tegak.mp4, duration: 3}\n");
    CommandResult r = run_rupa("render scenes.yaml --formats reel -o out", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err == "scenes.yaml:10:41: error: the clip lasts 2.0 s, shorter than its 'duration' of 3.0 s "
                   "(leave 'duration' out to play the whole clip)\n");
    CHECK(is_empty_or_missing(dir.path() / "out"));
}

TEST_CASE("a clip is read as the video is drawn: a longer trim of a phone's 3-minute clip takes no more memory") {
    ScratchDir dir;
    fs::create_directories(dir.path() / "video");
    fs::copy_file(test_media_dir() / "phone-3min.mp4", dir.path() / "video/telepon.mp4");
    write_scenes_spec(dir.path(), "    - {clip: video/telepon.mp4, trim: [100, 101]}\n");
    fs::rename(dir.path() / "scenes.yaml", dir.path() / "pendek.yaml");
    write_scenes_spec(dir.path(), "    - {clip: video/telepon.mp4, trim: [100, 104]}\n");
    // Three more seconds held whole would be 90 frames of 4.7 MB.
    check_memory_flat(dir.path(), "pendek.yaml", "scenes.yaml");
}
