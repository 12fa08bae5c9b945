// Date and time wording for the two locales rupa speaks.
#include "locale/locale_text.hpp"

#include <array>
#include <chrono>
#include <cstdio>

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

std::string format_date(const CalendarDate& date, Locale locale) {
    using namespace std::chrono;
    year_month_day ymd{year(date.year), month(unsigned(date.month)), day(unsigned(date.day))};
    unsigned weekday_index = weekday(sys_days(ymd)).c_encoding();
    const auto& days = locale == Locale::id ? kDaysId : kDaysEn;
    const auto& months = locale == Locale::id ? kMonthsId : kMonthsEn;
    return std::string(days[weekday_index]) + ", " + std::to_string(date.day) + " " +
           months[date.month - 1] + " " + std::to_string(date.year);
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

}  // namespace rupa
