// The text is cut into words at spaces; each rule looks at a few words in a row. Words are
// compared in lower case without the punctuation around them ("(Rp", "2024,"), so the same
// rules hold for upper-case styles and for text inside brackets or quotes.
#include "layout/line_breaks.hpp"

#include "spec/ascii_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <utility>

namespace rupa {

namespace {

struct Word {
    size_t begin = 0, end = 0;  // bytes of the whole word, punctuation included
    std::string bare;           // without the punctuation around it, as written
    std::string core;           // the same in lower case
    char closing = 0;           // the clause mark after it (, . ; : ! ?), else 0
    bool starts_line = false;   // an explicit line break stands before it
};

// Separators between words: spaces, tabs, line breaks, no-break and narrow no-break spaces.
size_t separator_length(std::string_view text, size_t i, bool& line_break) {
    unsigned char c = text[i];
    line_break = c == '\n' || c == '\r';
    if (c == ' ' || c == '\t' || line_break) return 1;
    if (text.compare(i, 2, "\xC2\xA0") == 0) return 2;       // U+00A0
    if (text.compare(i, 3, "\xE2\x80\xAF") == 0) return 3;   // U+202F
    return 0;
}

constexpr std::array<std::string_view, 7> kOpening = {"(", "[", "\"", "'", "\xE2\x80\x9C", "\xE2\x80\x98", "\xC2\xAB"};
constexpr std::array<std::string_view, 7> kClosing = {")", "]", "\"", "'", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB"};
constexpr std::string_view kClauseMarks = ",.;:!?";

bool strip_prefix(std::string_view& s, std::string_view p) {
    if (s.substr(0, p.size()) != p) return false;
    s.remove_prefix(p.size());
    return true;
}

bool strip_suffix(std::string_view& s, std::string_view p) {
    if (s.size() < p.size() || s.substr(s.size() - p.size()) != p) return false;
    s.remove_suffix(p.size());
    return true;
}

Word make_word(std::string_view text, size_t begin, size_t end, bool starts_line) {
    Word w{begin, end, {}, {}, 0, starts_line};
    std::string_view s = text.substr(begin, end - begin);
    for (bool again = true; again;) {
        again = false;
        for (auto p : kOpening) again = again || strip_prefix(s, p);
    }
    for (bool again = true; again;) {
        again = false;
        for (auto p : kClosing) again = again || strip_suffix(s, p);
        if (!s.empty() && kClauseMarks.find(s.back()) != std::string_view::npos) {
            if (!w.closing) w.closing = s.back();
            s.remove_suffix(1);
            again = true;
        }
    }
    w.bare.assign(s);
    w.core = ascii_lowercase(w.bare);
    return w;
}

std::vector<Word> split_words(std::string_view text) {
    std::vector<Word> words;
    size_t i = 0, begin = 0;
    bool line_break = false, pending_break = false;
    while (i <= text.size()) {
        size_t sep = i < text.size() ? separator_length(text, i, line_break) : 1;
        if (sep == 0) {
            ++i;
            continue;
        }
        if (i > begin) {
            words.push_back(make_word(text, begin, i, pending_break));
            pending_break = false;
        }
        pending_break = pending_break || (i < text.size() && line_break);
        i += sep;
        begin = i;
    }
    return words;
}

template <size_t N>
bool one_of(const std::string& s, const std::array<std::string_view, N>& list) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

bool is_digits(std::string_view s, size_t min, size_t max) {
    return s.size() >= min && s.size() <= max &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// 2024, 1.250, 212,9, 2.500.000: digits with single separators between them.
bool is_number(std::string_view s) {
    if (s.empty() || !std::isdigit(static_cast<unsigned char>(s.front())) ||
        !std::isdigit(static_cast<unsigned char>(s.back())))
        return false;
    for (size_t i = 0; i < s.size(); ++i) {
        bool separator = s[i] == '.' || s[i] == ',';
        if (!separator && !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
        if (separator && (s[i + 1] == '.' || s[i + 1] == ',')) return false;
    }
    return true;
}

constexpr std::array<std::string_view, 2> kDashes = {"-", "\xE2\x80\x93"};  // a hyphen, an en dash

// The two sides of a range written with a hyphen or an en dash ("08.00-12.00", "1–31"), when
// `s` is one.
std::optional<std::pair<std::string_view, std::string_view>> range_sides(std::string_view s) {
    for (std::string_view dash : kDashes) {
        size_t at = s.find(dash);
        if (at != std::string_view::npos) return std::pair{s.substr(0, at), s.substr(at + dash.size())};
    }
    return std::nullopt;
}

// 09.30, 9:30, 08.00-12.00 (a range with a hyphen or an en dash).
bool is_clock(std::string_view s) {
    auto one = [](std::string_view t) {
        size_t mark = t.find_first_of(".:");
        return mark != std::string_view::npos && is_digits(t.substr(0, mark), 1, 2) &&
               is_digits(t.substr(mark + 1), 2, 2);
    };
    auto sides = range_sides(s);
    return sides ? one(sides->first) && one(sides->second) : one(s);
}

bool is_amount(const std::string& s) { return is_number(s) || (s.rfind("rp", 0) == 0 && is_number(s.substr(2))); }

bool is_day(std::string_view s) {
    return is_digits(s, 1, 2) && (s.size() == 1 ? s[0] >= '1' : s <= "31" && s != "00");
}

// 1–31, 28-30: a range of days written as one word.
bool is_day_range(std::string_view s) {
    auto sides = range_sides(s);
    return sides && is_day(sides->first) && is_day(sides->second);
}

constexpr std::array<std::string_view, 16> kWeekdays = {
    "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "ahad"};
constexpr std::array<std::string_view, 36> kMonths = {
    "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
    "oktober", "november", "desember", "january", "february", "march", "may", "june", "july",
    "august", "october", "december", "jan", "feb", "mar", "apr", "jun", "jul", "agu", "ags",
    "aug", "sep", "okt", "oct", "nov", "des", "dec"};
constexpr std::array<std::string_view, 3> kZones = {"wib", "wita", "wit"};
constexpr std::array<std::string_view, 4> kTimeWords = {"pukul", "pk", "jam", "at"};
constexpr std::array<std::string_view, 8> kMagnitudes = {"ribu",     "juta",    "miliar",  "triliun",
                                                         "thousand", "million", "billion", "trillion"};
// Units a number is written with on government graphics; a short list on purpose: a word
// joined by mistake only costs a break opportunity, but a long list would join too much.
constexpr std::array<std::string_view, 17> kUnits = {"km",    "m",     "kg",   "ton", "ha",     "jam",
                                                     "menit", "detik", "hari", "%",   "persen", "orang",
                                                     "jiwa",  "unit",  "ekor", "kk",  "rupiah"};
// Prefixes EYD joins to a capitalised word or a number with a hyphen: se-Indonesia, ke-79,
// di-PHK, ber-KTP, mem-PHK-kan.
constexpr std::array<std::string_view, 14> kPrefixes = {"se", "ke", "di", "ber", "ter", "me", "mem",
                                                        "men", "meng", "pe", "pem", "pen", "peng", "per"};

// Abbreviations that stand before a name or a number on addresses and in titles, and must
// never end a line ("Jl. / Sudirman", "No. / 12"). Matched as written, or in capitals (an
// upper-case style): "dr." (a physician) and "Dr." (a doctorate) both, but not "h." or
// "no.". A short list on purpose, like the units.
struct Abbreviation {
    std::string_view spelled;  // without its full stop
    bool stop_optional;        // also written without the stop: "Jl Sudirman", "No 12", "KH Ahmad"
    bool street;               // names a street: the house number after the name stays with it
    bool before_number;        // stands before a number only: "No. 12"
};
constexpr std::array<Abbreviation, 18> kAbbreviations = {{
    {"Jl", true, true, false},    {"Jln", true, true, false},   {"Gg", true, true, false},
    {"No", true, false, true},    {"Kec", false, false, false}, {"Kel", false, false, false},
    {"Kab", false, false, false}, {"Ds", false, false, false},  {"Dr", false, false, false},
    {"dr", false, false, false},  {"H", false, false, false},   {"Hj", false, false, false},
    {"Ir", false, false, false},  {"Prof", false, false, false}, {"Drs", false, false, false},
    {"Dra", false, false, false}, {"KH", true, false, false},   {"St", false, false, false}}};
// Titles in a row stay with the name after them ("Prof. Dr. Ir. H. Ahmad"), up to this many:
// a longer row may break after its fourth, so that no stretch grows without bound.
constexpr size_t kMaxTitles = 4;
// The words of a street's name before its house number: "Jl. Ahmad Yani 12", "Jl. Raya Bogor Km 30".
constexpr size_t kMaxStreetWords = 4;
// "RT 03/RW 05", "RT 003 / RW 005": at most this many words.
constexpr size_t kMaxNeighbourhoodWords = 5;

// `word` is `spelled` as written, or in capitals.
bool spelled_as(std::string_view word, std::string_view spelled) {
    if (word.size() != spelled.size()) return false;
    bool as_written = word == spelled, capitals = true;
    for (size_t i = 0; i < word.size() && capitals; ++i)
        capitals = word[i] == char(std::toupper(static_cast<unsigned char>(spelled[i])));
    return as_written || capitals;
}

bool is_letters(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80); });
}

// A word that starts like a name: a capital (any letter outside ASCII counts, its case unknown).
bool capitalised(std::string_view s) {
    unsigned char c = s.empty() ? 0 : s.front();
    return std::isupper(c) || c >= 0x80;
}

bool starts_with_digit(std::string_view s) { return !s.empty() && std::isdigit(static_cast<unsigned char>(s.front())); }

// 12, 12A, 3/5, 12-14, 7B/2: a house or lot number (not 2.500, not 2024,5).
bool is_house_number(std::string_view s) {
    auto part = [](std::string_view& t) {  // 1 to 4 digits and perhaps a letter
        size_t digits = 0;
        while (digits < t.size() && std::isdigit(static_cast<unsigned char>(t[digits]))) ++digits;
        if (digits < 1 || digits > 4) return false;
        t.remove_prefix(digits);
        if (!t.empty() && std::isalpha(static_cast<unsigned char>(t.front()))) t.remove_prefix(1);
        return true;
    };
    if (!part(s)) return false;
    if (s.empty()) return true;
    if (s.front() != '/' && s.front() != '-') return false;
    s.remove_prefix(1);
    return part(s) && s.empty();
}

// A word of a neighbourhood's number ("RT 03/RW 05", "RT/RW 03/05", "RT 003 / RW 005"):
// the marks RT and RW, digits and slashes, nothing else.
bool is_neighbourhood_part(std::string_view s) {
    if (s.empty()) return false;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s.compare(i, 2, "RT") == 0 || s.compare(i, 2, "RW") == 0) ++i;
        else if (s[i] != '/' && !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    }
    return true;
}

// Reduplication, which EYD writes with a hyphen that is no place to break: the second half
// repeats the first (anak-anak, Alun-alun, Detik-detik), with a suffix (anak-anaknya,
// warna-warni), with a changed sound (sayur-mayur, lauk-pauk, bolak-balik) or after a
// prefix (berlari-lari, sebaik-baiknya). Kept simple: halves that share their first three
// letters or their last three, that have the same length, first and last letter, or whose
// first ends with the second (less a suffix). A hyphenated pair of places ("Jakarta-Bandung")
// matches none of these and may still break at its hyphen.
bool is_reduplication(std::string_view word) {
    size_t hyphen = word.find('-');
    if (hyphen == std::string_view::npos || word.find('-', hyphen + 1) != std::string_view::npos) return false;
    std::string_view a = word.substr(0, hyphen), b = word.substr(hyphen + 1);
    if (a.size() < 2 || b.size() < 2 || !is_letters(a) || !is_letters(b)) return false;
    auto tail = [](std::string_view s) { return s.substr(s.size() - std::min<size_t>(3, s.size())); };
    if (a.substr(0, 3) == b.substr(0, 3)) return true;
    if (a.size() >= 3 && b.size() >= 3 && tail(a) == tail(b)) return true;
    if (a.size() == b.size() && a.front() == b.front() && a.back() == b.back()) return true;
    if (a.ends_with(b)) return true;
    std::string_view stem = b;
    for (std::string_view suffix : {"nya", "kan", "an", "i"})
        if (stem.size() >= suffix.size() + 3 && strip_suffix(stem, suffix)) return a.ends_with(stem);
    return false;
}

// Words first to last, kept on one line.
struct Run {
    size_t first = 0, last = 0;
};

class SpanFinder {
public:
    explicit SpanFinder(std::vector<Word> words) : w_(std::move(words)) {}

