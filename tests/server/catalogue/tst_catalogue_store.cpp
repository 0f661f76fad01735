// The versioned catalogue on a real SQLite file (and, as tst_catalogue_store_pg, on PostgreSQL):
// import of the sample into drafts, publication, re-import that changes nothing, rejected
// records, all-or-nothing inputs, a fee change from draft to diff to the changes feed and the
// in-memory search, and the KEP-side options.
#include "SampleCatalogue.h"
#include "TestServerStore.h"
#include "catalogue/CatalogueStore.h"
#include "catalogue/MitosImport.h"
#include "catalogue/MitosSources.h"
#include "catalogue/PublishedCatalogue.h"
#include "catalogue/StoredProcedure.h"
#include "platform/Files.h"
#include "shared/catalogue/ProcedureDiff.h"
#include "storage/ServerStore.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace kep::server;
using kep::catalogue::Language;

namespace {

constexpr const char* kNow = "2025-01-31T08:15:02Z";

}  // namespace

class tst_CatalogueStore : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<kep::test::TestServerDatabase> database_;
    std::unique_ptr<storage::ServerStore> store_;
    std::vector<std::string> rejected_;

    catalogue::ImportTally importPaths(const std::vector<std::string>& paths,
                                       std::optional<Language> language = std::nullopt) {
        catalogue::ImportObserver observer;
        observer.rejected = [this](std::string_view source, const kep::catalogue::Rejection& r) {
            rejected_.push_back(catalogue::describeRejection(source, r));
        };
        catalogue::MitosImporter importer(store_->database(), observer);
        catalogue::ImportTally tally;
        for (const auto& source : catalogue::collectSources(paths, language)) {
            tally +=
                importer.importInput(source.path, platform::readFile(source.path), source.language);
        }
        return tally;
    }

    catalogue::ImportTally importSample() {
        const auto root = kep::test::sampleCatalogueDir().toStdString();
        return importPaths({root + "/el", root + "/en"});
    }

    catalogue::PublishResult publish() {
        kep::db::Transaction transaction(store_->database());
        const auto result = catalogue::CatalogueStore(store_->database()).publishDrafts(kNow);
        transaction.commit();
        return result;
    }

    catalogue::CatalogueStore catalogue() { return catalogue::CatalogueStore(store_->database()); }

    static QSet<QString> ids(const std::vector<catalogue::FoundProcedure>& found, std::size_t n) {
        QSet<QString> set;
        for (std::size_t i = 0; i < std::min(n, found.size()); ++i) {
            set.insert(QString::fromStdString(found[i].id));
        }
        return set;
    }

