// The desk's sync thread over the real server core in process: edits made offline wait in the
// outbox and drain once the server is back; a rejected op stays visible; a nudge makes another
// desk of the office pull what was filed; stopping is prompt.
#include "SyncTestServer.h"
#include "cases/CaseStore.h"
#include "cases/ProtocolLeaseStore.h"
#include "shared/sync/OutboxOpFactory.h"
#include "storage/DeskDatabase.h"
#include "sync/ConflictStore.h"
#include "sync/DeskSync.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kep::desk;
using kep::desk::sync::SyncSnapshot;

namespace {

const kep::cases::Actor kClerk{"user-clerk-1", kep::cases::ActorRole::Clerk};
const kep::cases::Actor kManager{"user-manager-1", kep::cases::ActorRole::Manager};

// Quick retries, so that a test waits milliseconds where a desk waits seconds.
kep::sync::BackoffPolicy quickBackoff() {
    return {std::chrono::milliseconds{20}, std::chrono::milliseconds{100},
            std::chrono::milliseconds{10}};
}

// A counter PC of office 0101: desk.db with a protocol-number lease, and its sync.
struct Desk {
    Desk(const QString& file, const std::string& device, test::SyncTestServer& server,
         std::chrono::milliseconds poll = std::chrono::minutes(10), bool nudges = true)
        : db(storage::openDeskDatabase(file))
        , cases(db, "0101", device)
        , device_(device) {
        cases::ProtocolLeaseStore(db, "0101")
            .addBlock({"0101", 2026, device == "ws-A" ? 1u : 500u, device == "ws-A" ? 499u : 999u});
        sync::DeskSyncSetup setup;
        setup.databaseFile = file;
        setup.deviceId = device;
        setup.officeCode = "0101";
        setup.connector = server.connector(nudges);
        setup.pollInterval = poll;
        setup.outboxCheck = std::chrono::milliseconds{50};
        setup.backoff = quickBackoff();
        sync = std::make_unique<sync::DeskSync>(std::move(setup));
    }

    std::string queue(std::uint64_t seed, const char* surname) {
        return test::queueFiledCase(db, device_, seed, surname, kClerk);
    }
    std::string file(std::uint64_t seed, const char* surname) {
        const auto result = cases.file(
            test::syntheticFiling(test::syntheticCitizen(seed, surname)), kClerk,
            kep::cases::Instant{
                std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now())});
        return result.ok() ? result.filed->id : std::string();
    }

    kep::db::Database db;
    cases::CaseStore cases;
    std::unique_ptr<sync::DeskSync> sync;
    std::string device_;
};

}  // namespace

class tst_DeskSync : public QObject {
    Q_OBJECT

private slots:
    void init() { QVERIFY(dir_.isValid()); }

    void editsMadeOfflineDrainOnceTheServerIsBack() {
        test::SyncTestServer server;
        server.online = false;
        Desk a(dir_.filePath("a1.db"), "ws-A", server);
        test::SyncWatch status(*a.sync);
        a.sync->start();
        const std::string first = a.queue(21, "Αλεξίου");
        const std::string second = a.queue(22, "Βασιλείου");
        QVERIFY(!first.empty() && !second.empty());

        // Offline: the ops wait (one per filed case), the error is shown, the desk keeps
        // retrying with backoff.
        QTRY_VERIFY_WITH_TIMEOUT(
            status.status.pendingOps == 2 && !status.status.lastError.isEmpty(), 5000);
        QVERIFY(status.status.lastError.contains(QLatin1String("unreachable")));
        QVERIFY(status.status.oldestPendingAt.isValid());
        QCOMPARE(server.pushes.load(), 0);

        server.online = true;
        QTRY_VERIFY_WITH_TIMEOUT(status.status.pendingOps == 0 &&
                                     status.status.lastError.isEmpty() &&
                                     status.status.upToDateAsOf.isValid(),
                                 5000);
        const SyncSnapshot drained = status.status;
        QVERIFY(!drained.oldestPendingAt.isValid());
        QVERIFY(drained.lastPushAt.isValid() && drained.lastPullAt.isValid());
        QCOMPARE(a.cases.outbox().pendingCount(), std::size_t{0});
        QVERIFY2(a.cases.outbox().needsAttention().empty(),
                 a.cases.outbox().needsAttention().empty()
                     ? ""
                     : a.cases.outbox().needsAttention().front().reason.c_str());
        QCOMPARE(drained.needingAttention, 0);
        // Its own cases came back by the pull without stepping back or doubling.
        QCOMPARE(kep::cases::toString(a.cases.caseById(first)->status),
                 std::string_view("pending_approval"));
        QCOMPARE(a.cases.caseCount(), 2);
    }

