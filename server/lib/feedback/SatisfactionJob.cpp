#include "feedback/SatisfactionJob.h"

#include "feedback/SatisfactionRating.h"
#include "shared/cases/CaseFields.h"
#include "stats/CivilDate.h"
#include "storage/DatabaseLocation.h"
#include "storage/PortableSql.h"
#include "sync/CaseRecords.h"

#include <chrono>
#include <set>
#include <utility>

namespace kep::server::feedback {

namespace {

constexpr char kFollowerName[] = "satisfaction";

std::int64_t systemNowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

SatisfactionJob::SatisfactionJob(kep::db::Database& db, Clock clock)
    : SatisfactionJob(nullptr, db, std::move(clock)) {}

SatisfactionJob::SatisfactionJob(std::unique_ptr<kep::db::Database> own, kep::db::Database& db,
                                 Clock clock)
    : ownConnection_(std::move(own))
    , db_(db)
    , clock_(clock ? std::move(clock) : Clock{systemNowMs})
    , follower_(db, kFollowerName, false) {}

std::unique_ptr<SatisfactionJob> SatisfactionJob::open(const std::string& databasePath) {
    kep::db::OpenOptions options;
    options.mode = kep::db::OpenMode::ReadWrite;
    auto connection = std::make_unique<kep::db::Database>(
        kep::server::storage::openConnection(databasePath, options));
    auto& db = *connection;
    return std::unique_ptr<SatisfactionJob>(new SatisfactionJob(std::move(connection), db, {}));
}

bool SatisfactionJob::runOnce(int limit) {
    return follower_.poll([this](const jobs::CaseChange& change) { handle(change); }, limit) > 0;
}

void SatisfactionJob::handle(const jobs::CaseChange& change) {
    const auto written = change.fields.find(std::string(kep::cases::fields::kSatisfaction));
    if (written == change.fields.end()) {
        return;
    }
    // A rating given again replaces the first: its old count goes before the new one comes.
    auto before = db_.prepare(
        "SELECT office_code, procedure_id, day, rating FROM satisfaction_case WHERE case_id = ?1");
    before.bind(1, change.caseId);
    if (before.step()) {
        count(before.text(0), before.text(1), before.text(2), before.int64(3), -1);
        db_.prepare("DELETE FROM satisfaction_case WHERE case_id = ?1")
            .bind(1, change.caseId)
            .run();
    }
    before.reset();
    const auto rating = readSatisfaction(written->second);
    if (!rating) {
        return;
    }
    const auto record = sync::findCase(db_, change.caseId);
    const std::string procedure =
        record ? record->field(kep::cases::fields::kProcedureId) : std::string();
    const auto now = clock_();
    const auto day = stats::civilDateText(stats::greekMoment(now).date);
    db_.prepare(
           "INSERT INTO satisfaction_case (case_id, office_code, procedure_id, day, rating, "
           "comment, rated_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .bind(1, change.caseId)
        .bind(2, change.officeCode)
        .bind(3, procedure)
        .bind(4, day)
        .bind(5, rating->rating)
        .bind(6, rating->comment)
        .bind(7, now)
        .run();
    count(change.officeCode, procedure, day, rating->rating, +1);
}

void SatisfactionJob::count(const std::string& office, const std::string& procedure,
                            const std::string& day, std::int64_t rating, int delta) {
    const auto dialect = db_.dialect();
    auto upsert = db_.prepare(
        "INSERT INTO satisfaction_day (scope, procedure_id, day, rating, cases) VALUES (?1, ?2, "
        "?3, ?4, " +
        storage::greaterOf(dialect, "CAST(?5 AS BIGINT)", "0") +
        ") ON CONFLICT (scope, procedure_id, day, rating) DO UPDATE SET cases = " +
        storage::greaterOf(dialect, "satisfaction_day.cases + CAST(?5 AS BIGINT)", "0"));
    // The office's and the nation's rows, each for the procedure and for all procedures (a case
    // whose procedure is unknown counts in the latter only).
    std::set<std::pair<std::string, std::string>> rows;
    for (const auto& scope : {office, std::string()}) {
        for (const auto& each : {procedure, std::string()}) {
            rows.emplace(scope, each);
        }
    }
    for (const auto& [scope, each] : rows) {
        upsert.bind(1, scope).bind(2, each).bind(3, day).bind(4, rating).bind(5, delta).run();
    }
}

void addSatisfactionJob(jobs::BackgroundJobs& jobs, const std::string& databasePath) {
    std::shared_ptr<SatisfactionJob> job = SatisfactionJob::open(databasePath);
    jobs.add({"satisfaction", [job] { return job->runOnce(); }});
}

}  // namespace kep::server::feedback
