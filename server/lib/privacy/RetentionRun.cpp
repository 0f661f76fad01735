#include "privacy/RetentionRun.h"

#include "shared/domain/UtcTime.h"
#include "storage/PortableSql.h"

#include <filesystem>
#include <memory>
#include <mutex>

namespace kep::server::privacy {

std::vector<std::string> casesDueForPurge(kep::db::Database& db, const RetentionSettings& settings,
                                          std::chrono::system_clock::time_point now, int limit) {
    // status_at is the closing instant (ms): a terminal status is the case's last transition.
    // The cutoff, ?1 less the rule's years in ms, is date arithmetic each back-end spells its own
    // way (a 29 February less a year: SQLite's 1 March, PostgreSQL's 28 February).
    const auto dialect = db.dialect();
    const std::string cutoff =
        dialect == kep::db::Dialect::Postgres
            ? "1000 * extract(epoch FROM CAST(?1 AS timestamptz) - make_interval(years => "
              "CAST(coalesce(r.purge_after_years, CAST(?2 AS BIGINT)) AS INTEGER)))"
            : "1000 * unixepoch(?1, '-' || coalesce(r.purge_after_years, ?2) || ' years')";
    auto select = db.prepare(
        "SELECT e.entity_id FROM sync_entity e LEFT JOIN privacy_retention r ON r.procedure_id = " +
        storage::jsonValue(dialect, "e.state", "$.f.procedure_id[0]") +
        " WHERE e.entity_type = 'case' AND e.status IN ('delivered', 'rejected', 'withdrawn') "
        "AND NOT EXISTS (SELECT 1 FROM privacy_purged p WHERE p.case_id = e.entity_id) AND CAST(" +
        storage::jsonValue(dialect, "e.state", "$.f.status_at[0]") + " AS BIGINT) <= " + cutoff +
        " LIMIT ?3");
    select.bind(1, kep::domain::toUtcText(now)).bind(2, settings.defaultYears).bind(3, limit);
    std::vector<std::string> due;
    while (select.step()) {
        due.push_back(select.text(0));
    }
    return due;
}

RetentionRunResult runRetention(const std::string& dataDir, const RetentionSettings& settings,
                                std::chrono::system_clock::time_point now, int batchSize,
                                int maxBatches) {
    const std::filesystem::path dir{dataDir};
    auto db = openPurgeConnection((dir / "kep.db").string());
    CasePurge purge(db, dir);
    RetentionRunResult result;
    for (int batch = 0; batch < maxBatches; ++batch) {
        const auto due = casesDueForPurge(db, settings, now, batchSize);
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
        result.walTruncated = truncateWal(db);
    }
    return result;
}

namespace {

class RetentionJob {
public:
    RetentionJob(std::string dataDir, RetentionSettings settings, kep::log::Logger& logger)
        : dataDir_(std::move(dataDir))
        , settings_(settings)
        , logger_(logger) {}

    bool run() {
        const auto now = std::chrono::system_clock::now();
        if (!backlog_ && now < nextLook_) {
            return false;
        }
        const auto result = runRetention(dataDir_, settings_, now, kRetentionBatch, 1);
        backlog_ = result.cases == static_cast<std::size_t>(kRetentionBatch);
        if (!backlog_) {
            nextLook_ = now + std::chrono::hours{1};
        }
        if (result.cases > 0) {
            logger_.info("retention_purged", {{"cases", result.cases},
                                              {"content_removed", result.contentRemoved},
                                              {"wal_truncated", result.walTruncated}});
        }
        return backlog_;
    }

private:
    std::string dataDir_;
    RetentionSettings settings_;
    kep::log::Logger& logger_;
    bool backlog_ = false;
    std::chrono::system_clock::time_point nextLook_{};
};

}  // namespace

void addRetentionJob(jobs::BackgroundJobs& jobs, const std::string& dataDir,
                     const RetentionSettings& settings, kep::log::Logger& logger) {
    auto job = std::make_shared<RetentionJob>(dataDir, settings, logger);
    jobs.add({"retention", [job] { return job->run(); }});
}

}  // namespace kep::server::privacy
