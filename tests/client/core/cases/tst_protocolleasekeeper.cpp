// ProtocolLeaseKeeper against the scripted server: it leases after an online sign-in and on a
// health tick when the stock is low or December needs next year's block, never while signed
// out, and a refused or broken answer leaves the stored lease as it was.
#include "../../support/FakeServerTransport.h"
#include "../../support/ManualClock.h"
#include "ServerLink.h"
#include "cases/ProtocolLeaseKeeper.h"
#include "cases/ProtocolLeaseRequest.h"
#include "cases/ProtocolLeaseStore.h"
#include "storage/DeskDatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <atomic>

using namespace kep::desk;
using kep::desk::cases::kLeaseRoute;
using kep::desk::cases::ProtocolLeaseKeeper;
using kep::desk::cases::ProtocolLeaseStore;
using kep::desk::test::FakeServer;
using kep::desk::test::ManualClock;

namespace {

constexpr auto kOffice = "K0001";  // the office of FakeServer::clerkSignedIn()

// A healthy server that signs the clerk in and leases blocks of its office in increasing
// order, starting at 1 for each year; `leaseStatus` other than 201 refuses the lease.
struct LeasingServer {
    FakeServer fake;
    std::atomic<int> leaseStatus = 201;
    std::atomic<int> nextFirst = 1;
    QString office = QString::fromLatin1(kOffice);

    LeasingServer() {
        fake.handler = [this](const QByteArray&, const QByteArray& target,
                              const QByteArray& body) -> HttpReply {
            if (target == "/healthz") {
                return FakeServer::healthy();
            }
            if (target == "/api/v1/auth/login") {
                return FakeServer::clerkSignedIn();
            }
            if (target == kLeaseRoute) {
                if (leaseStatus != 201) {
                    return FakeServer::error(leaseStatus, "unavailable");
                }
                const QJsonObject request = QJsonDocument::fromJson(body).object();
                const int count = request.value("count").toInt();
                const int first = nextFirst.fetch_add(count);
                return FakeServer::json(201, {{"office", office},
                                              {"year", request.value("year").toInt()},
                                              {"first", first},
                                              {"last", first + count - 1}});
            }
            return FakeServer::json(200, {});
        };
    }

    QList<int> leasedYears() {
        QMutexLocker lock(&fake.mutex);
        QList<int> years;
        for (qsizetype i = 0; i < fake.targets.size(); ++i) {
            if (fake.targets[i] == kLeaseRoute) {
                years.append(QJsonDocument::fromJson(fake.bodies[i]).object()["year"].toInt());
            }
        }
        return years;
    }
};

QDateTime at(int year, int month, int day) {
    return QDateTime(QDate(year, month, day), QTime(10, 0), QTimeZone::utc());
}

// Waits until the worker has run everything queued before: a health check goes behind it.
void drainWorker(ServerLink& link) {
    QSignalSpy tick(&link, &ServerLink::healthTicked);
    link.checkHealth();
    QVERIFY(tick.wait(5000));
}

}  // namespace

class tst_ProtocolLeaseKeeper : public QObject {
    Q_OBJECT

private slots:
    void init() {
        QVERIFY(dir_.isValid());
        file_ = dir_.filePath(QStringLiteral("desk-%1.db").arg(++run_));
    }

    void leasesWhatTheDayNeedsAfterSignIn_data() {
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<int>("stockedYear");
        QTest::addColumn<int>("stocked");  // numbers already held for stockedYear (0: none)
        QTest::addColumn<QList<int>>("expectedYears");

        QTest::newRow("first sign-in, nothing held")
            << at(2030, 3, 4) << 2030 << 0 << QList<int>{2030};
        QTest::newRow("well stocked: nothing asked")
            << at(2030, 3, 4) << 2030 << 500 << QList<int>{};
        QTest::newRow("low stock") << at(2030, 3, 4) << 2030 << 10 << QList<int>{2030};
        QTest::newRow("30 November: no next year yet")
            << at(2030, 11, 30) << 2030 << 500 << QList<int>{};
        QTest::newRow("1 December: next year's block")
            << at(2030, 12, 1) << 2030 << 500 << QList<int>{2031};
        QTest::newRow("December, both low")
            << at(2030, 12, 20) << 2030 << 3 << QList<int>{2030, 2031};
    }

