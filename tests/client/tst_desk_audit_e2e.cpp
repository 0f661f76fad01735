// The desk's own audit entries against a real kep-server (issue 9): a clerk of the first demo
// office opens a case at desk A; after the next sync the server's audit log holds "case.read"
// with that case, the desk's workstation and the clerk. A case opened while the desk's sync is
// stopped waits in desk.db and reaches the log once sync runs again; neither is written twice.
#include "audit/DeskAuditTrail.h"
#include "cases/DeskOutboxStore.h"
#include "core/sync/SyncTestServer.h"
#include "support/EnrolledDesk.h"

#include <QtTest>

using namespace kep::desk;
using kep::desk::test::CounterPc;
using kep::desk::test::readDemo;
using kep::test::ServerProcess;

namespace {

struct LoggedRead {
    std::string workstation;
    std::string actorId;
    std::string office;
    std::int64_t count = 0;
};

// The server's audit entries for reads of `caseId`, read from its kep.db as `audit verify` does.
LoggedRead readsOnServer(const ServerProcess& server, const std::string& caseId) {
    auto db = kep::db::Database::open(server.dataDir().toStdString() + "/kep.db",
                                      {.mode = kep::db::OpenMode::ReadOnly});
    auto st = db.prepare(
        "SELECT workstation, actor_id, office, count(*) OVER () FROM audit_entry "
        "WHERE action = 'case.read' AND record_type = 'case' AND record_id = ?1");
    st.bind(1, caseId);
    LoggedRead read;
    if (st.step()) {
        read = {st.text(0), st.text(1), st.text(2), st.int64(3)};
    }
    return read;
}

std::size_t waitingOnDesk(CounterPc& pc) {
    return cases::DeskOutboxStore(pc.db()).pendingAuditCount();
}

}  // namespace

class tst_DeskAuditE2e : public QObject {
    Q_OBJECT

private slots:
    void aCaseOpenedAtTheCounterIsInTheServersAuditLog() {
        ServerProcess server;
        QVERIFY2(server.start(true), qPrintable(server.errorString()));
        const auto office = readDemo(server.demoJson());
        QVERIFY2(office, "demo.json lacks an office with two codes, a clerk and a manager");
        CounterPc a;
        const QString fault = a.open(server, office->enrolmentCodes[0], office->clerk);
        QVERIFY2(fault.isEmpty(), qPrintable("desk A: " + fault));
        const kep::cases::Actor clerk{a.session.userId.toStdString(), kep::cases::ActorRole::Clerk};

        SystemClock clock;
        audit::DeskAuditTrail trail(a.db(), clock, a.deviceId());
        trail.signedIn({a.session.userId.toStdString(), a.session.role.toStdString(),
                        a.session.officeCode.toStdString()});

        // 1. Online: a case filed, synced, then opened in its details.
        a.startSync(std::chrono::minutes(10));
        const std::string id = test::queueFiledCase(a.db(), a.deviceId(), 7, "Λαμπράκη", clerk);
        QTRY_VERIFY_WITH_TIMEOUT(
            a.watch->status.pendingOps == 0 && a.watch->status.lastPushAt.isValid(), 15000);
        QVERIFY(trail.caseOpened(id));
        QTRY_COMPARE_WITH_TIMEOUT(waitingOnDesk(a), std::size_t{0}, 15000);
        const LoggedRead read = readsOnServer(server, id);
        QCOMPARE(read.count, std::int64_t{1});
        QCOMPARE(read.workstation, a.deviceId());
        QCOMPARE(read.actorId, clerk.id);
        QCOMPARE(read.office, a.session.officeCode.toStdString());
        QCOMPARE(a.watch->status.lastError, QString());

        // 2. Sync stopped (offline): the read waits on the desk, then goes with the next push.
        a.stopSync();
        const std::string other =
            test::queueFiledCase(a.db(), a.deviceId(), 8, "Σταματοπούλου", clerk);
        QVERIFY(trail.caseOpened(other));
        QCOMPARE(waitingOnDesk(a), std::size_t{1});
        QTest::qWait(500);
        QCOMPARE(readsOnServer(server, other).count, std::int64_t{0});
        a.startSync(std::chrono::minutes(10));
        QTRY_COMPARE_WITH_TIMEOUT(waitingOnDesk(a), std::size_t{0}, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(a.watch->status.pendingOps == 0, 15000);
        QCOMPARE(readsOnServer(server, other).count, std::int64_t{1});
        QCOMPARE(readsOnServer(server, id).count, std::int64_t{1});  // not sent twice
        a.stopSync();
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_DeskAuditE2e)
#include "tst_desk_audit_e2e.moc"
