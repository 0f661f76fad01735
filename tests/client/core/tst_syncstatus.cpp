// SyncStatus: the model signals each real change once, and keeps counts sane.
#include "SyncStatus.h"

#include <QSignalSpy>
#include <QtTest>

using kep::desk::SyncStatus;

class tst_SyncStatus : public QObject {
    Q_OBJECT

private slots:
    void startsOfflineWithNothingPending() {
        const SyncStatus status;
        QVERIFY(!status.isOnline());
        QCOMPARE(status.pendingChanges(), 0);
        QVERIFY(!status.lastSuccessfulSync().isValid());
    }

    void signalsOnlyRealChanges() {
        SyncStatus status;
        QSignalSpy changed(&status, &SyncStatus::changed);
        status.setOnline(true);
        status.setOnline(true);
        status.setPendingChanges(3);
        status.setPendingChanges(3);
        const QDateTime when(QDate(2025, 3, 3), QTime(10, 42));
        status.setLastSuccessfulSync(when);
        status.setLastSuccessfulSync(when);
        QCOMPARE(changed.count(), 3);
        QCOMPARE(status.pendingChanges(), 3);
        QCOMPARE(status.lastSuccessfulSync(), when);
    }

    void negativePendingIsClamped() {
        SyncStatus status;
        status.setPendingChanges(-5);
        QCOMPARE(status.pendingChanges(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_SyncStatus)
#include "tst_syncstatus.moc"
