// Reading a spreadsheet of posts: the header checked once, each row written out as a spec.
#include "spec/post_sheet.hpp"

#include "spec/csv_table.hpp"
#include "spec/spec_reader.hpp"
#include "spec/ascii_text.hpp"
#include "spec/yaml_source.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <regex>

namespace rupa {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kTopColumns = {"template", "brand", "locale"};
const std::vector<std::string> kTextColumns = {"kicker", "title", "subtitle", "place", "body",
                                               "claim",  "verdict", "source", "cta"};
const std::vector<std::string> kListColumns = {"photos", "points", "hashtags"};
const std::vector<std::string> kStatParts = {"value", "unit", "label"};
const std::vector<std::string> kItemParts = {"date", "time", "title", "place"};
// 'stats' takes 1 to 6 numbers; 'items' at most 50 entries, as a spec's lists do.
constexpr int kMaxStats = 6;
constexpr int kMaxItems = 50;

// "stat2_label" -> {"stat", 2, "label"}; nullopt for any other name.
struct NumberedColumn {
    std::string group;
    int number = 0;
    std::string part;
};
std::optional<NumberedColumn> numbered(const std::string& name) {
    static const std::regex form(R"((stat|item)(\d{1,3})_([a-z]+))");
    std::smatch m;
    if (!std::regex_match(name, m, form)) return std::nullopt;
    NumberedColumn c{m[1], std::stoi(m[2]), m[3]};
    const auto& parts = c.group == "stat" ? kStatParts : kItemParts;
    int most = c.group == "stat" ? kMaxStats : kMaxItems;
    if (c.number < 1 || c.number > most || std::find(parts.begin(), parts.end(), c.part) == parts.end())
        return std::nullopt;
    return c;
}

// Every column name a sheet may use (numbered ones up to a few, for suggestions).
std::vector<std::string> known_columns() {
    std::vector<std::string> names = {"file", "formats", "date", "time", "photo", "photo_focus",
                                      "quote", "quote_by", "quote_role"};
    for (const auto* list : {&kTopColumns, &kTextColumns, &kListColumns}) names.insert(names.end(), list->begin(), list->end());
    for (int n = 1; n <= kMaxStats; ++n)
        for (const auto& part : kStatParts) names.push_back("stat" + std::to_string(n) + "_" + part);
    for (int n = 1; n <= 9; ++n)
        for (const auto& part : kItemParts) names.push_back("item" + std::to_string(n) + "_" + part);
    return names;
}

bool is_column(const std::string& name) {
    const auto names = known_columns();
    return numbered(name) || std::find(names.begin(), names.end(), name) != names.end();
}

// The sheet's columns by number; 0-length names are columns left out.
struct Header {
    std::vector<std::string> names;  // by column index; "" for a column rupa leaves out
};

Header read_header(const CsvTable& table, const std::string& display_name, std::vector<Warning>& warnings) {
    Header header;
    SpecProblems problems;
    std::map<std::string, int> seen;
    for (const CsvCell& cell : table.rows.front()) {
        std::string name = lower_ascii(trimmed(cell.text));
        SourceMark where{display_name, 1, cell.column};
        header.names.push_back("");
        if (name.empty()) {
            bool used = std::any_of(table.rows.begin() + 1, table.rows.end(), [&](const auto& row) {
                return size_t(cell.column) <= row.size() && !trimmed(row[size_t(cell.column - 1)].text).empty();
            });
            if (used) problems.add(SpecProblem{where, "column " + std::to_string(cell.column) + " has no name", "name it in row 1"});
            continue;
        }
        if (name == "stats" || name == "items") {
            std::string first = name == "stats" ? "stat1_value, stat1_unit, stat1_label" : "item1_date, item1_time, item1_title, item1_place";
            problems.add(SpecProblem{where, "'" + name + "' is written in numbered columns", first + ", then 2, 3, ..."});
            continue;
        }
        if (!is_column(name)) {
            std::string guess = nearest_word(name, known_columns());
            if (!guess.empty()) problems.add(SpecProblem{where, "unknown column '" + excerpt(name) + "'", "did you mean '" + guess + "'?"});
            else warnings.push_back({"column-ignored", "column '" + excerpt(trimmed(cell.text)) +
                                         "' is not a post field; rupa leaves it out", "", where});
            continue;
        }
        auto [first, fresh] = seen.emplace(name, cell.column);
        if (!fresh) {
            problems.add(SpecProblem{where, "column '" + name + "' is given twice",
                          "first in column " + std::to_string(first->second) + "; keep one"});
            continue;
        }
        header.names.back() = name;
    }
    if (!seen.count("template"))
        problems.add(SpecProblem{SourceMark{display_name, 1, 1}, "the sheet has no 'template' column",
                      "add one naming each post's template, e.g. event (see 'rupa templates')"});
    problems.throw_if_any();
    return header;
}

// A YAML double-quoted scalar holding `text` exactly: control characters escaped, so that
// the spec reader sees (and refuses) them as they are.
std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (unsigned char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c < 0x20 || c == 0x7F) {
            char code[8];
            std::snprintf(code, sizeof code, "\\x%02X", c);
            out += code;
        } else {
            out += char(c);
        }
    }
    return out + "\"";
}

