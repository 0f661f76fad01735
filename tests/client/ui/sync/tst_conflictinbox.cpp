// The office manager's conflict inbox: both values with who and when, and one action that
// resolves the conflict here and queues what the server must hear (the resolution, and the
// case's field when the value that lost should win after all).
#include "cases/CitizenJson.h"
#include "cases/DeskOutboxStore.h"
#include "shared/domain/TaxId.h"
#include "storage/DeskDatabase.h"
#include "sync/ConflictInbox.h"
#include "sync/ConflictStore.h"
#include "sync/DeskReplicaStore.h"

#include <QAction>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace kep::desk;
using kep::desk::sync::ConflictChoice;
using kep::desk::ui::ConflictInbox;

Q_DECLARE_METATYPE(kep::desk::sync::ConflictChoice)

namespace {

const std::string kCase = "01950a1c-6c00-7000-8000-0000000000aa";
const kep::cases::Instant kNow{std::chrono::sys_days{std::chrono::year{2026} / 3 / 10}};

// The office's case and a clash on its notes, as a pull brings them.
void pullCaseWithConflict(kep::db::Database& db) {
    kep::cases::Citizen citizen;
    citizen.person.afm = kep::domain::SyntheticTaxIds(5).afm();
    citizen.person.givenNameEl = "Νίκος";
    citizen.person.surnameEl = "Θεοδώρου";
    const kep::sync::Change changes[] = {{1,
                                          {"case", kCase},
                                          2,
                                          {{"protocol_number", "0101/2026/31"},
                                           {"citizen", cases::citizenToJson(citizen)},
                                           {"notes", "τηλεφώνησε"},
                                           {"status", "submitted"}},
                                          false},
                                         {2,
                                          {"conflict", "op-9/1"},
                                          1,
                                          {{"entity_type", "case"},
                                           {"entity_id", kCase},
                                           {"field", "notes"},
                                           {"kept_value", "τηλεφώνησε"},
                                           {"kept_device", "ws-B"},
                                           {"kept_actor", "user-clerk-2"},
                                           {"kept_hlc", "019d1a2b3c00-00000000"},
                                           {"lost_value", "έφερε το έντυπο"},
                                           {"lost_device", "ws-A"},
                                           {"lost_actor", "user-clerk-1"},
                                           {"lost_hlc", "019d1a2b0000-00000001"},
                                           {"op", "op-9"},
                                           {"state", "open"}},
                                          false}};
    sync::DeskReplicaStore(db, [] { return kNow; }).applyPulled("office:0101", changes, 2);
}

QString notesOf(kep::db::Database& db) {
    auto st = db.prepare("SELECT notes FROM kase WHERE id = ?1");
    st.bind(1, kCase);
    st.step();
    return QString::fromStdString(st.text(0));
}

}  // namespace

class tst_ConflictInbox : public QObject {
    Q_OBJECT

private slots:
    void showsBothValuesWithWhoAndWhen() {
        QTemporaryDir dir;
        auto db = storage::openDeskDatabase(dir.filePath("desk.db"));
        pullCaseWithConflict(db);
        sync::ConflictStore store(db);
        ConflictInbox inbox(store);
        inbox.refresh();
        QTableWidget* table = inbox.table();
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("0101/2026/31"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Notes"));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("τηλεφώνησε"));
        QCOMPARE(table->item(0, 4)->text(), QStringLiteral("έφερε το έντυπο"));
        QVERIFY(table->item(0, 3)->text().startsWith(
            QLatin1String("user-clerk-2 at workstation ws-B")));
        QVERIFY(table->item(0, 5)->text().contains(QLatin1String("ws-A")));
        QVERIFY(table->item(0, 5)->text().contains(QLatin1String("2026")));  // when, from the HLC
    }

    void oneActionResolves_data() {
        QTest::addColumn<ConflictChoice>("choice");
        QTest::addColumn<QString>("shortcut");
        QTest::addColumn<QString>("notes");
        QTest::addColumn<int>("opsQueued");
        QTest::addColumn<QString>("resolution");
        QTest::newRow("keep current") << ConflictChoice::KeepCurrent << "Alt+K"
                                      << "τηλεφώνησε" << 1 << "kept_value";
        QTest::newRow("use the other") << ConflictChoice::TakeLost << "Alt+U"
                                       << "έφερε το έντυπο" << 2 << "lost_value";
    }
    void oneActionResolves() {
        QFETCH(ConflictChoice, choice);
        QFETCH(QString, shortcut);
        QFETCH(QString, notes);
        QFETCH(int, opsQueued);
        QFETCH(QString, resolution);
        QTemporaryDir dir;
        auto db = storage::openDeskDatabase(dir.filePath("desk.db"));
        pullCaseWithConflict(db);
        sync::ConflictStore store(db);
        ConflictInbox inbox(store);
        inbox.setManager({"user-manager-1", kep::cases::ActorRole::Manager}, "ws-M");
        QSignalSpy resolved(&inbox, &ConflictInbox::resolved);
        inbox.refresh();
        inbox.show();
        QVERIFY(QTest::qWaitForWindowExposed(&inbox));
        QCOMPARE(choice == ConflictChoice::KeepCurrent ? inbox.keepAction()->shortcut()
                                                       : inbox.takeOtherAction()->shortcut(),
                 QKeySequence(shortcut));
        QTest::keySequence(&inbox, QKeySequence(shortcut));

        QCOMPARE(resolved.count(), 1);
        QCOMPARE(inbox.openCount(), 0);
        QCOMPARE(store.openCount(), 0);
        QCOMPARE(notesOf(db), notes);
        cases::DeskOutboxStore outbox(db);
        const auto ops = outbox.pendingOps(10);
        QCOMPARE(int(ops.size()), opsQueued);
        const auto& last = ops.back();  // the conflict's own set_fields comes last
        QCOMPARE(last.entity.type, std::string("conflict"));
        QCOMPARE(last.entity.id, std::string("op-9/1"));
        QCOMPARE(QString::fromStdString(last.fields.at("resolution")), resolution);
        QCOMPARE(last.fields.at("state"), std::string("resolved"));
        QCOMPARE(last.fields.at("resolved_by"), std::string("user-manager-1"));
        QCOMPARE(last.baseVersion, 1);
        QCOMPARE(last.deviceId, std::string("ws-M"));
        if (opsQueued == 2) {
            QCOMPARE(ops.front().entity.id, kCase);
            QCOMPARE(ops.front().fields.at("notes"), notes.toStdString());
            QCOMPARE(ops.front().baseVersion, 2);
            QVERIFY(ops.front().hlc < last.hlc);
        }
    }

    void nothingHappensWithoutAManager() {
        QTemporaryDir dir;
        auto db = storage::openDeskDatabase(dir.filePath("desk.db"));
        pullCaseWithConflict(db);
        sync::ConflictStore store(db);
        ConflictInbox inbox(store);
        inbox.refresh();
        QVERIFY(!inbox.resolveSelected(ConflictChoice::TakeLost));
        QCOMPARE(store.openCount(), 1);
        QCOMPARE(cases::DeskOutboxStore(db).pendingCount(), std::size_t{0});
    }
};

QTEST_MAIN(tst_ConflictInbox)
#include "tst_conflictinbox.moc"
