// The week's contact sheet: one page that shows every post of the week at a glance, for
// the person who schedules them.
#pragma once

#include "batch/batch_run.hpp"

#include <filesystem>

namespace rupa {

// Writes OUTDIR/highlights-YYYY-Www/index.html over the posts that have files (rendered now
// or earlier), in date order, and returns its path.
std::filesystem::path write_contact_sheet(const std::filesystem::path& out_dir, const BatchReport& report);

}  // namespace rupa
