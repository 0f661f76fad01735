// The stats job: follows the case change log from its own durable cursor and keeps the stats
// tables (migration 0015) up to date, a change at a time, in the transaction that moves the
// cursor — and writes down when the desks last synced.
#pragma once

#include "db/Database.h"
#include "jobs/BackgroundJobs.h"
#include "jobs/ChangeFollower.h"
#include "shared/domain/WorkingCalendar.h"
#include "stats/AggregateStore.h"
#include "stats/DeskActivity.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

namespace kep::server::stats {

// Not thread-safe: run by one BackgroundJobs thread (or a test), on a connection of its own.
class AggregateJob {
public:
    using Clock = std::function<std::int64_t()>;  // milliseconds since the epoch

    // The follower "stats" starts at the beginning of the log, so that the cases filed before the
    // statistics existed are counted too. `activity` may be null (nothing to write down).
    AggregateJob(kep::db::Database& db, DeskActivity* activity, Clock clock = {});
    // The same on a connection of its own to an already migrated kep.db.
    static std::unique_ptr<AggregateJob> open(const std::string& databasePath,
                                              DeskActivity* activity);

    // One pass: up to `limit` changes of the log, then the desks' sync times. True when it read
    // changes (BackgroundJobs then runs it again at once, until the log is drained).
    bool runOnce(int limit = 500);

    // The last change of the log the aggregates reflect.
    std::int64_t cursor() { return follower_.cursor(); }

private:
    AggregateJob(std::unique_ptr<kep::db::Database> own, kep::db::Database& db,
                 DeskActivity* activity, Clock clock);
    void handle(const jobs::CaseChange& change);
    void writeDeskActivity();
    // The office's region in the offices table, remembered ("" for an office not there).
    const std::string& regionOf(const std::string& officeCode);

    std::unique_ptr<kep::db::Database> ownConnection_;
    kep::db::Database& db_;
    DeskActivity* activity_;
    Clock clock_;
    kep::domain::WorkingCalendar calendar_;  // national: the server has no offices' overrides
    jobs::ChangeFollower follower_;
    AggregateStore store_;
    kep::db::Statement noteDesk_;
    kep::db::Statement selectRegion_;
    std::map<std::string, std::string, std::less<>> regions_;
};

// Adds the stats job ("stats") to `jobs`, on a connection of its own to `databasePath`;
// `activity` outlives `jobs`.
void addAggregateJob(jobs::BackgroundJobs& jobs, const std::string& databasePath,
                     DeskActivity& activity);

}  // namespace kep::server::stats
