// Pulling the catalogue from a scripted changes feed: a fresh desk gets everything page by page,
// a second pull asks once and changes nothing, a publication arrives as one change with the
// previous version kept, and with no network (or a failing server) the local copy stays.
#include "../../support/CatalogueFeed.h"
#include "../../support/FakeServerTransport.h"
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

        Desk() {
            server.handler = [this](const QByteArray&, const QByteArray& target,
                                    const QByteArray&) -> HttpReply {
                if (offline) {
                    throw TransportError("connect to 127.0.0.1:9 failed: Connection refused");
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
    };

private slots:
    void freshDeskPullsEverythingPageByPage() {
        Desk desk;
        QSignalSpy updated(desk.sync.get(), &CatalogueSync::catalogueUpdated);
        QSignalSpy failed(desk.sync.get(), &CatalogueSync::pullFailed);
        desk.sync->pull();
        QCOMPARE(failed.count(), 0);
        QCOMPARE(updated.count(), 1);
        QCOMPARE(updated.first().at(0).toInt(), 44);
        QCOMPARE(updated.first().at(1).toStringList().size(), 44);
        QCOMPARE(desk.server.targets.size(), 5);  // 44 procedures, pages of 10
        QCOMPARE(desk.server.targets.first(),
                 QByteArray("/api/v1/catalogue/changes?since=0&limit=10"));
        QCOMPARE(desk.server.targets.last(),
                 QByteArray("/api/v1/catalogue/changes?since=40&limit=10"));
        QVERIFY(desk.server.tokens.first().isEmpty());  // a public route
        QCOMPARE(desk.sync->appliedSeq(), 44);
        QCOMPARE(desk.stored(), std::size_t(44));

        // Up to date: one request, no signal.
        desk.sync->pull();
        QCOMPARE(desk.server.targets.size(), 6);
        QCOMPARE(updated.count(), 1);
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
            return ++answered <= 2 ? desk.feed.answer(target)
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

    void aMalformedPageChangesNothing() {
        Desk desk;
        desk.server.handler = [](auto&&...) -> HttpReply {
            return {200, "{\"changes\":[{\"seq\":1}],\"next\":1,\"hasMore\":false}", {}};
        };
        QSignalSpy failed(desk.sync.get(), &CatalogueSync::pullFailed);
        desk.sync->pull();
        QCOMPARE(failed.count(), 1);
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
