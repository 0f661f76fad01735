#include "dashboard/DashboardPeriod.h"

#include "shared/cases/GreekCivilTime.h"

#include <cstdio>

namespace kep::desk::dashboard {

namespace {

std::chrono::sys_days daysOf(Day day) {
    return std::chrono::sys_days{day};
}

}  // namespace

DayPeriod DayPeriod::endingOn(Day today) {
    return {addDays(today, 1 - kTrendDays), today};
}

int DayPeriod::days() const {
    return int((daysOf(last) - daysOf(first)).count()) + 1;
}

Day DayPeriod::day(int index) const {
    return addDays(first, index);
}

bool DayPeriod::contains(Day day) const {
    return daysOf(first) <= daysOf(day) && daysOf(day) <= daysOf(last);
}

Instant greekMidnight(Day day) {
    // Greece changes its clocks at 01:00 UTC, so two hours before UTC midnight always has the
    // offset that holds at the local midnight.
    const auto utcMidnight = std::chrono::sys_seconds{daysOf(day)};
    const auto offset = kep::cases::greekUtcOffset(utcMidnight - std::chrono::hours{2});
    return Instant{utcMidnight - offset};
}

Day greekDayOf(Instant at) {
    return kep::cases::greekLocalDate(std::chrono::floor<std::chrono::seconds>(at));
}

InstantRange instantsOf(Day first, Day last) {
    return {greekMidnight(first), greekMidnight(addDays(last, 1))};
}

Day firstOfMonth(Day day) {
    return day.year() / day.month() / std::chrono::day{1};
}

Day addDays(Day day, int days) {
    return Day{daysOf(day) + std::chrono::days{days}};
}

std::string isoDate(Day day) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", int(day.year()), unsigned(day.month()),
                  unsigned(day.day()));
    return text;
}

}  // namespace kep::desk::dashboard
