// Date, time and number wording for the two locales rupa speaks.
#include "locale/locale_text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <span>
#include <string_view>

namespace rupa {

namespace {

// Indexed by std::chrono::weekday::c_encoding(): 0 = Sunday.
constexpr std::array<const char*, 7> kDaysId = {"Minggu", "Senin", "Selasa", "Rabu",
                                                "Kamis",  "Jumat", "Sabtu"};
constexpr std::array<const char*, 7> kDaysEn = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                "Thursday", "Friday", "Saturday"};
constexpr std::array<const char*, 12> kMonthsId = {"Januari", "Februari", "Maret",     "April",
                                                   "Mei",     "Juni",     "Juli",      "Agustus",
                                                   "September", "Oktober", "November", "Desember"};
constexpr std::array<const char*, 12> kMonthsEn = {"January", "February", "March",     "April",
                                                   "May",     "June",     "July",      "August",
                                                   "September", "October", "November", "December"};

}  // namespace

std::string format_weekday(const CalendarDate& date, Locale locale) {
    using namespace std::chrono;
    year_month_day ymd{year(date.year), month(unsigned(date.month)), day(unsigned(date.day))};
    unsigned index = weekday(sys_days(ymd)).c_encoding();
    return locale == Locale::id ? kDaysId[index] : kDaysEn[index];
}

std::string format_month_short(int month, Locale locale) {
    // Indonesian abbreviations as KBBI and the press use them: Agu (Agustus), Okt, Des.
    static constexpr std::array<const char*, 12> id = {"Jan", "Feb", "Mar", "Apr", "Mei", "Jun",
                                                       "Jul", "Agu", "Sep", "Okt", "Nov", "Des"};
    static constexpr std::array<const char*, 12> en = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (month < 1 || month > 12) return "";
    return locale == Locale::id ? id[month - 1] : en[month - 1];
}

std::string format_date(const CalendarDate& date, Locale locale) {
    using namespace std::chrono;
    year_month_day ymd{year(date.year), month(unsigned(date.month)), day(unsigned(date.day))};
    unsigned weekday_index = weekday(sys_days(ymd)).c_encoding();
    const auto& days = locale == Locale::id ? kDaysId : kDaysEn;
    const auto& months = locale == Locale::id ? kMonthsId : kMonthsEn;
    return std::string(days[weekday_index]) + ", " + std::to_string(date.day) + " " +
           months[date.month - 1] + " " + std::to_string(date.year);
}

std::string format_date_range(const CalendarDate& from, const CalendarDate& to, Locale locale) {
    const auto& months = locale == Locale::id ? kMonthsId : kMonthsEn;
    std::string end = std::to_string(to.day) + " " + months[to.month - 1] + " " + std::to_string(to.year);
    if (from.year != to.year)
        return std::to_string(from.day) + " " + months[from.month - 1] + " " + std::to_string(from.year) + " \u2013 " + end;
    if (from.month != to.month) return std::to_string(from.day) + " " + months[from.month - 1] + " \u2013 " + end;
    if (from.day == to.day) return end;
    return std::to_string(from.day) + "\u2013" + end;
}

std::string format_time(const TimeOfDay& time, const std::string& zone, Locale locale) {
    char clock[8];
    std::snprintf(clock, sizeof clock, locale == Locale::id ? "%02d.%02d" : "%02d:%02d",
                  time.hour, time.minute);
    return std::string(clock) + " " + zone;
}

std::string format_when(const CalendarDate* date, const TimeOfDay* time, const std::string& zone,
                        Locale locale) {
    std::string when;
    if (date) when = format_date(*date, locale);
    if (time) {
        if (!when.empty()) when += ", ";
        when += (locale == Locale::id ? "pukul " : "at ") + format_time(*time, zone, locale);
    }
    return when;
}

namespace {

// A number as a decimal digit string, so that rounding and scaling are exact: the magnitude is
// 0.d1d2d3... x 10^point, i.e. `point` digits stand before the decimal point (point <= 0 means
// zeros after it). `digits` has no leading or trailing zeros; zero is the empty string.
struct Decimal {
    std::string digits;
    int point = 0;
    bool negative = false;

