#include "shared/cases/DueDate.h"

#include <algorithm>
#include <optional>

#include "shared/cases/GreekCivilTime.h"

namespace kep::cases {

using namespace std::chrono;

namespace {

year_month_day localDate(Instant instant) {
    return greekLocalDate(floor<seconds>(instant));
}

year_month_day statutoryDate(year_month_day filed, const domain::IsoDuration& deadline,
                             const domain::WorkingCalendar& calendar, std::string_view office) {
    const bool hasCalendarPart = deadline.years != 0 || deadline.months != 0 || deadline.weeks != 0;
    const auto workingDays =
        static_cast<int>(deadline.days + duration_cast<days>(deadline.timePart()).count());
    year_month_day start = filed;
    if (hasCalendarPart) {
        domain::IsoDuration calendarPart;
        calendarPart.years = deadline.years;
        calendarPart.months = deadline.months;
        calendarPart.weeks = deadline.weeks;
        start = calendar.addWorkingDays(calendarPart.addTo(filed), 0, office);
        if (workingDays == 0) {
            return start;
        }
    }
    return calendar.addWorkingDays(start, workingDays, office);
}

}  // namespace

DueDate dueDate(Instant filedAt, const domain::IsoDuration& deadline,
                std::span<const HistoryEntry> history, const domain::WorkingCalendar& calendar,
                std::string_view office, Instant asOf) {
    DueDate due;
    due.statutory = statutoryDate(localDate(filedAt), deadline, calendar, office);
    std::optional<year_month_day> stoppedOn;
    for (const HistoryEntry& entry : history) {
        if (entry.to == CaseStatus::AwaitingDocuments && !stoppedOn) {
            stoppedOn = localDate(entry.at);
        } else if (entry.from == CaseStatus::AwaitingDocuments && stoppedOn) {
            due.stoppedWorkingDays +=
                calendar.workingDaysBetween(*stoppedOn, localDate(entry.at), office);
            stoppedOn.reset();
        }
    }
    if (stoppedOn) {
        due.clockStopped = true;
        due.stoppedWorkingDays +=
            std::max(0, calendar.workingDaysBetween(*stoppedOn, localDate(asOf), office));
    }
    due.date = due.stoppedWorkingDays > 0
                   ? calendar.addWorkingDays(due.statutory, due.stoppedWorkingDays, office)
                   : due.statutory;
    return due;
}

}  // namespace kep::cases