    std::vector<TextSpan> find() {
        std::vector<Run> runs;
        for (size_t i = 0; i < w_.size();) {
            size_t n = std::max({time_at(i), date_at(i), measure_at(i)});
            if (n >= 2) {
                runs.push_back({i, i + n - 1});
                i += n;
                continue;
            }
            if (hyphen_prefix(core(i)) || is_reduplication(core(i))) runs.push_back({i, i});
            ++i;
        }
        for (size_t i = 0; i < w_.size();) {
            size_t n = std::max(titles_at(i), neighbourhood_at(i));
            if (n >= 2) runs.push_back({i, i + n - 1});
            if (size_t number = house_number_after(i)) runs.push_back({number - 1, number});
            i += std::max<size_t>(n, 1);
        }
        return merged(std::move(runs));
    }

private:
    // Word j continues the words before it: it exists, no line break or clause mark parts them.
    bool joins(size_t j) const { return j < w_.size() && !w_[j].starts_line && !w_[j - 1].closing; }
    const std::string& core(size_t j) const { return w_[j].core; }

    // [pukul] 09.30 [WIB]: at least two of the three.
    size_t time_at(size_t i) const {
        size_t j = i;
        if (one_of(core(j), kTimeWords) && joins(j + 1)) ++j;
        if (!is_clock(core(j))) return 0;
        ++j;
        if (joins(j) && one_of(core(j), kZones)) ++j;
        return j - i;
    }

