// The Greek civil days the office dashboard counts by: the instant a day begins in Greece, the
// 30 days a trend covers, and the month the workload counts, as the stats API reckons them.
#pragma once

#include "shared/cases/CaseHistory.h"

#include <chrono>
#include <string>

namespace kep::desk::dashboard {

using Day = std::chrono::year_month_day;
using kep::cases::Instant;

// The days a trend covers, both included: the 30 that end today (the API's default period).
struct DayPeriod {
    static constexpr int kTrendDays = 30;

    Day first;
    Day last;

    static DayPeriod endingOn(Day today);
    int days() const;
    Day day(int index) const;  // index 0 is `first`
    bool contains(Day day) const;
};

// [from, until): from the first instant of `first` to the first instant of the day after `last`.
struct InstantRange {
    Instant from;
    Instant until;
    bool contains(Instant at) const { return from <= at && at < until; }
};

// 00:00 Greek civil time of `day` (EET or EEST, whichever is in force at that midnight).
Instant greekMidnight(Day day);
Day greekDayOf(Instant at);
InstantRange instantsOf(Day first, Day last);
Day firstOfMonth(Day day);
Day addDays(Day day, int days);
// "2026-03-24", as kase.due_date and the stats API write dates.
std::string isoDate(Day day);

}  // namespace kep::desk::dashboard
