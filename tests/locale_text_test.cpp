// The date, time and number wording of both locales.
#include "locale/locale_text.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace rupa;

TEST_CASE("an Indonesian date is written EEEE, d MMMM y with no leading zero") {
    CHECK(format_date({2023, 7, 6}, Locale::id) == "Kamis, 6 Juli 2023");
    CHECK(format_date({2024, 1, 1}, Locale::id) == "Senin, 1 Januari 2024");
    CHECK(format_date({2024, 8, 17}, Locale::id) == "Sabtu, 17 Agustus 2024");
    CHECK(format_date({2024, 3, 31}, Locale::id) == "Minggu, 31 Maret 2024");
}

TEST_CASE("an English date keeps the same order") {
    CHECK(format_date({2023, 7, 6}, Locale::en) == "Thursday, 6 July 2023");
    CHECK(format_date({2024, 2, 29}, Locale::en) == "Thursday, 29 February 2024");
}

TEST_CASE("a time is written with a dot in Indonesian and carries the brand's zone") {
    CHECK(format_time({9, 0}, "WIB", Locale::id) == "09.00 WIB");
    CHECK(format_time({13, 30}, "WITA", Locale::id) == "13.30 WITA");
    CHECK(format_time({13, 30}, "WIT", Locale::en) == "13:30 WIT");
}

TEST_CASE("date and time read as one phrase with 'pukul'") {
    CalendarDate d{2023, 7, 6};
    TimeOfDay t{9, 0};
    CHECK(format_when(&d, &t, "WIB", Locale::id) == "Kamis, 6 Juli 2023, pukul 09.00 WIB");
    CHECK(format_when(&d, nullptr, "WIB", Locale::id) == "Kamis, 6 Juli 2023");
    CHECK(format_when(&d, &t, "WIB", Locale::en) == "Thursday, 6 July 2023, at 09:00 WIB");
}

// Numbers: the exact running-text form.

TEST_CASE("an Indonesian number has a thousands dot and a decimal comma") {
    CHECK(format_number(1500, Locale::id) == "1.500");
    CHECK(format_number(212.9, Locale::id) == "212,9");
    CHECK(format_number(0.5, Locale::id) == "0,5");
    CHECK(format_number(999999, Locale::id) == "999.999");
    CHECK(format_number(1000000, Locale::id) == "1.000.000");
    CHECK(format_number(167000000, Locale::id) == "167.000.000");
    CHECK(format_number(1234567.89, Locale::id) == "1.234.567,89");
    CHECK(format_number(999, Locale::id) == "999");
}

TEST_CASE("an English number swaps the two separators") {
    CHECK(format_number(1500, Locale::en) == "1,500");
    CHECK(format_number(212.9, Locale::en) == "212.9");
    CHECK(format_number(0.5, Locale::en) == "0.5");
    CHECK(format_number(1234567.89, Locale::en) == "1,234,567.89");
}

TEST_CASE("a number keeps at most the decimals asked for and drops trailing zeros") {
    CHECK(format_number(2.5, Locale::id) == "2,5");
    CHECK(format_number(2.50001, Locale::id) == "2,5");
    CHECK(format_number(3.14159, Locale::id) == "3,14");
    CHECK(format_number(3.14159, Locale::id, 4) == "3,1416");
    CHECK(format_number(3.14159, Locale::id, 0) == "3");
    CHECK(format_number(3.7, Locale::id, -1) == "4");
    CHECK(format_number(7.0, Locale::id) == "7");
}

TEST_CASE("a number rounds half away from zero on the digits as written, carrying over") {
    CHECK(format_number(0.125, Locale::id) == "0,13");
    CHECK(format_number(2.675, Locale::id) == "2,68");
    CHECK(format_number(0.005, Locale::id) == "0,01");
    CHECK(format_number(0.5, Locale::id, 0) == "1");
    CHECK(format_number(9.996, Locale::id) == "10");
    CHECK(format_number(999999.996, Locale::id) == "1.000.000");
    CHECK(format_number(-2.5, Locale::id, 0) == "-3");
}

TEST_CASE("zero is 0, and a negative number takes a hyphen-minus unless it rounds to zero") {
    CHECK(format_number(0, Locale::id) == "0");
    CHECK(format_number(-0.0, Locale::id) == "0");
    CHECK(format_number(-0.001, Locale::id) == "0");
    CHECK(format_number(-1500, Locale::id) == "-1.500");
    CHECK(format_number(-0.5, Locale::id) == "-0,5");
    CHECK(format_number(-1234.5, Locale::en) == "-1,234.5");
}

TEST_CASE("a number that is not finite gives an empty string instead of crashing") {
    CHECK(format_number(std::nan(""), Locale::id) == "");
    CHECK(format_number(INFINITY, Locale::id) == "");
    CHECK(format_number(-INFINITY, Locale::en) == "");
}

