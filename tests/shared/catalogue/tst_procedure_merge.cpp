// Merging the Greek and the English document of one procedure: texts from their own language,
// everything else from the Greek, list items paired by num id or position, originals kept.
#include <QTest>

#include "CatalogueTestData.h"
#include "shared/catalogue/MitosParser.h"
#include "shared/catalogue/ProcedureMerge.h"

using namespace kep::catalogue;
using namespace kep::catalogue::testdata;

namespace {

Procedure parseOne(const std::string& json, Language language) {
    MitosParseResult result = parseMitos(json, language);
    if (result.procedures.size() != 1) {
        qFatal("fixture did not parse");
    }
    return std::move(result.procedures[0]);
}

const std::string kGreek =
    document(R"("900200")", "Ανανέωση άδειας διαμονής",
             R"("description":"Ελληνική περιγραφή","cost_min":16,"deadline_duration":"P1M",
       "alternative_titles":["Ανανέωση άδειας παραμονής"],"provision_org_group":[{"id":"8256","title":"Βιντεοκλήση"}])",
             R"("process_evidences":[{"evidence_num_id":2,"evidence_description":"Διαβατήριο"},
                            {"evidence_num_id":1,"evidence_description":"Φωτογραφίες"}],
       "process_steps":[{"step_title":"Κατάθεση"},{"step_title":"Έκδοση"}],
       "process_rules":[{"rule_decision_number":"5038","rule_gazette_doc_number":81,"rule_description":"Κώδικας"}])",
             "Renewal of a residence permit");
const std::string kEnglish = document(
    R"("900200")", "Ανανέωση άδειας διαμονής",
    R"("description":"English description","cost_min":99,"deadline_duration":"P9M","remarks":"Only in English",
       "alternative_titles":["Residence permit renewal"],"provision_org_group":[{"id":"8256","title":"Video call"}])",
    R"("process_evidences":[{"evidence_num_id":1,"evidence_description":"Photographs"},
                            {"evidence_num_id":2,"evidence_description":"Passport"},
                            {"evidence_num_id":3,"evidence_description":"Only in English"}],
       "process_steps":[{"step_title":"Filing"},{"step_title":"Issue"}],
       "process_rules":[{"rule_decision_number":"5038","rule_gazette_doc_number":81,"rule_description":"Code"}])",
    "Renewal of a residence permit");

}  // namespace

class tst_ProcedureMerge : public QObject {
    Q_OBJECT
private slots:
    void textsFromTheirLanguage();
    void valuesFromTheGreek();
    void listsPairedByNumIdOrPosition();
    void originalsKept();
    void catalogueMergePairsById();
    void sampleCatalogueIsBilingual();
};

void tst_ProcedureMerge::textsFromTheirLanguage() {
    const Procedure p =
        mergeLanguages(parseOne(kGreek, Language::El), parseOne(kEnglish, Language::En));
    QCOMPARE(qs(p.title.el), QString("Ανανέωση άδειας διαμονής"));
    QCOMPARE(qs(p.title.en), QString("Renewal of a residence permit"));
    QCOMPARE(qs(p.description.el), QString("Ελληνική περιγραφή"));
    QCOMPARE(qs(p.description.en), QString("English description"));
    QVERIFY(p.remarks.el.empty());
    QCOMPARE(qs(p.remarks.in(Language::El)), QString("Only in English"));  // falls back
    QCOMPARE(p.alternativeTitles.size(), std::size_t{1});
    QCOMPARE(qs(p.alternativeTitles[0].en), QString("Residence permit renewal"));
    QCOMPARE(p.provisionOrgGroups.size(), std::size_t{1});
    QCOMPARE(qs(p.provisionOrgGroups[0].title.en), QString("Video call"));
    QVERIFY(p.offeredRemotely());
}

void tst_ProcedureMerge::valuesFromTheGreek() {
    const Procedure p =
        mergeLanguages(parseOne(kGreek, Language::El), parseOne(kEnglish, Language::En));
    QCOMPARE(p.costMin, std::optional<double>(16));
    QCOMPARE(qs(p.deadline.text), QString("P1M"));
}

void tst_ProcedureMerge::listsPairedByNumIdOrPosition() {
    const Procedure p =
        mergeLanguages(parseOne(kGreek, Language::El), parseOne(kEnglish, Language::En));
    QCOMPARE(p.evidences.size(), std::size_t{3});
    QCOMPARE(qs(p.evidences[0].numId), QString("2"));  // Greek order kept
    QCOMPARE(qs(p.evidences[0].description.el), QString("Διαβατήριο"));
    QCOMPARE(qs(p.evidences[0].description.en), QString("Passport"));
    QCOMPARE(qs(p.evidences[1].description.en), QString("Photographs"));
    QCOMPARE(qs(p.evidences[2].numId), QString("3"));  // English-only item appended
    QCOMPARE(qs(p.evidences[2].description.in(Language::El)), QString("Only in English"));
    QCOMPARE(p.steps.size(), std::size_t{2});
    QCOMPARE(qs(p.steps[1].title.el), QString("Έκδοση"));
    QCOMPARE(qs(p.steps[1].title.en), QString("Issue"));
    QCOMPARE(p.rules.size(), std::size_t{1});
    QCOMPARE(qs(p.rules[0].description.en), QString("Code"));
}

void tst_ProcedureMerge::originalsKept() {
    const Procedure el = parseOne(kGreek, Language::El);
    const Procedure en = parseOne(kEnglish, Language::En);
    const Procedure p = mergeLanguages(el, en);
    QCOMPARE(p.documents.el, el.documents.el);
    QCOMPARE(p.documents.en, en.documents.en);
}

void tst_ProcedureMerge::catalogueMergePairsById() {
    std::vector<Procedure> greek;
    greek.push_back(parseOne(document("1", "Ένα"), Language::El));
    greek.push_back(parseOne(document("2", "Δύο"), Language::El));
    std::vector<Procedure> english;
    english.push_back(parseOne(document("3", "Τρία", "", "", "Three"), Language::En));
    english.push_back(
        parseOne(document("1", "Ένα", R"("description":"One")", "", "One"), Language::En));
    const std::vector<Procedure> merged = mergeCatalogue(std::move(greek), std::move(english));
    QCOMPARE(merged.size(), std::size_t{3});
    QCOMPARE(qs(merged[0].id), QString("1"));
    QCOMPARE(qs(merged[0].description.en), QString("One"));
    QVERIFY(!merged[0].documents.el.is_null() && !merged[0].documents.en.is_null());
    QCOMPARE(qs(merged[1].id), QString("2"));
    QVERIFY(merged[1].documents.en.is_null());
    QCOMPARE(qs(merged[2].id), QString("3"));
    QVERIFY(merged[2].documents.el.is_null());
}

void tst_ProcedureMerge::sampleCatalogueIsBilingual() {
    const std::vector<Procedure> catalogue = sampleCatalogue();
    QVERIFY(catalogue.size() >= 40);
    for (const Procedure& p : catalogue) {
        QVERIFY2(!p.title.el.empty() && !p.title.en.empty(), p.id.c_str());
        QVERIFY2(!p.description.el.empty() && !p.description.en.empty(), p.id.c_str());
        QVERIFY2(!p.documents.el.is_null() && !p.documents.en.is_null(), p.id.c_str());
        for (const Evidence& e : p.evidences) {
            QVERIFY2(!e.description.el.empty() && !e.description.en.empty(), p.id.c_str());
        }
    }
}

QTEST_APPLESS_MAIN(tst_ProcedureMerge)
#include "tst_procedure_merge.moc"
