// Walking a folder of inputs.
#include "input/input_folder.hpp"

#include "spec/spec_error.hpp"

#include <algorithm>

namespace rupa {

namespace fs = std::filesystem;

bool is_kit_file(const fs::path& file) {
    std::string name = file.filename().string();
    return name == "template.yaml" || name == "brand.yaml";
}

std::vector<fs::path> find_inputs(const fs::path& folder, const InputSearch& search) {
    std::error_code ec;
    fs::path skip = search.skip.empty() ? fs::path() : fs::weakly_canonical(search.skip, ec);
    std::vector<fs::path> found;
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) throw SpecError({folder.string(), 0, 0}, "cannot read the folder", ec.message());
    for (; it != end; it.increment(ec)) {
        if (ec) break;
        const fs::path& path = it->path();
        if (it->is_directory(ec)) {
            if (path.filename().string().starts_with(".") || (!skip.empty() && fs::weakly_canonical(path, ec) == skip))
                it.disable_recursion_pending();
            continue;
        }
        const auto& wanted = search.extensions;
        if (std::find(wanted.begin(), wanted.end(), path.extension().string()) == wanted.end()) continue;
        if (is_kit_file(path) && !search.kits) continue;
        if (it->is_regular_file(ec)) found.push_back(path);
    }
    std::sort(found.begin(), found.end());
    return found;
}

}  // namespace rupa
