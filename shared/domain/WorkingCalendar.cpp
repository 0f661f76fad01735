#include "shared/domain/WorkingCalendar.h"

#include <cstdlib>
#include <stdexcept>

#include "shared/domain/GreekHolidays.h"

namespace kep::domain {

using namespace std::chrono;

bool WorkingCalendar::isWorkingDay(sys_days date, std::string_view office) const {
    if (const auto kind = overrides_.lookup(date, office)) {
        return *kind == DayKind::WorkingDay;
    }
    const weekday wd{date};
    if (wd == Saturday || wd == Sunday) {
        return false;
    }
    return !isNationalHoliday(date);
}

bool WorkingCalendar::isWorkingDay(year_month_day date, std::string_view office) const {
    return isWorkingDay(sys_days{date}, office);
}

year_month_day WorkingCalendar::addWorkingDays(year_month_day start, int n,
                                               std::string_view office) const {
    if (std::abs(n) > kMaxWorkingDays) {
        throw std::out_of_range("addWorkingDays: more than kMaxWorkingDays working days");
    }
    sys_days day{start};
    if (n == 0) {
        while (!isWorkingDay(day, office)) {
            day += days{1};
        }
        return year_month_day{day};
    }
    const days step{n > 0 ? 1 : -1};
    for (int remaining = std::abs(n); remaining > 0;) {
        day += step;
        if (isWorkingDay(day, office)) {
            --remaining;
        }
    }
    return year_month_day{day};
}

int WorkingCalendar::workingDaysBetween(year_month_day a, year_month_day b,
                                        std::string_view office) const {
    const sys_days from{a};
    const sys_days to{b};
    if (to < from) {
        return -workingDaysBetween(b, a, office);
    }
    int count = 0;
    for (sys_days day = from + days{1}; day <= to; day += days{1}) {
        if (isWorkingDay(day, office)) {
            ++count;
        }
    }
    return count;
}

}  // namespace kep::domain
