// kill -9 of a desk after the server committed its push but before the answer reached it
// (issue 6): a real desk.db files cases through CaseStore, a child desk pushes them to a real
// kep-server through FaultProxy, which holds every byte for seconds (a latency fault); the server
// commits, the parent sees the commit in kep.db and kills the desk while the answer is still
// held. Healed and restarted on the same desk.db, the desk resends: every op is answered as a
// duplicate, the outbox drains, and the server and the desk's pull hold every case exactly once.
#include "DeskSyncChild.h"
#include "FaultProxy.h"
#include "SyncTestKit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <numeric>

using kep::desk::test::deskCount;
using kep::desk::test::DeskSyncChild;
using kep::desk::test::ServerRecord;
using kep::test::FaultProxy;
using kep::test::ServerProcess;

namespace {

constexpr int kCases = 120;  // one op each: one push batch of the engine (200)
constexpr int kOps = kCases;
// How long the proxy holds each chunk: the server commits within it, the answer waits in it.
constexpr std::chrono::milliseconds kHold{3'000};

std::int64_t officeCasesInStats(ServerProcess& server, kep::test::IdentityTestKit& kit,
                                const QString& bucket) {
    if (kit.command({"stats"}) != 0) {
        return -1;
    }
    const QJsonObject stats = QJsonDocument::fromJson(server.lastOutput()).object();
    for (const QJsonValue& office : stats.value("offices").toArray()) {
        if (office.toObject().value("bucket").toString() == bucket) {
            return office.toObject().value("cases").toInteger();
        }
    }
    return 0;
}

}  // namespace

class tst_DeskKillAfterPush : public QObject {
    Q_OBJECT

private slots:
    void theResendAfterAKillIsAnsweredAsDuplicateAndNothingIsFiledTwice() {
        kep::desk::test::CrashTestOffice office;
        const QString fault = office.setUp();
        QVERIFY2(fault.isEmpty(), qPrintable(fault));
        auto& server = office.server;
        auto& kit = *office.kit;
        const auto& desk = office.desk;
        const QString bucket = "office:0101";
        const std::int64_t before = officeCasesInStats(server, kit.identity(), bucket);
        QVERIFY(before >= 0);

        // 1. The counter files its cases (no network needed).
        QTemporaryDir dir;
        const QString database = dir.filePath("desk.db");
        const qint64 nowMs = kep::desk::test::msSinceEpoch();
        QVERIFY(office.fileCases(database, kCases, nowMs - 60'000, nowMs));

        // 2. The desk connects through the proxy; then every byte is held for kHold.
        FaultProxy proxy("127.0.0.1", server.port());
        QVERIFY2(proxy.start(), proxy.errorString().c_str());
        ServerRecord record(server);
        {
            DeskSyncChild child;
            QVERIFY(child.start(DeskSyncChild::syncArguments(database, *desk,
                                                             QString::fromStdString(proxy.url()),
                                                             server.caFile())
                                << "--hold"));
            QVERIFY2(child.waitForLine("CONNECTED", 20'000), qPrintable(child.lines().join('\n')));
            proxy.setDelay(kHold);
            child.write("GO\n");

            // 3. The server commits the whole batch; the answer is still held: kill the desk.
            QElapsedTimer sinceGo;
            sinceGo.start();
            QTRY_COMPARE_WITH_TIMEOUT(record.committedSeqs(desk->deviceId).size(),
                                      std::size_t{kOps}, 20'000);
            child.kill();
            qInfo("server committed %d ops; desk killed %lld ms after it sent them", kOps,
                  qint64(sinceGo.elapsed()));
            QVERIFY2(!child.lines().join('\n').contains("PUSHED"),
                     "the answer reached the desk before the kill: the proxy did not hold it");
        }
        QCOMPARE(deskCount(database, "SELECT count(*) FROM outbox WHERE state = 'pending'"),
                 std::int64_t{kOps});

        // 4. Healed and restarted on the same desk.db: the resend is a duplicate, all of it.
        proxy.heal();
        DeskSyncChild again;
        QVERIFY(again.start(DeskSyncChild::syncArguments(
            database, *desk, QString::fromStdString(proxy.url()), server.caFile())));
        const auto done = again.waitForLine("DONE", 60'000);
        QVERIFY2(done, qPrintable(again.lines().join('\n')));
        QCOMPARE(again.waitForExit(10'000), 0);
        const auto n = DeskSyncChild::numbers(*done);  // pending applied dup rejected conflict
        QCOMPARE(n.at(0), std::int64_t{0});
        QCOMPARE(n.at(1), std::int64_t{0});
        QCOMPARE(n.at(2), std::int64_t{kOps});
        QCOMPARE(n.at(3) + n.at(4), std::int64_t{0});
        QCOMPARE(deskCount(database, "SELECT count(*) FROM outbox WHERE state = 'applied'"),
                 std::int64_t{kOps});

        // 5. Exactly once: one stored result per op (in seq order), every case once on the server,
        // in `kep-server stats`, and in the desk's own pull of its office.
        std::vector<std::int64_t> expected(kOps);
        std::iota(expected.begin(), expected.end(), 1);
        QCOMPARE(record.committedSeqs(desk->deviceId), expected);
        const auto onServer = record.caseIds(bucket.toStdString());
        QCOMPARE(officeCasesInStats(server, kit.identity(), bucket), before + std::int64_t{kCases});
        QCOMPARE(static_cast<std::int64_t>(onServer.size()), before + kCases);
        QCOMPARE(deskCount(database, "SELECT count(*) FROM kase"),
                 static_cast<std::int64_t>(onServer.size()));
        QCOMPARE(deskCount(database, "SELECT count(DISTINCT protocol_number) FROM kase"),
                 static_cast<std::int64_t>(onServer.size()));
        qInfo("whole test: %lld ms", qint64(office.sinceSetUp.elapsed()));
        QVERIFY2(office.sinceSetUp.elapsed() < 90'000, "over the test's 90 s budget");
    }
};

QTEST_GUILESS_MAIN(tst_DeskKillAfterPush)
#include "tst_deskkillafterpush.moc"
