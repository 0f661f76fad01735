// The read side of the statistics: the figures the /api/v1/stats routes answer, summed from the
// small tables the aggregate job keeps (migration 0015) for a set of scopes and a period.
#pragma once

#include "stats/ReadConnections.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kep::server::stats {

// The aggregate scopes a figure sums: office codes, a region's roll-up (regionScope(), in
// CaseContribution.h), or {""} for the nation's roll-up.
using ScopeKeys = std::vector<std::string>;

// Greek civil days, both included.
struct Period {
    std::chrono::year_month_day from;
    std::chrono::year_month_day to;
};

// Open cases whose deadline runs, by their due date (stopped-clock days added) against today:
// past it, due today, and due on one of the six days after today.
struct DeadlineRadar {
    std::int64_t overdue = 0;
    std::int64_t dueToday = 0;
    std::int64_t dueThisWeek = 0;
};

// Cases completed in the calendar months the period touches (the histograms are monthly).
struct ProcessingTime {
    std::int64_t completed = 0;
    std::optional<double> medianDays;
    std::optional<double> p90Days;
    std::optional<double> deadlineCompliance;  // completed by the due date, of those with one
};

struct Overview {
    std::int64_t filed = 0;                         // filed in the period
    std::map<std::string, std::int64_t> byStatus;   // every status but draft, now
    std::map<std::string, std::int64_t> byChannel;  // counter, remote, govgr, eugo: filed
    std::vector<std::pair<std::string, std::int64_t>> filedPerDay;  // every day of the period
    std::int64_t backlog = 0;
    DeadlineRadar deadline;
    ProcessingTime processing;
    std::optional<double> returnedRate;  // of the cases filed in the period
    std::optional<double> rejectedRate;
    std::optional<double> onlineShare;  // govgr and eugo
    std::array<std::int64_t, 24> busiestHours{};
};

struct ProcedureFigures {
    std::string id;
    std::string titleEl;  // the published title; "" for a procedure not in the catalogue
    std::string titleEn;
    std::int64_t filed = 0;
    ProcessingTime processing;
};

enum class ProcedureOrder {
    Top,      // most filed in the period
    Slowest,  // highest median processing time, of those with kSlowestMinCompleted completions
};
inline constexpr std::int64_t kSlowestMinCompleted = 5;

struct OfficeFigures {
    std::int64_t filed = 0;
    std::int64_t backlog = 0;
    std::int64_t overdue = 0;
    ProcessingTime processing;
};

struct ClerkWorkload {
    std::int64_t openCases = 0;
    std::int64_t filedThisMonth = 0;
};

// Thread-safe: each call borrows a connection and reads in one snapshot. Throws kep::db::Error.
class StatsQueries {
public:
    explicit StatsQueries(std::shared_ptr<ReadConnections> connections)
        : connections_(std::move(connections)) {}

    Overview overview(const ScopeKeys& scopes, const Period& period,
                      std::chrono::year_month_day today);
    std::vector<ProcedureFigures> procedures(const ScopeKeys& scopes, const Period& period,
                                             ProcedureOrder order, int limit);
    // By office code, for each of `offices` (codes): an office with no figures has zeros.
    std::map<std::string, OfficeFigures> offices(const ScopeKeys& offices, const Period& period,
                                                 std::chrono::year_month_day today);
    // By user id: the office's clerks who have open cases or filed in `month` ("YYYY-MM").
    std::map<std::string, ClerkWorkload> clerks(const std::string& officeCode,
                                                const std::string& month);
    // When each workstation last pushed or pulled, by device id (milliseconds since the epoch).
    std::map<std::string, std::int64_t> desksLastSeen();

private:
    std::shared_ptr<ReadConnections> connections_;
};

}  // namespace kep::server::stats
