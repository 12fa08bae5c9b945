// `rupa preview TEMPLATE [-o OUTDIR] [--brand B] [--watch]`. Returns the exit status.
#pragma once

#include "preview/template_preview.hpp"

namespace rupa {

// 0 every format drawn (and, with --watch, the watch ended by Ctrl-C or SIGTERM); 1 some
// format could not be drawn; 2 invalid input or usage.
int run_preview(const PreviewRequest& request, bool watch);

}  // namespace rupa
