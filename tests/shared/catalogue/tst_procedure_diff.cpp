// The difference between two versions of a procedure, per section: what the central
// administrator reviews before publishing and what the desk's "what changed" view shows.
#include <QTest>

#include <algorithm>

#include "CatalogueTestData.h"
#include "shared/catalogue/ProcedureDiff.h"

using namespace kep::catalogue;
using namespace kep::catalogue::testdata;

namespace {

Procedure baseVersion() {
    Procedure p;
    p.id = "900400";
    p.title = {"Άδεια διαμονής", "Residence permit"};
    p.deadline = {"P2M", std::nullopt};
    p.costMin = 16;
    Fee fee;
    fee.type.id = "1";
    fee.description = {"Παράβολο", "Fee"};
    fee.min = 16;
    fee.max = 16;
    p.fees.push_back(fee);
    for (int i = 1; i <= 3; ++i) {
        Evidence e;
        e.numId = std::to_string(i);
        e.description = {"Έγγραφο " + e.numId, "Document " + e.numId};
        p.evidences.push_back(e);
    }
    Condition c;
    c.numId = "1";
    c.name = {"Νόμιμη είσοδος", "Lawful entry"};
    p.conditions.push_back(c);
    LegalRule rule;
    rule.decisionNumber = "5038";
    rule.decisionYear = "2023";
    rule.article = "12";
    rule.gazetteDocNumber = "81";
    rule.gazetteIssue = "Α";
    p.rules.push_back(rule);
    p.steps.push_back(Step{{"Κατάθεση", "Filing"}, {}, {}, {}});
    return p;
}

}  // namespace

class tst_ProcedureDiff : public QObject {
    Q_OBJECT
private slots:
    void sameVersionHasNoDiff();
    void sections_data();
    void sections();
    void documentsAddedRemovedChanged();
    void feeChangeIsOneChangedItem();
    void legalBasisPairedByReference();
    void summaryText();
    void summaryCutsLongValues();
};

void tst_ProcedureDiff::sameVersionHasNoDiff() {
    const ProcedureDiff diff = diffProcedures(baseVersion(), baseVersion());
    QVERIFY(diff.empty());
    QCOMPARE(qs(diffSummary(diff, Language::El)), QString());
}

void tst_ProcedureDiff::sections_data() {
    QTest::addColumn<int>("change");
    QTest::addColumn<int>("section");
    QTest::addColumn<QString>("field");
    const auto row = [](const char* name, int change, DiffSection section, const char* field) {
        QTest::newRow(name) << change << static_cast<int>(section) << QString(field);
    };
    row("title", 0, DiffSection::Titles, "title.en");
    row("alternative title", 1, DiffSection::Titles, "alternative_titles.el");
    row("deadline", 2, DiffSection::Deadlines, "deadline_duration");
    row("cost", 3, DiffSection::Fees, "cost_min");
    row("condition text", 4, DiffSection::Conditions, "conditions_name.el");
    row("step title", 5, DiffSection::Steps, "step_title.el");
    row("description", 6, DiffSection::Description, "description.el");
    row("remote service", 7, DiffSection::Provision, "remote_service");
    row("evidence note", 8, DiffSection::Documents, "evidence_note.el");
}

void tst_ProcedureDiff::sections() {
    QFETCH(int, change);
    QFETCH(int, section);
    QFETCH(QString, field);
    Procedure after = baseVersion();
    switch (change) {
        case 0:
            after.title.en = "Residence permit (renewed)";
            break;
        case 1:
            after.alternativeTitles.push_back({"Άδεια παραμονής", ""});
            break;
        case 2:
            after.deadline = {"P3M", std::nullopt};
            break;
        case 3:
            after.costMin = 20;
            break;
        case 4:
            after.conditions[0].name.el = "Νόμιμη είσοδος με θεώρηση";
            break;
        case 5:
            after.steps[0].title.el = "Υποβολή";
            break;
        case 6:
            after.description.el = "Νέα περιγραφή";
            break;
        case 7:
            after.provisionOrgGroups.push_back({"8256", {}});
            break;
        case 8:
            after.evidences[1].note.el = "Μόνο για ανήλικους";
            break;
    }
    const ProcedureDiff diff = diffProcedures(baseVersion(), after);
    QCOMPARE(diff.sections.size(), std::size_t{1});
    QCOMPARE(static_cast<int>(diff.sections[0].section), section);
    QCOMPARE(diff.sections[0].changes.size(), std::size_t{1});
    const ItemChange& item = diff.sections[0].changes[0];
    QCOMPARE(item.kind, ChangeKind::Changed);
    QVERIFY(std::any_of(item.fields.begin(), item.fields.end(),
                        [&](const FieldChange& f) { return qs(f.field) == field; }));
}

