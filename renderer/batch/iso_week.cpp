// ISO week arithmetic on std::chrono's calendar.
#include "batch/iso_week.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <regex>

namespace rupa {

namespace {

using namespace std::chrono;

IsoWeek week_of_day(sys_days date) {
    // Monday is day 1 of an ISO week; the week belongs to the year of its Thursday.
    unsigned iso_weekday = weekday(date).iso_encoding();
    sys_days thursday = date - days(iso_weekday - 1) + days(3);
    year_month_day t{thursday};
    sys_days first = sys_days(year_month_day{t.year(), January, day(1)});
    return {int(t.year()), int((thursday - first).count() / 7) + 1};
}

// The year has week 53 when its 28 December (always in the last week) is in week 53.
int weeks_in(int iso_year) {
    return week_of_day(sys_days(year_month_day{year(iso_year), December, day(28)})).week;
}

}  // namespace

std::optional<IsoWeek> parse_iso_week(const std::string& text) {
    static const std::regex form(R"((\d{4})-W(\d{2}))");
    std::smatch m;
    if (!std::regex_match(text, m, form)) return std::nullopt;
    IsoWeek week{std::stoi(m[1]), std::stoi(m[2])};
    if (week.week < 1 || week.week > weeks_in(week.year)) return std::nullopt;
    return week;
}

std::string to_string(const IsoWeek& week) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-W%02d", week.year, week.week);
    return text;
}

IsoWeek week_of(const CalendarDate& date) {
    return week_of_day(sys_days(year_month_day{year(date.year), month(unsigned(date.month)),
                                               day(unsigned(date.day))}));
}

WeekDays days_of(const IsoWeek& week) {
    // 4 January is always in week 1; its week's Monday opens week 1.
    sys_days january4 = sys_days(year_month_day{year(week.year), January, day(4)});
    sys_days monday = january4 - days(weekday(january4).iso_encoding() - 1) + weeks(week.week - 1);
    auto date = [](sys_days d) {
        year_month_day ymd{d};
        return CalendarDate{int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day()))};
    };
    return {date(monday), date(monday + days(6))};
}

IsoWeek current_week() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return week_of({local.tm_year + 1900, local.tm_mon + 1, local.tm_mday});
}

}  // namespace rupa
