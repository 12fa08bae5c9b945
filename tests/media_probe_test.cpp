// Probing the sound and video files a spec names: what each holds, and a sentence for each
// kind of file that cannot be used. The media come from tests/media/make-test-media.sh.
#include "media/media_probe.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace rupa;
using namespace rupa::test;

namespace {

MediaInfo probe(const std::string& name) { return probe_media(test_media_dir() / name); }

// The sentence probing `path` is refused with, or "(accepted)".
std::string refusal(const std::filesystem::path& path) {
    try {
        probe_media(path);
    } catch (const MediaError& e) {
        return e.what();
    }
    return "(accepted)";
}

void check_tone(const MediaInfo& info, const std::string& container, const std::string& codec) {
    CHECK(info.container == container);
    CHECK(info.has_audio);
    CHECK_FALSE(info.has_video);
    CHECK(info.audio_codec == codec);
    CHECK(info.sample_rate == 48000);
    CHECK(info.channels == 2);
    // Lossy coders pad the end by a frame or two.
    CHECK(info.duration == doctest::Approx(3.0).epsilon(0.02));
}

}  // namespace

TEST_CASE("every sound format a spec may name probes as 3 s of 48 kHz stereo and no picture") {
    SUBCASE("wav") { check_tone(probe("tone.wav"), "wav", "pcm_s16le"); }
    SUBCASE("mp3") { check_tone(probe("tone.mp3"), "mp3", "mp3"); }
    SUBCASE("m4a") { check_tone(probe("tone.m4a"), "mov,mp4,m4a,3gp,3g2,mj2", "aac"); }
    SUBCASE("ogg") { check_tone(probe("tone.ogg"), "ogg", "vorbis"); }
    SUBCASE("flac") { check_tone(probe("tone.flac"), "flac", "flac"); }
}

TEST_CASE("an mp3's cover picture is not video") {
    check_tone(probe("cover-art.mp3"), "mp3", "mp3");
}

TEST_CASE("a clip reports its picture and its sound") {
    MediaInfo info = probe("clip-h264.mp4");
    CHECK(info.container == "mov,mp4,m4a,3gp,3g2,mj2");
    CHECK(info.has_video);
    CHECK(info.video_codec == "h264");
    CHECK(info.width == 320);
    CHECK(info.height == 180);
    CHECK(info.rotation == 0);
    CHECK(info.frame_rate == doctest::Approx(30));
    CHECK(info.duration == doctest::Approx(4.0).epsilon(0.01));
    CHECK(info.has_audio);
    CHECK(info.audio_codec == "aac");
    CHECK(info.sample_rate == 48000);
    CHECK(info.channels == 2);
}

TEST_CASE("a clip without a sound stream reports no sound") {
    MediaInfo info = probe("clip-silent.mp4");
    CHECK(info.has_video);
    CHECK_FALSE(info.has_audio);
    CHECK(info.audio_codec.empty());
    CHECK(info.duration == doctest::Approx(2.0).epsilon(0.01));
}

TEST_CASE("a phone clip recorded upright reports its quarter turn and its upright size") {
    MediaInfo info = probe("clip-rotated-hevc.mp4");
    CHECK(info.video_codec == "hevc");
    CHECK(info.rotation == 90);
    CHECK(info.width == 180);
    CHECK(info.height == 320);
    CHECK(info.frame_rate == doctest::Approx(60));
    CHECK_FALSE(info.has_audio);

    MediaInfo phone = probe("phone-3min.mp4");
    CHECK(phone.rotation == 90);
    CHECK(phone.width == 1080);
    CHECK(phone.height == 1920);
    CHECK(phone.duration == doctest::Approx(180.0).epsilon(0.001));
    CHECK(phone.has_audio);
}

TEST_CASE("a variable frame rate clip reports its average rate") {
    MediaInfo info = probe("clip-vfr.mp4");
    CHECK(info.has_video);
    CHECK(info.frame_rate > 20);
    CHECK(info.frame_rate < 40);
    CHECK(info.duration == doctest::Approx(2.967).epsilon(0.01));
}

TEST_CASE("a file that is not usable sound or video is refused with a sentence saying why") {
    const auto media = test_media_dir();
    CHECK(refusal(media / "not-media.mp3") == "not an audio or video file");
    CHECK(refusal(media / "document.pdf") == "not an audio or video file");
    CHECK(refusal(media / "truncated.m4a") == "the file is cut short or damaged");
    CHECK(refusal(media / "truncated.mp4") == "the file is cut short or damaged");
    CHECK(refusal(media / "empty.jpg") == "the file is empty");
    CHECK(refusal(media / "no-such-song.mp3") == "the file does not exist");
    CHECK(refusal(media) == "a folder, not an audio or video file");
}

TEST_CASE("a photo is not media, whatever its name") {
    const auto media = test_media_dir();
    CHECK(refusal(media / "photo-baseline.jpg") == "a still picture, not an audio or video file");
    CHECK(refusal(media / "patches.png") == "a still picture, not an audio or video file");
    ScratchDir dir;
    std::filesystem::copy_file(media / "photo-baseline.jpg", dir.path() / "clip.mp4");
    CHECK(refusal(dir.path() / "clip.mp4") == "a still picture, not an audio or video file");
}

TEST_CASE("a playlist that points to other files is refused, not followed") {
    ScratchDir dir;
    write_file(dir.path() / "music.m3u8",
               "#EXTM3U\n#EXT-X-TARGETDURATION:3\n#EXTINF:3,\n" +
                   (test_media_dir() / "tone.wav").string() + "\n#EXT-X-ENDLIST\n");
    CHECK(refusal(dir.path() / "music.m3u8") ==
          "a playlist that points to other files, not an audio or video file");
}

TEST_CASE("a clip whose header is whole but whose first frames are garbled is refused") {
    CHECK(refusal(test_media_dir() / "garbled.mp4") == "the file is cut short or damaged");
}