// A cell's list: one entry per line, or entries separated by " | ".
std::vector<std::string> entries(const std::string& text) {
    std::vector<std::string> out;
    size_t at = 0;
    while (at <= text.size()) {
        size_t line_end = std::min(text.find('\n', at), text.size());
        size_t bar = text.find(" | ", at);
        size_t end = bar < line_end ? bar : line_end;
        if (std::string entry = trimmed(text.substr(at, end - at)); !entry.empty()) out.push_back(entry);
        at = end + (end == bar ? 3 : 1);
    }
    return out;
}

// "#BlitarKeren #Bimtek" in one entry is two hashtags.
std::vector<std::string> hashtags(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& entry : entries(text)) {
        bool all_tags = entry.starts_with('#');
        std::vector<std::string> words;
        for (size_t at = 0; at < entry.size();) {
            size_t end = std::min(entry.find(' ', at), entry.size());
            if (end > at) words.push_back(entry.substr(at, end - at));
            at = end + 1;
        }
        for (const auto& w : words) all_tags = all_tags && w.starts_with('#');
        if (all_tags) out.insert(out.end(), words.begin(), words.end());
        else out.push_back(entry);
    }
    return out;
}

// Digits with an optional sign and decimal point ("212900000", "-3", "2.5"): what a spec
// would write unquoted as a number.
bool is_plain_number(const std::string& text) {
    size_t i = text.starts_with('-') ? 1 : 0;
    bool digits = false, point = false;
    for (; i < text.size(); ++i) {
        if (std::isdigit(static_cast<unsigned char>(text[i]))) digits = true;
        else if (text[i] == '.' && !point) point = true;
        else return false;
    }
    return digits && !text.ends_with('.');
}

// Writes the spec of one row, a line at a time, each line marked with its cell.
class RowWriter {
public:
    RowWriter(SheetRow& row, SourceMark whole) : row_(row) { line("# " + row.name(), whole); }
    void line(const std::string& text, const SourceMark& where) {
        row_.yaml += text + "\n";
        row_.line_marks.push_back(where);
    }
    void field(int indent, const std::string& key, const std::string& value, const SourceMark& where) {
        entry(indent, key, quoted(value), where);
    }
    // A plain number, unquoted, so that the spec reads it as a number.
    void number(int indent, const std::string& key, const std::string& value, const SourceMark& where) {
        entry(indent, key, value, where);
    }
    void list(int indent, const std::string& key, const std::vector<std::string>& items, const SourceMark& where) {
        line(std::string(size_t(indent), ' ') + key + ":", where);
        for (const auto& item : items) line(std::string(size_t(indent) + 2, ' ') + "- " + quoted(item), where);
    }

private:
    void entry(int indent, const std::string& key, const std::string& written, const SourceMark& where) {
        line(std::string(size_t(indent), ' ') + key + ": " + written, where);
    }

    SheetRow& row_;
};

// The cells of one row by column name, empty cells left out.
using RowCells = std::map<std::string, CsvCell>;

SourceMark mark_of(const SheetRow& row, const CsvCell& cell) { return {row.display_name, cell.row, cell.column}; }

