// The private font set: Pango sees only the fonts bundled under fonts/, through a
// fontconfig configuration of our own, so output never depends on the machine's fonts.
#pragma once

#include "handles/gobject.hpp"

#include <pango/pango.h>

#include <filesystem>
#include <set>
#include <string>

namespace rupa {

class FontSet {
public:
    // Throws InstallationError when the folder holds no font.
    explicit FontSet(const std::filesystem::path& fonts_dir);

    // The Pango context every layout is made in, with rupa's fixed rendering options (no
    // hinting, no metric rounding), so text shapes the same at every size and on every
    // machine. One per font set: layouts keep a reference to it.
    PangoContext* context() const { return context_.get(); }

    bool has_family(const std::string& family) const { return families_.count(family) > 0; }
    const std::set<std::string>& families() const { return families_; }

private:
    GObjectPtr<PangoContext> make_context() const;

    FcConfigPtr config_;
    SharedGObject<PangoFontMap> font_map_;
    GObjectPtr<PangoContext> context_;
    std::set<std::string> families_;
};

}  // namespace rupa
