#include "cases/CaseQueries.h"

#include "catalogue/CatalogueIndex.h"
#include "shared/cases/DueDate.h"
#include "shared/cases/GreekCivilTime.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <tuple>
#include <unordered_set>

namespace kep::desk::cases {

namespace {

using kep::cases::CaseStatus;
using std::chrono::year_month_day;

// How many matching procedure titles a search follows: a short prefix matches dozens, and
// the clerk refines the query long before the tenth title matters.
constexpr std::size_t kTitleMatches = 10;

constexpr CaseStatus kDeadlineStatuses[] = {
    CaseStatus::Submitted, CaseStatus::PendingApproval, CaseStatus::ReturnedToClerk,
    CaseStatus::Approved,  CaseStatus::Forwarded,       CaseStatus::InProgress,
};

std::size_t statusIndex(CaseStatus status) {
    const auto at =
        std::find(kep::cases::kAllStatuses.begin(), kep::cases::kAllStatuses.end(), status);
    return static_cast<std::size_t>(at - kep::cases::kAllStatuses.begin());
}

// "2026-04-01" as kase.due_date stores it; an unreadable date sorts first (it shows up as
// overdue rather than hiding).
year_month_day parseIsoDate(std::string_view text) {
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    const char* end = text.data() + text.size();
    if (text.size() == 10 && std::from_chars(text.data(), text.data() + 4, y).ec == std::errc{} &&
        std::from_chars(text.data() + 5, text.data() + 7, m).ec == std::errc{} &&
        std::from_chars(text.data() + 8, end, d).ec == std::errc{}) {
        const year_month_day date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
        if (date.ok()) {
            return date;
        }
    }
    return year_month_day{std::chrono::year{1970}, std::chrono::January, std::chrono::day{1}};
}

std::string isoText(year_month_day date) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

year_month_day today(Instant now) {
    return kep::cases::greekLocalDate(std::chrono::floor<std::chrono::seconds>(now));
}

bool hasLetter(std::string_view typed) {
    // Any byte outside ASCII digits, separators and spaces: a Greek or Latin word.
    return std::any_of(typed.begin(), typed.end(), [](char c) {
        return !(c >= '0' && c <= '9') && c != '/' && c != ' ' && c != '-';
    });
}

}  // namespace

std::int64_t QueueCounts::of(const WorkQueue& queue) const {
    switch (queue.kind) {
        case QueueKind::Mine:
            return mine;
        case QueueKind::DueSoon:
            return dueSoon;
        case QueueKind::Overdue:
            return overdue;
        case QueueKind::AwaitingCitizen:
            return byStatus[statusIndex(CaseStatus::AwaitingDocuments)] +
                   byStatus[statusIndex(CaseStatus::ReadyForPickup)];
        case QueueKind::AwaitingDocuments:
            return byStatus[statusIndex(CaseStatus::AwaitingDocuments)];
        case QueueKind::ReadyToForward:
            return readyToForward;
        case QueueKind::Status:
            return byStatus[statusIndex(queue.status)];
    }
    return 0;
}

bool deadlineRuns(CaseStatus status) {
    return std::find(std::begin(kDeadlineStatuses), std::end(kDeadlineStatuses), status) !=
           std::end(kDeadlineStatuses);
}

CaseQueries::CaseQueries(const CaseStore& store, kep::db::Database& db,
                         const kep::domain::WorkingCalendar& calendar, std::string office)
    : store_(store)
    , db_(db)
    , calendar_(calendar)
    , office_(std::move(office)) {}

void CaseQueries::setProcedureTitles(const kep::desk::catalogue::CatalogueIndex* titles) {
    titles_ = titles;
}

year_month_day CaseQueries::dueSoonUntil(year_month_day day) const {
    return calendar_.addWorkingDays(day, kDueSoonWorkingDays, office_);
}

QueueCase CaseQueries::withDueDate(CaseSummary summary, Instant now) const {
    QueueCase shown;
    shown.due = parseIsoDate(summary.dueDate);
    const auto history = store_.history(summary.id);
    // The newest step into the status the case is in now says why it is there.
    const auto into = std::find_if(history.rbegin(), history.rend(), [&summary](const auto& step) {
        return step.to == summary.status;
    });
    if (into != history.rend()) {
        shown.statusReason = into->reason;
    }
    const bool everStopped = std::any_of(history.begin(), history.end(), [](const auto& step) {
        return step.to == CaseStatus::AwaitingDocuments;
    });
    if (everStopped) {
        // The statutory date is already counted; the shared rule adds the stopped clock's
        // working days to it when it is given as the filing date with a deadline of P0D.
        const Instant statutoryNoon{std::chrono::sys_days{shown.due} + std::chrono::hours{12}};
        const auto counted = kep::cases::dueDate(statutoryNoon, kep::domain::IsoDuration{}, history,
                                                 calendar_, office_, now);
        if (counted.ok()) {
            shown.due = counted.due->date;
            shown.clockStopped = counted.due->clockStopped;
        }
    }
    shown.overdue = deadlineRuns(summary.status) &&
                    std::chrono::sys_days{shown.due} < std::chrono::sys_days{today(now)};
    shown.summary = std::move(summary);
    return shown;
}

QueueCounts CaseQueries::counts(const std::string& userId, Instant now,
                                std::optional<CaseChannel> channel) const {
    QueueCounts counts;
    const std::string channelText = channel ? std::string(toString(*channel)) : std::string();
    // One pass over kase_status (status, due_date, id), or over kase_channel_status for one
    // channel: an index-only count per status.
    auto byStatus = channel ? db_.prepare(
                                  "SELECT status, count(*) FROM kase WHERE channel = ?1 "
                                  "GROUP BY status")
                            : db_.prepare("SELECT status, count(*) FROM kase GROUP BY status");
    if (channel) {
        byStatus.bind(1, channelText);
    }
    while (byStatus.step()) {
        if (const auto status = kep::cases::caseStatusFromString(byStatus.text(0))) {
            counts.byStatus[statusIndex(*status)] = byStatus.int64(1);
        }
    }
    auto mine =
        db_.prepare("SELECT count(*) FROM kase WHERE filed_by = ?1 AND (?2 = '' OR channel = ?2)");
    mine.bind(1, userId).bind(2, channelText).step();
    counts.mine = mine.int64(0);
    // Every approved case, and those submitted cases that skip approval.
    auto skippingApproval = db_.prepare(
        "SELECT count(*) FROM kase WHERE status = ?1 AND requires_approval = 0 "
        "AND (?2 = '' OR channel = ?2)");
    skippingApproval.bind(1, kep::cases::toString(CaseStatus::Submitted))
        .bind(2, channelText)
        .step();
    counts.readyToForward =
        counts.byStatus[statusIndex(CaseStatus::Approved)] + skippingApproval.int64(0);
    deadlineQueue(false, now, 0, channel, &counts.dueSoon, &counts.overdue);
    return counts;
}

std::vector<QueueCase> CaseQueries::deadlineQueue(bool overdue, Instant now, int limit,
                                                  std::optional<CaseChannel> channel,
                                                  std::int64_t* dueSoonTotal,
                                                  std::int64_t* overdueTotal) const {
    const auto day = today(now);
    const auto horizon = dueSoonUntil(day);
    // Every case whose deadline runs and whose statutory date is no later than the horizon: the
    // stopped clock only ever moves a date later, so no case due by the horizon is missed.
    // The statuses are an IN list on kase_status's first column, the date its range.
    std::string sql =
        "SELECT k.id, k.due_date, EXISTS (SELECT 1 FROM case_history h WHERE h.case_id = k.id "
        "AND h.to_status = ?1) FROM kase k WHERE k.due_date <= ?2 AND (?3 = '' OR k.channel = ?3) "
        "AND k.status IN (";
    constexpr std::size_t kFirstStatus = 4;  // the parameter number of the IN list's first
    for (std::size_t i = 0; i < std::size(kDeadlineStatuses); ++i) {
        sql += (i == 0 ? "?" : ", ?") + std::to_string(i + kFirstStatus);
    }
    sql += ") ORDER BY k.due_date, k.id";
    auto st = db_.prepare(sql);
    st.bind(1, kep::cases::toString(CaseStatus::AwaitingDocuments)).bind(2, isoText(horizon));
    st.bind(3, channel ? std::string(toString(*channel)) : std::string());
    for (std::size_t i = 0; i < std::size(kDeadlineStatuses); ++i) {
        st.bind(static_cast<int>(i + kFirstStatus), kep::cases::toString(kDeadlineStatuses[i]));
    }
    const auto dayNumber = std::chrono::sys_days{day};
    const auto horizonNumber = std::chrono::sys_days{horizon};
    std::vector<std::pair<std::chrono::sys_days, std::string>> picked;
    std::int64_t dueSoonCount = 0;
    std::int64_t overdueCount = 0;
    while (st.step()) {
        auto due = std::chrono::sys_days{parseIsoDate(st.text(1))};
        std::string id = st.text(0);
        if (st.int64(2) != 0) {
            // Rare (the case once waited for documents): its own history decides.
            auto summary = store_.caseById(id);
            if (!summary) {
                continue;
            }
            due = std::chrono::sys_days{withDueDate(std::move(*summary), now).due};
        }
        const bool isOverdue = due < dayNumber;
        const bool isDueSoon = !isOverdue && due <= horizonNumber;
        dueSoonCount += isDueSoon ? 1 : 0;
        overdueCount += isOverdue ? 1 : 0;
        if (overdue ? isOverdue : isDueSoon) {
            if (limit > 0) {
                picked.emplace_back(due, std::move(id));
            }
        }
    }
    if (dueSoonTotal != nullptr) {
        *dueSoonTotal = dueSoonCount;
    }
    if (overdueTotal != nullptr) {
        *overdueTotal = overdueCount;
    }
    std::sort(picked.begin(), picked.end());
    if (picked.size() > static_cast<std::size_t>(std::max(0, limit))) {
        picked.resize(static_cast<std::size_t>(std::max(0, limit)));
    }
    std::vector<QueueCase> cases;
    for (const auto& [due, id] : picked) {
        if (auto summary = store_.caseById(id)) {
            cases.push_back(withDueDate(std::move(*summary), now));
        }
    }
    return cases;
}

std::vector<QueueCase> CaseQueries::cases(const WorkQueue& queue, const std::string& userId,
                                          Instant now, int limit,
                                          std::optional<CaseChannel> channel) const {
    std::vector<CaseSummary> found;
    switch (queue.kind) {
        case QueueKind::Mine:
            found = store_.filedBy(userId, limit, 0, channel);
            break;
        case QueueKind::DueSoon:
        case QueueKind::Overdue:
            return deadlineQueue(queue.kind == QueueKind::Overdue, now, limit, channel, nullptr,
                                 nullptr);
        case QueueKind::AwaitingDocuments:
            found = store_.withStatus(CaseStatus::AwaitingDocuments, limit, 0, channel);
            break;
        case QueueKind::ReadyToForward:
            found = store_.readyToForward(limit, 0, channel);
            break;
        case QueueKind::AwaitingCitizen: {
            // Two index ranges of kase_status, each already in due-date order: merged, cut.
            found = store_.withStatus(CaseStatus::AwaitingDocuments, limit, 0, channel);
            auto ready = store_.withStatus(CaseStatus::ReadyForPickup, limit, 0, channel);
            found.insert(found.end(), std::make_move_iterator(ready.begin()),
                         std::make_move_iterator(ready.end()));
            std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
                return std::tie(a.dueDate, a.id) < std::tie(b.dueDate, b.id);
            });
            if (found.size() > static_cast<std::size_t>(std::max(0, limit))) {
                found.resize(static_cast<std::size_t>(std::max(0, limit)));
            }
            break;
        }
        case QueueKind::Status:
            found = store_.withStatus(queue.status, limit, 0, channel);
            break;
    }
    std::vector<QueueCase> shown;
    shown.reserve(found.size());
    for (auto& summary : found) {
        shown.push_back(withDueDate(std::move(summary), now));
    }
    return shown;
}

