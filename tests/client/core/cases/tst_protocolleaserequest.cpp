// The lease route's body and answer, and the block reaching the persisted lease.
#include "cases/ProtocolLeaseRequest.h"
#include "cases/ProtocolLeaseStore.h"
#include "storage/DeskDatabase.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kep::desk::cases;

class tst_ProtocolLeaseRequest : public QObject {
    Q_OBJECT

private slots:
    void body() {
        QCOMPARE(leaseRequestBody(2027, 100), QByteArray(R"({"count":100,"year":2027})"));
    }

    void reply_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("201") << 201
                             << QByteArray(R"({"office":"0101","year":2027,"first":1,"last":100})")
                             << true;
        QTest::newRow("200 is not the contract")
            << 200 << QByteArray(R"({"office":"0101","year":2027,"first":1,"last":100})") << false;
        QTest::newRow("403") << 403 << QByteArray(R"({"error":"forbidden"})") << false;
        QTest::newRow("no answer") << 0 << QByteArray() << false;
        QTest::newRow("last before first")
            << 201 << QByteArray(R"({"office":"0101","year":2027,"first":9,"last":3})") << false;
        QTest::newRow("fractional")
            << 201 << QByteArray(R"({"office":"0101","year":2027,"first":1.5,"last":3})") << false;
        QTest::newRow("no office")
            << 201 << QByteArray(R"({"year":2027,"first":1,"last":3})") << false;
    }
    void reply() {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, accepted);
        QString error;
        const auto block = parseLeaseReply({status, body, {}}, &error);
        QCOMPARE(block.has_value(), accepted);
        QCOMPARE(error.isEmpty(), accepted);
    }

    void blockIsPersistedAndStaleOnesRefused() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("desk.db"));
        {
            auto db = kep::desk::storage::openDeskDatabase(file);
            const auto block = parseLeaseReply(
                {201, R"({"office":"0101","year":2027,"first":1,"last":100})", {}}, nullptr);
            QVERIFY(block);
            QVERIFY(ProtocolLeaseStore(db, "0101").addBlock(*block) ==
                    kep::cases::BlockRefusal::None);
        }
        auto db = kep::desk::storage::openDeskDatabase(file);
        ProtocolLeaseStore store(db, "0101");
        QCOMPARE(store.load().remaining(2027), std::uint64_t{100});
        // 1 December: next year's block is held, so nothing is asked for 2027 while stock lasts.
        const auto years = store.load().yearsToLease(std::chrono::year{2026} / 12 / 1);
        QVERIFY(std::find(years.begin(), years.end(), 2027) == years.end());
        QVERIFY(store.addBlock({"0101", 2027, 50, 60}) == kep::cases::BlockRefusal::StaleBlock);
        QVERIFY(store.addBlock({"0202", 2027, 500, 600}) == kep::cases::BlockRefusal::WrongOffice);
    }
};

QTEST_GUILESS_MAIN(tst_ProtocolLeaseRequest)
#include "tst_protocolleaserequest.moc"
