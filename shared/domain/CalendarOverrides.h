// Exceptions to the holiday rules, set centrally and distributed to desks as JSON: a holiday
// moved by ministerial decision, a bridge day off, a town's patron-saint day at one office.
#pragma once

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kep::domain {

enum class DayKind { Holiday, WorkingDay };

struct CalendarOverride {
    std::chrono::year_month_day date;
    DayKind kind = DayKind::Holiday;
    std::string office;  // empty: national; otherwise the KEP office code it applies to
    std::string reason;  // shown to clerks, e.g. "Labour Day moved to 7 May"

    bool isNational() const { return office.empty(); }
};

// Thrown by CalendarOverrides::fromJson and add(); the message names the offending entry.
class CalendarFormatError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The override table. For one date, an office's own entry wins over a national one, and both
// win over the rules (weekends and national holidays), so an override can also make a
// Saturday a working day.
//
// JSON (UTF-8), as the server distributes it:
//   {"format": 1, "overrides": [
//     {"date": "2024-05-01", "kind": "working_day", "scope": "national",
//      "reason": "Labour Day moved to 7 May"},
//     {"date": "2024-05-07", "kind": "holiday", "scope": "national", "reason": "Labour Day"},
//     {"date": "2024-11-11", "kind": "holiday", "scope": "office", "office": "0457",
//      "reason": "Patron saint of the town"}]}
// kind: "holiday" | "working_day"; scope: "national" | "office" (then "office" is required and
// non-empty); date: YYYY-MM-DD; reason: a string, may be empty. Unknown members are ignored
// so that newer servers can add fields.
class CalendarOverrides {
public:
    static CalendarOverrides fromJson(std::string_view json);
    std::string toJson() const;

    // Adds an entry. Throws CalendarFormatError when the date is invalid or when the same date
    // and scope already have an entry of the other kind; the same kind replaces the reason.
    void add(CalendarOverride entry);

    // The override for this date at this office (office entry first, then national).
    std::optional<DayKind> lookup(std::chrono::sys_days date, std::string_view office) const;

    const std::vector<CalendarOverride>& entries() const { return entries_; }  // date order
    bool empty() const { return entries_.empty(); }

private:
    std::vector<CalendarOverride> entries_;
};

}  // namespace kep::domain
