// The desk's background sync against a real kep-server (`init --demo`, `serve` on loopback): two
// desks of the first demo office, enrolled with its two codes and signed in online (a clerk on
// desk A, the manager on desk B). A case filed on A reaches B within seconds, carried by the
// nudge on /api/v1/sync/ws (B polls only every 10 minutes); then both change the same field
// while their sync is stopped, the server records a conflict, B's manager resolves it for the
// value that lost, and A ends with that value and an empty inbox.
#include "core/sync/SyncTestServer.h"
#include "shared/sync/OutboxOpFactory.h"
#include "support/EnrolledDesk.h"
#include "sync/ConflictStore.h"
#include "sync/DeskSync.h"
#include "sync/HttpsSyncConnector.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <set>

using namespace kep::desk;
using kep::desk::sync::SyncSnapshot;
using kep::desk::test::CounterPc;
using kep::desk::test::readDemo;
using kep::test::ServerProcess;

namespace {

QString notesOf(kep::db::Database& db, const std::string& id) {
    auto st = db.prepare("SELECT notes FROM kase WHERE id = ?1");
    st.bind(1, id);
    return st.step() ? QString::fromStdString(st.text(0)) : QStringLiteral("<no case>");
}

// A set_fields on the case's notes, on the version this desk has, as an edit at the counter.
void queueNotes(CounterPc& pc, const std::string& id, const kep::cases::Actor& actor,
                const std::string& notes) {
    kep::db::Transaction tx(pc.db());
    cases::DeskOutboxStore outbox(pc.db());
    kep::domain::HybridLogicalClock clock;
    clock.restore(outbox.highestHlc());
    kep::domain::UuidV7Generator ids;
    kep::sync::OutboxOpFactory ops(pc.deviceId(), clock, ids);
    const auto base = sync::caseVersion(pc.db(), id).value_or(0);
    sync::writeCase(pc.db(), {id, pc.session.officeCode.toStdString(), {{"notes", notes}}, {}},
                    test::kSyncNow);
    auto op = ops.setFields({"case", id}, "office:" + pc.session.officeCode.toStdString(), actor,
                            base, {{"notes", notes}});
    outbox.append(op, test::kSyncNow);
    tx.commit();
}

}  // namespace

class tst_DeskSyncE2e : public QObject {
    Q_OBJECT

private slots:
    void aCaseFiledOnOneDeskReachesTheOtherAndAConflictIsResolved() {
        ServerProcess server;
        QVERIFY2(server.start(true), qPrintable(server.errorString()));
        const auto office = readDemo(server.demoJson());
        QVERIFY2(office, "demo.json lacks an office with two codes, a clerk and a manager");

        CounterPc a;
        CounterPc b;
        QString fault = a.open(server, office->enrolmentCodes[0], office->clerk);
        QVERIFY2(fault.isEmpty(), qPrintable("desk A: " + fault));
        fault = b.open(server, office->enrolmentCodes[1], office->manager);
        QVERIFY2(fault.isEmpty(), qPrintable("desk B: " + fault));
        const kep::cases::Actor clerk{a.session.userId.toStdString(), kep::cases::ActorRole::Clerk};
        const kep::cases::Actor manager{b.session.userId.toStdString(),
                                        kep::cases::ActorRole::Manager};

        // 1. B listens (and polls only every 10 minutes); A files a case.
        b.startSync(std::chrono::minutes(10));
        auto& statusB = b.watch;
        QTRY_VERIFY_WITH_TIMEOUT(statusB->live, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(statusB->status.upToDateAsOf.isValid(), 15000);
        a.startSync(std::chrono::minutes(10));
        auto& statusA = a.watch;
        const std::string id = test::queueFiledCase(a.db(), a.deviceId(), 41, "Ηλιοπούλου", clerk);
        QElapsedTimer sinceFiled;
        sinceFiled.start();
        QTRY_VERIFY_WITH_TIMEOUT(cases::CaseStore(b.db(), "", "").caseById(id).has_value(), 10000);
        qInfo("filed on desk A, on desk B after %lld ms", qint64(sinceFiled.elapsed()));
        QCOMPARE(statusA->status.needingAttention, 0);
        QCOMPARE(statusA->status.lastError, QString());
        const auto onB = cases::CaseStore(b.db(), "", "").caseById(id);
        QCOMPARE(kep::cases::toString(onB->status), std::string_view("pending_approval"));
        QCOMPARE(onB->filedBy, clerk.id);

        // 2. Both change the notes while their sync is stopped, on the same version.
        QTRY_VERIFY_WITH_TIMEOUT(statusA->status.pendingOps == 0, 10000);
        a.stopSync();
        b.stopSync();
        queueNotes(a, id, clerk, "ο πολίτης τηλεφώνησε");
        queueNotes(b, id, manager, "έφερε το έντυπο Α1");
        a.startSync(std::chrono::minutes(10));
        auto& statusA2 = *a.watch;
        QTRY_VERIFY_WITH_TIMEOUT(
            statusA2.status.pendingOps == 0 && statusA2.status.lastPushAt.isValid(), 10000);
        b.startSync(std::chrono::minutes(10));
        auto& statusB2 = *b.watch;
        QTRY_VERIFY_WITH_TIMEOUT(statusB2.status.openConflicts == 1, 15000);
        QCOMPARE(statusB2.status.needingAttention, 1);  // B's op came second: it clashed

        // 3. B's manager takes the value that lost; A ends with it and nothing open.
        sync::ConflictStore inbox(b.db());
        const auto open = inbox.open();
        QCOMPARE(open.size(), std::size_t{1});
        QCOMPARE(open[0].field, std::string("notes"));
        // The later HLC keeps its value whichever desk pushed first; the other is recorded.
        const std::set<std::string> writers{open[0].kept.actorId, open[0].lost.actorId};
        QVERIFY(writers == (std::set<std::string>{clerk.id, manager.id}));
        QVERIFY(open[0].kept.at && open[0].lost.at && *open[0].lost.at <= *open[0].kept.at);
        QVERIFY(inbox.resolve(open[0].id, sync::ConflictChoice::TakeLost, manager, b.deviceId(),
                              test::kSyncNow));
        b.sync->requestSync();
        QTRY_COMPARE_WITH_TIMEOUT(notesOf(a.db(), id), QString::fromStdString(open[0].lost.value),
                                  15000);
        QTRY_COMPARE_WITH_TIMEOUT(statusA2.status.openConflicts, 0, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(statusB2.status.openConflicts, 0, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(statusB2.status.pendingOps, 0, 15000);
        QCOMPARE(statusA2.status.needingAttention, 0);
    }
};

QTEST_GUILESS_MAIN(tst_DeskSyncE2e)
#include "tst_desk_sync_e2e.moc"
