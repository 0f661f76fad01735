// Catalogue search as the clerk types: Greek with or without accents and capitals, Greeklish,
// English, prefixes and in-word matches, ranked title > alternative title > description.
#include <QTest>

#include <algorithm>

#include "CatalogueTestData.h"
#include "shared/catalogue/CatalogueSearch.h"

using namespace kep::catalogue;
using namespace kep::catalogue::testdata;

namespace {

Procedure procedure(std::string id, LocalizedText title,
                    std::vector<LocalizedText> alternatives = {}, LocalizedText description = {}) {
    Procedure p;
    p.id = std::move(id);
    p.title = std::move(title);
    p.alternativeTitles = std::move(alternatives);
    p.description = std::move(description);
    return p;
}

// A small catalogue in which every ranking rule decides at least one query.
std::vector<Procedure> fixture() {
    std::vector<Procedure> c;
    c.push_back(procedure("1", {"Άδεια διαμονής για σπουδές", "Residence permit for studies"}));
    c.push_back(procedure("2", {"Ανανέωση άδειας διαμονής", "Renewal of a residence permit"}));
    c.push_back(procedure("3", {"Βεβαίωση μόνιμης κατοικίας", "Certificate of permanent residence"},
                          {{"Άδεια διαμονής μακράς διάρκειας", ""}}));
    c.push_back(procedure("4", {"Έκδοση διαβατηρίου", "Issue of a passport"}, {},
                          {"Απαιτείται άδεια διαμονής σε ισχύ για αλλοδαπούς.", ""}));
    c.push_back(
        procedure("5", {"Πιστοποιητικό οικογενειακής κατάστασης", "Family status certificate"}));
    c.push_back(procedure("6", {"Πιστοποιητικό γέννησης", "Birth certificate"}));
    c.push_back(procedure("7", {"Επικύρωση αντιγράφου", "Certified copy"}, {},
                          {"Επικύρωση πιστοποιητικών και εγγράφων.", ""}));
    c.push_back(
        procedure("8", {"Ευρωπαϊκή κάρτα ασφάλισης ασθένειας", "European health insurance card"}));
    return c;
}

QStringList ids(const std::vector<SearchHit>& hits) {
    QStringList out;
    for (const SearchHit& hit : hits) {
        out << qs(hit.id);
    }
    return out;
}

}  // namespace

class tst_CatalogueSearch : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void queries_data();
    void queries();
    void prefixAsYouType();
    void inWordNeedsThreeLetters();
    void scoresFollowTheRanking();
    void limitAndEmptyQuery();
    void upsertAndRemove();
    void acceptanceOnSampleCatalogue_data();
    void acceptanceOnSampleCatalogue();
    void sampleAsYouType();

private:
    CatalogueSearch index_;
    CatalogueSearch sample_;
    std::vector<Procedure> sampleProcedures_;
};

void tst_CatalogueSearch::initTestCase() {
    const std::vector<Procedure> procedures = fixture();
    index_.rebuild(procedures);
    QCOMPARE(index_.size(), procedures.size());
    sampleProcedures_ = sampleCatalogue();
    QVERIFY(sampleProcedures_.size() >= 40);
    sample_.rebuild(sampleProcedures_);
}

void tst_CatalogueSearch::queries_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("language");
    QTest::addColumn<QStringList>("expected");
    const auto row = [](const char* name, const char* query, Language language,
                        QStringList expected) {
        QTest::newRow(name) << QString::fromUtf8(query) << static_cast<int>(language) << expected;
    };
    // Title matches (1, 2: shorter title first), then the alternative title (3), then the
    // description (4).
    const QStringList permits{"1", "2", "3", "4"};
    row("accentless", "αδεια διαμονης", Language::El, permits);
    row("capitals", "ΑΔΕΙΑ ΔΙΑΜΟΝΗΣ", Language::El, permits);
    row("accented", "Άδεια Διαμονής", Language::El, permits);
    row("final sigma typed as sigma", "αδεια διαμονησ", Language::El, permits);
    row("greeklish", "adeia diamonis", Language::El, permits);
    row("greeklish other spelling", "adia diamonhs", Language::El, permits);
    row("english", "residence permit", Language::En, {"1", "2"});
    row("english prefix", "resid", Language::En, {"1", "2", "3"});
    row("words in any order", "διαμονης ανανεωση", Language::El, {"2"});
    row("every word must match", "αδεια πιστοποιητικο", Language::El, {});
    row("whole word beats prefix", "πιστοποιητικο", Language::El, {"6", "5", "7"});
    row("in-word", "βατηρ", Language::El, {"4"});
    row("punctuation ignored", "«άδεια» — διαμονής!", Language::El, permits);
    row("no match", "φορολογικη", Language::El, {});
}

void tst_CatalogueSearch::queries() {
    QFETCH(QString, query);
    QFETCH(int, language);
    QFETCH(QStringList, expected);
    const auto hits = index_.search(query.toStdString(), static_cast<Language>(language), 10);
    QCOMPARE(ids(hits), expected);
}

void tst_CatalogueSearch::prefixAsYouType() {
    // Every prefix of «πιστοποιητικό», typed one letter at a time, keeps both certificates.
    const std::string word = "πιστοποιητικό";
    for (std::size_t end = 2; end <= word.size(); end += 2) {
        const QStringList found = ids(index_.search(word.substr(0, end), Language::El, 10));
        QVERIFY2(found.contains("5") && found.contains("6"), word.substr(0, end).c_str());
    }
    QCOMPARE(ids(index_.search("πιστ", Language::El, 2)), QStringList({"6", "5"}));
    // «γέννησης» starts with "γεν", «οικογενειακής» holds it: prefix first.
    QCOMPARE(ids(index_.search("πιστ γεν", Language::El, 10)), QStringList({"6", "5"}));
}

