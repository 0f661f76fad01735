// The catalogue copy in desk.db, on a real SQLite file: pages applied with their cursor in one
// transaction, a crash between pages resumed without gaps or duplicates, previous versions kept
// for "what changed", removals, stale answers ignored, the viewed version remembered.
#include "../../support/CatalogueFeed.h"
#include "catalogue/CatalogueIndex.h"
#include "catalogue/CatalogueStore.h"
#include "db/Database.h"
#include "storage/DeskDatabase.h"

#include <QTemporaryDir>
#include <QtTest>

#include <set>

using namespace kep::desk::catalogue;
using kep::desk::test::CatalogueFeed;

class tst_CatalogueStore : public QObject {
    Q_OBJECT

    static ChangesPage page(CatalogueFeed& feed, std::int64_t since, int limit) {
        const auto reply =
            feed.answer("/api/v1/catalogue/changes?since=" + QByteArray::number(qint64(since)) +
                        "&limit=" + QByteArray::number(limit));
        return readChangesPage(std::string_view(reply.body.constData(), reply.body.size()));
    }

    static kep::catalogue::Procedure sample(const std::string& id) {
        for (auto& procedure : CatalogueFeed::sampleProcedures()) {
            if (procedure.id == id) {
                return procedure;
            }
        }
        return {};
    }

    static std::set<std::string> storedIds(kep::db::Database& db) {
        std::set<std::string> ids;
        auto rows = db.prepare("SELECT id FROM catalogue_procedure");
        while (rows.step()) {
            ids.insert(rows.text(0));
        }
        return ids;
    }

    QTemporaryDir dir_;
    QString file() const { return dir_.filePath("desk.db"); }

private slots:
    void init() { QFile::remove(file()); }

    void appliesPagesAndMovesTheCursor() {
        auto db = kep::desk::storage::openDeskDatabase(file());
        CatalogueStore store(db);
        CatalogueFeed feed = CatalogueFeed::sample();
        QCOMPARE(store.cursor(), 0);
        const auto first = store.applyPage(page(feed, 0, 30));
        QCOMPARE(first.size(), std::size_t(30));
        QCOMPARE(store.cursor(), 30);
        store.applyPage(page(feed, store.cursor(), 30));
        QCOMPARE(store.cursor(), 44);
        QCOMPARE(store.count(), std::size_t(44));
        const auto residence = store.current("900001");
        QVERIFY(residence);
        QCOMPARE(residence->version, 1);
        QCOMPARE(residence->procedure.fees.front().min, std::optional<double>(150));
        QVERIFY(!store.previous("900001"));
    }

    void aFailedPageLeavesNeitherRowsNorCursor() {
        auto db = kep::desk::storage::openDeskDatabase(file());
        CatalogueStore store(db);
        CatalogueFeed feed = CatalogueFeed::sample();
        store.applyPage(page(feed, 0, 10));
        // The disk fails on the 3rd procedure of the next page (900013).
        db.exec(
            "CREATE TEMP TRIGGER fail_disk BEFORE INSERT ON catalogue_procedure "
            "WHEN NEW.id = '900013' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");
        QVERIFY_THROWS_EXCEPTION(kep::db::Error, store.applyPage(page(feed, 10, 10)));
        QCOMPARE(store.cursor(), 10);
        QCOMPARE(store.count(), std::size_t(10));
        QVERIFY(!store.current("900011"));  // the page's first rows went with the rollback
    }

    void resumesAfterACrashBetweenPagesWithoutGapsOrDuplicates() {
        CatalogueFeed feed = CatalogueFeed::sample();
        {
            auto db = kep::desk::storage::openDeskDatabase(file());
            CatalogueStore store(db);
            store.applyPage(page(feed, 0, 16));
            store.applyPage(page(feed, 16, 16));
            // The desk stops here: the third page was fetched but never applied.
            page(feed, 32, 16);
        }
        // Meanwhile the server publishes a change to a procedure of the first page.
        feed.publish(CatalogueFeed::withFirstFee(sample("900002"), 175));
        auto db = kep::desk::storage::openDeskDatabase(file());
        CatalogueStore store(db);
        QCOMPARE(store.cursor(), 32);
        int pages = 0;
        for (bool more = true; more; ++pages) {
            const ChangesPage next = page(feed, store.cursor(), 16);
            store.applyPage(next);
            more = next.hasMore;
        }
        QCOMPARE(pages, 1);
        QCOMPARE(store.cursor(), 45);
        const auto ids = storedIds(db);
        QCOMPARE(ids.size(), std::size_t(44));
        QCOMPARE(*ids.begin(), std::string("900001"));
        QCOMPARE(*ids.rbegin(), std::string("900044"));
        QCOMPARE(store.current("900002")->version, 2);
        QCOMPARE(store.current("900002")->procedure.fees.front().min, std::optional<double>(175));
    }

    void keepsTheVersionsBeforeForWhatChanged() {
        auto db = kep::desk::storage::openDeskDatabase(file());
        CatalogueStore store(db);
        CatalogueFeed feed;
        const auto original = sample("900001");
        for (const double fee : {150.0, 160.0, 170.0, 180.0}) {
            feed.publish(CatalogueFeed::withFirstFee(original, fee));
            store.applyPage(page(feed, store.cursor(), 10));
        }
        QCOMPARE(store.current("900001")->version, 4);
        QCOMPARE(store.previous("900001")->version, 3);
        QCOMPARE(store.previous("900001")->procedure.fees.front().min, std::optional<double>(170));
        QCOMPARE(store.previousVersions("900001"), (std::vector<std::int64_t>{3, 2}));
    }

