// Pulling the catalogue from a scripted server: an enrolled desk through the `catalogue` sync
// bucket (everything page by page, a second pull asks once and changes nothing, a publication
// arrives as one change with the previous version kept, a withdrawn procedure leaves), a desk
// not yet enrolled through the public changes feed into the same cursor, and with no network
// (or a failing server) the local copy stays.
#include "../../support/CatalogueFeed.h"
#include "../../support/FakeServerTransport.h"
#include "catalogue/CatalogueReplica.h"
#include "catalogue/CatalogueStore.h"
#include "catalogue/CatalogueSync.h"
#include "storage/DeskDatabase.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace kep::desk;
using namespace kep::desk::catalogue;
using kep::desk::test::CatalogueFeed;
using kep::desk::test::FakeServer;

class tst_CatalogueSync : public QObject {
    Q_OBJECT

    struct Desk {
        QTemporaryDir dir;
        FakeServer server;
        CatalogueFeed feed = CatalogueFeed::sample();
        std::unique_ptr<ServerTransport> transport;
        std::unique_ptr<CatalogueSync> sync;
        bool offline = false;
        bool enrolled = true;  // else the sync routes answer 401, as to a desk with no certificate

        Desk() {
            server.handler = [this](const QByteArray&, const QByteArray& target,
                                    const QByteArray&) -> HttpReply {
                if (offline) {
                    throw TransportError("connect to 127.0.0.1:9 failed: Connection refused");
                }
                if (CatalogueFeed::isBucketRequest(target)) {
                    return enrolled ? feed.bucketAnswer(target)
                                    : FakeServer::error(401, "workstation_required");
                }
                return CatalogueFeed::isChangesRequest(target) ? feed.answer(target)
                                                               : FakeServer::error(404, "x");
            };
            transport = server.factory()();
            sync = std::make_unique<CatalogueSync>(*transport, file(), 10);
        }
        QString file() const { return dir.filePath("desk.db"); }
        std::size_t stored() {
            auto db = storage::openDeskDatabase(file());
            return CatalogueStore(db).count();
        }
        std::int64_t cursor() {
            auto db = storage::openDeskDatabase(file());
            return CatalogueStore(db).cursor();
        }
        static QByteArray bucketTarget(std::int64_t cursor) {
            return "/api/v1/sync/pull?protocol=" + QByteArray::number(kep::sync::kProtocolVersion) +
                   "&bucket=catalogue&cursor=" + QByteArray::number(qint64(cursor)) + "&limit=10";
        }
    };

private slots:
    void freshDeskPullsEverythingThroughTheBucket() {
        Desk desk;
        QSignalSpy updated(desk.sync.get(), &CatalogueSync::catalogueUpdated);
        QSignalSpy failed(desk.sync.get(), &CatalogueSync::pullFailed);
        desk.sync->pull();
        QCOMPARE(failed.count(), 0);
        QCOMPARE(updated.count(), 1);
        QCOMPARE(updated.first().at(0).toInt(), 44);
        QCOMPARE(updated.first().at(1).toStringList().size(), 44);
        QCOMPARE(desk.server.targets.size(), 5);  // 44 procedures, pages of 10
        QCOMPARE(desk.server.targets.first(), Desk::bucketTarget(0));
        QCOMPARE(desk.server.targets.last(), Desk::bucketTarget(40));
        QCOMPARE(desk.sync->appliedSeq(), 44);
        QCOMPARE(desk.stored(), std::size_t(44));

        // Up to date: one request, no signal.
        desk.sync->pull();
        QCOMPARE(desk.server.targets.size(), 6);
        QCOMPARE(desk.server.targets.last(), Desk::bucketTarget(44));
        QCOMPARE(updated.count(), 1);
    }

