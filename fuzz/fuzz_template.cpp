// libFuzzer target: any bytes as a template.yaml and as a brand.yaml. Each must read or
// throw SpecError.
#include "fuzz_support.hpp"
#include "spec/spec_error.hpp"
#include "template/template_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static rupa::fuzz::ScratchFile file("template.yaml");
    file.write(data, size);
    try {
        rupa::read_template(file.path(), "template.yaml");
    } catch (const rupa::SpecError&) {
    }
    try {
        rupa::read_brand(file.path(), "brand.yaml");
    } catch (const rupa::SpecError&) {
    }
    return 0;
}
