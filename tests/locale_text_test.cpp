// The date and time wording of both locales.
#include "locale/locale_text.hpp"

#include <doctest/doctest.h>

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
