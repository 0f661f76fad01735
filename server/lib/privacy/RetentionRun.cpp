#include "privacy/RetentionRun.h"

#include "storage/PortableSql.h"

#include <memory>
#include <set>

namespace kep::server::privacy {

namespace {

// Every retention in years a case may have: the default and each procedure's own.
std::set<int> retentionYears(kep::db::Database& db, const RetentionSettings& settings) {
    std::set<int> years{settings.defaultYears};
    auto select = db.prepare("SELECT DISTINCT purge_after_years FROM privacy_retention");
    while (select.step()) {
        years.insert(static_cast<int>(select.int64(0)));
    }
    return years;
}

}  // namespace

std::vector<std::string> casesDueForPurge(kep::db::Database& db, const RetentionSettings& settings,
                                          std::chrono::system_clock::time_point now, int limit) {
    // status_at is the closing instant (ms): a terminal status is the case's last transition.
    // The cutoff is worked out here, one per retention in years, and bound: the back-ends' own
    // date arithmetic differs by a day on 29 February.
    const auto dialect = db.dialect();
    auto select = db.prepare(
        "SELECT e.entity_id FROM sync_entity e LEFT JOIN privacy_retention r ON r.procedure_id = " +
        storage::jsonValue(dialect, "e.state", "$.f.procedure_id[0]") +
        " WHERE e.entity_type = 'case' AND e.status IN ('delivered', 'rejected', 'withdrawn') "
        "AND coalesce(r.purge_after_years, CAST(?2 AS BIGINT)) = CAST(?4 AS BIGINT) "
        "AND NOT EXISTS (SELECT 1 FROM privacy_purged p WHERE p.case_id = e.entity_id) AND CAST(" +
        storage::jsonValue(dialect, "e.state", "$.f.status_at[0]") +
        " AS BIGINT) <= CAST(?1 AS BIGINT) LIMIT ?3");
    std::vector<std::string> due;
    for (const int years : retentionYears(db, settings)) {
        if (static_cast<int>(due.size()) >= limit) {
            break;
        }
        select.bind(1, retentionCutoffMs(now, years))
            .bind(2, settings.defaultYears)
            .bind(3, limit - static_cast<int>(due.size()))
            .bind(4, years);
        while (select.step()) {
            due.push_back(select.text(0));
        }
        select.reset();
    }
    return due;
}

RetentionRunResult runRetention(const std::string& database, const std::string& dataDir,
                                const RetentionSettings& settings,
                                std::chrono::system_clock::time_point now, int batchSize,
                                int maxBatches) {
    PurgeConnection connection(database);
    CasePurge purge(connection, dataDir);
    RetentionRunResult result;
    for (int batch = 0; batch < maxBatches; ++batch) {
        const auto due = casesDueForPurge(connection.database(), settings, now, batchSize);
        if (due.empty()) {
            break;
        }
        // `now` says what is due; the audit log records when the purge really happened.
        const auto purged = purge.purge(due, PurgeReason::Retention, retentionJobActor(),
                                        std::chrono::system_clock::now());
        result.cases += purged.cases;
        result.contentRemoved += purged.contentRemoved;
        if (static_cast<int>(due.size()) < batchSize) {
            break;
        }
    }
    if (result.cases > 0) {
        (connection.onPostgres() ? result.vacuumed : result.walTruncated) = purge.eraseFreedSpace();
    }
    return result;
}

namespace {

class RetentionJob {
public:
    RetentionJob(std::string database, std::string dataDir, RetentionSettings settings,
                 kep::log::Logger& logger)
        : database_(std::move(database))
        , dataDir_(std::move(dataDir))
        , settings_(settings)
        , logger_(logger) {}

    bool run() {
        const auto now = std::chrono::system_clock::now();
        if (!backlog_ && now < nextLook_) {
            return false;
        }
        const auto result = runRetention(database_, dataDir_, settings_, now, kRetentionBatch, 1);
        backlog_ = result.cases == static_cast<std::size_t>(kRetentionBatch);
        if (!backlog_) {
            nextLook_ = now + std::chrono::hours{1};
        }
        if (result.cases > 0) {
            logger_.info("retention_purged", {{"cases", result.cases},
                                              {"content_removed", result.contentRemoved},
                                              {"wal_truncated", result.walTruncated},
                                              {"vacuumed", result.vacuumed}});
        }
        return backlog_;
    }

private:
    std::string database_;
    std::string dataDir_;
    RetentionSettings settings_;
    kep::log::Logger& logger_;
    bool backlog_ = false;
    std::chrono::system_clock::time_point nextLook_{};
};

}  // namespace

void addRetentionJob(jobs::BackgroundJobs& jobs, const std::string& database,
                     const std::string& dataDir, const RetentionSettings& settings,
                     kep::log::Logger& logger) {
    auto job = std::make_shared<RetentionJob>(database, dataDir, settings, logger);
    jobs.add({"retention", [job] { return job->run(); }});
}

}  // namespace kep::server::privacy
