// Locale-dependent wording: dates, times, numbers and the few fixed words templates need.
// Indonesian follows EYD (Ejaan yang Disempurnakan): "Kamis, 6 Juli 2023", "pukul 09.00 WIB",
// "1.500", "212,9 juta", "78%", "Rp2.500.000".
#pragma once

#include "spec/spec.hpp"
#include "spec/ascii_text.hpp"

#include <cstdint>
#include <string>

namespace rupa {

// "Kamis, 6 Juli 2023" (id) / "Thursday, 6 July 2023" (en): the pattern EEEE, d MMMM y.
std::string format_date(const CalendarDate& date, Locale locale);

// A span of days, each part written once: "1–7 Juli 2024", "29 Juli – 4 Agustus 2024",
// "30 Desember 2024 – 5 Januari 2025" (en: "1–7 July 2024"). An en dash, spaced only between
// parts that hold spaces themselves.
std::string format_date_range(const CalendarDate& from, const CalendarDate& to, Locale locale);

// "Kamis" / "Thursday".
std::string format_weekday(const CalendarDate& date, Locale locale);

// "Jul", "Agu" (id) / "Jul", "Aug" (en): a month in a date block.
std::string format_month_short(int month, Locale locale);

// "09.00 WIB" (id) / "09:00 WIB" (en). `zone` is the brand's WIB, WITA or WIT.
std::string format_time(const TimeOfDay& time, const std::string& zone, Locale locale);

// Date and time in one phrase: "Kamis, 6 Juli 2023, pukul 09.00 WIB".
std::string format_when(const CalendarDate* date, const TimeOfDay* time, const std::string& zone,
                        Locale locale);

// Numbers. Every function here rounds half away from zero on the number as written in the
// spec (the shortest decimal that reads back as the same double), so 0.125 gives "0,13" and
// 1.245 triliun gives "1,25 triliun", never a binary artefact like "0,12". A negative number
// takes an ASCII hyphen-minus ("-1,5 juta"); a value that rounds to zero is "0", never "-0".
// NaN and infinity give "" (and format_stat gives an empty figure *and* unit): the spec reader
// should refuse them; these functions only promise not to crash or print "nan".

// A number as written in running text: "1.500", "212,9", "0,5" (id) / "1,500", "212.9", "0.5"
// (en). Always the full number, grouped by thousands from 1.000 on, never a scale word. At most
// `max_decimals` decimals (a negative count counts as 0), trailing zeros dropped.
std::string format_number(double value, Locale locale, int max_decimals = 2);

// A whole number that is a name rather than a quantity, never grouped in either locale:
// years ("2023"), codes, ID numbers. NIK (16 digits) and NIP (18 digits) are past the 15-16
// digits a double holds exactly, hence an integer parameter.
std::string format_integer_plain(std::int64_t value);

// How a statistic is shown big on a graphic: the figure and, separately, its unit text, so a
// template can set them in two sizes.
struct StatText {
    std::string figure;
    std::string unit;
};

// The headline form of a stat's `value` with its optional `unit`:
//  - below 1 million: the full grouped number, up to 2 decimals ("1.500", "850.000", "4,75");
//  - from 1 million on: the scale word and at most 1 decimal, 2 under 10: {"167", "juta"},
//    {"212,9", "juta"}, {"3,5", "miliar"}, {"1,25", "triliun"} (en: million, billion, trillion). A word unit follows
//    the scale word: 1500000 "ton" -> {"1,5", "juta ton"};
//  - unit "%": never a scale word, up to 2 decimals, joined without a space: {"78", "%"};
//  - unit "Rp": the currency goes into the figure, exact as format_rupiah below 1 miliar
//    ({"Rp2.500.000", ""}), compact from 1 miliar on ({"Rp2,5", "miliar"}).
// The scale is chosen after rounding, so 999.999.999 is {"1", "miliar"}, never "1.000 juta".
StatText format_stat(double value, const std::string& unit, Locale locale);

// format_stat as one string: "167 juta", "78%", "1.500", "1,5 juta ton", "Rp2.500.000",
// "Rp2,5 miliar".
std::string format_stat_inline(double value, const std::string& unit, Locale locale);

// An exact amount of Rupiah as EYD writes it, never compacted: "Rp2.500.000" (id) /
// "Rp2,500,000" (en); no space after Rp; no decimals when whole, else exactly two
// ("Rp2.500,50"); a negative amount puts the sign first ("-Rp2.500.000").
std::string format_rupiah(double value, Locale locale);

// A figure counting up to its value, as a video shows it at `progress` (0..1): the first
// number in `figure` scaled by `progress`, written with the same decimals and grouping, so
// "212,9" at one half reads "106,5" and "Rp2.500.000" reads "Rp1.250.000". Text around the
// number is kept; a figure with no digits is returned as it is.
std::string count_up_text(const std::string& figure, char decimal_mark, double progress);


// `text` without the pair of quotation marks an admin typed around all of it, so that a
// quote written as “Kita bangun bersama.” or "Kita bangun bersama." gets one pair, not two,
// when it is quoted. Marks that enclose only part of it ("“Kita” bisa") are kept.
std::string without_enclosing_quotes(const std::string& text);

// The words of a quote (or a hoax's claim) as they stand inside the pair of marks a
// template or caption.txt puts around them: without the admin's enclosing pair, and with
// the double marks around a part of it turned single, as a quote inside a quote is written
// (“‘Jangan lelah,’ pesan Bupati.” rather than ““Jangan lelah,” pesan Bupati.”).
std::string quotation_text(const std::string& text);

}  // namespace rupa
