// A spreadsheet of posts (PRODUCT.md, "A spreadsheet of posts"): a CSV file whose row 1 names
// the columns and whose every other row is a post. Each row is turned into the spec it
// stands for, as a YAML document whose every line knows the cell it came from, and read by
// the spec reader like any spec: one set of checks, and every message at posts.csv:ROW:COL.
#pragma once

#include "spec/diagnostics.hpp"
#include "spec/spec.hpp"
#include "spec/spec_error.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace rupa {

// One row of the sheet, ready to be read as a spec.
struct SheetRow {
    std::filesystem::path file;  // the CSV file
    std::string display_name;
    int row = 0;                 // its row number in the spreadsheet
    std::string folder;          // its output folder: the 'file' cell, else e.g. 003-pelatihan-admin-medsos
    std::string yaml;            // the row as a spec
    std::vector<SourceMark> line_marks;       // the cell each line of `yaml` came from
    std::map<std::string, SourceMark> cells;  // this row's cell of each column, by column name
    std::vector<SpecProblem> problems;        // what its cells hold that no spec could say
    std::set<std::string> refused;            // content fields left out because of those problems
    std::optional<CalendarDate> date;         // its 'date', when that reads

    // How messages name the row: posts.csv:3.
    std::string name() const { return display_name + ":" + std::to_string(row); }
};

struct PostSheet {
    std::vector<SheetRow> rows;     // the rows that hold anything, in order
    std::vector<Warning> warnings;  // columns that are not post fields, left out
};

// Whether `file` is read as a spreadsheet of posts (.csv, in any case).
bool is_post_sheet(const std::filesystem::path& file);

// Throws SpecError for a file that cannot be read as a sheet of posts: not CSV text, no
// 'template' column, a column named twice or misspelt. A row's own mistakes are its own.
PostSheet read_post_sheet(const std::filesystem::path& file, const std::string& display_name);

// The row's spec; its problems go into `problems`, with the reader's own.
Spec read_sheet_row(const SheetRow& row, SpecProblems& problems);

// The column that holds a template's field: 'quote.by' is held by 'quote_by', 'stats' by
// 'stat1_value' onwards.
std::string sheet_column(const std::string& field);

}  // namespace rupa
