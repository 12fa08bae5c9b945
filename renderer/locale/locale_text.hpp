// Locale-dependent wording: dates, times and the few fixed words templates need.
// Indonesian follows EYD (Ejaan yang Disempurnakan): "Kamis, 6 Juli 2023", "pukul 09.00 WIB".
#pragma once

#include "spec/spec.hpp"

#include <string>

namespace rupa {

// "Kamis, 6 Juli 2023" (id) / "Thursday, 6 July 2023" (en): the pattern EEEE, d MMMM y.
std::string format_date(const CalendarDate& date, Locale locale);

// "09.00 WIB" (id) / "09:00 WIB" (en). `zone` is the brand's WIB, WITA or WIT.
std::string format_time(const TimeOfDay& time, const std::string& zone, Locale locale);

// Date and time in one phrase: "Kamis, 6 Juli 2023, pukul 09.00 WIB".
std::string format_when(const CalendarDate* date, const TimeOfDay* time, const std::string& zone,
                        Locale locale);

}  // namespace rupa