    // The desk's catalogue cursor is the bucket's: what the engine reads and stores for
    // `catalogue` is CatalogueStore's cursor, and the next pull asks from there.
    void theCatalogueCursorIsTheBuckets() {
        Desk desk;
        desk.sync->pull();
        const std::int64_t published = desk.feed.publish(
            CatalogueFeed::withFirstFee(CatalogueFeed::sampleProcedures()[2], 40));
        desk.sync->pull();
        QCOMPARE(desk.cursor(), published);
        auto db = storage::openDeskDatabase(desk.file());
        CatalogueStore store(db);
        CatalogueReplica replica(store);
        QCOMPARE(replica.cursor(kCatalogueBucket), published);
        desk.sync->pull();
        QCOMPARE(desk.server.targets.last(), Desk::bucketTarget(published));
        // The engine's contract: a cursor never goes back, and nothing else is kept here.
        QVERIFY_THROWS_EXCEPTION(std::logic_error,
                                 replica.applyPulled(kCatalogueBucket, {}, published - 1));
        QVERIFY_THROWS_EXCEPTION(RecordFormatError, replica.cursor("office:0101"));
        QCOMPARE(store.cursor(), published);
    }

    void aPublicationArrivesAsOneChange() {
        Desk desk;
        desk.sync->pull();
        const auto procedures = CatalogueFeed::sampleProcedures();
        desk.feed.publish(CatalogueFeed::withFirstFee(procedures[1], 180));
        QSignalSpy updated(desk.sync.get(), &CatalogueSync::catalogueUpdated);
        desk.sync->pull();
        QCOMPARE(updated.count(), 1);
        QCOMPARE(updated.first().at(0).toInt(), 1);
        QCOMPARE(updated.first().at(1).toStringList(), QStringList{"900002"});
        auto db = storage::openDeskDatabase(desk.file());
        CatalogueStore store(db);
        QCOMPARE(store.current("900002")->procedure.fees.front().min, std::optional<double>(180));
        QCOMPARE(store.previous("900002")->procedure.fees.front().min, std::optional<double>(150));
    }

    // No longer offered at KEPs: the bucket sends the procedure as deleted, and the desk drops
    // its copy and the versions kept for "what changed".
    void aWithdrawnProcedureLeavesThroughTheBucket() {
        Desk desk;
        const auto procedures = CatalogueFeed::sampleProcedures();
        desk.feed.publish(CatalogueFeed::withFirstFee(procedures[3], 90));
        desk.sync->pull();
        QCOMPARE(desk.stored(), std::size_t(44));
        const std::int64_t withdrawn = desk.feed.changeOptions(procedures[3], false);
        QSignalSpy updated(desk.sync.get(), &CatalogueSync::catalogueUpdated);
        desk.sync->pull();
        QCOMPARE(desk.server.targets.last(), Desk::bucketTarget(45));
        QCOMPARE(updated.count(), 1);
        QCOMPARE(updated.first().at(1).toStringList(),
                 QStringList{QString::fromStdString(procedures[3].id)});
        QCOMPARE(desk.stored(), std::size_t(43));
        auto db = storage::openDeskDatabase(desk.file());
        CatalogueStore store(db);
        QVERIFY(!store.current(procedures[3].id));
        QVERIFY(store.previousVersions(procedures[3].id).empty());
        QCOMPARE(store.cursor(), withdrawn);
    }

    // Before enrolment the sync routes refuse the desk (401): it reads the public feed, and
    // once enrolled goes on through the bucket from the same cursor.
    void aDeskNotYetEnrolledReadsThePublicFeedIntoTheSameCursor() {
        Desk desk;
        desk.enrolled = false;
        QSignalSpy failed(desk.sync.get(), &CatalogueSync::pullFailed);
        desk.sync->pull();
        QCOMPARE(failed.count(), 0);
        QCOMPARE(desk.stored(), std::size_t(44));
        QCOMPARE(desk.server.targets.first(), Desk::bucketTarget(0));
        QCOMPARE(desk.server.targets.at(1),
                 QByteArray("/api/v1/catalogue/changes?since=0&limit=10"));
        QVERIFY(desk.server.tokens.at(1).isEmpty());  // a public route
        QCOMPARE(desk.cursor(), 44);

        desk.enrolled = true;
        desk.server.targets.clear();
        desk.sync->pull();
        QCOMPARE(desk.server.targets, QList<QByteArray>{Desk::bucketTarget(44)});
    }

