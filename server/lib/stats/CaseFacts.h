// The few facts about one case that the statistics are computed from (a stats_case row), and how
// a change of the case log moves them: filing, the stays in awaiting_documents, completion.
#pragma once

#include "shared/cases/CaseStatus.h"
#include "shared/domain/WorkingCalendar.h"
#include "shared/sync/SyncMessages.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kep::server::stats {

// The procedure of a case that names none, so that it is still counted (and never mistaken for
// the all-procedures roll-up, '').
inline constexpr std::string_view kNoProcedure = "-";

// The channels an application reaches a KEP by (shared/cases/CaseFields.h), in the order the
// filing counts keep them.
inline constexpr std::array<std::string_view, 4> kChannels{"counter", "remote", "govgr", "eugo"};

struct CaseFacts {
    std::string caseId;
    std::string officeCode;
    std::string region;  // the office's when the case was first counted ("" when it has none)
    std::string procedureId{kNoProcedure};
    std::string channel = "counter";  // absent on cases filed before issue 7: counter
    std::string filedBy;              // the clerk or manager who filed it; "" when filed online
    kep::cases::CaseStatus status = kep::cases::CaseStatus::Draft;
    std::string dueDate;                          // "YYYY-MM-DD" as filed, "" when none
    std::optional<std::int64_t> filedAtMs;        // the first step out of draft
    std::optional<std::int64_t> awaitingSinceMs;  // in awaiting_documents since
    std::int64_t awaitingMs = 0;                  // time spent awaiting documents, stays closed
    int stoppedDays = 0;  // working days d with entered < d <= left, summed over those stays
    std::optional<std::int64_t> completedAtMs;  // the first entry into completed
    bool returned = false;                      // returned to the clerk at least once

    friend bool operator==(const CaseFacts&, const CaseFacts&) = default;
};

// Moves `facts` by one change of the case: the fields it wrote, and for a status change the
// time the server recorded (status_at; `fallbackMs` when a change lacks it). The calendar
// counts the working days of a stay in awaiting_documents.
void applyChange(CaseFacts& facts, const kep::sync::FieldMap& fields, std::int64_t fallbackMs,
                 const kep::domain::WorkingCalendar& calendar);

// Open cases: filed and not yet decided (completed or after, rejected, withdrawn).
bool isBacklog(kep::cases::CaseStatus status);

// Counted by the deadline radar: open, and the deadline clock runs (not awaiting documents).
bool deadlineRuns(kep::cases::CaseStatus status);

}  // namespace kep::server::stats