TEST_CASE("a very large or very small number is still written out in full") {
    CHECK(format_number(1e18, Locale::id) == "1.000.000.000.000.000.000");
    CHECK(format_number(1e-300, Locale::id) == "0");
}

TEST_CASE("years and ID numbers are never grouped") {
    CHECK(format_integer_plain(2023) == "2023");
    CHECK(format_integer_plain(3505010101900001) == "3505010101900001");  // a NIK, 16 digits
    CHECK(format_integer_plain(198507262010011002) == "198507262010011002");  // a NIP, 18
    CHECK(format_integer_plain(0) == "0");
    CHECK(format_integer_plain(-5) == "-5");
}

// Numbers: the headline form of a stat.

TEST_CASE("a stat of a million or more is shown with a scale word and at most one decimal, two under 10") {
    CHECK(format_stat(167000000, "", Locale::id).figure == "167");
    CHECK(format_stat(167000000, "", Locale::id).unit == "juta");
    CHECK(format_stat(212900000, "", Locale::id).figure == "212,9");
    CHECK(format_stat(212900000, "", Locale::id).unit == "juta");
    CHECK(format_stat_inline(1000000, "", Locale::id) == "1 juta");
    CHECK(format_stat_inline(1200000, "", Locale::id) == "1,2 juta");
    CHECK(format_stat_inline(3500000000, "", Locale::id) == "3,5 miliar");
    CHECK(format_stat_inline(1250000000000, "", Locale::id) == "1,25 triliun");
    CHECK(format_stat_inline(1240000000000, "", Locale::id) == "1,24 triliun");
    CHECK(format_stat_inline(2754000, "", Locale::id) == "2,75 juta");
    CHECK(format_stat_inline(12340000, "", Locale::id) == "12,3 juta");
    CHECK(format_stat_inline(212940000, "", Locale::id) == "212,9 juta");
}

TEST_CASE("an English stat uses million, billion and trillion") {
    CHECK(format_stat(167000000, "", Locale::en).figure == "167");
    CHECK(format_stat(167000000, "", Locale::en).unit == "million");
    CHECK(format_stat_inline(212900000, "", Locale::en) == "212.9 million");
    CHECK(format_stat_inline(3500000000, "", Locale::en) == "3.5 billion");
    CHECK(format_stat_inline(1250000000000, "", Locale::en) == "1.25 trillion");
}

TEST_CASE("a stat below a million is the full grouped number with no scale word") {
    CHECK(format_stat(1500, "", Locale::id).figure == "1.500");
    CHECK(format_stat(1500, "", Locale::id).unit == "");
    CHECK(format_stat_inline(850000, "", Locale::id) == "850.000");
    CHECK(format_stat_inline(999999, "", Locale::id) == "999.999");
    CHECK(format_stat_inline(4.75, "", Locale::id) == "4,75");
    CHECK(format_stat_inline(0.5, "", Locale::id) == "0,5");
    CHECK(format_stat_inline(0, "", Locale::id) == "0");
    CHECK(format_stat_inline(850000, "", Locale::en) == "850,000");
}

TEST_CASE("rounding never shows 1.000 of a scale: it rolls over to the next word") {
    CHECK(format_stat_inline(999999.996, "", Locale::id) == "1 juta");
    CHECK(format_stat_inline(999950000, "", Locale::id) == "1 miliar");
    CHECK(format_stat_inline(999999999, "", Locale::id) == "1 miliar");
    CHECK(format_stat_inline(999949999, "", Locale::id) == "999,9 juta");
    CHECK(format_stat_inline(999960000000, "", Locale::en) == "1 trillion");
    CHECK(format_stat_inline(9996000, "", Locale::id) == "10 juta");
    CHECK(format_stat_inline(1999000, "", Locale::id) == "2 juta");
}

TEST_CASE("past triliun there is no scale word, so the triliun count is grouped") {
    CHECK(format_stat_inline(1.5e15, "", Locale::id) == "1.500 triliun");
}

TEST_CASE("a negative stat keeps its sign and its scale word") {
    CHECK(format_stat_inline(-1500000, "", Locale::id) == "-1,5 juta");
    CHECK(format_stat_inline(-1500, "", Locale::id) == "-1.500");
    CHECK(format_stat_inline(-2.5, "%", Locale::id) == "-2,5%");
    CHECK(format_stat_inline(-0.001, "%", Locale::id) == "0%");
}

TEST_CASE("a percentage is closed up to its number and never takes a scale word") {
    CHECK(format_stat(78, "%", Locale::id).figure == "78");
    CHECK(format_stat(78, "%", Locale::id).unit == "%");
    CHECK(format_stat_inline(78, "%", Locale::id) == "78%");
    CHECK(format_stat_inline(2.61, "%", Locale::id) == "2,61%");
    CHECK(format_stat_inline(2.61, "%", Locale::en) == "2.61%");
    CHECK(format_stat_inline(2500000, "%", Locale::id) == "2.500.000%");
}

