// Input fingerprints with xxHash (Debian's libxxhash-dev: XXH3 is a fast, well-tested
// non-cryptographic hash, ample for noticing that a file changed).
#include "batch/input_fingerprint.hpp"

#include "spec/spec_error.hpp"
#include "spec/spec_reader.hpp"
#include "template/catalog.hpp"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <fstream>
#include <memory>
#include <set>
#include <vector>

#ifndef RUPA_VERSION
#define RUPA_VERSION "0.0.0"
#endif

namespace rupa {

namespace fs = std::filesystem;

namespace {

struct XxhStateDeleter {
    void operator()(XXH3_state_t* state) const { XXH3_freeState(state); }
};

class Hasher {
public:
    Hasher() : state_(XXH3_createState()) { XXH3_64bits_reset(state_.get()); }

    void add(const std::string& text) {
        XXH3_64bits_update(state_.get(), text.data(), text.size() + 1);  // with its NUL, as a separator
    }
    // A file's name and bytes; a missing file hashes as its name alone.
    void add_file(const fs::path& file) {
        add(file.string());
        std::ifstream in(file, std::ios::binary);
        std::vector<char> buffer(1 << 16);
        while (in.read(buffer.data(), std::streamsize(buffer.size())) || in.gcount() > 0)
            XXH3_64bits_update(state_.get(), buffer.data(), size_t(in.gcount()));
    }
    void add_folder(const fs::path& folder) {
        std::set<fs::path> files;
        std::error_code ec;
        for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
            if (it->is_regular_file(ec)) files.insert(it->path());
        for (const auto& file : files) add_file(file);
    }
    std::string hex() const {
        char text[17];
        std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(XXH3_64bits_digest(state_.get())));
        return text;
    }

private:
    std::unique_ptr<XXH3_state_t, XxhStateDeleter> state_;
};

// Every file the spec names, photos and video media alike.
std::vector<fs::path> named_files(const Spec& spec) {
    std::vector<fs::path> files;
    auto add_content = [&](const Content& c) {
        if (c.photo) files.push_back(c.photo->path);
        for (const auto& photo : c.photos) files.push_back(photo.path);
    };
    add_content(spec.content);
    if (const auto& video = spec.video) {
        for (const auto* media : {&video->music, &video->voiceover, &video->captions_file})
            if (*media) files.push_back((*media)->path);
        for (const auto& scene : video->scenes) {
            add_content(scene.content);
            for (const auto& photo : scene.photos) files.push_back(photo.path);
            if (scene.clip) files.push_back(scene.clip->path);
        }
    }
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    return files;
}

}  // namespace

namespace {

// The spec's own text (`own`: its file, or its row), what it names, its template and brand.
std::string fingerprint(const Spec& spec, const std::function<void(Hasher&)>& own) {
    Template tmpl = load_template(spec.template_name.value, spec.template_name.where);
    Brand brand = spec.brand_name ? load_brand(spec.brand_name->value, spec.brand_name->where)
                                  : load_brand(tmpl.default_brand, SourceMark{tmpl.id, 0, 0});
    Hasher hash;
    hash.add(RUPA_VERSION);
    own(hash);
    for (const auto& file : named_files(spec)) hash.add_file(file);
    hash.add_folder(tmpl.folder);
    hash.add_folder(brand.folder);
    if (spec.video)
        for (const auto& scene : spec.video->scenes)
            if (scene.kind == SceneKind::templated)
                hash.add_folder(load_template(scene.template_name.value, scene.template_name.where).folder);
    return hash.hex();
}

}  // namespace

std::string input_fingerprint(const fs::path& spec_file) {
    try {
        return fingerprint(read_spec(spec_file), [&](Hasher& hash) { hash.add_file(spec_file); });
    } catch (const SpecError&) {
        return {};
    }
}

std::string input_fingerprint(const SheetRow& row) {
    try {
        SpecProblems problems;
        Spec spec = read_sheet_row(row, problems);
        problems.throw_if_any();
        // The row alone: editing one row of a sheet renders that post again, not the others.
        return fingerprint(spec, [&](Hasher& hash) {
            hash.add(row.file.string());
            hash.add(row.yaml);
        });
    } catch (const SpecError&) {
        return {};
    }
}

std::string combined_fingerprint(const std::vector<std::string>& texts, const std::vector<fs::path>& files,
                                 const std::vector<fs::path>& folders) {
    Hasher hash;
    hash.add(RUPA_VERSION);
    for (const auto& text : texts) hash.add(text);
    for (const auto& file : files) hash.add_file(file);
    for (const auto& folder : folders) hash.add_folder(folder);
    return hash.hex();
}

}  // namespace rupa
