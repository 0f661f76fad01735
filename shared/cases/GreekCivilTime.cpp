#include "shared/cases/GreekCivilTime.h"

namespace kep::cases {

using namespace std::chrono;

namespace {

// 01:00 UTC on the last Sunday of the month: when EU summer time starts (March) and ends
// (October).
sys_seconds lastSundayAtOneUtc(year y, month m) {
    const sys_days lastSunday{year_month_weekday_last{y, m, weekday_last{Sunday}}};
    return sys_seconds{lastSunday} + hours{1};
}

}  // namespace

seconds greekUtcOffset(sys_seconds instant) {
    const year y = year_month_day{floor<days>(instant)}.year();
    const bool summer =
        instant >= lastSundayAtOneUtc(y, March) && instant < lastSundayAtOneUtc(y, October);
    return summer ? hours{3} : hours{2};
}

year_month_day greekLocalDate(sys_seconds instant) {
    return year_month_day{floor<days>(instant + greekUtcOffset(instant))};
}

}  // namespace kep::cases
