// libFuzzer target: any bytes as a photo. Decoding must give an upright image or throw
// MediaError, within the 100-megapixel limit.
#include "fuzz_support.hpp"
#include "media/image_decoder.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static rupa::fuzz::ScratchFile file("photo.jpg");
    file.write(data, size);
    try {
        rupa::DecodedImage image = rupa::decode_image(file.path());
        if (image.width <= 0 || image.height <= 0 ||
            (long long)image.width * image.height > rupa::kMaxInputPixels)
            __builtin_trap();
    } catch (const rupa::MediaError&) {
    }
    return 0;
}
