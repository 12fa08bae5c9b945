// Orchestrates one render: read and check every input, then draw and write each format.
#include "pipeline/render_job.hpp"

#include "spec/spec_error.hpp"
#include "spec/spec_reader.hpp"
#include "template/catalog.hpp"

namespace rupa {

RenderResult render_spec(const RenderRequest& request) {
    Spec spec = read_spec(request.spec_file);
    Template tmpl = load_template(spec.template_name.value, spec.template_name.where);
    throw SpecError(spec.template_name.where, "drawing is not built yet");
}

}  // namespace rupa
