// SyncService over PostgreSQL as `serve` builds it (issue 10, PgSyncStores): request threads
// push on lanes of their own that share COMMITs, each judged by its own permissions; pulls run
// on read connections, neither waiting for a push nor skipping a change committed under them.
#include <QTest>

#include <algorithm>
#include <atomic>
#include <future>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "DeskFilings.h"
#include "PgTestSchema.h"
#include "sync/PgCommitGroup.h"
#include "sync/PgSyncStores.h"
#include "sync/SyncService.h"

using kep::server::sync::PgCommitGroup;
using kep::server::sync::PushPermissions;
using kep::server::sync::SyncService;
using kep::sync::OpOutcome;
using kep::test::filing;
using kep::test::PgTestSchema;

namespace {

std::int64_t count(kep::server::pg::Connection& db, const char* sql) {
    return db.query(sql).int64(0, 0);
}

std::string officeBucket(int office) {
    return "office:0" + std::to_string(101 + office);
}

// The service as SyncServices builds it on PostgreSQL, on the test's schema, with the nudges it
// sent.
struct PgService {
    explicit PgService(PgTestSchema& schema)
        : writer(schema.connect())
        , group(writer)
        , service(
              kep::server::sync::pgSyncStores(group, [&schema] { return schema.connect(); }),
              [this](const kep::sync::Nudge& nudge, std::string_view) {
                  const std::lock_guard lock(mutex);
                  nudges.push_back(nudge);
              },
              [] { return kep::test::kFilingClock; }) {}

    kep::server::pg::Connection writer;
    PgCommitGroup group;
    SyncService service;
    std::mutex mutex;
    std::vector<kep::sync::Nudge> nudges;
};

// Runs `body(t)` on `threads` threads at once and rethrows the first failure.
template <typename Body>
void onThreads(int threads, Body body) {
    std::vector<std::exception_ptr> errors(static_cast<std::size_t>(threads));
    {
        std::vector<std::jthread> running;
        for (int t = 0; t < threads; ++t) {
            running.emplace_back([&, t] {
                try {
                    body(t);
                } catch (...) {
                    errors[static_cast<std::size_t>(t)] = std::current_exception();
                }
            });
        }
    }
    for (const auto& error : errors) {
        if (error) {
            std::rethrow_exception(error);
        }
    }
}

int countOutcome(const kep::sync::PushResponse& response, OpOutcome outcome) {
    return static_cast<int>(std::count_if(
        response.results.begin(), response.results.end(),
        [outcome](const kep::sync::OpResult& result) { return result.outcome == outcome; }));
}

}  // namespace

