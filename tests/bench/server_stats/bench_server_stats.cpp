// The statistics at national scale (issue 8, Performance): a generator of synthetic cases over
// 1,038 offices, the p99 of each dashboard query against them, the time from a pushed change to
// the aggregate reflecting it, and how fast the stats job catches up with the change log.
//
// How the tables are filled: the generator makes each case's facts (a stats_case row: office,
// procedure, channel, filing time, due date, status, time awaiting documents, completion) as ten
// months of work would leave them, and writes them in bulk together with the aggregate rows
// computed from them by the stats job's own contribution function (stats/CaseContribution.h) —
// the tables hold what the job would have written, at their real size, without replaying tens of
// millions of changes through the sync log. The lag and catch-up rows then go through the real
// path: SyncService pushes into the change log, the stats job (BackgroundJobs, every second)
// follows it. Queries run through StatsQueries on a read-only connection of its own, as the
// routes do (HTTPS adds about 1 ms: bench_server's authenticated GET).
// Usage: bench_server_stats [--smoke | --quick]   (scratch files under $TMPDIR)
#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "BenchProtocol.h"
#include "db/Database.h"
#include "jobs/BackgroundJobs.h"
#include "shared/domain/Uuid.h"
#include "stats/AggregateJob.h"
#include "stats/AggregateStore.h"
#include "stats/CaseContribution.h"
#include "stats/CivilDate.h"
#include "stats/StatsJson.h"
#include "stats/StatsQueries.h"
#include "storage/ServerStore.h"
#include "sync/SqliteSyncServerStore.h"
#include "sync/SyncService.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;
using namespace kep::server;
using kep::bench::row;
using kep::cases::CaseStatus;

struct Sizes {
    std::int64_t cases;
    int offices;
    int procedures;
    int officeRuns;    // samples of each office- or region-wide query
    int nationalRuns;  // samples of each national query
    int lagRuns;
    int catchUpCases;  // filed and then moved: two changes each
};