    void withoutNetworkTheLocalCopyStays() {
        Desk desk;
        desk.sync->pull();
        desk.offline = true;
        desk.feed.publish(CatalogueFeed::sampleProcedures()[0]);
        QSignalSpy updated(desk.sync.get(), &CatalogueSync::catalogueUpdated);
        QSignalSpy failed(desk.sync.get(), &CatalogueSync::pullFailed);
        desk.sync->pull();
        QCOMPARE(updated.count(), 0);
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.first().at(0).toString().contains("Connection refused"));
        QCOMPARE(desk.stored(), std::size_t(44));
        // Back online, the next pull resumes from the cursor.
        desk.offline = false;
        desk.sync->pull();
        QCOMPARE(updated.count(), 1);
        QCOMPARE(updated.first().at(1).toStringList(), QStringList{"900001"});
    }

    void aFailingServerKeepsThePagesAlreadyApplied() {
        Desk desk;
        int answered = 0;
        desk.server.handler = [&](const QByteArray&, const QByteArray& target,
                                  const QByteArray&) -> HttpReply {
            return ++answered <= 2 ? desk.feed.bucketAnswer(target)
                                   : FakeServer::error(503, "unavailable");
        };
        QSignalSpy updated(desk.sync.get(), &CatalogueSync::catalogueUpdated);
        QSignalSpy failed(desk.sync.get(), &CatalogueSync::pullFailed);
        desk.sync->pull();
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.first().at(0).toString().contains("503"));
        QCOMPARE(updated.first().at(0).toInt(), 20);
        QCOMPARE(desk.sync->appliedSeq(), 20);
        QCOMPARE(desk.stored(), std::size_t(20));
    }

    void aMalformedPageChangesNothing_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("reason");
        // A good record first: nothing of a page is stored unless all of it can be.
        auto page = [](const std::string& type, const std::string& id, kep::sync::FieldMap fields) {
            kep::sync::PullResponse response;
            response.bucket = "catalogue";
            kep::sync::Change good;
            good.seq = 1;
            good.entity = {"procedure", "900001"};
            good.version = 1;
            good.fields.emplace(
                "record", CatalogueFeed::recordJson(CatalogueFeed::sampleProcedures()[0], 1, 1));
            kep::sync::Change bad;
            bad.seq = 2;
            bad.entity = {type, id};
            bad.version = 1;
            bad.fields = std::move(fields);
            response.changes = {good, bad};
            response.cursor = 2;
            return QByteArray::fromStdString(kep::sync::encode(response));
        };
        QTest::newRow("not a pull response")
            << QByteArray(R"({"changes":[{"seq":1}]})") << QStringLiteral("protocol");
        QTest::newRow("not a procedure") << page("case", "0190a6c2-0000-7000-8000-000000000001", {})
                                         << QStringLiteral("not of a procedure");
        QTest::newRow("no record")
            << page("procedure", "900002", {}) << QStringLiteral("neither a record");
        QTest::newRow("another procedure's record")
            << page("procedure", "900002",
                    {{"record",
                      CatalogueFeed::recordJson(CatalogueFeed::sampleProcedures()[0], 1, 2)}})
            << QStringLiteral("carries the record of 900001");
        QTest::newRow("a record that is not one")
            << page("procedure", "900002", {{"record", "{\"id\":1}"}}) << QStringLiteral("no id");
    }

    void aMalformedPageChangesNothing() {
        QFETCH(QByteArray, body);
        QFETCH(QString, reason);
        Desk desk;
        desk.server.handler = [&](auto&&...) -> HttpReply { return {200, body, {}}; };
        QSignalSpy failed(desk.sync.get(), &CatalogueSync::pullFailed);
        desk.sync->pull();
        QCOMPARE(failed.count(), 1);
        QVERIFY2(failed.first().at(0).toString().contains(reason),
                 qPrintable(failed.first().at(0).toString()));
        QCOMPARE(desk.stored(), std::size_t(0));
        QCOMPARE(desk.sync->appliedSeq(), 0);
    }

    void requestsCoalesce() {
        Desk desk;
        for (int i = 0; i < 5; ++i) {
            desk.sync->requestPull();
        }
        QTRY_COMPARE(desk.sync->appliedSeq(), 44);
        QTest::qWait(50);
        QCOMPARE(desk.server.targets.size(), 5);  // one pull of five pages
    }
};

QTEST_GUILESS_MAIN(tst_CatalogueSync)
#include "tst_cataloguesync.moc"
