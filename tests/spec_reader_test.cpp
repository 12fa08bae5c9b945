// Reading specs: times in both spellings, dates checked against the calendar.
#include "spec/spec_error.hpp"
#include "spec/spec_reader.hpp"

#include <doctest/doctest.h>

using namespace rupa;

TEST_CASE("a time is accepted as 13:30 or 13.30") {
    SourceMark here{"x.yaml", 3, 7};
    CHECK(parse_time("13:30", here, "time").hour == 13);
    CHECK(parse_time("13.30", here, "time").minute == 30);
    CHECK(parse_time("9:05", here, "time").hour == 9);
}

TEST_CASE("a time out of range or badly written points at its value") {
    SourceMark here{"x.yaml", 3, 7};
    try {
        parse_time("25:00", here, "time");
        FAIL("25:00 was accepted");
    } catch (const SpecError& e) {
        CHECK(std::string(e.what()) ==
              "x.yaml:3:7: error: '25:00' is not a time of day "
              "(hours run from 00 to 23 and minutes from 00 to 59; midnight is 00:00)");
    }
    CHECK_THROWS_WITH(parse_time("9 pagi", here, "time"),
                      "x.yaml:3:7: error: 'time' must be a time written HH:MM or HH.MM "
                      "(e.g. \"09:00\", not '9 pagi')");
}

TEST_CASE("a date that is not in the calendar is refused") {
    SourceMark here{"x.yaml", 5, 9};
    CHECK_THROWS_WITH(parse_date("2023-02-29", here, "date"),
                      "x.yaml:5:9: error: '2023-02-29' is not a date in the calendar "
                      "(2023-02 has 28 days)");
    CHECK(parse_date("2024-02-29", here, "date").day == 29);
    CHECK_THROWS_AS(parse_date("6 Juli 2023", here, "date"), SpecError);
}
