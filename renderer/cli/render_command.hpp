// `rupa render INPUT...`: every post of the inputs rendered into OUTDIR/<post>/, one after
// another; a post that fails does not stop the others. Returns the exit status.
#pragma once

#include "pipeline/render_job.hpp"

#include <string>
#include <vector>

namespace rupa {

// `options` holds what applies to every post (OUTDIR, --formats, --strict). 0 every post
// rendered whole; 2 no post was rendered because each was invalid input (nothing written);
// else 1. `only_row` > 0 renders only that row of each spreadsheet of posts (how the batch
// renders one post of a sheet).
int run_render(const std::vector<std::string>& inputs, const RenderRequest& options, bool json, int only_row = 0);

}  // namespace rupa