    void leasesWhatTheDayNeedsAfterSignIn() {
        QFETCH(QDateTime, now);
        QFETCH(int, stockedYear);
        QFETCH(int, stocked);
        QFETCH(QList<int>, expectedYears);

        LeasingServer server;
        auto db = storage::openDeskDatabase(file_);
        ProtocolLeaseStore store(db, kOffice);
        if (stocked > 0) {
            QVERIFY(store.addBlock({kOffice, stockedYear, 1, std::uint32_t(stocked)}) ==
                    kep::cases::BlockRefusal::None);
            server.nextFirst = stocked + 1;
        }
        ManualClock clock(now);
        ServerLink link(server.fake.factory());
        ProtocolLeaseKeeper keeper(link, store, clock);
        QSignalSpy stock(&keeper, &ProtocolLeaseKeeper::stockChanged);
        QSignalSpy signedIn(&link, &ServerLink::signedIn);

        link.signIn("clerk.demo", "synthetic password");
        QVERIFY(signedIn.wait(5000));
        drainWorker(link);
        QTRY_COMPARE_WITH_TIMEOUT(stock.count(), expectedYears.size(), 5000);

        QCOMPARE(server.leasedYears(), expectedYears);
        const auto lease = store.load();
        for (const int year : expectedYears) {
            QVERIFY(lease.remaining(year) >= std::uint64_t(ProtocolLeaseKeeper::kBlockSize));
        }
        QVERIFY(!keeper.isLow());
        QCOMPARE(keeper.remaining(), lease.remaining(now.date().year()));
    }

    void requestAsksForOneBlockWithTheSession() {
        LeasingServer server;
        auto db = storage::openDeskDatabase(file_);
        ProtocolLeaseStore store(db, kOffice);
        ManualClock clock(at(2030, 3, 4));
        ServerLink link(server.fake.factory());
        ProtocolLeaseKeeper keeper(link, store, clock);
        QSignalSpy stock(&keeper, &ProtocolLeaseKeeper::stockChanged);

        link.signIn("clerk.demo", "synthetic password");
        QVERIFY(stock.wait(5000));
        const int i = int(server.fake.targets.indexOf(QByteArray(kLeaseRoute)));
        QVERIFY(i >= 0);
        QCOMPARE(QJsonDocument::fromJson(server.fake.bodies[i]).object(),
                 (QJsonObject{{"year", 2030}, {"count", ProtocolLeaseKeeper::kBlockSize}}));
        QCOMPARE(server.fake.tokens[i], QByteArray("synthetic-token"));
        const auto args = stock.takeFirst();
        QCOMPARE(args.at(0).toInt(), 2030);
        QCOMPARE(args.at(1).value<quint64>(), quint64(ProtocolLeaseKeeper::kBlockSize));
        QCOMPARE(args.at(2).toBool(), false);
        QCOMPARE(store.load().draw(std::chrono::year{2030} / 3 / 4)->sequence, 1u);
    }

    void notSignedInNothingIsLeased() {
        LeasingServer server;
        auto db = storage::openDeskDatabase(file_);
        ProtocolLeaseStore store(db, kOffice);
        ManualClock clock(at(2030, 3, 4));
        ServerLink link(server.fake.factory());
        ProtocolLeaseKeeper keeper(link, store, clock);

        link.start(std::chrono::hours(1));
        drainWorker(link);
        keeper.refill();
        drainWorker(link);
        QCOMPARE(server.fake.count(kLeaseRoute), 0);
        QCOMPARE(keeper.remaining(), quint64(0));
        QVERIFY(keeper.isLow());
    }

    void refusedLeaseIsRetriedOnTheNextHealthTick() {
        LeasingServer server;
        server.leaseStatus = 503;
        auto db = storage::openDeskDatabase(file_);
        ProtocolLeaseStore store(db, kOffice);
        ManualClock clock(at(2030, 3, 4));
        ServerLink link(server.fake.factory());
        ProtocolLeaseKeeper keeper(link, store, clock);
        QSignalSpy stock(&keeper, &ProtocolLeaseKeeper::stockChanged);
        QSignalSpy failed(&keeper, &ProtocolLeaseKeeper::leaseFailed);

        link.signIn("clerk.demo", "synthetic password");
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.takeFirst().at(0).toString().contains("503"));
        QCOMPARE(store.load().remaining(2030), std::uint64_t{0});

        server.leaseStatus = 201;
        link.checkHealth();
        QVERIFY(stock.wait(5000));
        QCOMPARE(store.load().remaining(2030), std::uint64_t(ProtocolLeaseKeeper::kBlockSize));
    }

    void anotherOfficesBlockIsNotStored() {
        LeasingServer server;
        server.office = QStringLiteral("K0002");
        auto db = storage::openDeskDatabase(file_);
        ProtocolLeaseStore store(db, kOffice);
        ManualClock clock(at(2030, 3, 4));
        ServerLink link(server.fake.factory());
        ProtocolLeaseKeeper keeper(link, store, clock);
        QSignalSpy failed(&keeper, &ProtocolLeaseKeeper::leaseFailed);

        link.signIn("clerk.demo", "synthetic password");
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.takeFirst().at(0).toString().contains("wrong_office"));
        QCOMPARE(store.load().remaining(2030), std::uint64_t{0});
    }

private:
    QTemporaryDir dir_;
    QString file_;
    int run_ = 0;
};

QTEST_GUILESS_MAIN(tst_ProtocolLeaseKeeper)
#include "tst_protocolleasekeeper.moc"
