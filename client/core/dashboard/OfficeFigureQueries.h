// The office dashboard's figures read from desk.db, which holds every case of the office, so
// that they are there offline; and, for any figure, the cases behind it (the drill-down).
#pragma once

#include "cases/CaseQueries.h"
#include "dashboard/OfficeFigures.h"
#include "db/Database.h"

#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace kep::desk::dashboard {

class OfficeFigureQueries {
public:
    // "This week" on the radar: the six days after today, as the stats API counts it.
    static constexpr int kWeekAfterToday = 6;

    // `queries` (the work queues' queries over the same store) and `db` must outlive this.
    OfficeFigureQueries(const kep::desk::cases::CaseQueries& queries, kep::db::Database& db);

    // `onlyClerk` set: the workload holds that member of staff alone (a clerk sees their own
    // part; the office's other people are the manager's business).
    OfficeFigures figures(Instant now, const std::optional<std::string>& onlyClerk = {}) const;

    // The first `limit` cases a figure counts: deadlines by due date, open cases by due date,
    // filings newest first.
    std::vector<kep::desk::cases::QueueCase> cases(const Figure& figure, Instant now,
                                                   int limit) const;

    const kep::desk::cases::CaseQueries& caseQueries() const { return queries_; }

private:
    struct Deadline {
        std::chrono::sys_days due;
        std::string id;
        friend bool operator<(const Deadline& a, const Deadline& b) {
            return std::tie(a.due, a.id) < std::tie(b.due, b.id);
        }
    };
    // Every case whose deadline runs and falls before the radar's horizon, with its counted due
    // date (the stopped clock added).
    std::vector<Deadline> radar(Instant now) const;
    std::vector<std::string> filedBetween(const InstantRange& range, std::string_view channel,
                                          std::string_view userId, int limit) const;
    std::vector<std::string> openCases(std::string_view userId, int limit) const;
    void countFilings(OfficeFigures& figures, const std::optional<std::string>& onlyClerk) const;
    void countWorkload(OfficeFigures& figures, const std::optional<std::string>& onlyClerk) const;

    const kep::desk::cases::CaseQueries& queries_;
    kep::db::Database& db_;
};

}  // namespace kep::desk::dashboard
