// kill -9 of a desk mid-pull (issue 6): a real kep-server holds thousands of an office's cases
// (pushed by another desk of the office); a fresh child desk bootstraps into a real desk.db and
// is killed with SIGKILL at seeded random moments, round after round, then left to finish. The
// desk.db ends with exactly the server's set of cases, each written once (one history step, one
// citizen), and the cursor the desk reported never went back — within a run or across restarts.
// KEP_KILL_SEED replays a run; the seed in use is printed.
#include "DeskSyncChild.h"
#include "OfficeCaseSeeder.h"
#include "SyncTestKit.h"

#include <QTemporaryDir>
#include <QTest>

#include <random>

using kep::desk::test::deskCount;
using kep::desk::test::DeskSyncChild;
using kep::desk::test::ServerRecord;

namespace {

constexpr int kCases = 6'000;
constexpr int kPullLimit = 200;  // 30 pages: many places to be killed in
constexpr int kPages = kCases / kPullLimit;
constexpr int kKills = 8;
constexpr qint64 kBudgetMs = 60'000;  // no kill after this: the desk is left to finish

std::uint64_t seedToUse() {
    bool given = false;
    const auto seed = qEnvironmentVariable("KEP_KILL_SEED").toULongLong(&given);
    return given ? seed : std::random_device{}();
}

}  // namespace

class tst_DeskKillMidPull : public QObject {
    Q_OBJECT

private slots:
    void aDeskKilledMidPullResumesWithNoGapAndNoDuplicate() {
        const std::uint64_t seed = seedToUse();
        qInfo("KEP_KILL_SEED=%llu", static_cast<unsigned long long>(seed));
        std::mt19937_64 dice(seed);

        kep::desk::test::CrashTestOffice office;
        const QString fault = office.setUp();
        QVERIFY2(fault.isEmpty(), qPrintable(fault));
        auto& server = office.server;
        const auto& desk = office.desk;
        QString error;
        const auto seeded =
            kep::desk::test::seedOfficeCases(*office.other, *office.clerk, kCases, 7'000, &error);
        QVERIFY2(!seeded.empty(), qPrintable(error));

        QTemporaryDir dir;
        const QString database = dir.filePath("desk.db");
        const QStringList arguments =
            DeskSyncChild::syncArguments(database, *desk, server.url(), server.caFile())
            << "--pull-limit" << QString::number(kPullLimit);
        std::int64_t highestCursor = 0;  // the highest the desk reported as stored
        int kills = 0;
        bool finished = false;
        while (!finished) {
            DeskSyncChild child;
            QVERIFY(child.start(arguments));
            const auto start = child.waitForLine("START", 20'000);
            QVERIFY(start);
            QVERIFY2(DeskSyncChild::numbers(*start).at(0) >= highestCursor,
                     "the desk's cursor went back across a restart");
            const bool kill = kills < kKills && office.sinceSetUp.elapsed() < kBudgetMs;
            // Killed after a random number of the pages left, then a random few ms into the next.
            const int pagesBeforeKill = 1 + static_cast<int>(dice() % (kPages / kKills));
            const int extraMs = static_cast<int>(dice() % 25);
            int pages = 0;
            bool killed = false;
            for (;;) {
                if (kill && !killed && pages == pagesBeforeKill) {
                    QTest::qSleep(extraMs);
                    child.kill();
                    killed = true;
                }
                // After the kill: only what the desk wrote before it.
                const auto line = child.waitForLine("", killed ? 0 : 60'000);
                if (!line) {
                    break;
                }
                if (line->startsWith("PULLED")) {
                    const auto cursor = DeskSyncChild::numbers(*line).at(0);
                    QVERIFY2(cursor > highestCursor, "the desk's cursor did not move forward");
                    highestCursor = cursor;
                    ++pages;
                } else if (line->startsWith("DONE")) {
                    finished = true;
                }
            }
            if (finished) {
                break;  // (a kill that came too late changes nothing: all was stored)
            }
            QVERIFY2(killed,
                     qPrintable("the desk stopped without finishing: " + child.lines().join('\n')));
            ++kills;
            qInfo("round %d: killed after %d pages + %d ms, cursor %lld", kills, pagesBeforeKill,
                  extraMs, static_cast<long long>(highestCursor));
        }
        QVERIFY2(kills >= 3, "too few kills landed mid-pull");

        // The desk's office is the server's, case for case, each applied once.
        ServerRecord record(server);
        const auto onServer = record.caseIds("office:0101");
        auto db =
            kep::db::Database::open(database.toStdString(), {.mode = kep::db::OpenMode::ReadOnly});
        std::set<std::string> onDesk;
        for (auto st = db.prepare("SELECT id FROM kase"); st.step();) {
            onDesk.insert(st.text(0));
        }
        QCOMPARE(onDesk.size(), onServer.size());
        QVERIFY(onDesk == onServer);
        for (const auto& id : seeded) {
            QVERIFY(onDesk.contains(id));
        }
        QCOMPARE(deskCount(database,
                           "SELECT count(*) FROM (SELECT case_id FROM case_history c JOIN kase k "
                           "ON k.id = c.case_id AND k.protocol_number LIKE '0101/2026/%' "
                           "GROUP BY case_id HAVING count(*) <> 1)"),
                 std::int64_t{0});
        QCOMPARE(deskCount(database,
                           "SELECT count(*) FROM kase WHERE protocol_number LIKE "
                           "'0101/2026/%'"),
                 std::int64_t{kCases});
        QCOMPARE(deskCount(database,
                           "SELECT count(DISTINCT citizen_id) FROM kase WHERE "
                           "protocol_number LIKE '0101/2026/%'"),
                 std::int64_t{kCases});
        QCOMPARE(deskCount(database, "SELECT count(*) FROM replica_entity"), std::int64_t{0});
        auto check = db.prepare("PRAGMA integrity_check");
        QVERIFY(check.step());
        QCOMPARE(check.text(0), std::string("ok"));
        qInfo("%d kills, %zu cases, whole test %lld ms", kills, onDesk.size(),
              qint64(office.sinceSetUp.elapsed()));
    }
};

QTEST_GUILESS_MAIN(tst_DeskKillMidPull)
#include "tst_deskkillmidpull.moc"
