#include "handles/avfilter_library.hpp"

#include "media/media_error.hpp"

#include <dlfcn.h>

#include <string>

namespace rupa {

namespace {

// The soname rupa was built against: the major version is its ABI.
#define RUPA_STRINGIFY_(x) #x
#define RUPA_STRINGIFY(x) RUPA_STRINGIFY_(x)
constexpr const char* kSoname = "libavfilter.so." RUPA_STRINGIFY(LIBAVFILTER_VERSION_MAJOR);

template <typename Function>
void bind(void* library, const char* name, Function& function) {
    function = reinterpret_cast<Function>(dlsym(library, name));
    if (!function)
        throw MediaError(std::string("this FFmpeg's ") + kSoname + " has no " + name +
                         "; install Debian's libavfilter8");
}

AvFilterLibrary open_library() {
    // Never closed: the graphs it makes live until the process ends.
    void* library = dlopen(kSoname, RTLD_NOW | RTLD_LOCAL);
    if (!library)
        throw MediaError(std::string("cannot load the sound filters (") + dlerror() +
                         "); install Debian's libavfilter8");
    AvFilterLibrary api{};
    bind(library, "avfilter_graph_alloc", api.graph_alloc);
    bind(library, "avfilter_graph_free", api.graph_free);
    bind(library, "avfilter_get_by_name", api.get_by_name);
    bind(library, "avfilter_graph_create_filter", api.graph_create_filter);
    bind(library, "avfilter_inout_alloc", api.inout_alloc);
    bind(library, "avfilter_inout_free", api.inout_free);
    bind(library, "avfilter_graph_parse_ptr", api.graph_parse_ptr);
    bind(library, "avfilter_graph_config", api.graph_config);
    bind(library, "av_buffersrc_add_frame", api.buffersrc_add_frame);
    bind(library, "av_buffersink_get_frame", api.buffersink_get_frame);
    bind(library, "av_buffersink_get_samples", api.buffersink_get_samples);
    return api;
}

}  // namespace

const AvFilterLibrary& avfilter_library() {
    static const AvFilterLibrary api = open_library();
    return api;
}

}  // namespace rupa
