// The retention rule applied (issue 9, must-have 3): the closed cases whose years have run out,
// purged in bounded batches — by `kep-server retention run` and by the server's hourly job.
#pragma once

#include "db/Database.h"
#include "jobs/BackgroundJobs.h"
#include "log/Logger.h"
#include "privacy/CasePurge.h"
#include "privacy/RetentionRules.h"

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace kep::server::privacy {

// Delivered, rejected and withdrawn cases (the terminal statuses: nothing reopens them) whose
// closing (status_at) plus their procedure's purge_after_years is at or before `now`, not
// purged yet; at most `limit`, in no particular order.
std::vector<std::string> casesDueForPurge(kep::db::Database& db, const RetentionSettings& settings,
                                          std::chrono::system_clock::time_point now, int limit);

struct RetentionRunResult {
    std::size_t cases = 0;
    std::size_t contentRemoved = 0;
    bool walTruncated = false;  // SQLite
    bool vacuumed = false;      // PostgreSQL
};

inline constexpr int kRetentionBatch = 500;

// Purges due cases in batches of `batchSize` (one transaction each) until none is due or
// `maxBatches` ran, then erases freed space (CasePurge::eraseFreedSpace). `database` is the
// server's (storage/DatabaseLocation.h), `dataDir` its data folder (attachments/).
RetentionRunResult runRetention(const std::string& database, const std::string& dataDir,
                                const RetentionSettings& settings,
                                std::chrono::system_clock::time_point now,
                                int batchSize = kRetentionBatch, int maxBatches = 1'000'000);

// The server's job: looks for due cases once an hour, then purges one batch a run while a
// backlog lasts (the job runner gives the desks' pushes the write lock between two runs).
void addRetentionJob(jobs::BackgroundJobs& jobs, const std::string& database,
                     const std::string& dataDir, const RetentionSettings& settings,
                     kep::log::Logger& logger);

}  // namespace kep::server::privacy