// Dates as a spec writes them (2023-07-06) or as Excel writes them in Indonesia, day first
// (06/07/2023, 6/7/23); a two-digit year is 20YY.
std::optional<std::string> iso_date(const std::string& text, const SourceMark& where, SheetRow& row,
                                    const std::string& field) {
    static const std::regex day_first(R"((\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2}))");
    std::smatch m;
    std::string iso = text;
    if (std::regex_match(text, m, day_first)) {
        int year = std::stoi(m[3]) + (m[3].length() == 2 ? 2000 : 0);
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, std::stoi(m[2]), std::stoi(m[1]));
        iso = buffer;
    }
    try {
        parse_date(iso, where, field);
        return iso;
    } catch (const SpecError& e) {
        row.problems.push_back(iso == text ? e.problems().front()
                                           : SpecProblem{where, "'" + excerpt(text) + "' is not a date in the calendar",
                                                         e.hint()});
        if (iso == text && !std::regex_match(text, std::regex(R"(\d{4}-\d{2}-\d{2})")))
            row.problems.back() = {where, "'" + field + "' must be a date", "e.g. 2024-07-04 or 04/07/2024 (day first), not '" + excerpt(text) + "'"};
        return std::nullopt;
    }
}

// "09:00:00" as spreadsheets write a time cell: the seconds go.
std::string clock_time(const std::string& text) {
    static const std::regex with_seconds(R"((\d{1,2}[:.]\d{2})[:.]00)");
    std::smatch m;
    return std::regex_match(text, m, with_seconds) ? std::string(m[1]) : text;
}

// A numbered group's cells (stat 2's value, unit, label) need its main one.
void write_group(RowWriter& out, SheetRow& row, const RowCells& cells, const std::string& group, int most,
                 const std::vector<std::string>& parts, const std::string& main, const std::string& list) {
    bool opened = false;
    for (int n = 1; n <= most; ++n) {
        std::string prefix = group + std::to_string(n) + "_";
        std::vector<const CsvCell*> given;
        for (const auto& part : parts)
            if (auto it = cells.find(prefix + part); it != cells.end()) given.push_back(&it->second);
        if (given.empty()) continue;
        if (!cells.count(prefix + main)) {
            std::string first = std::find_if(cells.begin(), cells.end(), [&](const auto& c) { return &c.second == given.front(); })->first;
            row.problems.push_back(SpecProblem{mark_of(row, *given.front()), "'" + first + "' is given without '" + prefix + main + "'",
                                    "fill '" + prefix + main + "' in this row, or empty the cell"});
            row.refused.insert(list);
            continue;
        }
        if (!opened) out.line("  " + list + ":", mark_of(row, *given.front()));
        opened = true;
        bool first_part = true;
        for (const auto& part : parts) {
            auto it = cells.find(prefix + part);
            if (it == cells.end()) continue;
            std::string value = trimmed(it->second.text);
            SourceMark where = mark_of(row, it->second);
            if (part == "date") {
                auto iso = iso_date(value, where, row, prefix + part);
                if (!iso) continue;
                value = *iso;
            }
            if (part == "time") value = clock_time(value);
            // A spec's quoted stat value is text; a cell holding a plain number stays a
            // number, written the locale's way, as it was typed into the sheet.
            int indent = first_part ? 4 : 6;
            std::string key = (first_part ? "- " : "") + part;
            if (part == "value" && is_plain_number(value)) out.number(indent, key, value, where);
            else out.field(indent, key, value, where);
            first_part = false;
        }
    }
}

void write_quote(RowWriter& out, SheetRow& row, const RowCells& cells) {
    auto text = cells.find("quote");
    if (text == cells.end()) {
        for (const char* part : {"quote_by", "quote_role"})
            if (auto it = cells.find(part); it != cells.end()) {
                row.problems.push_back(SpecProblem{mark_of(row, it->second), "'" + std::string(part) + "' is given without a 'quote'",
                                        "fill 'quote' in this row, or empty the cell"});
                row.refused.insert("quote");
                return;
            }
        return;
    }
    out.line("  quote:", mark_of(row, text->second));
    out.field(4, "text", trimmed(text->second.text), mark_of(row, text->second));
    for (const auto& [column, key] : {std::pair{"quote_by", "by"}, {"quote_role", "role"}})
        if (auto it = cells.find(column); it != cells.end()) out.field(4, key, trimmed(it->second.text), mark_of(row, it->second));
}

