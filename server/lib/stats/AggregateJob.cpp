#include "stats/AggregateJob.h"

#include "storage/DatabaseLocation.h"
#include "storage/PortableSql.h"

#include <chrono>

namespace kep::server::stats {

namespace {

constexpr char kFollowerName[] = "stats";

std::int64_t systemNowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

AggregateJob::AggregateJob(kep::db::Database& db, DeskActivity* activity, Clock clock)
    : AggregateJob(nullptr, db, activity, std::move(clock)) {}

AggregateJob::AggregateJob(std::unique_ptr<kep::db::Database> own, kep::db::Database& db,
                           DeskActivity* activity, Clock clock)
    : ownConnection_(std::move(own))
    , db_(db)
    , activity_(activity)
    , clock_(clock ? std::move(clock) : Clock{systemNowMs})
    , follower_(db, kFollowerName, false)
    , store_(db)
    , noteDesk_(db.prepare(
          "INSERT INTO stats_desk_sync (device_id, pushed_at_ms, pulled_at_ms) VALUES (?1, ?2, ?3) "
          "ON CONFLICT (device_id) DO UPDATE SET pushed_at_ms = " +
          storage::greaterOf(db.dialect(), "coalesce(stats_desk_sync.pushed_at_ms, 0)",
                             "coalesce(excluded.pushed_at_ms, 0)") +
          ", pulled_at_ms = " +
          storage::greaterOf(db.dialect(), "coalesce(stats_desk_sync.pulled_at_ms, 0)",
                             "coalesce(excluded.pulled_at_ms, 0)")))
    , selectRegion_(db.prepare("SELECT region FROM offices WHERE code = ?1")) {}

std::unique_ptr<AggregateJob> AggregateJob::open(const std::string& databasePath,
                                                 DeskActivity* activity) {
    kep::db::OpenOptions options;
    options.mode = kep::db::OpenMode::ReadWrite;
    auto connection = std::make_unique<kep::db::Database>(
        kep::server::storage::openConnection(databasePath, options));
    auto& db = *connection;
    return std::unique_ptr<AggregateJob>(
        new AggregateJob(std::move(connection), db, activity, Clock{}));
}

bool AggregateJob::runOnce(int limit) {
    const std::size_t read =
        follower_.poll([this](const jobs::CaseChange& change) { handle(change); }, limit);
    writeDeskActivity();
    return read > 0;
}

void AggregateJob::handle(const jobs::CaseChange& change) {
    const auto before = store_.loadCase(change.caseId);
    CaseFacts after;
    if (before) {
        after = *before;
    } else {
        after.caseId = change.caseId;
        after.officeCode = change.officeCode;
        after.region = regionOf(change.officeCode);
    }
    applyChange(after, change.fields, clock_(), calendar_);
    if (before && after == *before) {
        return;  // a change of fields the statistics do not read (notes, evidence, …)
    }
    store_.apply(contributionChange(before, after, calendar_));
    store_.saveCase(after);
}

const std::string& AggregateJob::regionOf(const std::string& officeCode) {
    static const std::string none;
    if (const auto known = regions_.find(officeCode); known != regions_.end()) {
        return known->second;
    }
    selectRegion_.reset();
    selectRegion_.bind(1, officeCode);
    if (!selectRegion_.step()) {
        selectRegion_.reset();
        return none;  // not remembered: an office added later is found then
    }
    auto& region = regions_[officeCode];
    region = selectRegion_.text(0);
    selectRegion_.reset();
    return region;
}

void AggregateJob::writeDeskActivity() {
    if (activity_ == nullptr) {
        return;
    }
    const auto seen = activity_->drain();
    if (seen.empty()) {
        return;
    }
    kep::db::Transaction tx(db_);
    for (const DeskSeen& desk : seen) {
        noteDesk_.bind(1, desk.deviceId).bind(2, desk.pushedAtMs).bind(3, desk.pulledAtMs);
        noteDesk_.run();
    }
    tx.commit();
}

void addAggregateJob(jobs::BackgroundJobs& jobs, const std::string& databasePath,
                     DeskActivity& activity) {
    std::shared_ptr<AggregateJob> job = AggregateJob::open(databasePath, &activity);
    jobs.add({"stats", [job] { return job->runOnce(); }});
}

}  // namespace kep::server::stats