void tst_ProcedureDiff::documentsAddedRemovedChanged() {
    Procedure after = baseVersion();
    after.evidences.erase(after.evidences.begin());  // num id 1 removed
    after.evidences[0].description.el = "Έγγραφο 2, επικυρωμένο";
    Evidence added;
    added.numId = "4";
    added.description = {"Φωτογραφίες", "Photographs"};
    after.evidences.push_back(added);
    const ProcedureDiff diff = diffProcedures(baseVersion(), after);
    const SectionDiff* documents = diff.find(DiffSection::Documents);
    QVERIFY(documents != nullptr);
    QCOMPARE(diff.sections.size(), std::size_t{1});
    QCOMPARE(documents->changes.size(), std::size_t{3});
    QCOMPARE(documents->changes[0].kind, ChangeKind::Removed);
    QCOMPARE(qs(documents->changes[0].key), QString("n1"));
    QCOMPARE(qs(documents->changes[0].label.el), QString("Έγγραφο 1"));
    QCOMPARE(documents->changes[1].kind, ChangeKind::Changed);
    QCOMPARE(qs(documents->changes[1].key), QString("n2"));
    QCOMPARE(documents->changes[1].fields.size(), std::size_t{1});
    QCOMPARE(qs(documents->changes[1].fields[0].before), QString("Έγγραφο 2"));
    QCOMPARE(qs(documents->changes[1].fields[0].after), QString("Έγγραφο 2, επικυρωμένο"));
    QCOMPARE(documents->changes[2].kind, ChangeKind::Added);
    QCOMPARE(qs(documents->changes[2].label.en), QString("Photographs"));
    QVERIFY(!documents->changes[2].fields.empty());
}

void tst_ProcedureDiff::feeChangeIsOneChangedItem() {
    Procedure after = baseVersion();
    after.fees[0].min = 20;
    after.fees[0].max = 20;
    const ProcedureDiff diff = diffProcedures(baseVersion(), after);
    const SectionDiff* fees = diff.find(DiffSection::Fees);
    QVERIFY(fees != nullptr);
    QCOMPARE(fees->changes.size(), std::size_t{1});
    QCOMPARE(fees->changes[0].kind, ChangeKind::Changed);
    QCOMPARE(fees->changes[0].fields.size(), std::size_t{2});
    QCOMPARE(qs(fees->changes[0].fields[0].field), QString("evidence_cost_min"));
    QCOMPARE(qs(fees->changes[0].fields[0].before), QString("16"));
    QCOMPARE(qs(fees->changes[0].fields[0].after), QString("20"));
}

void tst_ProcedureDiff::legalBasisPairedByReference() {
    Procedure after = baseVersion();
    LegalRule earlier;
    earlier.decisionNumber = "4251";
    earlier.decisionYear = "2014";
    after.rules.insert(after.rules.begin(), earlier);  // inserted first: not "all changed"
    after.rules[1].ada = "ΨΛΘ4-ΑΒΓ";
    const ProcedureDiff diff = diffProcedures(baseVersion(), after);
    const SectionDiff* legal = diff.find(DiffSection::LegalBasis);
    QVERIFY(legal != nullptr);
    QCOMPARE(legal->changes.size(), std::size_t{2});
    QCOMPARE(legal->changes[0].kind, ChangeKind::Changed);
    QCOMPARE(qs(legal->changes[0].label.el), QString("5038/2023 άρθρο 12, ΦΕΚ Α 81"));
    QCOMPARE(qs(legal->changes[0].fields.at(0).field), QString("rule_ada"));
    QCOMPARE(legal->changes[1].kind, ChangeKind::Added);
    QCOMPARE(qs(legal->changes[1].label.en), QString("4251/2014"));
}

void tst_ProcedureDiff::summaryText() {
    Procedure after = baseVersion();
    after.fees[0].min = 20;
    after.evidences.pop_back();
    const ProcedureDiff diff = diffProcedures(baseVersion(), after);
    QCOMPARE(qs(diffSummary(diff, Language::El)),
             QString("Κόστος\n  ~ Παράβολο: evidence_cost_min 16 → 20\n"
                     "Δικαιολογητικά\n  - Έγγραφο 3\n"));
    QCOMPARE(qs(diffSummary(diff, Language::En)),
             QString("Fees\n  ~ Fee: evidence_cost_min 16 → 20\nDocuments\n  - Document 3\n"));
}

void tst_ProcedureDiff::summaryCutsLongValues() {
    Procedure after = baseVersion();
    std::string longText;
    for (int i = 0; i < 100; ++i) {
        longText += "δ";
    }
    after.description.el = longText;
    const QString summary = qs(diffSummary(diffProcedures(baseVersion(), after), Language::El));
    QVERIFY(summary.contains("description.el ∅ → " + QString(80, QChar(0x03B4)) + "…\n"));
}

QTEST_APPLESS_MAIN(tst_ProcedureDiff)
#include "tst_procedure_diff.moc"