void write_photo(RowWriter& out, SheetRow& row, const RowCells& cells) {
    auto photo = cells.find("photo");
    auto focus = cells.find("photo_focus");
    if (photo == cells.end()) {
        if (focus != cells.end())
            row.problems.push_back(SpecProblem{mark_of(row, focus->second), "'photo_focus' is given without a 'photo'",
                                    "fill 'photo' in this row, or empty the cell"});
        return;
    }
    if (focus == cells.end()) return out.field(2, "photo", trimmed(photo->second.text), mark_of(row, photo->second));
    out.line("  photo:", mark_of(row, photo->second));
    out.field(4, "src", trimmed(photo->second.text), mark_of(row, photo->second));
    // "0.5 0.3": two numbers; anything else is passed on for the reader to refuse.
    std::vector<std::string> numbers;
    std::string text = trimmed(focus->second.text);
    for (size_t at = 0; at < text.size();) {
        size_t end = std::min(text.find_first_of(" ,;", at), text.size());
        if (end > at) numbers.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    if (numbers.size() == 2) {
        out.line("    focus:", mark_of(row, focus->second));
        for (const auto& n : numbers) out.line("      - " + quoted(n), mark_of(row, focus->second));
    } else {
        out.field(4, "focus", text, mark_of(row, focus->second));
    }
}

// A plain name for the post's folder, or a problem at the 'file' cell.
std::string folder_name(SheetRow& row, const CsvCell& cell) {
    std::string name = trimmed(cell.text);
    bool plain = !name.empty() && name.size() <= 100 && !name.starts_with('.') &&
                 name.find_first_of("/\\:*?\"<>|\n\t") == std::string::npos &&
                 !first_control_character(name);
    if (plain) return name;
    row.problems.push_back(SpecProblem{mark_of(row, cell), "'" + excerpt(name) + "' cannot name the post's folder",
                            "write a plain name of letters, digits, '-' and '_', e.g. rapat-humas"});
    return {};
}

// 003-pelatihan-admin-medsos: the row number, and the headline in lower-case ASCII words.
std::string numbered_slug(int row, const std::string& headline) {
    char number[16];
    std::snprintf(number, sizeof number, "%03d", row);
    std::string slug;
    for (unsigned char c : headline) {
        bool keep = std::isalnum(c) && c < 0x80;
        if (keep) slug += char(std::tolower(c));
        else if (!slug.empty() && slug.back() != '-') slug += '-';
    }
    constexpr size_t kLongest = 40;
    if (slug.size() > kLongest) {
        size_t cut = slug.rfind('-', kLongest);
        slug.resize(cut == std::string::npos || cut == 0 ? kLongest : cut);
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    return slug.empty() ? number : std::string(number) + "-" + slug;
}

SheetRow read_row(const Header& header, const std::vector<CsvCell>& cells, const fs::path& file,
                  const std::string& display_name) {
    SheetRow row;
    row.file = file;
    row.display_name = display_name;
    row.row = cells.front().row;
    RowCells given;
    for (const CsvCell& cell : cells) {
        size_t index = size_t(cell.column - 1);
        SourceMark where{display_name, cell.row, cell.column};
        if (index >= header.names.size()) {
            if (!trimmed(cell.text).empty())
                row.problems.push_back(SpecProblem{where, "this cell is to the right of the last named column",
                                        "name its column in row 1, or empty the cell"});
            continue;
        }
        if (header.names[index].empty()) continue;
        row.cells[header.names[index]] = where;
        if (!trimmed(cell.text).empty()) given[header.names[index]] = cell;
    }
    for (const auto& name : header.names)
        if (!name.empty() && !row.cells.count(name)) row.cells[name] = {display_name, row.row, 1};

    RowWriter out(row, {display_name, row.row, 1});
    for (const auto& key : kTopColumns)
        if (auto it = given.find(key); it != given.end()) out.field(0, key, trimmed(it->second.text), mark_of(row, it->second));
    if (auto it = given.find("formats"); it != given.end()) {
        std::vector<std::string> names;
        for (const auto& entry : entries(it->second.text))
            for (size_t at = 0; at < entry.size();) {
                size_t end = std::min(entry.find_first_of(" ,", at), entry.size());
                if (end > at) names.push_back(entry.substr(at, end - at));
                at = end + 1;
            }
        out.list(0, "formats", names, mark_of(row, it->second));
    }
    out.line("content:", {display_name, row.row, 1});
    for (const auto& key : kTextColumns)
        if (auto it = given.find(key); it != given.end()) out.field(2, key, trimmed(it->second.text), mark_of(row, it->second));
    if (auto it = given.find("date"); it != given.end()) {
        if (auto iso = iso_date(trimmed(it->second.text), mark_of(row, it->second), row, "date")) {
            out.field(2, "date", *iso, mark_of(row, it->second));
            row.date = parse_date(*iso, mark_of(row, it->second), "date");
        } else {
            row.refused.insert("date");
        }
    }
    if (auto it = given.find("time"); it != given.end())
        out.field(2, "time", clock_time(trimmed(it->second.text)), mark_of(row, it->second));
    write_photo(out, row, given);
    for (const auto& key : kListColumns)
        if (auto it = given.find(key); it != given.end())
            out.list(2, key, key == "hashtags" ? hashtags(it->second.text) : entries(it->second.text), mark_of(row, it->second));
    write_quote(out, row, given);
    write_group(out, row, given, "stat", kMaxStats, kStatParts, "value", "stats");
    write_group(out, row, given, "item", kMaxItems, kItemParts, "title", "items");

    std::string headline;
    for (const char* key : {"title", "quote", "claim"})
        if (auto it = given.find(key); it != given.end() && headline.empty()) headline = it->second.text;
    auto named = given.find("file");
    row.folder = named != given.end() ? folder_name(row, named->second) : numbered_slug(row.row, headline);
    return row;
}

}  // namespace

bool is_post_sheet(const fs::path& file) { return lower_ascii(file.extension().string()) == ".csv"; }

PostSheet read_post_sheet(const fs::path& file, const std::string& display_name) {
    CsvTable table = read_csv(file, display_name);
    PostSheet sheet;
    Header header = read_header(table, display_name, sheet.warnings);
    for (size_t i = 1; i < table.rows.size(); ++i) {
        const auto& cells = table.rows[i];
        bool blank = std::all_of(cells.begin(), cells.end(), [](const CsvCell& c) { return trimmed(c.text).empty(); });
        if (!blank) sheet.rows.push_back(read_row(header, cells, file, display_name));
    }
    if (sheet.rows.empty())
        throw SpecError({display_name, 1, 1}, "the sheet has no posts", "each row below row 1 is a post");
    return sheet;
}

Spec read_sheet_row(const SheetRow& row, SpecProblems& problems) {
    Spec spec;
    spec.file = row.file;
    spec.display_name = row.display_name;
    spec.stem = row.folder;
    spec.sheet_row = row.row;
    spec.sheet_cells = row.cells;
    for (const auto& p : row.problems) problems.add(p);
    YAML::Node root;
    try {
        root = YAML::Load(row.yaml);
    } catch (const YAML::Exception& e) {  // never expected: every value is written quoted
        throw SpecError({row.display_name, row.row, 1}, "cannot read this row", e.what());
    }
    YamlSource source{row.display_name, root, row.line_marks};
    fs::path folder = row.file.parent_path().empty() ? fs::path(".") : row.file.parent_path();
    spec = read_spec(std::move(source), std::move(spec), folder, problems);
    spec.content.refused.insert(row.refused.begin(), row.refused.end());
    return spec;
}

std::string sheet_column(const std::string& field) {
    if (field == "quote.text") return "quote";
    if (field == "quote.by") return "quote_by";
    if (field == "quote.role") return "quote_role";
    if (field == "stats") return "stat1_value";
    if (field == "items") return "item1_title";
    return field;
}

}  // namespace rupa
