// libFuzzer target: any bytes as a content spec. Reading must either succeed or throw
// SpecError; a spec that reads is then laid out in one format (template, brand, text
// fitting), which must do the same. Anything else (a crash, a sanitizer report, another
// exception) is a finding.
#include "fuzz_support.hpp"
#include "pipeline/render_job.hpp"
#include "spec/spec_error.hpp"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static rupa::fuzz::ScratchFile file("post.yaml");
    static bool photos_copied = [] {
        // The seed specs point at photos/...: give them the sample photos to reach layout.
        if (const char* photos = std::getenv("RUPA_FUZZ_PHOTOS"))
            std::filesystem::copy(photos, file.folder() / "photos", std::filesystem::copy_options::recursive);
        return true;
    }();
    (void)photos_copied;
    file.write(data, size);
    rupa::RenderRequest request;
    request.spec_file = file.path();
    request.formats = {"square"};
    try {
        rupa::Diagnostics diagnostics;
        rupa::plan_render(request, diagnostics);
    } catch (const rupa::SpecError&) {
    }
    return 0;
}
