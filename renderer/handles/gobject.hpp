// Owning handles for GObject-based objects (Pango layouts and contexts, librsvg handles)
// and for fontconfig configurations.
#pragma once

#include <fontconfig/fontconfig.h>
#include <glib-object.h>
#include <pango/pango.h>
#include <memory>

namespace rupa {

struct GObjectDeleter {
    void operator()(void* o) const { g_object_unref(o); }
};
template <typename T>
using GObjectPtr = std::unique_ptr<T, GObjectDeleter>;

template <typename T>
using SharedGObject = std::shared_ptr<T>;

template <typename T>
SharedGObject<T> share_gobject(T* o) {
    return SharedGObject<T>(o, GObjectDeleter{});
}

struct PangoFontDescriptionDeleter {
    void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};
using PangoFontDescriptionPtr = std::unique_ptr<PangoFontDescription, PangoFontDescriptionDeleter>;

struct PangoAttrListDeleter {
    void operator()(PangoAttrList* l) const { pango_attr_list_unref(l); }
};
using PangoAttrListPtr = std::unique_ptr<PangoAttrList, PangoAttrListDeleter>;

struct PangoFontMetricsDeleter {
    void operator()(PangoFontMetrics* m) const { pango_font_metrics_unref(m); }
};
using PangoFontMetricsPtr = std::unique_ptr<PangoFontMetrics, PangoFontMetricsDeleter>;

struct GErrorDeleter {
    void operator()(GError* e) const { g_error_free(e); }
};
using GErrorPtr = std::unique_ptr<GError, GErrorDeleter>;

struct GFreeDeleter {
    void operator()(void* p) const { g_free(p); }
};
using GCharPtr = std::unique_ptr<gchar, GFreeDeleter>;

struct FcConfigDeleter {
    void operator()(FcConfig* c) const { FcConfigDestroy(c); }
};
using FcConfigPtr = std::unique_ptr<FcConfig, FcConfigDeleter>;

}  // namespace rupa