class tst_PgSyncService : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(!kep::test::testPgDsn().empty(), kep::test::kNoTestPgCluster); }

    // Desks of eight offices pushing at once: every op applied once, fewer COMMITs than pushes,
    // each device's sequence where its pushes left it, and the last nudges announce the whole
    // committed log.
    void requestThreadsShareCommits() {
        constexpr int kDesks = 8;
        constexpr int kPushes = 12;
        constexpr int kOps = 4;
        PgTestSchema schema;
        PgService pg(schema);
        std::atomic<int> applied{0};
        onThreads(kDesks, [&](int d) {
            kep::domain::UuidV7Generator ids;
            const std::string device = "svc-desk-" + std::to_string(d + 1);
            const PushPermissions permissions{officeBucket(d), {"u-clerk-1"}};
            for (int p = 0; p < kPushes; ++p) {
                const auto response = pg.service.push(
                    device, filing(device, p * kOps, kOps, ids, officeBucket(d)), permissions);
                applied += countOutcome(response, OpOutcome::Applied);
            }
        });
        constexpr std::int64_t kTotal = kDesks * kPushes * kOps;
        QCOMPARE(applied.load(), static_cast<int>(kTotal));
        auto check = schema.connect();
        QCOMPARE(count(check, "SELECT count(*) FROM sync_change"), kTotal);
        QCOMPARE(count(check, "SELECT max(seq) FROM sync_change"), kTotal);
        QVERIFY2(pg.group.commits() < static_cast<std::uint64_t>(kDesks * kPushes),
                 qPrintable(QString::number(pg.group.commits())));
        QCOMPARE(pg.service.lastAppliedSeq("svc-desk-3"), std::int64_t{kPushes * kOps});
        QCOMPARE(pg.service.lastAppliedSeq("svc-desk-never-pushed"), std::int64_t{0});
        QCOMPARE(static_cast<int>(pg.nudges.size()), kDesks * kPushes);
        std::int64_t highest = 0;
        for (const auto& nudge : pg.nudges) {
            highest = std::max(highest, nudge.upTo);
        }
        QCOMPARE(highest, kTotal);
    }

    // Two request threads at once, one allowed office:0101 and writing office:0202, the other
    // allowed office:0202: the first one's ops are refused every time, however the pushes
    // interleave, and the second one's are all applied.
    void eachPushIsJudgedByItsOwnPermissions() {
        constexpr int kPushes = 25;
        constexpr int kOps = 3;
        PgTestSchema schema;
        PgService pg(schema);
        std::atomic<int> intruderApplied{0};
        std::atomic<int> ownApplied{0};
        onThreads(2, [&](int t) {
            kep::domain::UuidV7Generator ids;
            const std::string device = t == 0 ? "svc-intruder" : "svc-own";
            const PushPermissions permissions{officeBucket(t), {"u-clerk-1"}};
            for (int p = 0; p < kPushes; ++p) {
                const auto response = pg.service.push(
                    device, filing(device, p * kOps, kOps, ids, officeBucket(1)), permissions);
                (t == 0 ? intruderApplied : ownApplied) +=
                    countOutcome(response, OpOutcome::Applied);
            }
        });
        QCOMPARE(intruderApplied.load(), 0);
        QCOMPARE(ownApplied.load(), kPushes * kOps);
        auto check = schema.connect();
        QCOMPARE(count(check, "SELECT count(*) FROM sync_change"), std::int64_t{kPushes * kOps});
    }

    // A push holding the writer's transaction (and the writers' lock) does not hold up a pull:
    // it answers from its read connection with what is committed.
    void aPullDoesNotWaitForAPush() {
        PgTestSchema schema;
        PgService pg(schema);
        kep::domain::UuidV7Generator ids;
        const PushPermissions permissions{officeBucket(0), {"u-clerk-1"}};
        pg.service.push("svc-desk", filing("svc-desk", 0, 3, ids), permissions);

        auto holder = pg.group.member();
        holder->begin();
        auto pulled = std::async(std::launch::async, [&] {
            return pg.service.pull(
                kep::sync::PullRequest{kep::sync::kProtocolVersion, officeBucket(0), 0, 500});
        });
        const bool answered =
            pulled.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
        holder->rollback();
        QVERIFY(answered);
        const auto response = pulled.get();
        QCOMPARE(response.changes.size(), std::size_t{3});
        QCOMPARE(response.cursor, std::int64_t{3});
    }

    // Four desks of one office push while a fifth pulls the office over and over: the cursor
    // never goes back, and every case pushed is pulled, once the pushes are done.
    void pullsDuringPushesSkipNothing() {
        constexpr int kDesks = 4;
        constexpr int kPushes = 15;
        constexpr int kOps = 3;
        PgTestSchema schema;
        PgService pg(schema);
        std::atomic<int> pushing{kDesks};
        std::set<std::string> pushed;
        std::set<std::string> pulled;
        bool cursorWentBack = false;
        std::mutex mutex;
        onThreads(kDesks + 1, [&](int t) {
            if (t == kDesks) {
                std::int64_t cursor = 0;
                for (bool last = false; !last;) {
                    last = pushing.load() == 0;  // read before the pull: it sees every push
                    const auto response = pg.service.pull(kep::sync::PullRequest{
                        kep::sync::kProtocolVersion, officeBucket(0), cursor, 7});
                    cursorWentBack = cursorWentBack || response.cursor < cursor;
                    cursor = response.cursor;
                    for (const auto& change : response.changes) {
                        pulled.insert(change.entity.id);
                    }
                    last = last && !response.hasMore;
                }
                return;
            }
            kep::domain::UuidV7Generator ids;
            const std::string device = "svc-office-desk-" + std::to_string(t + 1);
            const PushPermissions permissions{officeBucket(0), {"u-clerk-1"}};
            for (int p = 0; p < kPushes; ++p) {
                const auto request = filing(device, p * kOps, kOps, ids);
                pg.service.push(device, request, permissions);
                const std::lock_guard lock(mutex);
                for (const auto& op : request.ops) {
                    pushed.insert(op.entity.id);
                }
            }
            --pushing;
        });
        QVERIFY(!cursorWentBack);
        QCOMPARE(pushed.size(), std::size_t{kDesks * kPushes * kOps});
        QVERIFY(pulled == pushed);
    }
};

QTEST_GUILESS_MAIN(tst_PgSyncService)
#include "tst_pg_sync_service.moc"