private slots:
    void init() {
        store_.reset();
        dir_ = std::make_unique<QTemporaryDir>();
        database_ = std::make_unique<kep::test::TestServerDatabase>(dir_->path().toStdString());
        store_ = database_->createStore();
        rejected_.clear();
    }

    void importMakesDraftsThatPublishOnePerSequenceNumber() {
        const auto tally = importSample();
        QCOMPARE(tally.rejected, 0u);
        QCOMPARE(tally.imported, 88u);  // 44 procedures, Greek then English
        QCOMPARE(catalogue().draftIds().size(), 44u);
        QVERIFY(!catalogue().published("900001"));
        QCOMPARE(catalogue().changeSequence(), 0);

        const auto result = publish();
        QCOMPARE(result.published, 44u);
        QCOMPARE(result.lastSeq, 44);
        QVERIFY(catalogue().draftIds().empty());
        const auto published = catalogue().published("900001");
        QVERIFY(published);
        QCOMPARE(published->version, 1);
        QVERIFY(published->publishedAt);
        // Both languages were kept in the one version.
        const auto procedure = catalogue::restoreProcedure(published->canonicalJson);
        QVERIFY(!procedure.documents.el.is_null());
        QVERIFY(!procedure.documents.en.is_null());
        QVERIFY(!procedure.title.el.empty() && !procedure.title.en.empty());
    }

    void reimportOfTheSameDataChangesNothing() {
        importSample();
        QCOMPARE(importSample().imported, 0u);  // against the drafts
        publish();
        const auto again = importSample();
        QCOMPARE(again.imported, 0u);
        QCOMPARE(again.unchanged, 88u);
        QVERIFY(catalogue().draftIds().empty());
        QCOMPARE(catalogue().history("900010").size(), 1u);
    }

    void unknownFieldsAreKept() {
        importSample();
        const auto draft = catalogue().draft("900008");
        QVERIFY(draft);
        QVERIFY(draft->canonicalJson.find("x_internal_note") != std::string::npos);
    }

    void searchFindsResidencePermitsFirst_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("english");
        QTest::newRow("greek without accents") << QStringLiteral("αδεια διαμονης") << false;
        QTest::newRow("greek capitals") << QStringLiteral("ΑΔΕΙΑ ΔΙΑΜΟΝΗΣ") << false;
        QTest::newRow("greeklish") << QStringLiteral("adeia diamonis") << false;
        QTest::newRow("english") << QStringLiteral("residence permit") << true;
    }
    void searchFindsResidencePermitsFirst() {
        QFETCH(QString, query);
        QFETCH(bool, english);
        importSample();
        publish();
        catalogue::PublishedCatalogue published(*store_);
        const auto found =
            published.search(query.toStdString(), english ? Language::En : Language::El, 10);
        QVERIFY2(found.size() >= 4, qPrintable(query));
        const QSet<QString> permits{"900001", "900002", "900003", "900004"};
        QCOMPARE(ids(found, 4), permits);
        QVERIFY(!found[0].title.el.empty() && !found[0].title.en.empty());
    }

    void draftsAreNotSearchedBeforePublication() {
        importSample();
        catalogue::PublishedCatalogue published(*store_);
        QVERIFY(published.search("adeia diamonis", Language::El, 10).empty());
        publish();
        QCOMPARE(published.search("adeia diamonis", Language::El, 10).size(), 4u);
    }

    void recordWithoutIdIsReportedWhileTheOthersImport() {
        const auto invalid = kep::test::sampleCatalogueDir().toStdString() + "/invalid";
        const auto tally = importPaths(
            {invalid + "/mixed-3-good-1-bad.jsonl", invalid + "/no-id.json"}, Language::El);
        QCOMPARE(tally.rejected, 2u);
        QCOMPARE(tally.imported, 3u);
        QCOMPARE(rejected_.size(), 2u);
        QVERIFY(rejected_[0].find("mixed-3-good-1-bad.jsonl:3: record 900943") !=
                std::string::npos);
        QVERIFY(rejected_[1].find("no-id.json") != std::string::npos);
        QVERIFY(rejected_[1].find("without id") != std::string::npos);
        for (const auto* id : {"900941", "900942", "900944"}) {
            QVERIFY2(catalogue().draft(id), id);
        }
        QVERIFY(!catalogue().draft("900943"));
    }

    void aFailingInputLeavesNothingOfItself() {
        // The database refuses the second record of the file: the first must not stay either.
        if (database_->isPostgres()) {
            store_->database().exec(
                "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "IF NEW.procedure_id = '900952' THEN RAISE EXCEPTION 'refused'; END IF; "
                "RETURN NEW; END $$; CREATE TRIGGER refuse BEFORE INSERT ON catalogue_versions "
                "FOR EACH ROW EXECUTE FUNCTION refuse()");
        } else {
            store_->database().exec(
                "CREATE TEMP TRIGGER refuse BEFORE INSERT ON catalogue_versions "
                "WHEN NEW.procedure_id = '900952' BEGIN SELECT RAISE(ABORT, 'refused'); END");
        }
        const auto file =
            kep::test::sampleCatalogueDir().toStdString() + "/invalid/array-of-2-good.json";
        QVERIFY_THROWS_EXCEPTION(kep::db::Error, importPaths({file}, Language::El));
        QVERIFY(!catalogue().draft("900951"));
        QVERIFY(catalogue().draftIds().empty());
    }

    void feeChangeIsDiffedPublishedAndPulled() {
        importSample();
        publish();
        catalogue::PublishedCatalogue published(*store_);
        QCOMPARE(published.refresh(), 44);

        QTemporaryDir changed;
        QVERIFY(kep::test::writeFeeChange(changed.path(), "900002", 175));
        const auto root = changed.path().toStdString();
        const auto tally = importPaths({root + "/el", root + "/en"});
        QCOMPARE(tally.rejected, 0u);
        QCOMPARE(tally.imported, 2u);

        const auto draft = catalogue().draft("900002");
        QVERIFY(draft);
        QCOMPARE(draft->version, 2);
        const auto diff = kep::catalogue::diffProcedures(
            catalogue::restoreProcedure(catalogue().published("900002")->canonicalJson),
            catalogue::restoreProcedure(draft->canonicalJson));
        QVERIFY(diff.find(kep::catalogue::DiffSection::Fees));
        const auto summary = kep::catalogue::diffSummary(diff, Language::El);
        QVERIFY2(summary.find("evidence_cost_min 150 → 175") != std::string::npos, summary.c_str());

        // Still version 1 for desks until it is published.
        QVERIFY(catalogue().publishedSince(44, 100).empty());
        const auto result = publish();
        QCOMPARE(result.published, 1u);
        QCOMPARE(result.lastSeq, 45);
        const auto feed = catalogue().publishedSince(44, 100);
        QCOMPARE(feed.size(), 1u);
        QCOMPARE(feed[0].version.procedureId, std::string("900002"));
        QCOMPARE(feed[0].version.version, 2);
        QCOMPARE(feed[0].changeSeq, 45);
        QVERIFY(feed[0].version.canonicalJson.find("175") != std::string::npos);

        QCOMPARE(published.refresh(), 45);
        const auto found = published.search("ανανέωση άδειας διαμονής", Language::El, 1);
        QCOMPARE(found.size(), 1u);
        QCOMPARE(found[0].id, std::string("900002"));
        QCOMPARE(found[0].version, 2);

        const auto history = catalogue().history("900002");
        QCOMPARE(history.size(), 2u);
        QVERIFY(history[0].publishedAt && history[1].publishedAt);
    }

    void importingOneLanguageKeepsTheOther() {
        importSample();
        publish();
        QTemporaryDir changed;
        QVERIFY(kep::test::writeFeeChange(changed.path(), "900002", 175));
        QCOMPARE(importPaths({changed.path().toStdString() + "/el"}).imported, 1u);
        const auto procedure =
            catalogue::restoreProcedure(catalogue().draft("900002")->canonicalJson);
        QVERIFY(!procedure.documents.en.is_null());
        QCOMPARE(procedure.title.en, std::string("Renewal of a third-country national's "
                                                 "residence permit"));
    }

    void reimportingThePublishedContentDropsTheDraft() {
        importSample();
        publish();
        QTemporaryDir changed;
        QVERIFY(kep::test::writeFeeChange(changed.path(), "900002", 175));
        importPaths({changed.path().toStdString() + "/el"});
        QVERIFY(catalogue().draft("900002"));
        const auto sample = kep::test::sampleCatalogueDir().toStdString();
        QCOMPARE(importPaths({sample + "/el/900002.json"}).imported, 1u);
        QVERIFY(!catalogue().draft("900002"));
    }

    void optionsChangeTheSequenceAndWithdrawFromSearch() {
        importSample();
        publish();
        auto defaults = catalogue().options("900001");
        QVERIFY(defaults);
        QVERIFY(defaults->requiresApproval);
        QVERIFY(defaults->offeredAtKep);
        QVERIFY(!defaults->competentAuthorityId);

        catalogue::PublishedCatalogue published(*store_);
        QCOMPARE(published.search("adeia diamonis", Language::El, 10).size(), 4u);
        QVERIFY(catalogue().changeOptions(
            "900001",
            {.requiresApproval = false, .competentAuthorityId = "10101", .offeredAtKep = false}));
        QCOMPARE(catalogue().changeSequence(), 45);
        const auto feed = catalogue().publishedSince(44, 100);
        QCOMPARE(feed.size(), 1u);
        QVERIFY(!feed[0].options.requiresApproval);
        QVERIFY(!feed[0].options.offeredAtKep);
        QCOMPARE(*feed[0].options.competentAuthorityId, std::string("10101"));
        QCOMPARE(ids(published.search("adeia diamonis", Language::El, 10), 10),
                 (QSet<QString>{"900002", "900003", "900004"}));

        catalogue::KepOptionsChange offer;
        offer.offeredAtKep = true;
        QVERIFY(!catalogue().changeOptions("999999", offer));
    }

    void optionsOfADraftOnlyProcedureNeedNoDelta() {
        importSample();
        catalogue::KepOptionsChange noApproval;
        noApproval.requiresApproval = false;
        QVERIFY(catalogue().changeOptions("900001", noApproval));
        QCOMPARE(catalogue().changeSequence(), 0);
        publish();
        QVERIFY(!catalogue().publishedProcedure("900001")->options.requiresApproval);
    }

    void changesArePagedInSequenceOrder() {
        importSample();
        publish();
        std::int64_t since = 0;
        std::size_t seen = 0;
        while (true) {
            const auto page = catalogue().publishedSince(since, 10);
            if (page.empty()) {
                break;
            }
            for (const auto& entry : page) {
                QVERIFY(entry.changeSeq > since);
                since = entry.changeSeq;
                ++seen;
            }
        }
        QCOMPARE(seen, 44u);
    }
};

QTEST_GUILESS_MAIN(tst_CatalogueStore)
#include "tst_catalogue_store.moc"
