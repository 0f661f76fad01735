// The evidence checklist of a case: documents provided, missing or to be obtained by the KEP,
// alternatives that count as one need, conditional documents, and the missing-documents slip.
#include <QTest>

#include <stdexcept>

#include "shared/cases/EvidenceChecklist.h"

using namespace kep::cases;

namespace {

// A procedure with each kind of entry: a plain document (id1), two alternatives (id2 | id3),
// a conditional document (id4) and two conditional alternatives (id5 | id6).
std::vector<EvidenceRequirement> procedure() {
    return {
        {"id1", "", false}, {"id2", "g1", false}, {"id3", "g1", false},
        {"id4", "", true},  {"id5", "g2", true},  {"id6", "g2", true},
    };
}

QStringList slipLines(const EvidenceChecklist& checklist) {
    QStringList lines;
    for (const MissingEvidence& line : checklist.missing()) {
        QStringList ids;
        for (const std::string& id : line.ids) {
            ids << QString::fromStdString(id);
        }
        lines << ids.join('|');
    }
    return lines;
}

}  // namespace

class tst_EvidenceChecklist : public QObject {
    Q_OBJECT
private slots:
    void missingAndComplete_data();
    void missingAndComplete();
    void notApplicableOnlyForConditional();
    void unknownEvidence();
    void requirementsMustHaveUniqueIds();
    void toBeObtainedByKep();
    void stateCodesRoundTrip();
};

void tst_EvidenceChecklist::missingAndComplete_data() {
    QTest::addColumn<QStringList>("marks");
    QTest::addColumn<QStringList>("missing");
    QTest::newRow("nothing marked")
        << QStringList{} << QStringList{"id1", "id2|id3", "id4", "id5|id6"};
    QTest::newRow("all met") << QStringList{"id1=provided", "id2=provided", "id4=not_applicable",
                                            "id5=not_applicable", "id6=not_applicable"}
                             << QStringList{};
    QTest::newRow("met by KEP and the other alternative")
        << QStringList{"id1=to_be_obtained_by_kep", "id3=provided", "id4=provided",
                       "id6=to_be_obtained_by_kep"}
        << QStringList{};
    QTest::newRow("plain document missing")
        << QStringList{"id2=provided", "id4=not_applicable", "id5=provided"} << QStringList{"id1"};
    QTest::newRow("one alternative ruled out, the other missing")
        << QStringList{"id1=provided", "id2=provided", "id4=not_applicable", "id5=not_applicable"}
        << QStringList{"id6"};
    QTest::newRow("conditional left undecided")
        << QStringList{"id1=provided", "id3=provided", "id5=provided"} << QStringList{"id4"};
    QTest::newRow("marked back to missing")
        << QStringList{"id1=provided", "id1=missing", "id2=provided", "id4=provided",
                       "id5=provided"}
        << QStringList{"id1"};
}

void tst_EvidenceChecklist::missingAndComplete() {
    QFETCH(QStringList, marks);
    QFETCH(QStringList, missing);
    EvidenceChecklist checklist{procedure()};
    for (const QString& mark : marks) {
        const QStringList parts = mark.split('=');
        const auto state = evidenceStateFromString(parts[1].toStdString());
        QVERIFY(state.has_value());
        QVERIFY(checklist.mark(parts[0].toStdString(), *state) ==
                EvidenceChecklist::MarkResult::Done);
    }
    QCOMPARE(slipLines(checklist), missing);
    QCOMPARE(checklist.isComplete(), missing.isEmpty());
}

void tst_EvidenceChecklist::notApplicableOnlyForConditional() {
    EvidenceChecklist checklist{procedure()};
    QVERIFY(checklist.mark("id1", EvidenceState::NotApplicable) ==
            EvidenceChecklist::MarkResult::NotConditional);
    QVERIFY(checklist.mark("id2", EvidenceState::NotApplicable) ==
            EvidenceChecklist::MarkResult::NotConditional);
    QVERIFY(checklist.state("id1") == EvidenceState::Missing);
    QVERIFY(checklist.mark("id4", EvidenceState::NotApplicable) ==
            EvidenceChecklist::MarkResult::Done);
    QVERIFY(checklist.state("id4") == EvidenceState::NotApplicable);
}

void tst_EvidenceChecklist::unknownEvidence() {
    EvidenceChecklist checklist{procedure()};
    QVERIFY(checklist.mark("id9", EvidenceState::Provided) ==
            EvidenceChecklist::MarkResult::UnknownEvidence);
    QVERIFY(!checklist.state("id9").has_value());
    QCOMPARE(checklist.items().size(), std::size_t{6});
}

void tst_EvidenceChecklist::requirementsMustHaveUniqueIds() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             EvidenceChecklist({{"id1", "", false}, {"id1", "g", false}}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, EvidenceChecklist({{"", "", false}}));
    const EvidenceChecklist none{{}};
    QVERIFY(none.isComplete());  // a procedure that needs no documents
}

void tst_EvidenceChecklist::toBeObtainedByKep() {
    EvidenceChecklist checklist{procedure()};
    checklist.mark("id3", EvidenceState::ToBeObtainedByKep);
    checklist.mark("id1", EvidenceState::ToBeObtainedByKep);
    checklist.mark("id4", EvidenceState::Provided);
    QCOMPARE(checklist.toBeObtainedByKep(), (std::vector<std::string>{"id1", "id3"}));
}

void tst_EvidenceChecklist::stateCodesRoundTrip() {
    for (const EvidenceState s : {EvidenceState::Missing, EvidenceState::Provided,
                                  EvidenceState::ToBeObtainedByKep, EvidenceState::NotApplicable}) {
        QVERIFY(evidenceStateFromString(toString(s)) == s);
    }
    QCOMPARE(toString(EvidenceState::ToBeObtainedByKep), std::string_view{"to_be_obtained_by_kep"});
    QVERIFY(!evidenceStateFromString("Provided").has_value());
}

QTEST_APPLESS_MAIN(tst_EvidenceChecklist)
#include "tst_evidence_checklist.moc"
