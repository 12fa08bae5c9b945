// libavfilter, opened the first time a sound is measured or mixed rather than when rupa
// starts. With the libraries it brings (rubberband, flite, vulkan, OpenCL and more) it is
// about 30 of rupa's 170 shared libraries and about 45 ms of every start-up, paid again by
// each SVG trial draw, which execs rupa; a video without sound, a still and `validate` never
// use it. Only the calls rupa makes are here, typed from libavfilter's own headers.
#pragma once

#include <cstdint>  // libavutil's headers need INT64_C in C++

extern "C" {
#include <libavfilter/avfilter.h>
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
}

namespace rupa {

struct AvFilterLibrary {
    decltype(&::avfilter_graph_alloc) graph_alloc;
    decltype(&::avfilter_graph_free) graph_free;
    decltype(&::avfilter_get_by_name) get_by_name;
    decltype(&::avfilter_graph_create_filter) graph_create_filter;
    decltype(&::avfilter_inout_alloc) inout_alloc;
    decltype(&::avfilter_inout_free) inout_free;
    decltype(&::avfilter_graph_parse_ptr) graph_parse_ptr;
    decltype(&::avfilter_graph_config) graph_config;
    decltype(&::av_buffersrc_add_frame) buffersrc_add_frame;
    decltype(&::av_buffersink_get_frame) buffersink_get_frame;
    decltype(&::av_buffersink_get_samples) buffersink_get_samples;
};

// Opens libavfilter on the first call (thread-safe) and gives the same table after; throws
// MediaError when the library or one of its calls is missing.
const AvFilterLibrary& avfilter_library();

}  // namespace rupa