    bool is_zero() const { return digits.empty(); }
    int integer_digits() const { return is_zero() ? 0 : std::max(point, 0); }
};

void drop_trailing_zeros(Decimal& d) {
    while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
}

// The shortest decimal that reads back as `value` (std::to_chars guarantees the round trip):
// what the spec's author wrote, not the double's binary expansion, so 0.125 rounds up.
// `value` must be finite.
Decimal to_decimal(double value) {
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, std::fabs(value),
                                std::chars_format::scientific);  // "2.129e+08", "0e+00"
    std::string_view text(buffer, std::size_t(result.ptr - buffer));
    std::size_t e = text.find('e');
    Decimal d;
    d.negative = std::signbit(value);
    for (char c : text.substr(0, e))
        if (c != '.') d.digits += c;
    std::string_view exponent_text = text.substr(e + 1);
    bool exponent_negative = exponent_text.front() == '-';
    int exponent = 0;
    std::from_chars(exponent_text.data() + 1, exponent_text.data() + exponent_text.size(),
                    exponent);
    d.point = (exponent_negative ? -exponent : exponent) + 1;
    drop_trailing_zeros(d);
    return d;
}

// Rounds half away from zero to at most `decimals` decimals; 9.96 to one decimal is 10.
Decimal round_to(Decimal d, int decimals) {
    int keep = d.point + decimals;
    if (keep >= int(d.digits.size())) return d;
    if (keep < 0) {
        d.digits.clear();
        return d;
    }
    bool round_up = d.digits[std::size_t(keep)] >= '5';
    d.digits.resize(std::size_t(keep));
    if (round_up) {
        int i = keep - 1;
        for (; i >= 0 && d.digits[std::size_t(i)] == '9'; --i) d.digits[std::size_t(i)] = '0';
        if (i >= 0) {
            ++d.digits[std::size_t(i)];
        } else {
            d.digits.insert(0, 1, '1');
            ++d.point;
        }
    }
    drop_trailing_zeros(d);
    return d;
}

// An ASCII hyphen-minus, not the typographic U+2212: the bundled Noto Sans has no glyph for
// U+2212 (fc-query fonts/noto-sans/NotoSans-Regular.ttf), and a hyphen survives copy, paste and
// search in caption.txt. Zero is unsigned: -0,001 rounds to "0", not "-0".
std::string sign_of(const Decimal& d) { return d.negative && !d.is_zero() ? "-" : ""; }

// EYD: thousands dot and decimal comma; English the other way round.
char thousands_separator(Locale locale) { return locale == Locale::id ? '.' : ','; }
char decimal_separator(Locale locale) { return locale == Locale::id ? ',' : '.'; }

// The magnitude as text, grouped by thousands. A fraction, if any, is padded with zeros to
// `fraction_width` (Rupiah's "2.500,50"); 0 leaves it as short as it is.
std::string write_magnitude(const Decimal& d, Locale locale, int fraction_width = 0) {
    std::string integer = "0";
    std::string fraction;
    if (!d.is_zero()) {
        int size = int(d.digits.size());
        if (d.point > 0) {
            integer = d.digits.substr(0, std::size_t(std::min(d.point, size)));
            integer.append(std::size_t(std::max(d.point - size, 0)), '0');
            if (d.point < size) fraction = d.digits.substr(std::size_t(d.point));
        } else {
            fraction = std::string(std::size_t(-d.point), '0') + d.digits;
        }
    }
    std::string text;
    for (std::size_t i = 0; i < integer.size(); ++i) {
        if (i > 0 && (integer.size() - i) % 3 == 0) text += thousands_separator(locale);
        text += integer[i];
    }
    if (!fraction.empty()) {
        if (int(fraction.size()) < fraction_width)
            fraction.append(std::size_t(fraction_width) - fraction.size(), '0');
        text += decimal_separator(locale) + fraction;
    }
    return text;
}

// One step of a stat's scale: values from 10^exponent on are divided by it and named.
struct Scale {
    int exponent;
    int max_decimals;
    const char* word_id;
    const char* word_en;
};

// Below 1 million a stat is the full number: "850.000" is as short as "850 ribu" on a graphic
// and exact, so "ribu"/"thousand" is never used. From 1 million on one decimal at most, as BPS
// and the press round headline figures ("212,9 juta", "Rp3.325,1 triliun"); a second decimal
// adds noise, not information, to a number read at a glance, except under 10 ("1,25
// triliun", "2,75 juta"), where one decimal would move the number by up to 5 %. There is no word past triliun
// (kuadriliun is not in common use): 1.5e15 is "1.500 triliun".
constexpr std::array<Scale, 4> kStatScales = {{{0, 2, "", ""},
                                               {6, 1, "juta", "million"},
                                               {9, 1, "miliar", "billion"},
                                               {12, 1, "triliun", "trillion"}}};
