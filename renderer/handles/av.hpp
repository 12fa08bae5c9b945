// Owning handles for libav* objects: the only place av_*_free is called.
#pragma once

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
#include <libavutil/frame.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
}
#include "handles/avfilter_library.hpp"

#include <cstddef>
#include <memory>
#include <vector>

namespace rupa {

struct AvFormatInputDeleter {
    void operator()(AVFormatContext* c) const { avformat_close_input(&c); }
};
struct AvCodecContextDeleter {
    void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct AvFrameDeleter {
    void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct AvPacketDeleter {
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct SwsContextDeleter {
    void operator()(SwsContext* s) const { sws_freeContext(s); }
};

// An output context and the file it writes, closed together.
struct AvFormatOutputDeleter {
    void operator()(AVFormatContext* c) const {
        if (c->pb && !(c->oformat->flags & AVFMT_NOFILE)) avio_closep(&c->pb);
        avformat_free_context(c);
    }
};
struct AvFilterGraphDeleter {
    void operator()(AVFilterGraph* g) const { avfilter_library().graph_free(&g); }
};
struct SwrContextDeleter {
    void operator()(SwrContext* s) const { swr_free(&s); }
};
struct AvDictionaryDeleter {
    void operator()(AVDictionary* d) const { av_dict_free(&d); }
};

using AvFormatOutputPtr = std::unique_ptr<AVFormatContext, AvFormatOutputDeleter>;
using AvFilterGraphPtr = std::unique_ptr<AVFilterGraph, AvFilterGraphDeleter>;
using SwrContextPtr = std::unique_ptr<SwrContext, SwrContextDeleter>;
using AvFormatInputPtr = std::unique_ptr<AVFormatContext, AvFormatInputDeleter>;
using AvCodecContextPtr = std::unique_ptr<AVCodecContext, AvCodecContextDeleter>;
using AvFramePtr = std::unique_ptr<AVFrame, AvFrameDeleter>;
using AvPacketPtr = std::unique_ptr<AVPacket, AvPacketDeleter>;
using SwsContextPtr = std::unique_ptr<SwsContext, SwsContextDeleter>;

// One option dictionary per stream, the shape avformat_find_stream_info takes them in.
class AvDictionaryArray {
public:
    explicit AvDictionaryArray(size_t count) : dictionaries_(count, nullptr) {}
    ~AvDictionaryArray() {
        for (AVDictionary*& d : dictionaries_) av_dict_free(&d);
    }
    AvDictionaryArray(const AvDictionaryArray&) = delete;
    AvDictionaryArray& operator=(const AvDictionaryArray&) = delete;

    AVDictionary** data() { return dictionaries_.data(); }
    AVDictionary*& operator[](size_t i) { return dictionaries_[i]; }

private:
    std::vector<AVDictionary*> dictionaries_;
};

}  // namespace rupa
