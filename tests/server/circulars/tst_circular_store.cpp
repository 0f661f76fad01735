// Circulars in the server's database, on SQLite and (tst_circular_store_pg) on PostgreSQL: each
// sent one takes the next sequence number, an office's page holds only what reaches it and moves
// its cursor past the rest, and a read receipt is kept once.
#include "TestServerStore.h"
#include "circulars/CircularStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kep::server::circulars;

namespace {

NewCircular circular(AudienceKind kind, std::vector<std::string> offices = {},
                     std::string region = {}) {
    NewCircular c;
    c.kind = "announcement";
    c.text = {"Ωράριο εορτών", "Holiday hours", "Τα ΚΕΠ κλείνουν νωρίτερα.", ""};
    c.audience.kind = kind;
    c.audience.region = std::move(region);
    c.audience.offices = std::move(offices);
    c.senderUserId = "0190a3c2-7d1e-7000-8000-00000000c001";
    return c;
}

}  // namespace

class tst_CircularStore : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    kep::test::TestServerDatabase database_{dir_.path().toStdString()};
    std::unique_ptr<kep::server::storage::ServerStore> store_;
    std::int64_t lastSeq_ = 0;  // of the circulars sendingNumbersInOrder() sent

private slots:
    void initTestCase() { store_ = database_.createStore(); }

    void sendingNumbersInOrder() {
        CircularStore circulars(*store_);
        const auto first = circulars.send(circular(AudienceKind::All));
        const auto second = circulars.send(circular(AudienceKind::Offices, {"0101", "0202"}));
        const auto third = circulars.send(circular(AudienceKind::Region, {}, "Κρήτη"));
        QVERIFY(first.seq >= 1);
        QCOMPARE(second.seq, first.seq + 1);
        QCOMPARE(third.seq, second.seq + 1);
        lastSeq_ = third.seq;
        const auto found = circulars.find(second.id);
        QVERIFY(found);
        QCOMPARE(found->seq, second.seq);
        QCOMPARE(found->text.titleEl, std::string("Ωράριο εορτών"));
        QCOMPARE(found->audience.offices, (std::vector<std::string>{"0101", "0202"}));
        QVERIFY(!circulars.find("0190a3c2-7d1e-7000-8000-0000000000ff"));
    }

    void anOfficeSeesOnlyWhatReachesIt_data() {
        QTest::addColumn<QString>("office");
        QTest::addColumn<QString>("region");
        QTest::addColumn<int>("seen");
        QTest::newRow("named office") << "0101"
                                      << "Αττική" << 2;
        QTest::newRow("office of the region") << "7101"
                                              << "Κρήτη" << 2;
        QTest::newRow("neither") << "0303"
                                 << "Ήπειρος" << 1;
    }
    void anOfficeSeesOnlyWhatReachesIt() {
        QFETCH(QString, office);
        QFETCH(QString, region);
        QFETCH(int, seen);
        CircularStore circulars(*store_);
        const auto page = circulars.pageFor(office.toStdString(), region.toStdString(), 0, 10);
        QCOMPARE(static_cast<int>(page.circulars.size()), seen);
        QVERIFY(!page.hasMore);
        // The cursor passes the circulars for other offices as well.
        QCOMPARE(page.cursor, lastSeq_);
    }

    void aReceiptIsKeptOnce() {
        CircularStore circulars(*store_);
        const auto sent = circulars.send(circular(AudienceKind::All));
        QVERIFY(circulars.recordReceipt(sent.id, "user-1", "0101", "2026-11-27T10:00:00Z"));
        QVERIFY(!circulars.recordReceipt(sent.id, "user-1", "0101", "2026-11-27T11:00:00Z"));
        QVERIFY(circulars.recordReceipt(sent.id, "user-2", "0101", "2026-11-27T12:00:00Z"));
        const auto receipts = circulars.receipts(sent.id);
        QCOMPARE(receipts.size(), std::size_t{2});
        QCOMPARE(receipts.at("user-1"), std::string("2026-11-27T10:00:00Z"));
    }
};

QTEST_GUILESS_MAIN(tst_CircularStore)
#include "tst_circular_store.moc"