    void aRejectedOpStaysVisible() {
        test::SyncTestServer server;
        Desk a(dir_.filePath("a2.db"), "ws-A", server);
        test::SyncWatch status(*a.sync);
        a.sync->start();
        const std::string id = a.queue(23, "Γεωργίου");
        QTRY_VERIFY_WITH_TIMEOUT(
            status.status.pendingOps == 0 && status.status.lastPushAt.isValid(), 5000);
        // An op the server refuses: a transition to a status this build does not know.
        {
            kep::db::Transaction tx(a.db);
            kep::domain::HybridLogicalClock clock;
            kep::domain::UuidV7Generator ids;
            kep::sync::OutboxOpFactory ops("ws-A", clock, ids);
            auto op =
                ops.transition({"case", id}, "office:0101", kManager, 0, "archived_forever", {});
            a.cases.outbox().append(op, test::kSyncNow);
            tx.commit();
        }
        a.sync->requestSync();
        QTRY_VERIFY_WITH_TIMEOUT(!status.attention.isEmpty(), 5000);
        QVERIFY(status.attention.first().startsWith(QLatin1String("unknown_status")));
        QCOMPARE(status.conflicts, 0);
        QTRY_COMPARE_WITH_TIMEOUT(status.status.needingAttention, 1, 5000);
        QCOMPARE(status.status.pendingOps, 0);
        const auto stuck = a.cases.outbox().needsAttention();
        QCOMPARE(stuck.size(), std::size_t{1});
        QCOMPARE(stuck.front().op.toStatus, std::string("archived_forever"));
    }

