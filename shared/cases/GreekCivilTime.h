// Greece's civil time (EET/EEST), for the two rules that depend on the local calendar date of
// an instant: which year a protocol number belongs to, and the day a deadline counts from.
#pragma once

#include <chrono>

namespace kep::cases {

// UTC+2, or UTC+3 from 01:00 UTC on the last Sunday of March until 01:00 UTC on the last
// Sunday of October (the EU summer-time rule, Directive 2000/84/EC). Written out rather than
// read from the tz database: GCC 12's libstdc++ has no std::chrono::zoned_time, and a desk's
// copy of tzdata may be stale, while this rule has not changed since 1996.
std::chrono::seconds greekUtcOffset(std::chrono::sys_seconds instant);

// The date on a wall calendar in Greece at that instant: 2026-12-31T22:00:00Z is 1 Jan 2027.
std::chrono::year_month_day greekLocalDate(std::chrono::sys_seconds instant);

}  // namespace kep::cases
