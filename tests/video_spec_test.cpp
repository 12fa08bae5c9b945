// Reading a spec's `video:` section: durations become frames, media paths are confined like
// photos, captions come from a list or an .srt file in time order, and scenes start from the
// spec's content with their own fields over it.
#include "test_support.hpp"

#include "spec/caption_reader.hpp"
#include "spec/spec_error.hpp"
#include "spec/spec_reader.hpp"

#include <doctest/doctest.h>

using namespace rupa;
using namespace rupa::test;
namespace fs = std::filesystem;

namespace {

const std::string kHead =
    "template: event\n"
    "content:\n"
    "  title: Rapat Koordinasi\n"
    "  photo: photos/sawah.jpg\n";

// A spec folder with a photo, a sound file and a clip (any bytes: reading does not decode).
class SpecFolder {
public:
    SpecFolder() {
        fs::create_directories(dir_.path() / "photos");
        fs::copy_file(source_dir() / "samples/photos/sawah.jpg", dir_.path() / "photos/sawah.jpg");
        write_file(dir_.path() / "audio/musik.mp3", "ID3");
        write_file(dir_.path() / "video/sambutan.mp4", "....ftyp");
    }
    Spec read(const std::string& video_yaml) const {
        write_file(dir_.path() / "post.yaml", kHead + video_yaml);
        return read_spec(dir_.path() / "post.yaml");
    }
    // The error reading `video_yaml` gives, without the folder part of the file name.
    std::string error(const std::string& video_yaml) const {
        try {
            read(video_yaml);
        } catch (const SpecError& e) {
            std::string message = e.what();
            std::string folder = dir_.path().string() + "/";
            for (size_t at; (at = message.find(folder)) != std::string::npos;) message.erase(at, folder.size());
            return message;
        }
        return "(no error)";
    }
    const fs::path& path() const { return dir_.path(); }

private:
    ScratchDir dir_;
};

}  // namespace

TEST_CASE("a spec without a video section has none") {
    SpecFolder folder;
    CHECK_FALSE(folder.read("").video);
}

TEST_CASE("video durations are read in seconds and kept as frames at 30 fps") {
    SpecFolder folder;
    Spec spec = folder.read("video:\n  duration: 15\n  music: audio/musik.mp3\n  music_volume: 0.6\n");
    REQUIRE(spec.video);
    CHECK(spec.video->duration->value == 450);
    CHECK(spec.video->duration->where.line == 6);
    CHECK(spec.video->music->path == fs::weakly_canonical(folder.path() / "audio/musik.mp3"));
    CHECK(spec.video->music_volume == doctest::Approx(0.6));
    CHECK(folder.read("video:\n  duration: 2.5\n").video->duration->value == 75);
}

TEST_CASE("video values out of range name the range") {
    SpecFolder folder;
    CHECK(folder.error("video:\n  duration: 200\n") ==
          "post.yaml:6:13: error: 'duration' must be between 0.1 and 180 seconds (got 200)");
    CHECK(folder.error("video:\n  duration: 0\n") ==
          "post.yaml:6:13: error: 'duration' must be between 0.1 and 180 seconds (got 0)");
    CHECK(folder.error("video:\n  music_volume: 60\n") ==
          "post.yaml:6:17: error: 'music_volume' must be between 0 and 1 (0 is silent, 1 as loud as the file; got 60)");
    CHECK(folder.error("video:\n  musik: audio/musik.mp3\n") ==
          "post.yaml:6:3: error: unknown field 'musik' (did you mean 'music'?)");
    CHECK(folder.error("video: 15\n") ==
          "post.yaml:5:8: error: 'video' must be a mapping of fields, not a single value");
}

TEST_CASE("music, voiceover and clips are confined to the spec's folder like photos") {
    SpecFolder folder;
    CHECK(folder.error("video:\n  music: ../musik.mp3\n") ==
          "post.yaml:6:10: error: '../musik.mp3' leaves the spec's folder (copy the file next to the spec)");
    CHECK(folder.error("video:\n  voiceover: /etc/passwd\n") ==
          "post.yaml:6:14: error: 'voiceover' must be a path relative to the spec's folder "
          "(copy the file next to the spec)");
    CHECK(folder.error("video:\n  voiceover: audio/narasi.m4a\n") ==
          "post.yaml:6:14: error: cannot find voiceover 'audio/narasi.m4a' (paths are relative to the spec's folder)");
    CHECK(folder.error("video:\n  scenes:\n    - {clip: video}\n") ==
          "post.yaml:7:14: error: 'video' is a folder, not a file (name the clip file itself)");
}

