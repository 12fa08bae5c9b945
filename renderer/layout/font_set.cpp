// Builds the private fontconfig set and the PangoCairo font map over it.
#include "layout/font_set.hpp"

#include "handles/cairo.hpp"
#include "template/installation_error.hpp"

#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace rupa {

namespace {

// A colour bitmap font (Noto Color Emoji) has fixed strikes (136 px tall at 109 ppem). The
// system's fontconfig scales them to the size asked for with a rule an empty configuration
// lacks, so without it every emoji was drawn at its strike's size, 129 px tall whatever the
// text's size. This is that rule, fontconfig's conf.d/10-scale-bitmap-fonts.conf, without
// its exception for hinted non-colour bitmap fonts (there are none here).
constexpr const char* kScaleBitmapFonts = R"(<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <match target="font">
    <test name="outline" compare="eq"><bool>false</bool></test>
    <edit name="pixelsizefixupfactor" mode="assign">
      <divide><name target="pattern">pixelsize</name><name target="font">pixelsize</name></divide>
    </edit>
  </match>
  <match target="font">
    <test name="outline" compare="eq"><bool>false</bool></test>
    <test name="pixelsizefixupfactor" compare="not_eq"><double>1.0</double></test>
    <edit name="matrix" mode="assign">
      <times><name>matrix</name>
        <matrix><name>pixelsizefixupfactor</name> <double>0</double>
                <double>0</double> <name>pixelsizefixupfactor</name></matrix>
      </times>
    </edit>
    <edit name="size" mode="assign"><divide><name>size</name><name>pixelsizefixupfactor</name></divide></edit>
  </match>
</fontconfig>
)";

}  // namespace

FontSet::FontSet(const std::filesystem::path& fonts_dir) : config_(FcConfigCreate()) {
    // An empty configuration: no system font directories, no user configuration, only the
    // bitmap scaling rule. Files are added one by one (not as a folder) so fontconfig never
    // tries to write a cache.
    if (!config_) throw std::runtime_error("cannot create a font configuration");
    if (!FcConfigParseAndLoadFromMemory(config_.get(), reinterpret_cast<const FcChar8*>(kScaleBitmapFonts),
                                        FcTrue))
        throw std::runtime_error("cannot load the font configuration");
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(fonts_dir, ec)) {
        std::string ext = entry.path().extension().string();
        if (ext == ".ttf" || ext == ".otf") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());  // a stable order: the same fallback everywhere
    for (const auto& file : files)
        FcConfigAppFontAddFile(config_.get(), reinterpret_cast<const FcChar8*>(file.c_str()));

    FcFontSet* fonts = FcConfigGetFonts(config_.get(), FcSetApplication);
    for (int i = 0; fonts && i < fonts->nfont; ++i) {
        FcChar8* family = nullptr;
        if (FcPatternGetString(fonts->fonts[i], FC_FAMILY, 0, &family) == FcResultMatch)
            families_.insert(reinterpret_cast<const char*>(family));
    }
    if (families_.empty())
        throw InstallationError("no fonts found in " + fonts_dir.string() +
                                ": rupa's installation is incomplete; reinstall rupa so that this folder holds "
                                "its bundled .ttf and .otf fonts");

    // Pango's first font map starts a thread that loads the system's configuration (about 60
    // files under /usr/share/fontconfig) unless one is current; rupa never uses it.
    FcConfigSetCurrent(config_.get());
    PangoFontMap* map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config_.get());
    font_map_ = share_gobject(map);
    context_ = make_context();
}

GObjectPtr<PangoContext> FontSet::make_context() const {
    GObjectPtr<PangoContext> context(pango_font_map_create_context(font_map_.get()));
    CairoFontOptionsPtr options(cairo_font_options_create());
    cairo_font_options_set_antialias(options.get(), CAIRO_ANTIALIAS_GRAY);
    cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(context.get(), options.get());
    pango_context_set_round_glyph_positions(context.get(), FALSE);
    return context;
}

}  // namespace rupa