// Rupiah stays exact below 1 miliar: "Rp2.500.000" is a fee or an aid amount people act on,
// and Rp999.999.999 still fits. From 1 miliar on it is a budget, and the press writes
// "Rp2,5 miliar", "Rp1,2 triliun".
constexpr std::array<Scale, 3> kRupiahScales = {
    {{0, 2, "", ""}, {9, 1, "miliar", "billion"}, {12, 1, "triliun", "trillion"}}};
// A percentage never takes a scale word; two decimals as BPS gives rates ("inflasi 2,61%").
constexpr std::array<Scale, 1> kPercentScales = {{{0, 2, "", ""}}};

struct Scaled {
    Decimal figure;
    const Scale* scale;
};

// The largest scale the value reaches, moved up while rounding turns it into 1000 of that
// scale: 999.950.000 is 999,95 juta, which rounds to 1.000,0 juta, so it is 1 miliar.
Scaled fit_scale(const Decimal& value, std::span<const Scale> scales) {
    std::size_t i = 0;
    while (i + 1 < scales.size() && value.integer_digits() > scales[i + 1].exponent) ++i;
    for (;; ++i) {
        Decimal figure = value;
        figure.point -= scales[i].exponent;
        // Under 10 of a scale word, one decimal rounds too much: 1.250.000.000.000 is
        // "1,25 triliun", not "1,3 triliun" (4 % more), as the press writes "Rp1,25 triliun".
        int decimals = scales[i].max_decimals;
        if (scales[i].exponent > 0 && figure.integer_digits() <= 1) decimals = std::max(decimals, 2);
        figure = round_to(figure, decimals);
        bool last = i + 1 == scales.size();
        if (last || figure.integer_digits() <= scales[i + 1].exponent - scales[i].exponent)
            return {figure, &scales[i]};
    }
}

bool is_percent(const std::string& unit) { return unit == "%"; }
bool is_rupiah(const std::string& unit) { return unit == "Rp"; }

// The unit text after a figure: the scale word, then the spec's own unit ("juta ton").
std::string unit_text(const char* scale_word, const std::string& unit) {
    if (*scale_word == '\0') return unit;
    if (unit.empty()) return scale_word;
    return std::string(scale_word) + " " + unit;
}

// EYD closes Rp up to the amount; a sign goes before it.
std::string rupiah_text(const Decimal& amount, Locale locale, int fraction_width) {
    return sign_of(amount) + "Rp" + write_magnitude(amount, locale, fraction_width);
}

}  // namespace

std::string format_number(double value, Locale locale, int max_decimals) {
    if (!std::isfinite(value)) return "";
    Decimal d = round_to(to_decimal(value), std::max(max_decimals, 0));
    return sign_of(d) + write_magnitude(d, locale);
}

std::string format_integer_plain(std::int64_t value) { return std::to_string(value); }

StatText format_stat(double value, const std::string& unit, Locale locale) {
    if (!std::isfinite(value)) return {};
    std::span<const Scale> scales = is_percent(unit)  ? std::span<const Scale>(kPercentScales)
                                    : is_rupiah(unit) ? std::span<const Scale>(kRupiahScales)
                                                      : std::span<const Scale>(kStatScales);
    auto [figure, scale] = fit_scale(to_decimal(value), scales);
    const char* word = locale == Locale::id ? scale->word_id : scale->word_en;
    if (is_rupiah(unit)) {
        // Exact amounts have two decimals or none, as format_rupiah; compact ones are headlines.
        int fraction_width = scale->exponent == 0 ? 2 : 0;
        return {rupiah_text(figure, locale, fraction_width), word};
    }
    return {sign_of(figure) + write_magnitude(figure, locale), unit_text(word, unit)};
}

std::string format_stat_inline(double value, const std::string& unit, Locale locale) {
    StatText stat = format_stat(value, unit, locale);
    if (stat.unit.empty()) return stat.figure;
    // EYD writes "78%" closed up, but a word unit, scale word or not, after a space.
    return stat.figure + (is_percent(unit) ? "" : " ") + stat.unit;
}

std::string format_rupiah(double value, Locale locale) {
    if (!std::isfinite(value)) return "";
    return rupiah_text(round_to(to_decimal(value), 2), locale, 2);
}

