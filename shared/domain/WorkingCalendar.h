// Working days of the Greek public service, for case deadlines: weekends and national holidays
// are off, and the centrally distributed overrides (moved or local holidays) come first.
#pragma once

#include <chrono>
#include <string_view>

#include "shared/domain/CalendarOverrides.h"

namespace kep::domain {

class WorkingCalendar {
public:
    // Deadlines longer than this (about 270 years of working days) are a caller's bug.
    static constexpr int kMaxWorkingDays = 100'000;

    WorkingCalendar() = default;
    explicit WorkingCalendar(CalendarOverrides overrides) : overrides_(std::move(overrides)) {}

    // An override for the date (office first, then national) decides; otherwise Saturdays,
    // Sundays and national holidays are off. office: a KEP office code, or empty for the
    // national calendar only.
    bool isWorkingDay(std::chrono::year_month_day date, std::string_view office = {}) const;

    // The n-th working day strictly after start (n > 0), counting from the next working day:
    // addWorkingDays(Fri, 1) is the following Monday. Whether start itself is a working day
    // does not matter: from a holiday or a Saturday, day 1 is the first working day after it.
    // n == 0 gives start when it is a working day, else the next working day (the earliest day
    // a thing due "now" can be done). n < 0 counts backwards: the |n|-th working day strictly
    // before start. Throws std::out_of_range when |n| > kMaxWorkingDays.
    std::chrono::year_month_day addWorkingDays(std::chrono::year_month_day start, int n,
                                               std::string_view office = {}) const;

    // The number of working days d with a < d <= b, negated when b < a; so
    // workingDaysBetween(a, addWorkingDays(a, n)) == n for every n > 0.
    int workingDaysBetween(std::chrono::year_month_day a, std::chrono::year_month_day b,
                           std::string_view office = {}) const;

    const CalendarOverrides& overrides() const { return overrides_; }

private:
    bool isWorkingDay(std::chrono::sys_days date, std::string_view office) const;

    CalendarOverrides overrides_;
};

}  // namespace kep::domain
