// Fields given against fields drawn, per format.
#include "pipeline/field_coverage.hpp"

namespace rupa {

namespace {

// Whether the template means to draw `field` in the layout `layout` (a quote's parts follow
// the quote's declaration).
bool meant_for(const Template& tmpl, const std::string& field, const std::string& layout) {
    std::string declared = field.rfind("quote.", 0) == 0 ? "quote" : field;
    for (const FieldSpec& f : tmpl.fields)
        if (f.name == declared) return f.shown_in_format(layout);
    return true;
}

}  // namespace

std::set<std::string> fields_shown(const Scene& scene) {
    std::set<std::string> shown;
    for (const SceneNode& n : scene.nodes)
        for (const ShownField& f : n.shows) shown.insert(f.name);
    return shown;
}

std::vector<std::string> fields_given(const Content& content) {
    std::vector<std::string> given;
    for (const std::string& field : content_field_names()) {
        if (field == "hashtags") continue;
        if (field == "quote") {
            for (const char* part : {"quote.text", "quote.by", "quote.role"})
                if (content.has(part)) given.push_back(part);
        } else if (content.has(field)) {
            given.push_back(field);
        }
    }
    return given;
}

namespace {

void warn_unshown(const Spec& spec, const Template& tmpl, const std::set<std::string>& shown, const Format& format,
                  Diagnostics& diagnostics) {
    std::string layout(tmpl.layout_for(format)->id);
    for (const std::string& field : fields_given(spec.content)) {
        if (shown.count(field) || !meant_for(tmpl, field, layout)) continue;
        diagnostics.warn({"field-not-shown",
                          "'" + field + "' is not shown by template '" + tmpl.id +
                              "', so the post goes out without it; choose a template that shows it, or leave it out",
                          std::string(format.id), spec.content.where(field)});
    }
}

}  // namespace

void warn_unshown_fields(const Spec& spec, const Template& tmpl, const Scene& scene, const Format& format,
                         Diagnostics& diagnostics) {
    // A format that fails (content that does not fit) is reported as such, not field by field.
    if (scene.whole) warn_unshown(spec, tmpl, fields_shown(scene), format, diagnostics);
}

void warn_unshown_fields(const Spec& spec, const Template& tmpl, const Timeline& timeline, const Format& format,
                         Diagnostics& diagnostics) {
    std::set<std::string> shown;
    for (const TimedScene& s : timeline.scenes) {
        if (!s.scene.whole) return;
        shown.merge(fields_shown(s.scene));
    }
    warn_unshown(spec, tmpl, shown, format, diagnostics);
}

}  // namespace rupa