    void aNudgeMakesAnotherDeskOfTheOfficePull() {
        test::SyncTestServer server;
        // Desk B polls only every 10 minutes: whatever it gets within seconds came by a nudge.
        Desk a(dir_.filePath("a3.db"), "ws-A", server);
        Desk b(dir_.filePath("b3.db"), "ws-B", server);
        test::SyncWatch watchB(*b.sync);
        b.sync->start();
        QTRY_VERIFY_WITH_TIMEOUT(watchB.live, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(server.pulls.load() >= 1, 5000);  // B's first cycle
        const int pullsBefore = server.pulls.load();

        a.sync->start();
        const std::string id = a.queue(24, "Δημητρίου");
        QElapsedTimer filed;
        filed.start();
        QTRY_VERIFY_WITH_TIMEOUT(b.cases.caseById(id).has_value(), 5000);
        qInfo("filed on desk A, on desk B %lld ms later", qint64(filed.elapsed()));
        QVERIFY(server.pulls.load() > pullsBefore);
        QTRY_VERIFY(!watchB.pulledBuckets.isEmpty());
        QCOMPARE(watchB.pulledBuckets.first(), QStringLiteral("office:0101"));
        const auto onB = b.cases.caseById(id);
        QCOMPARE(onB->surname, std::string("Δημητρίου"));
        QCOMPARE(b.cases.outbox().pendingCount(), std::size_t{0});  // nothing to send back
    }

    void aConflictReachesTheInboxAndItsResolutionIsSent() {
        test::SyncTestServer server;
        Desk a(dir_.filePath("a4.db"), "ws-A", server);
        Desk b(dir_.filePath("b4.db"), "ws-B", server);
        test::SyncWatch statusA(*a.sync);
        test::SyncWatch statusB(*b.sync);
        a.sync->start();
        b.sync->start();
        const std::string id = a.queue(25, "Ευαγγέλου");
        QTRY_VERIFY_WITH_TIMEOUT(b.cases.caseById(id).has_value(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(statusA.status.pendingOps == 0, 5000);

        // Both desks change the notes offline, on the version they both have.
        server.online = false;
        auto setNotes = [&](Desk& desk, const char* device, const char* notes) {
            kep::db::Transaction tx(desk.db);
            kep::domain::HybridLogicalClock clock;
            clock.restore(desk.cases.outbox().highestHlc());
            kep::domain::UuidV7Generator ids;
            kep::sync::OutboxOpFactory ops(device, clock, ids);
            auto version = desk.db.prepare("SELECT version FROM kase WHERE id = ?1");
            version.bind(1, id);
            version.step();
            auto op = ops.setFields({"case", id}, "office:0101", kClerk, version.int64(0),
                                    {{"notes", notes}});
            version.reset();
            desk.cases.outbox().append(op, test::kSyncNow);
            tx.commit();
        };
        setNotes(a, "ws-A", "σημείωση Α");
        setNotes(b, "ws-B", "σημείωση Β");
        server.online = true;
        a.sync->syncNow();
        b.sync->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(
            statusA.status.openConflicts == 1 && statusB.status.openConflicts == 1, 5000);

        // B's manager takes the value that lost; the resolution and the case edit are queued.
        sync::ConflictStore inbox(b.db);
        const auto open = inbox.open();
        QCOMPARE(open.size(), std::size_t{1});
        QCOMPARE(open[0].field, std::string("notes"));
        QVERIFY(b.sync->isRunning());
        QVERIFY(inbox.resolve(open[0].id, sync::ConflictChoice::TakeLost, kManager, "ws-B",
                              test::kSyncNow));
        QVERIFY(!inbox.resolve(open[0].id, sync::ConflictChoice::TakeLost, kManager, "ws-B",
                               test::kSyncNow));  // once only
        b.sync->requestSync();
        QTRY_VERIFY_WITH_TIMEOUT(statusA.status.openConflicts == 0, 5000);
        auto notesOnA = [&] {
            auto st = a.db.prepare("SELECT notes FROM kase WHERE id = ?1");
            st.bind(1, id);
            st.step();
            return QString::fromStdString(st.text(0));
        };
        QTRY_COMPARE_WITH_TIMEOUT(notesOnA(), QString::fromStdString(open[0].lost.value), 5000);
        QCOMPARE(statusB.status.needingAttention + statusA.status.needingAttention, 1);
    }

    void aCaseFiledAtTheCounterIsAccepted() {
        // The whole counter path: CaseStore files, the sync thread pushes its ops.
        test::SyncTestServer server;
        Desk a(dir_.filePath("a6.db"), "ws-A", server);
        test::SyncWatch status(*a.sync);
        a.sync->start();
        const std::string id = a.file(26, "Ζαχαρίου");
        QVERIFY(!id.empty());
        QTRY_VERIFY_WITH_TIMEOUT(
            status.status.pendingOps == 0 && status.status.lastPushAt.isValid(), 5000);
        const auto stuck = a.cases.outbox().needsAttention();
        QVERIFY2(stuck.empty(), stuck.empty() ? "" : stuck.front().reason.c_str());
        // Pulled back from the server, it is the same case with the same history.
        QTRY_VERIFY_WITH_TIMEOUT(status.status.upToDateAsOf.isValid() &&
                                     status.status.lastPullAt >= status.status.lastPushAt,
                                 5000);
        QCOMPARE(a.cases.caseCount(), 1);
        QCOMPARE(kep::cases::toString(a.cases.caseById(id)->status),
                 std::string_view("pending_approval"));
        QCOMPARE(a.cases.history(id).size(), std::size_t{2});
    }

    void stoppingIsPrompt() {
        test::SyncTestServer server;
        Desk a(dir_.filePath("a5.db"), "ws-A", server);
        a.sync->start();
        QTRY_VERIFY_WITH_TIMEOUT(server.pulls.load() >= 1, 5000);
        QElapsedTimer timer;
        timer.start();
        a.sync->stop();
        QVERIFY(!a.sync->isRunning());
        QVERIFY2(timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed())));
        QTRY_COMPARE_WITH_TIMEOUT(server.openChannels(), 0, 2000);
    }

private:
    QTemporaryDir dir_;
};

QTEST_GUILESS_MAIN(tst_DeskSync)
#include "tst_desksync.moc"
