// Motion is checked as strictly as layout: unknown keys, element names no layout has, and
// times outside what DESIGN.md's "Motion" allows a designer are errors at their line.
#include "template/motion_reader.hpp"

#include "spec/spec.hpp"
#include "spec/spec_error.hpp"
#include "template/template_keys.hpp"

#include <algorithm>
#include <cmath>

namespace rupa {

namespace {

const std::vector<std::string>& kEnterKinds = enter_kinds();

class MotionReader {
public:
    MotionReader(const YamlSource& src, const Template& tmpl) : src_(src) {
        for (const auto& [format, layout] : tmpl.layouts)
            for (const Element& e : layout.elements)
                if (std::find(names_.begin(), names_.end(), e.name) == names_.end()) names_.push_back(e.name);
    }

    TemplateVideo read(const YAML::Node& node) {
        src_.require_map(node, "video");
        src_.check_keys(node, key_names(motion_keys()));
        TemplateVideo v;
        v.declared = true;
        v.where = src_.mark(node);
        if (!node["duration"])
            throw SpecError(v.where, "'video' needs a 'duration'", "seconds the video plays by default, e.g. 8");
        v.duration = to_frames(in_range(node["duration"], motion_keys(), "duration"));
        Movement defaults;
        if (node["enter"]) defaults = movement(node["enter"], defaults, "enter");
        if (node["elements"]) {
            src_.require_map(node["elements"], "elements");
            for (const auto& entry : node["elements"])
                v.elements[element_name(entry.first)] = element(entry.second, defaults);
        }
        if (node["outro"]) read_outro(node["outro"], v);
        if (node["transition"]) read_transition(node["transition"], v);
        if (node["slides"]) read_slides(node["slides"], v);
        if (v.outro_duration + v.transition >= v.duration)
            throw SpecError(src_.mark(node["duration"]), "the video is no longer than its outro",
                            "make 'duration' longer than the outro's");
        return v;
    }

private:
    std::string element_name(const YAML::Node& key) {
        std::string name = key.Scalar();
        if (std::find(names_.begin(), names_.end(), name) == names_.end()) {
            std::string guess = nearest_word(name, names_);
            throw SpecError(src_.mark(key), "no layout has an element named '" + excerpt(name) + "'",
                            guess.empty() ? "motion is keyed by the elements' names" : "did you mean '" + guess + "'?");
        }
        return name;
    }

    ElementMotion element(const YAML::Node& node, const Movement& defaults) {
        src_.require_map(node, "element motion");
        src_.check_keys(node, key_names(element_motion_keys()));
        ElementMotion m;
        m.where = src_.mark(node);
        if (node["enter"]) {
            Movement enter = movement(node["enter"], defaults, "enter");
            if (enter.kind != EnterKind::none) m.enter = enter;
        }
        if (node["exit"]) {
            Movement exit = movement(node["exit"], Movement{EnterKind::fade, 0, 9, 0, {0.42, 0, 1, 1}, 48}, "exit");
            if (exit.kind != EnterKind::none) m.exit = exit;
        }
        if (node["count_up"]) m.count_up = to_frames(in_range(node["count_up"], element_motion_keys(), "count_up"));
        if (node["grow"]) m.grow = to_frames(in_range(node["grow"], element_motion_keys(), "grow"));
        if (node["ken_burns"]) {
            // DESIGN.md: Ken Burns of 3-8 % over a scene; a little more is allowed, not a zoom.
            m.ken_burns = src_.number(node["ken_burns"], "ken_burns");
            const Bounds zoom = key_doc(element_motion_keys(), "ken_burns").bounds;
            if (!(m.ken_burns >= zoom.min && m.ken_burns <= zoom.max))
                throw SpecError(src_.mark(node["ken_burns"]), "'ken_burns' must lie between 1.01 and 1.2",
                                "the photo's zoom at the scene's end; 1.06 drifts in by 6 %");
        }
        return m;
    }

    // {animation: rise, at: 0.2, duration: 0.5, stagger: 0.1, easing: ease-out}, or just a
    // name ("fade"), refining `base`.
    Movement movement(const YAML::Node& node, Movement base, const std::string& what) {
        if (node.IsScalar()) {
            base.kind = kind(node);
            return base;
        }
        src_.require_map(node, what);
        src_.check_keys(node, key_names(movement_keys()));
        if (node["animation"]) base.kind = kind(node["animation"]);
        if (node["at"]) base.at = to_frames(in_range(node["at"], movement_keys(), "at"));
        // DESIGN.md: enter animations of 300-600 ms; exits faster. 0.1-2 s keeps room for taste.
        if (node["duration"]) base.duration = std::max(1L, to_frames(in_range(node["duration"], movement_keys(), "duration")));
        if (node["stagger"]) base.stagger = to_frames(in_range(node["stagger"], movement_keys(), "stagger"));
        if (node["easing"]) base.easing = easing(node["easing"]);
        if (node["distance"]) base.distance = in_range(node["distance"], movement_keys(), "distance");
        return base;
    }

