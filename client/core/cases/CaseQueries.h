// The office's work queues over desk.db — my cases, each status, due soon, overdue, awaiting the
// citizen — with their counts, and the case search the counter types into, all answered locally.
#pragma once

#include "cases/CaseStore.h"
#include "db/Database.h"
#include "shared/cases/CaseStatus.h"
#include "shared/domain/WorkingCalendar.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kep::desk::catalogue {
class CatalogueIndex;
}

namespace kep::desk::cases {

enum class QueueKind {
    Mine,             // filed by the signed-in user, newest first
    DueSoon,          // due today or within kDueSoonWorkingDays working days
    Overdue,          // past its due date and still with the office or the authority
    AwaitingCitizen,  // awaiting_documents or ready_for_pickup: the citizen must act
    // awaiting_documents: the authority asked for more (its reason shown), the clerk calls the
    // citizen
    AwaitingDocuments,
    // approved, or submitted needing no approval: the office forwards them to the authority
    ReadyToForward,
    Status,  // the office's cases of one status
};

struct WorkQueue {
    QueueKind kind = QueueKind::Mine;
    kep::cases::CaseStatus status = kep::cases::CaseStatus::Submitted;  // QueueKind::Status only

    friend bool operator==(const WorkQueue&, const WorkQueue&) = default;
};

// A case as a queue shows it: its due date with the stopped clock counted in.
struct QueueCase {
    CaseSummary summary;                // summary.dueDate: the statutory date stored at filing
    std::chrono::year_month_day due{};  // with the working days spent awaiting documents
    bool clockStopped = false;          // awaiting documents now: the date moves every day
    bool overdue = false;
    // Why the case is in its status, as the step into it recorded (the authority's request for
    // documents, a rejection's grounds); "" when none was given.
    std::string statusReason;
};

struct QueueCounts {
    std::int64_t mine = 0;
    std::int64_t dueSoon = 0;
    std::int64_t overdue = 0;
    std::int64_t readyToForward = 0;
    std::array<std::int64_t, kep::cases::kAllStatuses.size()> byStatus{};

    std::int64_t of(const WorkQueue& queue) const;
};

// The deadline runs while the case waits on the office or the authority: not for a draft, not
// while the authority waits for documents (the clock stops), not once the authority decided.
bool deadlineRuns(kep::cases::CaseStatus status);

class CaseQueries {
public:
    // A working week: what a manager looks at on Monday morning.
    static constexpr int kDueSoonWorkingDays = 5;

    // `store`, `db` (the store's desk.db) and `calendar` must outlive the queries; `office`
    // selects the calendar's office overrides.
    CaseQueries(const CaseStore& store, kep::db::Database& db,
                const kep::domain::WorkingCalendar& calendar, std::string office);

    // Procedure titles are searched in the catalogue index (accent-insensitive, Greeklish too)
    // and mapped to the cases filed under those procedures. Null: titles are not searched.
    void setProcedureTitles(const kep::desk::catalogue::CatalogueIndex* titles);

    // `channel` set: the counts, queues and search hold only the cases that came by it.
    QueueCounts counts(const std::string& userId, Instant now,
                       std::optional<CaseChannel> channel = std::nullopt) const;

    // The first `limit` cases of a queue: by due date, except Mine (newest first).
    std::vector<QueueCase> cases(const WorkQueue& queue, const std::string& userId, Instant now,
                                 int limit,
                                 std::optional<CaseChannel> channel = std::nullopt) const;

    // As-you-type search: CaseStore::search (protocol number, ΑΦΜ, ΑΜΚΑ, surname) and the cases
    // of the procedures whose title matches, newest first.
    std::vector<QueueCase> search(std::string_view typed, Instant now, int limit,
                                  std::optional<CaseChannel> channel = std::nullopt) const;

    // One case with its due date as of `now` (the details view); nullopt if the desk lacks it.
    std::optional<QueueCase> caseById(const std::string& caseId, Instant now) const;

    // Every recorded step of the case, oldest first (CaseStore::history).
    std::vector<kep::cases::HistoryEntry> history(const std::string& caseId) const;

    // The name of a member of staff who signed in at this desk; the id when unknown here.
    std::string staffName(const std::string& userId) const;

    // The last day that counts as "due soon" on `today`.
    std::chrono::year_month_day dueSoonUntil(std::chrono::year_month_day today) const;

private:
    QueueCase withDueDate(CaseSummary summary, Instant now) const;
    // One pass over the cases whose deadline runs: counts both queues, returns the first
    // `limit` of one (the overdue, or the due soon) in due-date order.
    std::vector<QueueCase> deadlineQueue(bool overdue, Instant now, int limit,
                                         std::optional<CaseChannel> channel,
                                         std::int64_t* dueSoonTotal,
                                         std::int64_t* overdueTotal) const;

    const CaseStore& store_;
    kep::db::Database& db_;
    const kep::domain::WorkingCalendar& calendar_;
    std::string office_;
    const kep::desk::catalogue::CatalogueIndex* titles_ = nullptr;
};

}  // namespace kep::desk::cases
