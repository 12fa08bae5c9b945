// Decodes a clip through ClipReader, as a video scene will, so that a test can measure the
// whole run from outside (peak memory, time):
//   rupa_decode_clip CLIP WIDTH HEIGHT [FRAMES]
// Prints the number of frames given. Exits 0 when that is FRAMES (or FRAMES is not given),
// 1 when it is not, 2 when the clip is refused.
#include "media/clip_reader.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
    if (argc != 4 && argc != 5) {
        std::fprintf(stderr, "usage: rupa_decode_clip CLIP WIDTH HEIGHT [FRAMES]\n");
        return 2;
    }
    rupa::ClipRequest request;
    request.path = argv[1];
    request.width = std::atoi(argv[2]);
    request.height = std::atoi(argv[3]);
    try {
        rupa::ClipReader reader(request);
        rupa::CairoSurfacePtr frame(
            cairo_image_surface_create(CAIRO_FORMAT_ARGB32, request.width, request.height));
        int given = 0;
        while (reader.next(frame.get())) ++given;
        std::printf("%d\n", given);
        return argc == 5 && given != std::atoi(argv[4]) ? 1 : 0;
    } catch (const rupa::MediaError& e) {
        std::fprintf(stderr, "%s: %s\n", argv[1], e.what());
        return 2;
    }
}