TEST_CASE("scenes are a template, photos or a clip, each starting from the spec's content") {
    SpecFolder folder;
    Spec spec = folder.read(
        "video:\n"
        "  scenes:\n"
        "    - {template: quote, duration: 3, content: {title: Sambutan, quote: Terima kasih}}\n"
        "    - {photos: [photos/sawah.jpg, {src: photos/sawah.jpg, focus: [0.2, 0.8]}], duration: 6}\n"
        "    - {clip: video/sambutan.mp4, trim: [2.0, 8.5]}\n");
    REQUIRE(spec.video->scenes.size() == 3);
    const VideoScene& title = spec.video->scenes[0];
    CHECK(title.kind == SceneKind::templated);
    CHECK(title.template_name.value == "quote");
    CHECK(title.duration->value == 90);
    CHECK(title.content.text("title") == "Sambutan");
    CHECK(title.content.quote->text == "Terima kasih");
    CHECK(title.content.photo->as_written == "photos/sawah.jpg");  // kept from the spec
    const VideoScene& slides = spec.video->scenes[1];
    CHECK(slides.kind == SceneKind::slideshow);
    CHECK(slides.photos.size() == 2);
    CHECK(slides.photos[1].focus_x == doctest::Approx(0.2));
    CHECK(slides.content.text("title") == "Rapat Koordinasi");
    const VideoScene& clip = spec.video->scenes[2];
    CHECK(clip.kind == SceneKind::clip);
    CHECK(clip.clip->as_written == "video/sambutan.mp4");
    CHECK(clip.trim_from->value == 60);
    CHECK(clip.trim_to->value == 255);
    CHECK_FALSE(clip.duration);
}

TEST_CASE("a scene that is two things, nothing, or a clip with two lengths is refused at its place") {
    SpecFolder folder;
    CHECK(folder.error("video:\n  scenes:\n    - {template: quote, clip: video/sambutan.mp4}\n") ==
          "post.yaml:7:31: error: a scene shows a template, photos or a clip, not 'template' and 'clip' "
          "at once (make them two scenes)");
    CHECK(folder.error("video:\n  scenes:\n    - {duration: 3}\n") ==
          "post.yaml:7:7: error: a scene needs a 'template', 'photos' or a 'clip' (e.g. {template: stats, duration: 4})");
    CHECK(folder.error("video:\n  scenes:\n    - {clip: video/sambutan.mp4, trim: [2, 8], duration: 4}\n") ==
          "post.yaml:7:58: error: a trimmed clip lasts as long as its 'trim' (leave 'duration' out, or change 'trim')");
    CHECK(folder.error("video:\n  scenes:\n    - {template: quote, trim: [2, 8]}\n") ==
          "post.yaml:7:31: error: 'trim' cuts a clip, and this scene has none");
    CHECK(folder.error("video:\n  scenes:\n    - {clip: video/sambutan.mp4, trim: [8, 2]}\n") ==
          "post.yaml:7:44: error: 'trim' must end after it starts (e.g. [2.0, 8.5])");
    CHECK(folder.error("video:\n  scenes: []\n") ==
          "post.yaml:6:11: error: 'scenes' is empty (list the scenes, or leave 'scenes' out for the template's own)");
    CHECK(folder.error("video:\n  duration: 15\n  scenes:\n    - {template: quote}\n") ==
          "post.yaml:6:13: error: 'duration' is given for the whole video and for 'scenes' "
          "(with scenes, give each scene its own 'duration')");
}

TEST_CASE("captions from the spec's list are put in time order, overlaps shortened") {
    SpecFolder folder;
    Spec spec = folder.read(
        "video:\n"
        "  captions:\n"
        "    - {text: Kedua, from: \"0:02.5\", to: 5}\n"
        "    - {text: Pertama, from: 0, to: 3}\n");
    REQUIRE(spec.video->captions.size() == 2);
    CHECK(spec.video->captions[0].text == "Pertama");
    CHECK(spec.video->captions[0].from == 0);
    CHECK(spec.video->captions[0].to == 75);  // shortened from 90 to where "Kedua" starts
    CHECK(spec.video->captions[1].from == 75);
    CHECK(spec.video->captions[1].to == 150);
    CHECK(folder.error("video:\n  captions:\n    - {text: Halo, from: 3, to: 1}\n") ==
          "post.yaml:7:33: error: a caption must end after it starts (check the order of its two times)");
    CHECK(folder.error("video:\n  captions:\n    - {text: Halo, from: sebentar, to: 1}\n") ==
          "post.yaml:7:26: error: 'from' must be a time in seconds (e.g. 12.5 or 0:12.5, not 'sebentar')");
    CHECK(folder.error("video:\n  captions:\n    - {text: Halo, from: 1}\n") ==
          "post.yaml:7:7: error: a caption needs 'to' (e.g. {text: Selamat datang, from: 0, to: 2.5})");
    CHECK(folder.error("video:\n  captions:\n    - {text: A, from: 1, to: 2}\n    - {text: B, from: 1, to: 3}\n") ==
          "post.yaml:8:7: error: two captions start at the same time (the other is on line 7; join their text or move one)");
}