    // [Senin,] 8 Juli [2024], 1–31 Juli 2024, 8 – 12 Juli 2024, or Juli 2024.
    size_t date_at(size_t i) const {
        size_t j = i;
        bool weekday = one_of(core(j), kWeekdays) && (w_[j].closing == 0 || w_[j].closing == ',') &&
                       j + 1 < w_.size() && !w_[j + 1].starts_line;
        if (weekday) ++j;
        // A range's first day and its dash, as words of their own: "8 – 12 Juli".
        if (j < w_.size() && is_day(core(j)) && joins(j + 1) && one_of(core(j + 1), kDashes) && joins(j + 2) &&
            is_day(core(j + 2)))
            j += 2;
        if (j < w_.size() && (is_day(core(j)) || is_day_range(core(j))) && joins(j + 1) &&
            one_of(core(j + 1), kMonths)) {
            j += 2;
            if (joins(j) && is_digits(core(j), 4, 4)) ++j;
            return j - i;
        }
        if (!weekday && one_of(core(j), kMonths) && joins(j + 1) && is_digits(core(j + 1), 4, 4)) return 2;
        return 0;
    }

    // Amounts with their currency, magnitude and unit, chained: "Rp 2,5 juta", "3 jam 18 menit".
    size_t measure_at(size_t i) const {
        size_t j = i;
        while (j < w_.size()) {
            size_t start = j;
            bool currency = core(j) == "rp" && joins(j + 1) && is_amount(core(j + 1));
            if (currency) j += 2;
            else if (is_amount(core(j))) ++j;
            else break;
            bool unit = false;
            if (joins(j) && one_of(core(j), kMagnitudes)) ++j, unit = true;
            if (joins(j) && one_of(core(j), kUnits)) ++j, unit = true;
            if (!unit && !currency) {
                j = start;
                break;
            }
            if (!joins(j)) break;
        }
        return j - i;
    }

