// ISO 8601 weeks ("2024-W27"), by which the weekly batch picks its posts.
#pragma once

#include "spec/spec.hpp"

#include <optional>
#include <string>

namespace rupa {

struct IsoWeek {
    int year = 0;  // the ISO week-numbering year, which differs from the calendar's around New Year
    int week = 0;  // 1..53
    bool operator==(const IsoWeek&) const = default;
};

// "2024-W27"; nothing for anything else or for a week the year does not have (2021-W53).
std::optional<IsoWeek> parse_iso_week(const std::string& text);
std::string to_string(const IsoWeek& week);

// The week a date falls in: the week of its Thursday (ISO 8601).
IsoWeek week_of(const CalendarDate& date);

// The Monday that opens the week and the Sunday that closes it.
struct WeekDays {
    CalendarDate monday, sunday;
};
WeekDays days_of(const IsoWeek& week);

// The week of today's date on this machine's clock and time zone.
IsoWeek current_week();

}  // namespace rupa
