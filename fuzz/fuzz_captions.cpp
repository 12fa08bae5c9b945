// libFuzzer target: any bytes as a SubRip captions file. Reading must either give captions
// in time order, each with text and a positive length, or throw SpecError.
#include "fuzz_support.hpp"
#include "spec/caption_reader.hpp"
#include "spec/spec_error.hpp"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static rupa::fuzz::ScratchFile file("captions.srt");
    file.write(data, size);
    try {
        std::vector<rupa::Caption> captions = rupa::read_srt(file.path(), "captions.srt");
        for (size_t i = 0; i < captions.size(); ++i) {
            const rupa::Caption& c = captions[i];
            if (c.text.empty() || c.to < c.from || (i > 0 && c.from < captions[i - 1].to)) std::abort();
        }
    } catch (const rupa::SpecError&) {
    }
    return 0;
}
