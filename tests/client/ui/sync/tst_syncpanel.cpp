// The sync panel: the engine's state in words, the ops needing attention listed, "Sync now" on
// F9, and the export of stuck ops for support carrying ids and reasons but no citizen's data.
#include "LocaleFormat.h"
#include "shared/sync/MemoryDeskStore.h"
#include "shared/sync/OutboxOpFactory.h"
#include "sync/SyncPanel.h"

#include <QAction>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using kep::desk::sync::SyncSnapshot;
using kep::desk::ui::SyncPanel;

namespace {

const kep::cases::Instant kQueued{std::chrono::sys_days{std::chrono::year{2026} / 3 / 10}};

QString text(const SyncPanel& panel, const char* name) {
    return panel.findChild<QLabel*>(QString::fromLatin1(name))->text();
}

// Two ops the server answered for: one rejected, one merged with a conflict; one still pending.
void queueAnswered(kep::sync::MemoryDeskStore& outbox) {
    kep::domain::HybridLogicalClock clock;
    kep::domain::UuidV7Generator ids;
    kep::sync::OutboxOpFactory ops("ws-7", clock, ids);
    const kep::cases::Actor clerk{"user-clerk-1", kep::cases::ActorRole::Clerk};
    auto a = ops.setFields({"case", "c-1"}, "office:0101", clerk, 2,
                           {{"notes", "Παπαδοπούλου, ΑΦΜ 123456789"}});
    auto b = ops.transition({"case", "c-2"}, "office:0101", clerk, 3, "archived_forever", {});
    auto c = ops.setFields({"case", "c-3"}, "office:0101", clerk, 1, {{"notes", "x"}});
    outbox.append(a, kQueued);
    outbox.append(b, kQueued);
    outbox.append(c, kQueued);
    const kep::sync::Settlement answers[] = {
        {1, kep::sync::OpState::Conflict, "field_clash: notes", 3},
        {2, kep::sync::OpState::Rejected, "unknown_status: not a case status", std::nullopt}};
    outbox.settle(answers);
}

}  // namespace

class tst_SyncPanel : public QObject {
    Q_OBJECT

private slots:
    // English as the desk writes it (LanguageManager sets the same default): day/month/year.
    void initTestCase() {
        QLocale::setDefault(kep::desk::ui::LocaleFormat::forLanguage(QStringLiteral("en")));
    }

    void describeWait_data() {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("seconds") << qint64(42) << "42 second(s)";
        QTest::newRow("minutes") << qint64(5 * 60 + 59) << "5 minute(s)";
        QTest::newRow("hours") << qint64(3 * 3600 + 10) << "3 hour(s)";
        QTest::newRow("days") << qint64(7 * 86400) << "7 day(s)";
    }
    void describeWait() {
        QFETCH(qint64, seconds);
        QFETCH(QString, expected);
        QCOMPARE(SyncPanel::describeWait(seconds), expected);
    }

    void showsTheEnginesState() {
        kep::sync::MemoryDeskStore outbox;
        SyncPanel panel(outbox);
        SyncSnapshot s;
        s.phase = kep::sync::SyncPhase::WaitingToRetry;
        s.pendingOps = 4;
        s.oldestPendingAt = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600);
        s.lastError = QStringLiteral("push: connect: network unreachable");
        s.openConflicts = 2;
        s.nextAttemptAt = QDateTime::currentDateTimeUtc().addSecs(30);
        panel.setSnapshot(s);
        QVERIFY(text(panel, "syncState").contains(QLatin1String("waiting to retry")));
        QVERIFY2(text(panel, "syncPending").startsWith(QLatin1String("4 change")),
                 qPrintable(text(panel, "syncPending")));
        QVERIFY(text(panel, "syncPending").endsWith(QLatin1String("3 hour(s)")));
        QVERIFY(text(panel, "syncLastError").contains(s.lastError));
        QCOMPARE(text(panel, "syncUpToDate"), QStringLiteral("Not yet up to date"));
        QVERIFY(text(panel, "syncConflicts").startsWith(QLatin1String("2 open")));
        QCOMPARE(text(panel, "syncLastPush"), QStringLiteral("Last push: never"));