constexpr Sizes kFull{7'000'000, 1'038, 2'000, 400, 200, 5, 20'000};
constexpr Sizes kQuick{700'000, 1'038, 2'000, 200, 100, 3, 5'000};
constexpr Sizes kSmoke{5'000, 20, 100, 20, 10, 1, 200};

constexpr int kHistoryDays = 300;  // ten months of filings
constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::int64_t kHourMs = 3'600'000;
constexpr double kQueryTargetMs = 200;
constexpr double kLagTargetSeconds = 60;
// The reconnection storm (3,000 desks, 20 cases each: bench_sync_load) drained within the lag
// target.
constexpr double kCatchUpTarget = 1'000;

// The thirteen regions of Greece, Attica with the most offices.
constexpr const char* kRegions[] = {
    "Αττική",     "Κεντρική Μακεδονία", "Θεσσαλία",      "Δυτική Ελλάδα",
    "Κρήτη",      "Πελοπόννησος",       "Στερεά Ελλάδα", "Ανατολική Μακεδονία και Θράκη",
    "Ήπειρος",    "Δυτική Μακεδονία",   "Νότιο Αιγαίο",  "Βόρειο Αιγαίο",
    "Ιόνια Νησιά"};

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string officeCode(int office) {
    char text[8];
    std::snprintf(text, sizeof text, "%04d", office + 1);
    return text;
}

std::string regionOf(int office) {
    // A third of the offices in Attica, the rest spread over the other regions.
    return office % 3 == 0 ? kRegions[0] : kRegions[1 + (office / 3) % 12];
}

struct KeyHash {
    std::size_t operator()(const stats::AggregateKey& key) const {
        std::size_t hash = static_cast<std::size_t>(key.table);
        for (const auto& part : key.parts) {
            hash = hash * 1'000'003 ^ std::hash<std::string>{}(part);
        }
        return hash;
    }
};
using Accumulator = std::unordered_map<stats::AggregateKey, stats::AggregateCounts, KeyHash>;

// Ten months of an office's cases as their facts would stand today: filed on working days in
// office hours, procedures in a Zipf distribution, mostly at the counter, decided after a
// log-normal processing time, some still open, some awaiting documents, returned or rejected.
class CaseGenerator {
public:
    CaseGenerator(const Sizes& sizes, std::int64_t now) : now_(now), random_(20'260'301) {
        double total = 0;
        for (int k = 1; k <= sizes.procedures; ++k) {
            total += 1.0 / std::pow(k, 1.1);
            procedureWeights_.push_back(total);
        }
        for (int k = 0; k < sizes.procedures; ++k) {
            procedureIds_.push_back("mitos-" + std::to_string(100'000 + k));
        }
        const auto today = stats::greekMoment(now).date;
        todayStartMs_ = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::sys_days{today}.time_since_epoch())
                            .count() -
                        2 * kHourMs;  // Greek midnight, as UTC (winter time is close enough)
    }

    stats::CaseFacts next(const std::string& office, const std::string& region,
                          const std::string& id) {
        stats::CaseFacts facts;
        facts.caseId = id;
        facts.officeCode = office;
        facts.region = region;
        facts.procedureId = procedureIds_[pickProcedure()];
        const double channel = uniform();
        facts.channel = channel < 0.80   ? "counter"
                        : channel < 0.85 ? "remote"
                        : channel < 0.97 ? "govgr"
                                         : "eugo";
        if (facts.channel == "counter" || facts.channel == "remote") {
            facts.filedBy = "clerk-" + office + "-" + std::to_string(random_() % 3);
        }
        const std::int64_t filed = filingTime();
        facts.filedAtMs = filed;
        facts.dueDate = stats::civilDateText(
            stats::greekMoment(filed + static_cast<std::int64_t>(14 + random_() % 46) * kDayMs)
                .date);
        facts.returned = uniform() < 0.05;
        const double outcome = uniform();
        if (outcome < 0.03) {
            facts.status = CaseStatus::Rejected;
            return facts;
        }
        if (outcome < 0.04) {
            facts.status = CaseStatus::Withdrawn;
            return facts;
        }
        const bool waited = uniform() < 0.10;
        if (waited) {
            const int days = 1 + static_cast<int>(random_() % 10);
            facts.awaitingMs = days * kDayMs;
            facts.stoppedDays = days * 5 / 7;
        }
        std::lognormal_distribution<double> processingDays(std::log(12.0), 0.8);
        const auto processing = static_cast<std::int64_t>(processingDays(random_) * kDayMs);
        if (filed + processing + facts.awaitingMs > now_) {
            static constexpr CaseStatus kOpen[] = {
                CaseStatus::Submitted,        CaseStatus::PendingApproval, CaseStatus::Approved,
                CaseStatus::Forwarded,        CaseStatus::InProgress,      CaseStatus::InProgress,
                CaseStatus::Forwarded,        CaseStatus::Submitted,       CaseStatus::InProgress,
                CaseStatus::AwaitingDocuments};
            facts.status = kOpen[random_() % std::size(kOpen)];
            if (facts.status == CaseStatus::AwaitingDocuments) {
                facts.awaitingSinceMs = now_ - static_cast<std::int64_t>(random_() % 5) * kDayMs;
            }
            return facts;
        }
        facts.completedAtMs = filed + processing + facts.awaitingMs;
        facts.status = now_ - *facts.completedAtMs > 14 * kDayMs ? CaseStatus::Delivered
                                                                 : CaseStatus::ReadyForPickup;
        return facts;
    }

private:
    double uniform() { return std::uniform_real_distribution<double>(0, 1)(random_); }

    std::size_t pickProcedure() {
        const double at = uniform() * procedureWeights_.back();
        return static_cast<std::size_t>(
            std::upper_bound(procedureWeights_.begin(), procedureWeights_.end(), at) -
            procedureWeights_.begin());
    }

    // A working day of the last ten months, in office hours (busiest from 9 to 12).
    std::int64_t filingTime() {
        static constexpr int kHours[] = {8, 9, 9, 10, 10, 10, 11, 11, 12, 12, 13, 14};
        for (;;) {
            const auto daysAgo = static_cast<std::int64_t>(random_() % kHistoryDays);
            const std::int64_t day = todayStartMs_ - daysAgo * kDayMs;
            const auto weekday = std::chrono::weekday{
                std::chrono::sys_days{stats::greekMoment(day + 12 * kHourMs).date}};
            if (weekday == std::chrono::Saturday || weekday == std::chrono::Sunday) {
                continue;
            }
            const std::int64_t at = day + kHours[random_() % std::size(kHours)] * kHourMs +
                                    static_cast<std::int64_t>(random_() % 60) * 60'000;
            if (at < now_) {
                return at;
            }
        }
    }

    std::int64_t now_;
    std::int64_t todayStartMs_;
    std::mt19937_64 random_;
    std::vector<double> procedureWeights_;
    std::vector<std::string> procedureIds_;
};

// Creates kep.db with the offices, and fills stats_case and the aggregates.
void generate(const fs::path& path, const Sizes& sizes, std::int64_t now) {
    const auto start = Clock::now();
    {
        auto store = storage::ServerStore::create(path.string());
        for (int office = 0; office < sizes.offices; ++office) {
            store->addOffice(
                {officeCode(office), "ΚΕΠ " + std::to_string(office + 1), regionOf(office)});
        }
    }
    auto db = kep::db::Database::open(path.string());
    db.exec("PRAGMA cache_size = -262144");  // 256 MB for the bulk fill's index pages
    stats::AggregateStore tables(db);
    CaseGenerator generator(sizes, now);
    kep::domain::UuidV7Generator ids;
    const kep::domain::WorkingCalendar calendar;
    Accumulator national;  // and the regions'
    Accumulator office;
    const auto add = [](Accumulator& into, const stats::AggregateKey& key,
                        const stats::AggregateCounts& counts) {
        auto& total = into[key];
        for (std::size_t i = 0; i < counts.values.size(); ++i) {
            total.values[i] += counts.values[i];
        }
    };
    const stats::ContributionSink sink = [&](const stats::AggregateKey& key,
                                             const stats::AggregateCounts& counts) {
        // An office's own rows are written when it is done; the roll-ups at the end.
        const bool rollUp = key.parts[0].empty() || key.parts[0].starts_with("region:");
        add(rollUp ? national : office, key, counts);
    };
    std::mt19937_64 sizing(7);
    std::int64_t written = 0;
    for (int index = 0; index < sizes.offices; ++index) {
        const std::string code = officeCode(index);
        const std::string region = regionOf(index);
        // Offices differ in size: from half to one and a half times the mean.
        const double mean = static_cast<double>(sizes.cases) / sizes.offices;
        auto count = static_cast<std::int64_t>(mean * (0.5 + (sizing() % 1000) / 1000.0));
        if (index == sizes.offices - 1) {
            count = std::max<std::int64_t>(sizes.cases - written, 0);
        }
        kep::db::Transaction tx(db);
        for (std::int64_t i = 0; i < count; ++i) {
            const auto facts = generator.next(code, region, ids.next().toString());
            tables.saveCase(facts);
            stats::forEachContribution(facts, calendar, sink);
        }
        for (const auto& [key, counts] : office) {
            tables.add(key, counts);
        }
        tx.commit();
        office.clear();
        written += count;
    }
    kep::db::Transaction tx(db);
    for (const auto& [key, counts] : national) {
        tables.add(key, counts);
    }
    tx.commit();
    std::printf("generated %lld cases over %d offices in %.1f s; kep.db %.0f MB\n",
                static_cast<long long>(written), sizes.offices, secondsSince(start),
                static_cast<double>(fs::file_size(path)) / 1e6);
    auto rows = db.prepare(
        "SELECT (SELECT count(*) FROM stats_filed_day), (SELECT count(*) FROM stats_duration), "
        "(SELECT count(*) FROM stats_status), (SELECT count(*) FROM stats_open_due)");
    rows.step();
    std::printf(
        "rows: stats_filed_day %lld, stats_duration %lld, stats_status %lld, "
        "stats_open_due %lld\n",
        static_cast<long long>(rows.int64(0)), static_cast<long long>(rows.int64(1)),
        static_cast<long long>(rows.int64(2)), static_cast<long long>(rows.int64(3)));
}

double p99Ms(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    const auto rank =
        static_cast<std::size_t>(std::ceil(0.99 * static_cast<double>(samples.size())));
    return samples[std::max<std::size_t>(rank, 1) - 1];
}

// Runs `query` `runs` times (each with a fresh pick of office or region), the p99 in ms.
double measure(int runs, const std::function<void(int)>& query) {
    query(0);  // warm: the first read of a page comes from the disk cache, not SQLite's
    std::vector<double> samples;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        query(i);
        samples.push_back(secondsSince(start) * 1000.0);
    }
    return p99Ms(samples);
}

double measureQueries(const fs::path& path, const Sizes& sizes) {
    // The machine's load, for reading the latencies: this host may be shared.
    if (std::FILE* load = std::fopen("/proc/loadavg", "r")) {
        char text[64] = {};
        if (std::fgets(text, sizeof text, load) != nullptr) {
            std::printf("load average while measuring: %s", text);
        }
        std::fclose(load);
    }
    stats::StatsQueries queries(std::make_shared<stats::ReadConnections>(path.string(), 1));
    const auto today = stats::greekMoment(nowMs()).date;
    const stats::Period month{
        std::chrono::year_month_day{std::chrono::sys_days{today} - std::chrono::days{29}}, today};
    stats::ScopeKeys allOffices;
    for (int office = 0; office < sizes.offices; ++office) {
        allOffices.push_back(officeCode(office));
    }
    std::mt19937 pick(11);
    const auto anOffice = [&] { return officeCode(static_cast<int>(pick() % sizes.offices)); };
    // The region with the most offices and cases, Attica, every time: the worst case.
    const stats::ScopeKeys attica{stats::regionScope(kRegions[0])};
    double worst = 0;
    const auto report = [&worst](const char* metric, double p99) {
        worst = std::max(worst, p99);
        row(metric, p99, "ms", "<", kQueryTargetMs);
    };
    std::size_t sink = 0;  // what the answers hold, so that nothing is optimised away
    report("server_stats.overview_office_p99", measure(sizes.officeRuns, [&](int) {
               sink += stats::overviewJson(queries.overview({anOffice()}, month, today)).size();
           }));
    report("server_stats.overview_region_p99", measure(sizes.officeRuns, [&](int) {
               sink += stats::overviewJson(queries.overview(attica, month, today)).size();
           }));
    report("server_stats.overview_national_p99", measure(sizes.nationalRuns, [&](int) {
               sink += stats::overviewJson(queries.overview({""}, month, today)).size();
           }));
    report("server_stats.procedures_top_office_p99", measure(sizes.officeRuns, [&](int) {
               sink +=
                   queries.procedures({anOffice()}, month, stats::ProcedureOrder::Top, 20).size();
           }));
    report("server_stats.procedures_top_region_p99", measure(sizes.officeRuns, [&](int) {
               sink += queries.procedures(attica, month, stats::ProcedureOrder::Top, 20).size();
           }));
    report("server_stats.procedures_top_national_p99", measure(sizes.nationalRuns, [&](int) {
               sink += queries.procedures({""}, month, stats::ProcedureOrder::Top, 20).size();
           }));
    report("server_stats.procedures_slowest_national_p99", measure(sizes.nationalRuns, [&](int) {
               sink += queries.procedures({""}, month, stats::ProcedureOrder::Slowest, 20).size();
           }));
    report("server_stats.offices_national_p99", measure(sizes.nationalRuns, [&](int) {
               sink += queries.offices(allOffices, month, today).size();
           }));
    report("server_stats.clerks_office_p99", measure(sizes.officeRuns, [&](int) {
               sink += queries.clerks(anOffice(), stats::civilMonthText(today)).size();
           }));
    std::printf("(%zu figures read)\n", sink);
    return worst;
}

// A filing as a desk pushes it, for `office`.
kep::sync::OutboxOp filing(kep::domain::UuidV7Generator& ids, const std::string& device,
                           std::int64_t seq, const std::string& office,
                           const kep::cases::Actor& clerk) {
    kep::sync::OutboxOp op;
    op.opId = ids.next();
    op.deviceId = device;
    op.deviceSeq = seq;
    op.hlc = {nowMs(), 0};
    op.kind = kep::sync::OpKind::Create;
    op.entity = {"case", ids.next().toString()};
    op.bucket = "office:" + office;
    op.actor = clerk;
    op.fields = {
        {"status", "submitted"},
        {"requires_approval", "false"},
        {"protocol_number", office + "/2026/" + std::to_string(seq)},
        {"procedure_id", "mitos-100000"},
        {"channel", "counter"},
        {"due_date", stats::civilDateText(stats::greekMoment(nowMs() + 30 * kDayMs).date)}};
    return op;
}

kep::sync::OutboxOp forwarding(kep::domain::UuidV7Generator& ids, const kep::sync::OutboxOp& filed,
                               std::int64_t seq) {
    kep::sync::OutboxOp op = filed;
    op.opId = ids.next();
    op.deviceSeq = seq;
    op.hlc = {nowMs(), 1};
    op.kind = kep::sync::OpKind::Transition;
    op.baseVersion = 1;
    op.fields.clear();
    op.toStatus = "forwarded";
    return op;
}

// Pushed changes through SyncService into the change log, and the stats job following it.
void measureLag(const fs::path& path, const Sizes& sizes) {
    auto syncDb = kep::db::Database::open(path.string());
    sync::SqliteSyncServerStore syncStore(syncDb);
    sync::SyncService service(syncStore);
    stats::StatsQueries queries(std::make_shared<stats::ReadConnections>(path.string(), 1));
    kep::domain::UuidV7Generator ids;
    const std::string device = "bench-desk";
    const kep::cases::Actor clerk{"clerk-bench", kep::cases::ActorRole::Clerk};
    std::int64_t seq = 0;
    const auto push = [&](std::vector<kep::sync::OutboxOp> ops, const std::string& office) {
        const sync::PushPermissions permissions{"office:" + office, {clerk.id}};
        service.push(device,
                     kep::sync::PushRequest{kep::sync::kProtocolVersion, device, std::move(ops)},
                     permissions);
    };
    // A backlog of filings and their forwarding, pushed in batches of 500 as fast as one desk
    // can: the seconds it took.
    const std::string busyOffice = officeCode(0);
    const auto pushBacklog = [&] {
        const auto start = Clock::now();
        std::vector<kep::sync::OutboxOp> batch;
        for (int i = 0; i < sizes.catchUpCases; ++i) {
            batch.push_back(filing(ids, device, ++seq, busyOffice, clerk));
            batch.push_back(forwarding(ids, batch.back(), ++seq));
            if (batch.size() >= 500 || i + 1 == sizes.catchUpCases) {
                push(std::move(batch), busyOffice);
                batch.clear();
            }
        }
        return secondsSince(start);
    };
    double withJob = 0;
    {
        stats::DeskActivity activity;
        jobs::BackgroundJobs jobs;
        stats::addAggregateJob(jobs, path.string(), activity);
        jobs.start();
        double slowest = 0;
        std::mt19937 pick(5);
        for (int run = 0; run < sizes.lagRuns; ++run) {
            const std::string office = officeCode(static_cast<int>(pick() % sizes.offices));
            const auto today = stats::greekMoment(nowMs()).date;
            const stats::Period day{today, today};
            const auto before = queries.overview({office}, day, today).filed;
            const auto start = Clock::now();
            push({filing(ids, device, ++seq, office, clerk)}, office);
            while (queries.overview({office}, day, today).filed == before) {
                if (secondsSince(start) > 2 * kLagTargetSeconds) {
                    throw std::runtime_error("the pushed change never reached the aggregates");
                }
                std::this_thread::sleep_for(std::chrono::milliseconds{10});
            }
            slowest = std::max(slowest, secondsSince(start));
        }
        row("server_stats.change_to_aggregate_max_s", slowest, "s", "<", kLagTargetSeconds);
        // The job competes with pushes for SQLite's one writer while it follows them; it is
        // stopped only once it has counted them all.
        const auto today = stats::greekMoment(nowMs()).date;
        const stats::Period day{today, today};
        const auto before = queries.overview({busyOffice}, day, today).filed;
        withJob = pushBacklog();
        while (queries.overview({busyOffice}, day, today).filed < before + sizes.catchUpCases) {
            std::this_thread::sleep_for(std::chrono::milliseconds{10});
        }
    }
    // The job stopped: the same backlog again, then drained in one go.
    const double withoutJob = pushBacklog();
    std::printf("pushing %d changes: %.2f s with the stats job following, %.2f s without\n",
                2 * sizes.catchUpCases, withJob, withoutJob);
    row("server_stats.ingest_share_with_job", withoutJob / withJob, "ratio", ">", 0.5);
    auto job = stats::AggregateJob::open(path.string(), nullptr);
    const auto start = Clock::now();
    while (job->runOnce()) {
    }
    const double rate = 2.0 * sizes.catchUpCases / secondsSince(start);
    row("server_stats.job_catch_up_changes_per_s", rate, "changes/s", ">", kCatchUpTarget);
}

}  // namespace

int main(int argc, char** argv) {
    const auto mode = kep::bench::parseMode(argc, argv);
    if (!mode) {
        return 2;
    }
    const Sizes sizes = *mode == kep::bench::Mode::Full    ? kFull
                        : *mode == kep::bench::Mode::Quick ? kQuick
                                                           : kSmoke;
    const fs::path dir =
        fs::temp_directory_path() / ("kep-bench-stats-" + std::to_string(::getpid()));
    try {
        fs::create_directories(dir);
        const fs::path path = dir / "kep.db";
        generate(path, sizes, nowMs());
        const double worst = measureQueries(path, sizes);
        row("server_stats.dashboard_query_p99_max", worst, "ms", "<", kQueryTargetMs);
        measureLag(path, sizes);
        fs::remove_all(dir);
        return 0;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "bench_server_stats: %s\n", error.what());
        fs::remove_all(dir);
        return 1;
    }
}
