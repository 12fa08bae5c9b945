// The text is cut into words at spaces; each rule looks at a few words in a row. Words are
// compared in lower case without the punctuation around them ("(Rp", "2024,"), so the same
// rules hold for upper-case styles and for text inside brackets or quotes.
#include "layout/line_breaks.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace rupa {

namespace {

struct Word {
    size_t begin = 0, end = 0;  // bytes of the whole word, punctuation included
    std::string core;           // lower case, without the punctuation around it
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
    Word w{begin, end, {}, 0, starts_line};
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
    w.core.assign(s);
    for (char& c : w.core) c = char(std::tolower(static_cast<unsigned char>(c)));
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

// 09.30, 9:30, 08.00-12.00 (a range with a hyphen or an en dash).
bool is_clock(std::string_view s) {
    auto one = [](std::string_view t) {
        size_t mark = t.find_first_of(".:");
        return mark != std::string_view::npos && is_digits(t.substr(0, mark), 1, 2) &&
               is_digits(t.substr(mark + 1), 2, 2);
    };
    for (std::string_view dash : {"-", "\xE2\x80\x93"}) {
        size_t at = s.find(dash);
        if (at != std::string_view::npos) return one(s.substr(0, at)) && one(s.substr(at + dash.size()));
    }
    return one(s);
}

bool is_amount(const std::string& s) { return is_number(s) || (s.rfind("rp", 0) == 0 && is_number(s.substr(2))); }

bool is_day(const std::string& s) { return is_digits(s, 1, 2) && std::stoi(s) >= 1 && std::stoi(s) <= 31; }

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

class SpanFinder {
public:
    explicit SpanFinder(std::vector<Word> words) : w_(std::move(words)) {}

    std::vector<TextSpan> find() {
        std::vector<TextSpan> spans;
        for (size_t i = 0; i < w_.size();) {
            size_t n = std::max({time_at(i), date_at(i), measure_at(i)});
            if (n >= 2) {
                spans.push_back({w_[i].begin, w_[i + n - 1].end});
                i += n;
                continue;
            }
            if (hyphen_prefix(w_[i].core)) spans.push_back({w_[i].begin, w_[i].end});
            ++i;
        }
        return spans;
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

    // [Senin,] 8 Juli [2024], or Juli 2024.
    size_t date_at(size_t i) const {
        size_t j = i;
        bool weekday = one_of(core(j), kWeekdays) && (w_[j].closing == 0 || w_[j].closing == ',') &&
                       j + 1 < w_.size() && !w_[j + 1].starts_line;
        if (weekday) ++j;
        if (j < w_.size() && is_day(core(j)) && joins(j + 1) && one_of(core(j + 1), kMonths)) {
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
