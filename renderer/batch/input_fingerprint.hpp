// What a post's render depends on, reduced to one hash: the batch re-renders a post only
// when this changes.
#pragma once

#include "spec/post_sheet.hpp"

#include <filesystem>
#include <string>

namespace rupa {

// A hex xxh3-64 over rupa's version, the spec file, every file it names (photos, music,
// clips, captions) and every file of its template's and brand kit's folders. Empty when
// the spec cannot be read that far: such a post is always rendered, and its render reports
// what is wrong.
std::string input_fingerprint(const std::filesystem::path& spec_file);
// The same for a row of a spreadsheet of posts: its own cells, not the whole sheet.
std::string input_fingerprint(const SheetRow& row);

}  // namespace rupa