    // The abbreviation word j is, if it is one of kAbbreviations written as such.
    const Abbreviation* abbreviation(size_t j) const {
        const std::string& bare = w_[j].bare;
        bool stop = w_[j].closing == '.';
        if (!stop && w_[j].closing) return nullptr;
        for (const Abbreviation& a : kAbbreviations)
            if ((stop || a.stop_optional) && spelled_as(bare, a.spelled)) return &a;
        return nullptr;
    }

    // Jl. Sudirman, No. 12, Prof. Dr. Ir. H. Ahmad: abbreviations with the word after them,
    // a name (a capital or a digit first) or, after "No.", a number.
    size_t titles_at(size_t i) const {
        size_t j = i;
        while (j - i < kMaxTitles && j + 1 < w_.size() && !w_[j + 1].starts_line) {
            const Abbreviation* a = abbreviation(j);
            const std::string& next = w_[j + 1].bare;
            if (!a || !(a->before_number ? starts_with_digit(next) : (capitalised(next) || starts_with_digit(next))))
                break;
            ++j;
        }
        return j > i ? j - i + 1 : 0;
    }

    // Jl. Ahmad Yani 12, Jalan Sudirman 5A: the house number after a street's name, which
    // stays with the name's last word ("Yani 12"). Returns the number's word, else 0. A
    // number with a unit after it ("Jalan Tol 12 km") is a measure, not a house.
    size_t house_number_after(size_t i) const {
        const Abbreviation* a = abbreviation(i);
        bool street = (a && a->street) || spelled_as(w_[i].bare, "Jalan") || spelled_as(w_[i].bare, "Gang");
        if (!street) return 0;
        auto names = [&](size_t j) {  // a word of the name; "No." starts the number instead
            const Abbreviation* number = abbreviation(j);
            return !w_[j].starts_line && capitalised(w_[j].bare) && !(number && number->before_number);
        };
        size_t j = i + 1;
        while (j - i <= kMaxStreetWords && j < w_.size() && names(j)) {
            ++j;
            if (w_[j - 1].closing) return 0;  // "Jl. Sudirman, 12": not the street's number
        }
        bool unit = joins(j + 1) && (one_of(core(j + 1), kUnits) || one_of(core(j + 1), kMagnitudes));
        return j > i + 1 && joins(j) && is_house_number(w_[j].bare) && !unit ? j : 0;
    }

