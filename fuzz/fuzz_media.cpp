// libFuzzer target: any bytes as a sound or video file. Probing must describe usable media
// within the limits or throw MediaError; what probes as video must then give a few frames
// through ClipReader at a small size, or throw MediaError.
#include "fuzz_support.hpp"
#include "media/clip_reader.hpp"
#include "media/media_probe.hpp"

#include <algorithm>

namespace {

bool is_sane(const rupa::MediaInfo& info) {
    bool video_fits = !info.has_video || (info.width > 0 && info.height > 0 &&
                                          info.width <= rupa::kMaxVideoSide &&
                                          info.height <= rupa::kMaxVideoSide);
    bool audio_fits = !info.has_audio || (info.sample_rate > 0 && info.channels > 0);
    return (info.has_audio || info.has_video) && info.duration > 0 && video_fits && audio_fits;
}

void read_a_few_frames(const std::filesystem::path& path, double duration) {
    rupa::ClipRequest request;
    request.path = path;
    request.width = 64;
    request.height = 36;
    request.end = std::min(duration, 2.0);
    rupa::ClipReader reader(request);
    rupa::CairoSurfacePtr frame(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 64, 36));
    for (int n = 0; n < 8 && reader.next(frame.get()); ++n) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    // No extension: the format is found from the bytes alone, as for any file an admin names.
    static rupa::fuzz::ScratchFile file("media");
    file.write(data, size);
    try {
        rupa::MediaInfo info = rupa::probe_media(file.path());
        if (!is_sane(info)) __builtin_trap();
        if (info.has_video) read_a_few_frames(file.path(), info.duration);
    } catch (const rupa::MediaError&) {
    }
    return 0;
}
