// The satisfaction job: follows the case change log from its own durable cursor and keeps the
// citizens' ratings (migration 0016) per office, procedure and day, a change at a time, in the
// transaction that moves the cursor — so the figures never scan the cases.
#pragma once

#include "db/Database.h"
#include "jobs/BackgroundJobs.h"
#include "jobs/ChangeFollower.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace kep::server::feedback {

// Not thread-safe: run by one BackgroundJobs thread (or a test), on a connection of its own.
class SatisfactionJob {
public:
    using Clock = std::function<std::int64_t()>;  // milliseconds since the epoch

    // The follower "satisfaction" starts at the beginning of the log: ratings given before the
    // job existed are counted too.
    explicit SatisfactionJob(kep::db::Database& db, Clock clock = {});
    static std::unique_ptr<SatisfactionJob> open(const std::string& databasePath);

    // Up to `limit` changes of the log; true when it read any.
    bool runOnce(int limit = 500);
    std::int64_t cursor() { return follower_.cursor(); }

private:
    SatisfactionJob(std::unique_ptr<kep::db::Database> own, kep::db::Database& db, Clock clock);
    void handle(const jobs::CaseChange& change);
    // Adds `delta` (+1 or -1) to the four roll-ups of one rating.
    void count(const std::string& office, const std::string& procedure, const std::string& day,
               std::int64_t rating, int delta);

    std::unique_ptr<kep::db::Database> ownConnection_;
    kep::db::Database& db_;
    Clock clock_;
    jobs::ChangeFollower follower_;
};

// Adds the job ("satisfaction") to `jobs`, on a connection of its own to `databasePath`.
void addSatisfactionJob(jobs::BackgroundJobs& jobs, const std::string& databasePath);

}  // namespace kep::server::feedback