    // RT 03/RW 05, RT 03 RW 05, RT. 003 / RW. 005, RT/RW 03/05: a neighbourhood's numbers.
    size_t neighbourhood_at(size_t i) const {
        const std::string& first = w_[i].bare;
        if (first != "RT" && first != "RW" && first != "RT/RW") return 0;
        // Only the marks' own full stop ("RT. 03") lets the run go on past a clause mark.
        auto goes_on = [&](size_t j) {
            const Word& before = w_[j - 1];
            bool mark_stop = before.closing == '.' && (before.bare.ends_with("RT") || before.bare.ends_with("RW"));
            return j < w_.size() && !w_[j].starts_line && (!before.closing || mark_stop) &&
                   is_neighbourhood_part(w_[j].bare);
        };
        size_t j = i + 1, end = i;
        while (j - i < kMaxNeighbourhoodWords && goes_on(j)) {
            if (w_[j].bare.find_first_of("0123456789") != std::string::npos) end = j;
            ++j;
        }
        return end > i ? end - i + 1 : 0;
    }

    // Runs of words that overlap become one: "Jl. Sudirman" and "Sudirman 12".
    std::vector<TextSpan> merged(std::vector<Run> runs) const {
        std::sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) { return a.first < b.first; });
        std::vector<TextSpan> spans;
        size_t last = 0;
        for (const Run& r : runs) {
            if (!spans.empty() && r.first <= last) {
                last = std::max(last, r.last);
                spans.back().end = w_[last].end;
                continue;
            }
            spans.push_back({w_[r.first].begin, w_[r.last].end});
            last = r.last;
        }
        return spans;
    }

    static bool hyphen_prefix(const std::string& word) {
        size_t hyphen = word.find('-');
        if (hyphen == std::string::npos || hyphen + 1 >= word.size()) return false;
        unsigned char next = word[hyphen + 1];
        return one_of(word.substr(0, hyphen), kPrefixes) && (std::isalnum(next) || next >= 0x80);
    }

    std::vector<Word> w_;
};

}  // namespace

std::vector<TextSpan> unbreakable_spans(std::string_view text) { return SpanFinder(split_words(text)).find(); }

}  // namespace rupa