std::vector<QueueCase> CaseQueries::search(std::string_view typed, Instant now, int limit,
                                           std::optional<CaseChannel> channel) const {
    std::vector<CaseSummary> found = store_.search(typed, limit, channel);
    if (titles_ != nullptr && hasLetter(typed)) {
        // CaseStore finds the cases of a procedure by its id: each matching title is one
        // indexed look-up of its newest cases.
        for (const auto& match :
             titles_->search(typed, kep::catalogue::Language::El, kTitleMatches)) {
            auto ofProcedure = store_.search(match.id, limit, channel);
            found.insert(found.end(), std::make_move_iterator(ofProcedure.begin()),
                         std::make_move_iterator(ofProcedure.end()));
        }
        std::stable_sort(found.begin(), found.end(),
                         [](const auto& a, const auto& b) { return a.filedAt > b.filedAt; });
        std::unordered_set<std::string> seen;
        std::erase_if(found, [&seen](const auto& c) { return !seen.insert(c.id).second; });
        if (found.size() > static_cast<std::size_t>(std::max(0, limit))) {
            found.resize(static_cast<std::size_t>(std::max(0, limit)));
        }
    }
    std::vector<QueueCase> shown;
    shown.reserve(found.size());
    for (auto& summary : found) {
        shown.push_back(withDueDate(std::move(summary), now));
    }
    return shown;
}

std::optional<QueueCase> CaseQueries::caseById(const std::string& caseId, Instant now) const {
    auto summary = store_.caseById(caseId);
    if (!summary) {
        return std::nullopt;
    }
    return withDueDate(std::move(*summary), now);
}

std::vector<kep::cases::HistoryEntry> CaseQueries::history(const std::string& caseId) const {
    return store_.history(caseId);
}

std::string CaseQueries::staffName(const std::string& userId) const {
    auto st = db_.prepare(
        "SELECT display_name FROM offline_verifier WHERE user_id = ?1 AND display_name <> '' "
        "LIMIT 1");
    st.bind(1, userId);
    return st.step() ? st.text(0) : userId;
}

}  // namespace kep::desk::cases
