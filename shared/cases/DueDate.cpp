#include "shared/cases/DueDate.h"

#include <algorithm>

#include "shared/cases/GreekCivilTime.h"

namespace kep::cases {

using namespace std::chrono;

namespace {

using domain::WorkingCalendar;

year_month_day localDate(Instant instant) {
    return greekLocalDate(floor<seconds>(instant));
}

bool withinCalendar(year_month_day date) {
    return sys_days{date} <= sys_days{kLastDueDate};
}

std::optional<year_month_day> statutoryDate(year_month_day filed,
                                            const domain::IsoDuration& deadline,
                                            const WorkingCalendar& calendar,
                                            std::string_view office) {
    const bool hasCalendarPart = deadline.years != 0 || deadline.months != 0 || deadline.weeks != 0;
    // At most 99,999 days and 41,666 from the time part (IsoDuration's limits): no overflow.
    const auto workingDays =
        static_cast<long long>(deadline.days) + duration_cast<days>(deadline.timePart()).count();
    if (workingDays > WorkingCalendar::kMaxWorkingDays) {
        return std::nullopt;
    }
    year_month_day start = filed;
    if (hasCalendarPart) {
        domain::IsoDuration calendarPart;
        calendarPart.years = deadline.years;
        calendarPart.months = deadline.months;
        calendarPart.weeks = deadline.weeks;
        // IsoDuration keeps the largest calendar part within std::chrono::year's range.
        const year_month_day landed = calendarPart.addTo(filed);
        if (!withinCalendar(landed)) {
            return std::nullopt;
        }
        start = calendar.addWorkingDays(landed, 0, office);
        if (workingDays == 0) {
            return start;
        }
    }
    return calendar.addWorkingDays(start, static_cast<int>(workingDays), office);
}

}  // namespace

std::string_view dueDateErrorMessage(DueDateError error) {
    switch (error) {
        case DueDateError::None:
            return "no error";
        case DueDateError::DeadlineTooLong:
            return "the procedure's deadline is too long to count a due date from";
        case DueDateError::StoppedClockTooLong:
            return "the case waited for documents too long to count a due date";
    }
    return "unknown error";
}

DueDateResult dueDate(Instant filedAt, const domain::IsoDuration& deadline,
                      std::span<const HistoryEntry> history, const WorkingCalendar& calendar,
                      std::string_view office, Instant asOf) {
    const auto statutory = statutoryDate(localDate(filedAt), deadline, calendar, office);
    if (!statutory || !withinCalendar(*statutory)) {
        return {std::nullopt, DueDateError::DeadlineTooLong};
    }
    DueDate due;
    due.statutory = *statutory;
    // Summed wide: each stay is bounded only by std::chrono's range, the history by nothing.
    long long stopped = 0;
    std::optional<year_month_day> stoppedOn;
    for (const HistoryEntry& entry : history) {
        if (entry.to == CaseStatus::AwaitingDocuments && !stoppedOn) {
            stoppedOn = localDate(entry.at);
        } else if (entry.from == CaseStatus::AwaitingDocuments && stoppedOn) {
            stopped += calendar.workingDaysBetween(*stoppedOn, localDate(entry.at), office);
            stoppedOn.reset();
        }
    }
    if (stoppedOn) {
        due.clockStopped = true;
        stopped += std::max(0, calendar.workingDaysBetween(*stoppedOn, localDate(asOf), office));
    }
    if (stopped > WorkingCalendar::kMaxWorkingDays || stopped < -WorkingCalendar::kMaxWorkingDays) {
        return {std::nullopt, DueDateError::StoppedClockTooLong};
    }
    due.stoppedWorkingDays = static_cast<int>(stopped);
    due.date = due.stoppedWorkingDays > 0
                   ? calendar.addWorkingDays(due.statutory, due.stoppedWorkingDays, office)
                   : due.statutory;
    if (!withinCalendar(due.date)) {
        return {std::nullopt, DueDateError::StoppedClockTooLong};
    }
    return {due, DueDateError::None};
}

}  // namespace kep::cases
