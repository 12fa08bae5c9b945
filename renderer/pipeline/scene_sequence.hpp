// A spec's `video.scenes`, made ready to lay out: each scene's template loaded, its content
// (the spec's, with the scene's own fields over it) and its photos decoded, and its length in
// frames fixed. A photo scene becomes one slide per photo, each playing the `photo` template;
// a clip scene shows its clip, entering as the `photo` template's slides do.
#pragma once

#include "layout/video_layout.hpp"

#include <deque>
#include <map>
#include <string>
#include <vector>

namespace rupa {

// The scenes a template with `slides` plays when the spec lists none: its design (the title
// card) for its `duration` less the outro, then one slide per photo of the spec's `photos`
// for the slides' `each`. With the spec's `video.duration`, the photos share what the title
// card and the outro leave of it, to the frame. Empty for a template without slides or a
// spec without photos. Throws SpecError at `video.duration` when that leaves a photo less
// than a second.
std::vector<VideoScene> template_slides(const Spec& spec, const Template& tmpl);

class SceneSequence {
public:
    // Plays `played`: the spec's `video.scenes`, or its template's slides.
    // Throws SpecError at the scene when a template cannot play one of `videos`, when a clip
    // does not fit its trim, or when the scenes last over 180 s.
    // `assets` are the spec's own, already decoded: its logo and photos are reused.
    SceneSequence(const Spec& spec, const std::vector<VideoScene>& played, const Brand& brand, const FontSet& fonts,
                  const Assets& assets, const std::vector<const Format*>& videos);

    const std::vector<SequenceScene>& scenes() const { return scenes_; }
    long frames() const;  // the scenes' frames, outro excluded

private:
    void add(const Template& tmpl, const Content& content, long frames, const SourceMark& where);
    const DecodedImage& photo(const PhotoRef& ref);  // each file decoded once

    const Spec& spec_;
    const Brand& brand_;
    const FontSet& fonts_;
    const Logo& logo_;
    // What the scenes' LayoutInputs refer to; deques keep their elements where they are.
    std::deque<Template> templates_;
    std::deque<Spec> specs_;
    std::deque<Assets> assets_;
    std::vector<SequenceScene> scenes_;
    std::map<std::string, DecodedImage> photos_;  // by path
};

}  // namespace rupa
