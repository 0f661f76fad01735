// The desk's in-memory search over its catalogue copy: the acceptance queries of issue 4 find the
// residence permits first, built from desk.db alone; withdrawn and removed procedures leave it.
#include "../../support/CatalogueFeed.h"
#include "catalogue/CatalogueIndex.h"
#include "db/Database.h"
#include "storage/DeskDatabase.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace kep::desk::catalogue;
using kep::catalogue::Language;
using kep::desk::test::CatalogueFeed;

class tst_CatalogueIndex : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::optional<kep::db::Database> db_;
    std::optional<CatalogueStore> store_;
    CatalogueFeed feed_ = CatalogueFeed::sample();

    void pull() {
        for (bool more = true; more;) {
            const auto reply = feed_.answer(
                "/api/v1/catalogue/changes?since=" + QByteArray::number(qint64(store_->cursor())) +
                "&limit=100");
            const auto page =
                readChangesPage(std::string_view(reply.body.constData(), reply.body.size()));
            store_->applyPage(page);
            more = page.hasMore;
        }
    }

private slots:
    void initTestCase() {
        db_ = kep::desk::storage::openDeskDatabase(dir_.filePath("desk.db"));
        store_.emplace(*db_);
        pull();
    }

    void findsTheResidencePermitsFirst_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("language");
        QTest::newRow("greek, no accents") << "αδεια διαμονης" << int(Language::El);
        QTest::newRow("greek, capitals") << "ΑΔΕΙΑ ΔΙΑΜΟΝΗΣ" << int(Language::El);
        QTest::newRow("greeklish") << "adeia diamonis" << int(Language::El);
        QTest::newRow("english") << "residence permit" << int(Language::En);
        QTest::newRow("as typed, unfinished") << "άδεια διαμ" << int(Language::El);
    }

    void findsTheResidencePermitsFirst() {
        QFETCH(QString, query);
        QFETCH(int, language);
        CatalogueIndex index;
        index.load(*store_);
        QCOMPARE(index.size(), std::size_t(44));
        const auto matches = index.search(query.toStdString(), Language(language), 10);
        QVERIFY(matches.size() >= 4);
        for (std::size_t i = 0; i < 4; ++i) {
            QVERIFY2(matches[i].id >= "900001" && matches[i].id <= "900004", matches[i].id.c_str());
            QVERIFY(matches[i].title != nullptr && !matches[i].title->el.empty());
            QCOMPARE(matches[i].version, 1);
        }
    }

    void refreshFollowsChangesWithdrawalsAndRemovals() {
        CatalogueIndex index;
        index.load(*store_);
        const auto before = index.search("πιστοποιητικό γέννησης", Language::El, 5);
        QVERIFY(!before.empty());
        QCOMPARE(before.front().id, std::string("900005"));

        // 900005 is withdrawn from KEPs, 900006 removed, 900001 gets a new version.
        auto procedures = CatalogueFeed::sampleProcedures();
        feed_.publish(procedures[4], false);
        feed_.remove("900006");
        feed_.publish(CatalogueFeed::withFirstFee(procedures[0], 200));
        const auto ids = std::vector<std::string>{"900001", "900005", "900006"};
        pull();
        index.refresh(*store_, ids);
        QCOMPARE(index.size(), std::size_t(42));
        QVERIFY(!index.contains("900005"));
        QVERIFY(!index.contains("900006"));
        const auto after = index.search("adeia diamonis", Language::El, 10);
        const auto first = std::find_if(after.begin(), after.end(),
                                        [](const auto& m) { return m.id == "900001"; });
        QVERIFY(first != after.end());
        QCOMPARE(first->version, 2);
    }

    void emptyQueryFindsNothing() {
        CatalogueIndex index;
        index.load(*store_);
        QVERIFY(index.search("", Language::El, 10).empty());
        QVERIFY(index.search("  ,.", Language::El, 10).empty());
    }

    void memoryIsCounted() {
        CatalogueIndex index;
        const std::size_t empty = index.memoryBytes();
        index.load(*store_);
        QVERIFY(index.memoryBytes() > empty + 44 * 100);
    }
};

QTEST_APPLESS_MAIN(tst_CatalogueIndex)
#include "tst_catalogueindex.moc"