TEST_CASE("a word unit follows the number, or the scale word, after a space") {
    CHECK(format_stat(1500, "ton", Locale::id).unit == "ton");
    CHECK(format_stat_inline(1500, "ton", Locale::id) == "1.500 ton");
    CHECK(format_stat(1500000, "ton", Locale::id).figure == "1,5");
    CHECK(format_stat(1500000, "ton", Locale::id).unit == "juta ton");
    CHECK(format_stat_inline(1500000, "ton", Locale::id) == "1,5 juta ton");
    CHECK(format_stat_inline(1500000, "tonnes", Locale::en) == "1.5 million tonnes");
}

TEST_CASE("a Rupiah stat stays exact below a miliar and compacts from a miliar on") {
    CHECK(format_stat(2500000, "Rp", Locale::id).figure == "Rp2.500.000");
    CHECK(format_stat(2500000, "Rp", Locale::id).unit == "");
    CHECK(format_stat_inline(2500000, "Rp", Locale::id) == "Rp2.500.000");
    CHECK(format_stat_inline(999999999, "Rp", Locale::id) == "Rp999.999.999");
    CHECK(format_stat(2500000000, "Rp", Locale::id).figure == "Rp2,5");
    CHECK(format_stat(2500000000, "Rp", Locale::id).unit == "miliar");
    CHECK(format_stat_inline(2500000000, "Rp", Locale::id) == "Rp2,5 miliar");
    CHECK(format_stat_inline(3325100000000000, "Rp", Locale::id) == "Rp3.325,1 triliun");
    CHECK(format_stat_inline(999999999.996, "Rp", Locale::id) == "Rp1 miliar");
    CHECK(format_stat_inline(2500000000, "Rp", Locale::en) == "Rp2.5 billion");
    CHECK(format_stat_inline(-2500000000, "Rp", Locale::id) == "-Rp2,5 miliar");
    CHECK(format_stat_inline(999999999.5, "Rp", Locale::id) == "Rp999.999.999,50");
    CHECK(format_stat_inline(2500.5, "Rp", Locale::id) == "Rp2.500,50");
}

TEST_CASE("a stat that is not finite gives an empty figure and unit") {
    CHECK(format_stat(std::nan(""), "%", Locale::id).figure == "");
    CHECK(format_stat(std::nan(""), "%", Locale::id).unit == "");
    CHECK(format_stat_inline(INFINITY, "Rp", Locale::id) == "");
}

// Numbers: Rupiah in running text.

TEST_CASE("Rupiah is written as EYD has it: Rp closed up, whole amounts without decimals") {
    CHECK(format_rupiah(2500000, Locale::id) == "Rp2.500.000");
    CHECK(format_rupiah(2500000, Locale::en) == "Rp2,500,000");
    CHECK(format_rupiah(0, Locale::id) == "Rp0");
    CHECK(format_rupiah(2500000000, Locale::id) == "Rp2.500.000.000");
    CHECK(format_rupiah(2500.5, Locale::id) == "Rp2.500,50");
    CHECK(format_rupiah(2500.5, Locale::en) == "Rp2,500.50");
    CHECK(format_rupiah(2500.004, Locale::id) == "Rp2.500");
    CHECK(format_rupiah(-2500000, Locale::id) == "-Rp2.500.000");
    CHECK(format_rupiah(std::nan(""), Locale::id) == "");
}

TEST_CASE("an agenda's date block names the weekday and the month in short") {
    CHECK(format_weekday({2024, 7, 3}, Locale::id) == "Rabu");
    CHECK(format_weekday({2024, 7, 3}, Locale::en) == "Wednesday");
    CHECK(format_month_short(8, Locale::id) == "Agu");
    CHECK(format_month_short(8, Locale::en) == "Aug");
    CHECK(format_month_short(5, Locale::id) == "Mei");
    CHECK(format_month_short(13, Locale::id) == "");
}

TEST_CASE("a span of days names each part once") {
    CHECK(format_date_range({2024, 7, 1}, {2024, 7, 7}, Locale::id) == "1–7 Juli 2024");
    CHECK(format_date_range({2024, 7, 29}, {2024, 8, 4}, Locale::id) == "29 Juli – 4 Agustus 2024");
    CHECK(format_date_range({2024, 12, 30}, {2025, 1, 5}, Locale::id) == "30 Desember 2024 – 5 Januari 2025");
    CHECK(format_date_range({2024, 7, 1}, {2024, 7, 7}, Locale::en) == "1–7 July 2024");
    CHECK(format_date_range({2024, 7, 4}, {2024, 7, 4}, Locale::id) == "4 Juli 2024");
}