TEST_CASE("captions from a SubRip file keep their text lines, lose their tags, and report errors in the .srt") {
    SpecFolder folder;
    write_file(folder.path() / "teks.srt",
               "\xEF\xBB\xBF" "1\r\n00:00:01,000 --> 00:00:03,500\r\n<i>Selamat datang</i>\r\ndi Blitar\r\n\r\n"
               "2\n00:00:04.000 --> 00:00:06,000 X1:100\n{\\an8}Terima kasih\n");
    Spec spec = folder.read("video:\n  captions: teks.srt\n");
    REQUIRE(spec.video->captions.size() == 2);
    CHECK(spec.video->captions[0].text == "Selamat datang\ndi Blitar");
    CHECK(spec.video->captions[0].from == 30);
    CHECK(spec.video->captions[0].to == 105);
    CHECK(spec.video->captions[1].text == "Terima kasih");
    CHECK(spec.video->captions[1].from == 120);

    write_file(folder.path() / "rusak.srt", "1\n00:00:01,000 --> 00:00:03,000\nHalo\n\n2\n00:00:04 -> 00:00:05\nLagi\n");
    CHECK(folder.error("video:\n  captions: rusak.srt\n") ==
          "rusak.srt:6:1: error: expected a time line like '00:00:01,000 --> 00:00:03,000' (got '00:00:04 -> 00:00:05')");
    write_file(folder.path() / "jam.srt", "1\n00:00:01,000 --> 00:61:00,000\nHalo\n");
    CHECK(folder.error("video:\n  captions: jam.srt\n") ==
          "jam.srt:2:18: error: '00:61:00,000' is not a time (write HH:MM:SS,mmm)");
    write_file(folder.path() / "kosong.srt", "\n\n");
    CHECK(folder.error("video:\n  captions: kosong.srt\n") ==
          "kosong.srt: error: the file holds no captions (write blocks of a number, a time line "
          "'00:00:01,000 --> 00:00:03,000' and text)");
    write_file(folder.path() / "teks.txt", "Halo");
    CHECK(folder.error("video:\n  captions: teks.txt\n") ==
          "post.yaml:6:13: error: 'captions' must be a SubRip (.srt) file (or a list of {text, from, to})");
}

TEST_CASE("a 30,000-character .srt line full of tags is read whole, its tags dropped in one pass") {
    SpecFolder folder;
    std::string line, text;
    for (int i = 0; i < 3000; ++i) line += "<i>ab</i> ", text += (i ? " ab" : "ab");
    REQUIRE(line.size() == 30000);
    write_file(folder.path() / "teks.srt", "1\n00:00:01,000 --> 00:00:03,000\n" + line + "\n");
    std::vector<Caption> captions = read_srt(folder.path() / "teks.srt", "teks.srt");
    REQUIRE(captions.size() == 1);
    CHECK(captions[0].text == text);
    write_file(folder.path() / "teks.srt", "1\n00:00:01,000 --> 00:00:03,000\n" + std::string(30000, '{') + "\n");
    CHECK(folder.error("video:\n  captions: teks.srt\n") ==
          "teks.srt:2:1: error: this caption is longer than 10000 characters (a caption is a line or two)");
}

TEST_CASE("caption times are read as seconds, M:SS or SubRip's HH:MM:SS,mmm") {
    CHECK(*parse_caption_time("12.5") == doctest::Approx(12.5));
    CHECK(*parse_caption_time("1:02.5") == doctest::Approx(62.5));
    CHECK(*parse_caption_time("00:01:02,250") == doctest::Approx(62.25));
    CHECK_FALSE(parse_caption_time("1:75"));
    CHECK_FALSE(parse_caption_time("-3"));
    CHECK_FALSE(parse_caption_time("12 detik"));
}

TEST_CASE("a spec whose music, voiceover, clips and captions are all usable validates without a warning") {
    ScratchDir dir;
    fs::create_directories(dir.path() / "photos");
    fs::copy_file(source_dir() / "samples/photos/sawah.jpg", dir.path() / "photos/sawah.jpg");
    for (const char* name : {"tone.mp3", "tone.m4a", "clip-h264.mp4", "clip-rotated-hevc.mp4"})
        fs::copy_file(test_media_dir() / name, dir.path() / name);
    write_file(dir.path() / "teks.srt", "1\n00:00:00,500 --> 00:00:02,000\nSelamat datang\n");
    write_file(dir.path() / "post.yaml", kHead +
                                             "video:\n"
                                             "  music: tone.mp3\n"
                                             "  music_volume: 0.5\n"
                                             "  voiceover: tone.m4a\n"
                                             "  captions: teks.srt\n"
                                             "  scenes:\n"
                                             "    - {template: quote, duration: 3, content: {quote: Terima kasih}}\n"
                                             "    - {clip: clip-h264.mp4, trim: [1, 3.5]}\n"
                                             "    - {clip: clip-rotated-hevc.mp4}\n");
    CommandResult r = run_rupa("validate post.yaml", dir.path());
    CHECK(r.status == 0);
    CHECK(r.out == "post.yaml: ok\n");
    CHECK(r.err.empty());  // every part of it plays
}