        s = SyncSnapshot{};
        s.upToDateAsOf = QDateTime(QDate(2026, 3, 10), QTime(9, 15), Qt::UTC);
        s.lastPushAt = s.upToDateAsOf;
        panel.setSnapshot(s);
        QCOMPARE(text(panel, "syncPending"), QStringLiteral("Nothing waits to be sent"));
        QVERIFY(
            text(panel, "syncUpToDate").startsWith(QLatin1String("Up to date as of 10/03/2026")));
        QCOMPARE(text(panel, "syncLastError"), QStringLiteral("No errors"));
        panel.setLiveNudges(true);
        QVERIFY(text(panel, "syncState").endsWith(QLatin1String("live updates on")));
    }

    void listsTheOpsNeedingAttention() {
        kep::sync::MemoryDeskStore outbox;
        queueAnswered(outbox);
        SyncPanel panel(outbox);
        auto* table = panel.findChild<QTableWidget*>(QStringLiteral("stuckOps"));
        QCOMPARE(table->rowCount(), 2);  // the pending op is not stuck
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("1"));
        QCOMPARE(table->item(0, 3)->text(), QStringLiteral("conflict"));
        QCOMPARE(table->item(1, 4)->text(), QStringLiteral("unknown_status: not a case status"));
        QVERIFY(text(panel, "syncStuckTitle").contains(QLatin1String("(2)")));
    }

    void syncNowIsF9() {
        kep::sync::MemoryDeskStore outbox;
        SyncPanel panel(outbox);
        QSignalSpy asked(&panel, &SyncPanel::syncNowRequested);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTest::keyClick(&panel, Qt::Key_F9);
        QCOMPARE(asked.count(), 1);
        QCOMPARE(panel.syncNowAction()->shortcut(), QKeySequence(Qt::Key_F9));
    }

    void exportCarriesIdsAndReasonsButNoValues() {
        kep::sync::MemoryDeskStore outbox;
        queueAnswered(outbox);
        SyncPanel panel(outbox);
        panel.setDeviceId(QStringLiteral("ws-7"));
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("stuck.json"));
        panel.setExportFileChooser([file] { return file; });
        panel.exportAction()->trigger();
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray bytes = written.readAll();
        const QJsonObject root = QJsonDocument::fromJson(bytes).object();
        QCOMPARE(root.value("device").toString(), QStringLiteral("ws-7"));
        const QJsonArray ops = root.value("ops").toArray();
        QCOMPARE(ops.size(), 2);
        const QJsonObject first = ops.at(0).toObject();
        QCOMPARE(first.value("device_seq").toInt(), 1);
        QCOMPARE(first.value("kind").toString(), QStringLiteral("set_fields"));
        QCOMPARE(first.value("state").toString(), QStringLiteral("conflict"));
        QCOMPARE(first.value("reason").toString(), QStringLiteral("field_clash: notes"));
        QCOMPARE(first.value("server_version").toInt(), 3);
        QCOMPARE(first.value("queued_at").toString(), QStringLiteral("2026-03-10T00:00:00.000Z"));
        QVERIFY(!first.value("op_id").toString().isEmpty());
        QCOMPARE(ops.at(1).toObject().value("entity_id").toString(), QStringLiteral("c-2"));
        // The value the op carried (a surname and a tax number) never leaves the desk.
        QVERIFY(!bytes.contains("123456789"));
        QVERIFY(!QString::fromUtf8(bytes).contains(QStringLiteral("Παπαδοπούλου")));
        QVERIFY(!bytes.contains("user-clerk-1"));
        QVERIFY(text(panel, "syncExportResult").startsWith(QLatin1String("Exported 2 op(s)")));
        // Nothing chosen: nothing written, no message change.
        panel.setExportFileChooser([] { return QString(); });
        QVERIFY(!panel.exportStuckOps());
    }
};

QTEST_MAIN(tst_SyncPanel)
#include "tst_syncpanel.moc"