    EnterKind kind(const YAML::Node& node) {
        std::string name = src_.choice(node, "animation", kEnterKinds);
        return EnterKind(std::find(kEnterKinds.begin(), kEnterKinds.end(), name) - kEnterKinds.begin());
    }

    Bezier easing(const YAML::Node& node) {
        if (node.IsSequence()) {
            if (node.size() != 4)
                throw SpecError(src_.mark(node), "'easing' as a list takes four numbers", "cubic-bezier: [x1, y1, x2, y2]");
            Bezier b{};
            for (size_t i = 0; i < 4; ++i) b[i] = src_.number(node[i], "easing");
            if (b[0] < 0 || b[0] > 1 || b[2] < 0 || b[2] > 1 || std::abs(b[1]) > 3 || std::abs(b[3]) > 3)
                throw SpecError(src_.mark(node), "a cubic-bezier's x values must lie between 0 and 1",
                                "as in CSS: [0.25, 0.1, 0.25, 1]");
            return b;
        }
        std::string name = src_.choice(node, "easing", easing_names());
        if (name == "linear") return {0, 0, 1, 1};
        if (name == "ease") return {0.25, 0.1, 0.25, 1};
        if (name == "ease-in") return {0.42, 0, 1, 1};
        if (name == "ease-in-out") return {0.42, 0, 0.58, 1};
        return {0, 0, 0.58, 1};
    }

    void read_outro(const YAML::Node& node, TemplateVideo& v) {
        src_.require_map(node, "outro");
        src_.check_keys(node, key_names(outro_keys()));
        if (!node["template"]) throw SpecError(src_.mark(node), "'outro' needs a 'template'", "e.g. outro");
        v.outro = src_.text(node["template"], "template");
        // DESIGN.md: the brand outro lasts 1.5-2 s; crossfades 300-500 ms.
        v.outro_duration = to_frames(node["duration"] ? in_range(node["duration"], outro_keys(), "duration") : 1.8);
        if (node["transition"]) v.transition = to_frames(in_range(node["transition"], outro_keys(), "transition"));
    }

    // transition: {animation: crossfade | wipe | slide, duration: 0.3-0.5}: how the scene
    // enters the one before it in a sequence of scenes.
    void read_transition(const YAML::Node& node, TemplateVideo& v) {
        src_.require_map(node, "transition");
        src_.check_keys(node, key_names(motion_transition_keys()));
        if (node["animation"]) {
            std::string kind = src_.choice(node["animation"], "animation", motion_transition_names());
            v.enters = kind == "wipe" ? Transition::wipe : kind == "slide" ? Transition::slide : Transition::crossfade;
        }
        // DESIGN.md: transitions take 300-500 ms.
        if (node["duration"]) v.enter_frames = to_frames(in_range(node["duration"], motion_transition_keys(), "duration"));
    }

    // slides: {each: 2-8}: after the design, each of the spec's photos full-frame for `each`
    // seconds. DESIGN.md: scenes of 3-5 s; a photo reads in 2 s, and 8 s is a still image.
    void read_slides(const YAML::Node& node, TemplateVideo& v) {
        src_.require_map(node, "slides");
        src_.check_keys(node, key_names(slides_keys()));
        if (!node["each"]) throw SpecError(src_.mark(node), "'slides' needs 'each'", "seconds each photo plays, e.g. 3.5");
        v.slide_frames = to_frames(in_range(node["each"], slides_keys(), "each"));
        v.slides_where = src_.mark(node);
    }

    // The value of `node`, within the range its key's table gives it.
    double in_range(const YAML::Node& node, const KeyTable& table, const std::string& field) {
        const Bounds range = key_doc(table, field).bounds;
        const double low = range.min, high = range.max;
        double v = src_.number(node, field);
        if (!(v >= low && v <= high)) {
            char range[80];
            std::snprintf(range, sizeof range, "between %g and %g", low, high);
            throw SpecError(src_.mark(node), "'" + field + "' must lie " + range);
        }
        return v;
    }

    const YamlSource& src_;
    std::vector<std::string> names_;
};

}  // namespace

TemplateVideo read_template_video(const YamlSource& src, const YAML::Node& node, const Template& tmpl) {
    return MotionReader(src, tmpl).read(node);
}

}  // namespace rupa