std::string count_up_text(const std::string& figure, char decimal_mark, double progress) {
    size_t begin = figure.find_first_of("0123456789");
    if (begin == std::string::npos || progress >= 1) return figure;
    auto is_digit = [&](size_t i) { return i < figure.size() && figure[i] >= '0' && figure[i] <= '9'; };
    size_t end = begin;
    std::string digits;
    int decimals = -1;  // digits after the decimal mark; -1 = none
    bool grouped = false;
    while (end < figure.size()) {
        char c = figure[end];
        if (is_digit(end)) {
            digits += c;
            if (decimals >= 0) ++decimals;
        } else if ((c == '.' || c == ',') && is_digit(end + 1)) {
            if (c == decimal_mark && decimals < 0) decimals = 0;
            else if (c != decimal_mark) grouped = true;
            else break;
        } else {
            break;
        }
        ++end;
    }
    if (digits.size() > 18) return figure;  // beyond what an integer holds exactly
    long double whole = std::stold(digits);
    unsigned long long value = (unsigned long long)std::llround(whole * std::clamp(progress, 0.0, 1.0));
    int fraction = std::max(decimals, 0);
    std::string text = std::to_string(value);
    if (int(text.size()) <= fraction) text.insert(0, size_t(fraction + 1 - int(text.size())), '0');
    std::string integer = text.substr(0, text.size() - size_t(fraction));
    std::string out;
    char group_mark = decimal_mark == ',' ? '.' : ',';
    for (size_t i = 0; i < integer.size(); ++i) {
        if (grouped && i > 0 && (integer.size() - i) % 3 == 0) out += group_mark;
        out += integer[i];
    }
    if (decimals >= 0) out += decimal_mark + text.substr(text.size() - size_t(fraction));
    return figure.substr(0, begin) + out + figure.substr(end);
}

std::string without_enclosing_quotes(const std::string& text) {
    // Opening and closing marks as admins type them: typographic, straight, German-style
    // low marks (a phone keyboard's long press), guillemets, single marks.
    static const std::array<std::pair<std::string_view, std::string_view>, 8> pairs = {{
        {"“", "”"}, {"\"", "\""}, {"”", "”"}, {"„", "“"}, {"„", "”"}, {"«", "»"}, {"‘", "’"}, {"'", "'"}}};
    std::string t = trimmed(text);
    for (const auto& [open, close] : pairs) {
        if (!t.starts_with(open)) continue;
        // A sentence's full stop may stand after the closing mark: “Kita bangun bersama”.
        std::string stop;
        size_t end = t.size();
        if (end > 0 && (t.back() == '.' || t.back() == '!' || t.back() == '?')) {
            stop = t.back();
            --end;
        }
        if (end < open.size() + close.size() || std::string_view(t).substr(0, end).ends_with(close) == false)
            continue;
        std::string inner = t.substr(open.size(), end - close.size() - open.size());
        if (inner.find(open) != std::string::npos || inner.find(close) != std::string::npos) continue;
        return trimmed(inner) + stop;
    }
    return t;
}

std::string quotation_text(const std::string& text) {
    std::string t = without_enclosing_quotes(text);
    std::string out;
    out.reserve(t.size());
    for (size_t i = 0; i < t.size();) {
        std::string_view rest = std::string_view(t).substr(i);
        if (rest.starts_with("«") || rest.starts_with("»")) {  // guillemets say which way they face
            out += rest.starts_with("«") ? "‘" : "’";
            i += std::string_view("«").size();
            continue;
        }
        // Any other double mark ("…", “…”, „…“, ”…”) opens at the start, after a space or
        // an opening bracket, and after a dash or a no-break space; it closes anywhere else.
        size_t mark = rest.starts_with("\"") ? 1
                      : rest.starts_with("“") || rest.starts_with("”") || rest.starts_with("„")
                          ? std::string_view("“").size()
                          : 0;
        if (mark == 0) {
            out += t[i++];
            continue;
        }
        std::string_view before = std::string_view(t).substr(0, i);
        bool opens = i == 0 || std::string_view(" \t\n([").find(t[i - 1]) != std::string_view::npos ||
                     before.ends_with("—") || before.ends_with("–") || before.ends_with("\u00A0");
        out += opens ? "‘" : "’";
        i += mark;
    }
    return out;
}

}  // namespace rupa