    void skipsWhatIsNotNewer() {
        auto db = kep::desk::storage::openDeskDatabase(file());
        CatalogueStore store(db);
        CatalogueFeed feed;
        feed.publish(sample("900005"));
        feed.publish(sample("900005"));
        const ChangesPage both = page(feed, 0, 10);
        QCOMPARE(store.applyPage(both).size(), std::size_t(1));
        // The same page again (a retry after a lost answer) changes nothing.
        QVERIFY(store.applyPage(both).empty());
        QCOMPARE(store.current("900005")->version, 2);
        QVERIFY(store.previousVersions("900005").empty());
        // An older page arriving late neither reverts the row nor moves the cursor back.
        CatalogueFeed old;
        old.publish(sample("900005"));
        QVERIFY(store.applyPage(page(old, 0, 10)).empty());
        QCOMPARE(store.current("900005")->version, 2);
        QCOMPARE(store.cursor(), 2);
    }

    void removesWithdrawnProcedures() {
        auto db = kep::desk::storage::openDeskDatabase(file());
        CatalogueStore store(db);
        CatalogueFeed feed;
        feed.publish(sample("900005"));
        feed.publish(sample("900006"));
        store.applyPage(page(feed, 0, 10));
        feed.remove("900005");
        QCOMPARE(store.applyPage(page(feed, store.cursor(), 10)),
                 std::vector<std::string>{"900005"});
        QVERIFY(!store.current("900005"));
        QCOMPARE(store.count(), std::size_t(1));
    }

    // `catalogue set --offered no` takes a procedure off the desk (row, previous versions and
    // index); `--offered yes` brings the same version back; other options of the same version
    // replace the stored ones.
    void withdrawnProcedureLeavesAndComesBackWithItsOptions() {
        auto db = kep::desk::storage::openDeskDatabase(file());
        CatalogueStore store(db);
        CatalogueIndex index;
        CatalogueFeed feed;
        const auto residence = sample("900001");
        const auto dearer = CatalogueFeed::withFirstFee(residence, 175);
        feed.publish(residence);
        feed.publish(dearer);
        feed.publish(sample("900006"));
        store.applyPage(page(feed, 0, 10));
        index.load(store);
        QVERIFY(index.contains("900001"));

        feed.changeOptions(dearer, /*offeredAtKep=*/false);
        auto ids = store.applyPage(page(feed, store.cursor(), 10));
        QCOMPARE(ids, std::vector<std::string>{"900001"});
        index.refresh(store, ids);
        QVERIFY(!store.current("900001"));
        QVERIFY(store.previousVersions("900001").empty());
        QVERIFY(!index.contains("900001"));
        QVERIFY(index.contains("900006"));

        feed.changeOptions(dearer, /*offeredAtKep=*/true, /*requiresApproval=*/false);
        ids = store.applyPage(page(feed, store.cursor(), 10));
        QCOMPARE(ids, std::vector<std::string>{"900001"});
        index.refresh(store, ids);
        QVERIFY(index.contains("900001"));
        QCOMPARE(store.current("900001")->version, 2);
        QCOMPARE(store.current("900001")->procedure.fees.front().min, std::optional<double>(175));
        QVERIFY(!store.current("900001")->kep.requiresApproval);

        // Approval needed again: same version, newer change — the stored options follow.
        feed.changeOptions(dearer, true, true);
        QCOMPARE(store.applyPage(page(feed, store.cursor(), 10)),
                 std::vector<std::string>{"900001"});
        QVERIFY(store.current("900001")->kep.requiresApproval);
        QCOMPARE(store.count(), std::size_t(2));
    }

    void remembersTheViewedVersion() {
        auto db = kep::desk::storage::openDeskDatabase(file());
        CatalogueStore store(db);
        CatalogueFeed feed;
        feed.publish(sample("900005"));
        store.applyPage(page(feed, 0, 10));
        QVERIFY(!store.viewedVersion("900005"));
        store.markViewed("900005", 1);
        feed.publish(sample("900005"));
        store.applyPage(page(feed, store.cursor(), 10));
        QCOMPARE(store.viewedVersion("900005"), std::optional<std::int64_t>(1));
        QCOMPARE(store.current("900005")->version, 2);
    }

    void indexEntriesHoldOnlyTheSearchedTexts() {
        auto db = kep::desk::storage::openDeskDatabase(file());
        CatalogueStore store(db);
        CatalogueFeed feed;
        const auto procedure = sample("900001");
        feed.publish(procedure, false);
        store.applyPage(page(feed, 0, 10));
        const auto entry = store.indexEntry("900001");
        QVERIFY(entry);
        QVERIFY(!entry->offeredAtKep);
        QCOMPARE(entry->searched.title, procedure.title);
        QCOMPARE(entry->searched.alternativeTitles, procedure.alternativeTitles);
        QCOMPARE(entry->searched.description, procedure.description);
        QVERIFY(entry->searched.evidences.empty());
        QCOMPARE(store.indexEntries().size(), std::size_t(1));
    }
};

QTEST_APPLESS_MAIN(tst_CatalogueStore)
#include "tst_cataloguestore.moc"
