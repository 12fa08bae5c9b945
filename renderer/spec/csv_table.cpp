// CSV reading. Written here rather than taken from Debian's libcsv: libcsv drops blank lines
// (so its record count is not the row number a spreadsheet shows, and its CSV_REPALL_NL mode
// reports each CRLF as an extra empty record), and it gives no position for a malformed quote
// (strict mode also stops at the first one). This reader is a small state machine that keeps
// the row and column of every cell and of every problem.
#include "spec/csv_table.hpp"

#include "input/plain_file.hpp"
#include "spec/spec_error.hpp"
#include "spec/yaml_source.hpp"

#include <glib.h>

#include <algorithm>

namespace rupa {

namespace {

// The separator of the header line: ';' when it has more semicolons than commas outside
// quotes (Excel in a locale whose decimal mark is a comma), else ','.
char header_separator(std::string_view bytes) {
    size_t commas = 0, semicolons = 0;
    bool quoted = false;
    for (char c : bytes) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n' || c == '\r') break;
        commas += c == ',';
        semicolons += c == ';';
    }
    return semicolons > commas ? ';' : ',';
}

class CsvParser {
public:
    CsvParser(std::string_view bytes, std::string display_name)
        : in_(bytes), name_(std::move(display_name)) {}

    CsvTable parse() {
        table_.separator = header_separator(in_);
        for (size_t i = 0; i < in_.size(); ++i) step(in_, i);
        if (quoted_)
            throw SpecError({name_, quote_row_, quote_column_}, "a quote opened here is never closed",
                            "close it with \", or save the file again from the spreadsheet");
        if (!cell_.empty() || !row_cells_.empty() || after_quote_) end_row();
        return std::move(table_);
    }

private:
    void step(std::string_view in, size_t& i) {
        char c = in[i];
        if (quoted_) {
            if (c != '"') return append(c == '\r' ? (i + 1 < in.size() && in[i + 1] == '\n' ? '\0' : '\n') : c);
            if (i + 1 < in.size() && in[i + 1] == '"') {
                ++i;
                return append('"');
            }
            quoted_ = false;
            after_quote_ = true;
            return;
        }
        if (c == '"' && cell_.empty() && !after_quote_) {
            quoted_ = true;
            quote_row_ = row_;
            quote_column_ = int(row_cells_.size()) + 1;
            return;
        }
        if (c == table_.separator) return end_cell();
        if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < in.size() && in[i + 1] == '\n') ++i;
            return end_row();
        }
        append(c);  // a quote inside an unquoted cell is kept, as spreadsheets read it
    }

    void append(char c) {
        if (c == '\0') return;  // the '\r' of a CRLF inside a quoted cell
        if (cell_.size() >= kMaxCsvCellBytes)
            throw SpecError({name_, row_, int(row_cells_.size()) + 1},
                            "a cell holds more than " + shown_size(kMaxCsvCellBytes),
                            "a post's text is a few hundred characters: is this the right file?");
        cell_ += c;
    }

    void end_cell() {
        int column = int(row_cells_.size()) + 1;
        if (size_t(column) > kMaxCsvColumns)
            throw SpecError({name_, row_, column}, "the row has more than " + std::to_string(kMaxCsvColumns) + " columns",
                            "is this the right file?");
        if (!g_utf8_validate(cell_.data(), gssize(cell_.size()), nullptr))
            throw SpecError({name_, row_, column}, "the file is not UTF-8 text",
                            "save it from the spreadsheet as 'CSV UTF-8' (Excel) or with the character set UTF-8 "
                            "(LibreOffice); see docs/spreadsheet.md");
        row_cells_.push_back({std::move(cell_), row_, column});
        cell_.clear();
        after_quote_ = false;
    }

    void end_row() {
        end_cell();
        if (table_.rows.size() >= kMaxCsvRows)
            throw SpecError({name_, row_, 1}, "the file has more than " + std::to_string(kMaxCsvRows) + " rows",
                            "split the posts over several files");
        table_.rows.push_back(std::move(row_cells_));
        row_cells_.clear();
        ++row_;
    }

    std::string_view in_;
    std::string name_;
    CsvTable table_;
    std::vector<CsvCell> row_cells_;
    std::string cell_;
    int row_ = 1;
    bool quoted_ = false, after_quote_ = false;
    int quote_row_ = 0, quote_column_ = 0;
};

}  // namespace

CsvTable parse_csv(std::string_view bytes, const std::string& display_name) {
    SourceMark start{display_name, 1, 1};
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"))
        throw SpecError(start, "the file is UTF-16 text ('Unicode Text')",
                        "save it from the spreadsheet as 'CSV UTF-8'; see docs/spreadsheet.md");
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (bytes.find('\0') != std::string_view::npos)
        throw SpecError(start, "the file is not text (it holds NUL bytes)", "name a .csv file saved from a spreadsheet");
    CsvTable table = CsvParser(bytes, display_name).parse();
    if (table.rows.empty()) throw SpecError(start, "the file is empty", "row 1 names the columns, each row below is a post");
    return table;
}

CsvTable read_csv(const std::filesystem::path& file, const std::string& display_name) {
    static const PlainFileKind kCsv{"a CSV file", "CSV files", kMaxCsvBytes,
                                    "a sheet of posts is a few kilobytes: is this the right file?"};
    std::string bytes = read_text_input(file, kCsv, {display_name, 0, 0});
    return parse_csv(bytes, display_name);
}

}  // namespace rupa