void tst_CatalogueSearch::inWordNeedsThreeLetters() {
    QCOMPARE(ids(index_.search("ρτα", Language::El, 10)), QStringList({"8"}));  // κάρτα
    QCOMPARE(ids(index_.search("ρτ", Language::El, 10)), QStringList());
}

void tst_CatalogueSearch::scoresFollowTheRanking() {
    const auto hits = index_.search("αδεια διαμονης", Language::El, 10);
    QCOMPARE(hits.size(), std::size_t{4});
    QCOMPARE(hits[0].field, MatchField::Title);
    QCOMPARE(hits[0].score, 300 + 2 * static_cast<int>(MatchQuality::Whole));
    QCOMPARE(hits[1].field, MatchField::Title);
    QCOMPARE(hits[1].score,  // «άδειας διαμονής»
             300 + static_cast<int>(MatchQuality::Prefix) + static_cast<int>(MatchQuality::Whole));
    QCOMPARE(hits[2].field, MatchField::AlternativeTitle);
    QCOMPARE(hits[3].field, MatchField::Description);
    const auto greeklish = index_.search("adeia diamonis", Language::El, 1);
    QCOMPARE(greeklish.at(0).score, 300 + 2 * static_cast<int>(MatchQuality::PhoneticWhole));
}

void tst_CatalogueSearch::limitAndEmptyQuery() {
    QCOMPARE(index_.search("αδεια", Language::El, 2).size(), std::size_t{2});
    QCOMPARE(index_.search("αδεια", Language::El, 0).size(), std::size_t{0});
    QCOMPARE(index_.search("", Language::El, 10).size(), std::size_t{0});
    QCOMPARE(index_.search("  , . ", Language::El, 10).size(), std::size_t{0});
    // A pasted page is cut to kMaxQueryBytes and kMaxQueryWords, not searched whole.
    std::string longQuery;
    while (longQuery.size() < 100'000) {
        longQuery += "πιστοποιητικό ";
    }
    QCOMPARE(ids(index_.search(longQuery, Language::El, 10)), QStringList({"6", "5", "7"}));
}

void tst_CatalogueSearch::upsertAndRemove() {
    CatalogueSearch index(fixture());
    QCOMPARE(ids(index.search("διαβατηριου", Language::El, 10)), QStringList({"4"}));
    index.upsert(procedure("4", {"Έκδοση ταξιδιωτικού εγγράφου", "Travel document"}));
    QCOMPARE(index.size(), std::size_t{8});
    QCOMPARE(ids(index.search("διαβατηριου", Language::El, 10)), QStringList());
    QCOMPARE(ids(index.search("ταξιδ", Language::El, 10)), QStringList({"4"}));
    index.upsert(procedure("9", {"Δήλωση γέννησης", "Birth registration"}));
    QCOMPARE(ids(index.search("γεννησης", Language::El, 10)), QStringList({"9", "6"}));
    QVERIFY(index.remove("6"));
    QVERIFY(!index.remove("6"));
    QCOMPARE(ids(index.search("γεννησης", Language::El, 10)), QStringList({"9"}));
    index.upsert(
        procedure("10", {"Πιστοποιητικό γέννησης", "Birth certificate"}));  // reuses a slot
    QCOMPARE(ids(index.search("γεννησης", Language::El, 10)), QStringList({"9", "10"}));
    QVERIFY(index.contains("10") && !index.contains("6"));
}

void tst_CatalogueSearch::acceptanceOnSampleCatalogue_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("language");
    QTest::newRow("accentless") << "αδεια διαμονης" << int(Language::El);
    QTest::newRow("capitals") << "ΑΔΕΙΑ ΔΙΑΜΟΝΗΣ" << int(Language::El);
    QTest::newRow("greeklish") << "adeia diamonis" << int(Language::El);
    QTest::newRow("english") << "residence permit" << int(Language::En);
}

void tst_CatalogueSearch::acceptanceOnSampleCatalogue() {
    // README of resources/catalogue: the residence permits are 900001–900004.
    QFETCH(QString, query);
    QFETCH(int, language);
    const auto hits = sample_.search(query.toStdString(), static_cast<Language>(language), 10);
    QVERIFY(hits.size() >= 4);
    QStringList top;
    for (std::size_t i = 0; i < 4; ++i) {
        top << qs(hits[i].id);
    }
    top.sort();
    QCOMPARE(top, QStringList({"900001", "900002", "900003", "900004"}));
}

void tst_CatalogueSearch::sampleAsYouType() {
    // Typing «Πιστοποιητικό» letter by letter: from "πιστ" on, every hit has a title word
    // starting with what was typed, and the hits narrow as the clerk types.
    std::size_t previous = SIZE_MAX;
    for (const char* typed : {"π", "πι", "πισ", "πιστ", "πιστο", "πιστοποιητικο"}) {
        const auto hits = sample_.search(typed, Language::El, 1000);
        QVERIFY2(!hits.empty(), typed);
        QVERIFY2(hits.size() <= previous, typed);
        previous = hits.size();
    }
    const auto hits = sample_.search("πιστ", Language::El, 5);
    QVERIFY(!hits.empty());
    for (const SearchHit& hit : hits) {
        QCOMPARE(hit.field, MatchField::Title);
    }
}

QTEST_APPLESS_MAIN(tst_CatalogueSearch)
#include "tst_catalogue_search.moc"
