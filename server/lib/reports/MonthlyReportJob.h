// The monthly job (issue 8): once a month has ended in Greece, every office's report for it is
// written under DIR/reports/<office>/<YYYY-MM>.<el|en>.<csv|pdf>, once, atomically.
#pragma once

#include "jobs/BackgroundJobs.h"
#include "stats/StatsQueries.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace kep::server::reports {

class MonthlyReportJob {
public:
    using OfficeCodes = std::function<std::vector<std::string>()>;
    using ClockMs = std::function<std::int64_t()>;  // milliseconds since the epoch

    MonthlyReportJob(std::shared_ptr<stats::StatsQueries> queries, OfficeCodes offices,
                     std::filesystem::path dataDir, ClockMs clock);

    // Writes the files of the month just ended that do not exist yet; true when it wrote any.
    bool run();

private:
    std::shared_ptr<stats::StatsQueries> queries_;
    OfficeCodes offices_;
    std::filesystem::path reportsDir_;
    ClockMs clock_;
    std::string doneMonth_;  // "YYYY-MM" whose files are all written: not looked at again
};

void addMonthlyReportJob(jobs::BackgroundJobs& jobs, std::shared_ptr<MonthlyReportJob> job);

}  // namespace kep::server::reports
