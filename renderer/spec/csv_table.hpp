// A spreadsheet saved as CSV -> rows of cells, each cell knowing its row and column number as
// the spreadsheet shows them, for posts.csv:ROW:COL messages. Read the way Excel, LibreOffice
// and Google Sheets write CSV: comma or semicolon separated (Excel in an Indonesian locale
// writes ';'), UTF-8 with or without a byte-order mark, cells in double quotes holding the
// separator, line breaks and doubled quotes ("").
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace rupa {

struct CsvCell {
    std::string text;  // line breaks inside a quoted cell are '\n'
    int row = 0;       // 1-based, the header being row 1; a blank line is a row too
    int column = 0;    // 1-based
};

struct CsvTable {
    char separator = ',';
    std::vector<std::vector<CsvCell>> rows;  // rows[0] is the header row
};

// Caps that keep a wrong file (a database dump saved as .csv) from taking memory or time: a
// sheet of posts is a few kilobytes.
constexpr std::uintmax_t kMaxCsvBytes = 4 << 20;
constexpr size_t kMaxCsvRows = 1000;
constexpr size_t kMaxCsvColumns = 300;
constexpr size_t kMaxCsvCellBytes = 64 << 10;

// Throws SpecError (file:ROW:COL) for a file that cannot be read as CSV text: missing,
// too large, not UTF-8, a quote that is never closed, too many rows, columns or bytes in a cell.
CsvTable read_csv(const std::filesystem::path& file, const std::string& display_name);
CsvTable parse_csv(std::string_view bytes, const std::string& display_name);

}  // namespace rupa
