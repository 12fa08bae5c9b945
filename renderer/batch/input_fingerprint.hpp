// What a post's render depends on, reduced to one hash: the batch re-renders a post only
// when this changes.
#pragma once

#include "spec/post_sheet.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace rupa {

// A hex xxh3-64 over rupa's version, the spec file, every file it names (photos, music,
// clips, captions) and every file of its template's and brand kit's folders. Empty when
// the spec cannot be read that far: such a post is always rendered, and its render reports
// what is wrong.
std::string input_fingerprint(const std::filesystem::path& spec_file);
// The same for a row of a spreadsheet of posts: its own cells, not the whole sheet.
std::string input_fingerprint(const SheetRow& row);
// The same over rupa's version, `texts` in order, `files` and every file of `folders`: what
// the week's highlights are made from.
std::string combined_fingerprint(const std::vector<std::string>& texts, const std::vector<std::filesystem::path>& files,
                                 const std::vector<std::filesystem::path>& folders);

}  // namespace rupa
