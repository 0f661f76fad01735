// The desk's correspondence round against a scripted server: circulars pulled from their bucket
// into desk.db with the cursor, then read receipts and catalogue flags sent by the workstation —
// kept queued while the server cannot be reached, sent once it answers, and dropped with a
// signal when the server refuses one for good.
#include "../../support/FakeServerTransport.h"
#include "circulars/CircularStore.h"
#include "circulars/CorrespondenceSync.h"
#include "feedback/ProcedureFlags.h"
#include "shared/sync/SyncProtocol.h"
#include "storage/DeskDatabase.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using kep::desk::HttpReply;
using kep::desk::TransportError;
using kep::desk::circulars::CircularStore;
using kep::desk::circulars::CorrespondenceSync;
using kep::desk::feedback::FlagKind;
using kep::desk::feedback::ProcedureFlags;
using kep::desk::test::FakeServer;

namespace {

const QString kUser = QStringLiteral("0190a6c2-0000-7000-8000-000000000001");

// The bucket's answer: from cursor 0 one circular (seq 5), after it nothing more.
HttpReply circularsPage(bool first) {
    kep::sync::PullResponse page;
    page.bucket = "circulars";
    page.cursor = 5;
    if (!first) {
        return {200, QByteArray::fromStdString(kep::sync::encode(page)), {}};
    }
    page.changes.push_back({5,
                            {"circular", "0190a6c2-0000-7000-8000-0000000000c1"},
                            1,
                            {{"kind", "outage"},
                             {"title_el", "Διακοπή λειτουργίας"},
                             {"title_en", "Outage"},
                             {"body_el", "Το Σάββατο το σύστημα δεν λειτουργεί."},
                             {"body_en", ""},
                             {"sent_at", "2026-03-02T08:00:00Z"},
                             {"sender", "national"}},
                            false});
    return {200, QByteArray::fromStdString(kep::sync::encode(page)), {}};
}

}  // namespace

class tst_CorrespondenceSync : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString file_;
    int n_ = 0;

private slots:
    void init() {
        QVERIFY(dir_.isValid());
        file_ = dir_.filePath(QStringLiteral("desk-%1.db").arg(++n_));
        kep::desk::storage::openDeskDatabase(file_);
    }

    void pullsThenSendsWhatWaits() {
        FakeServer server;
        int flagStatus = 201;
        server.handler = [&flagStatus](const QByteArray& method, const QByteArray& target,
                                       const QByteArray&) {
            if (target.startsWith("/api/v1/sync/pull")) {
                return circularsPage(target.contains("cursor=0"));
            }
            if (method == "POST" && target.endsWith("/read")) {
                return FakeServer::json(200, {{"recorded", true}});
            }
            if (method == "POST" && target.endsWith("/feedback")) {
                return FakeServer::json(flagStatus, {});
            }
            return FakeServer::error(404, "not_found");
        };
        const auto transport = server.factory()();
        CorrespondenceSync sync(*transport, file_);
        QSignalSpy arrived(&sync, &CorrespondenceSync::circularsArrived);
        sync.round();
        QCOMPARE(arrived.count(), 1);

        auto db = kep::desk::storage::openDeskDatabase(file_);
        CircularStore circulars(db);
        QCOMPARE(circulars.cursor(), std::int64_t{5});
        const auto unread = circulars.unreadBy(kUser);
        QCOMPARE(unread.size(), std::size_t{1});
        QCOMPARE(unread.front().title("en"), QString("Outage"));
        QCOMPARE(unread.front().body("en"),
                 QString::fromUtf8("Το Σάββατο το σύστημα δεν λειτουργεί."));

        circulars.markRead(unread.front().id, kUser, QDateTime::currentDateTimeUtc());
        ProcedureFlags flags(db);
        flags.queue("900002", FlagKind::OutdatedFee, QString::fromUtf8("Νέο παράβολο"), kUser,
                    QDateTime::currentDateTimeUtc());
        server.targets.clear();
        sync.round();
        QVERIFY(circulars.unsentReceipts().empty());
        QCOMPARE(flags.unsentCount(), 0);
        QVERIFY(server.targets.contains(QByteArray("/api/v1/circulars/") +
                                        unread.front().id.toUtf8() + "/read"));
        QVERIFY(server.targets.contains("/api/v1/catalogue/procedures/900002/feedback"));
        QCOMPARE(circulars.unreadCount(kUser), 0);

        // A flag the server refuses for good is dropped, and the desk is told.
        flagStatus = 409;
        flags.queue("900003", FlagKind::Other, "x", kUser, QDateTime::currentDateTimeUtc());
        QSignalSpy refused(&sync, &CorrespondenceSync::flagRefused);
        sync.round();
        QCOMPARE(refused.count(), 1);
        QCOMPARE(refused.front().at(0).toString(), QString("900003"));
        QCOMPARE(flags.unsentCount(), 0);
    }

    void offlineKeepsEverythingQueued() {
        FakeServer server;
        server.handler = [](const QByteArray&, const QByteArray&, const QByteArray&) -> HttpReply {
            throw TransportError("connection refused");
        };
        auto db = kep::desk::storage::openDeskDatabase(file_);
        ProcedureFlags flags(db);
        flags.queue("900002", FlagKind::WrongAuthority, {}, kUser, QDateTime::currentDateTimeUtc());
        const auto transport = server.factory()();
        CorrespondenceSync sync(*transport, file_);
        QSignalSpy failed(&sync, &CorrespondenceSync::roundFailed);
        sync.round();
        QCOMPARE(failed.count(), 1);
        QCOMPARE(flags.unsentCount(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_CorrespondenceSync)
#include "tst_correspondencesync.moc"
