// Resolving and confining paths written in specs, templates and brand kits.
#include "spec/confined_path.hpp"

#include "spec/spec_error.hpp"
#include "spec/yaml_source.hpp"

#include <algorithm>

namespace rupa {

namespace fs = std::filesystem;

namespace {

// A path the file system cannot follow: a symlink loop, or a name too long for it.
SpecError unresolvable(std::error_code ec, const std::string& shown, const SourceMark& where,
                       const std::string& field) {
    if (ec == std::errc::too_many_symbolic_link_levels)
        return SpecError(where, "'" + shown + "' is a symlink that never reaches a file",
                         "put the " + field + " itself there");
    if (ec == std::errc::filename_too_long)
        return SpecError(where, "the path of '" + field + "' is too long", "use a shorter name");
    return SpecError(where, "cannot find " + field + " '" + shown + "'", ec.message());
}

}  // namespace

fs::path confined_path(const PathScope& scope, const std::string& written, const SourceMark& where,
                       const std::string& field) {
    if (written.empty()) throw SpecError(where, "'" + field + "' is empty");
    fs::path relative(written);
    std::string shown = excerpt(written);
    if (relative.is_absolute())
        throw SpecError(where, "'" + field + "' must be a path relative to " + scope.name, scope.advice);
    std::error_code ec;
    fs::path base = fs::weakly_canonical(scope.folder, ec);
    fs::path full = fs::weakly_canonical(scope.folder / relative, ec);
    if (ec) throw unresolvable(ec, shown, where, field);
    auto [end, unused] = std::mismatch(base.begin(), base.end(), full.begin(), full.end());
    if (end != base.end()) throw SpecError(where, "'" + shown + "' leaves " + scope.name, scope.advice);
    return full;
}

}  // namespace rupa
