// Greek civil dates as the statistics key and receive them: "YYYY-MM-DD" days, "YYYY-MM" months,
// and the day and hour of an instant on a wall clock in Greece (the filing hour, the due date).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kep::server::stats {

// Exactly "YYYY-MM-DD" naming a real day from year 1900 on; nullopt for anything else.
std::optional<std::chrono::year_month_day> parseCivilDate(std::string_view text);
std::string civilDateText(std::chrono::year_month_day date);
std::string civilMonthText(std::chrono::year_month_day date);  // "YYYY-MM"

// Where an instant (milliseconds since the epoch) falls in Greece.
struct GreekMoment {
    std::chrono::year_month_day date;
    int hour = 0;  // 0..23
};
GreekMoment greekMoment(std::int64_t epochMs);
// Today's date in Greece, by the system clock (what "today" and "this month" mean to a KEP).
std::chrono::year_month_day greekToday();

}  // namespace kep::server::stats
