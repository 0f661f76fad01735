// The statutory due date of a case: the procedure's deadline counted in Greek working days from
// filing, pushed back by the working days the case spent waiting for the citizen's documents.
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string_view>

#include "shared/cases/CaseHistory.h"
#include "shared/domain/IsoDuration.h"
#include "shared/domain/WorkingCalendar.h"

namespace kep::cases {

struct DueDate {
    std::chrono::year_month_day date;       // the due date, stopped-clock days included
    std::chrono::year_month_day statutory;  // the due date from the deadline alone
    int stoppedWorkingDays = 0;             // working days spent in awaiting_documents
    bool clockStopped = false;              // the case is awaiting documents as of `asOf`
};

// Why a due date could not be counted. The catalogue flags a deadline this long at import
// (kep::catalogue::kMaxPlausibleDeadlineYears), but a case filed against it must still not fail.
enum class DueDateError {
    None,
    // The deadline is more than WorkingCalendar::kMaxWorkingDays working days (days and the
    // time part together, e.g. P99999DT999999H), or its calendar part reaches past kLastDueDate.
    DeadlineTooLong,
    // The stopped clock adds more than kMaxWorkingDays working days, or moves the date past
    // kLastDueDate (a history or an `asOf` centuries away).
    StoppedClockTooLong,
};

std::string_view dueDateErrorMessage(DueDateError error);

// The latest due date counted: a four-digit-year ISO 8601 date, as cases store it.
inline constexpr std::chrono::year_month_day kLastDueDate{
    std::chrono::year{9999}, std::chrono::December, std::chrono::day{31}};

struct DueDateResult {
    std::optional<DueDate> due;  // set when it could be counted
    DueDateError error = DueDateError::None;

    bool ok() const { return due.has_value(); }
};

// Counting (all dates are Greek local dates, see GreekCivilTime.h; `office` selects the
// office's calendar overrides):
//  - Days (P5D) are working days: day 1 is the first working day after the filing date, so a
//    case filed on Friday with P1D is due on Monday (WorkingCalendar::addWorkingDays).
//  - Years, months and weeks (P2M, P1Y, P2W) are calendar units: added to the filing date (the
//    end of a shorter month clamps: 31 Jan + P1M = 28/29 Feb), and when that day is not a
//    working day, the next working day. A mixed deadline (P1M10D) adds the calendar part
//    first, then counts the days as working days from there.
//  - The time part (PT48H) is taken in whole days, floor(length / 24 h), counted like days.
//  - P0D is due on the filing date, or the next working day when filed on a day off.
//  - The stopped clock: each stay in awaiting_documents, from the entry into it to the entry
//    out of it (history in the order it happened), adds the working days d with
//    entered < d <= left; a stay still open counts up to `asOf`. A stop and a restart on the
//    same day add nothing; stopped on Monday and restarted on Thursday adds three (Tue-Thu).
//    The total is added as working days after the statutory date.
// A deadline or stopped clock beyond the bounds above gives an error result; never throws.
DueDateResult dueDate(Instant filedAt, const domain::IsoDuration& deadline,
                      std::span<const HistoryEntry> history,
                      const domain::WorkingCalendar& calendar, std::string_view office,
                      Instant asOf);

}  // namespace kep::cases
