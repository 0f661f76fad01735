// Which documents of a filed case the KEP asks registries for: the procedure's documents
// retrieved ex officio (submission type 5), less those the citizen brought or that do not apply.
#include "registry/ExOfficioDocuments.h"

#include <QTest>

using kep::catalogue::Evidence;
using kep::catalogue::Procedure;
using kep::catalogue::RegistryRef;
using kep::server::registry::documentsToRequest;
using kep::server::registry::exOfficioDocuments;

namespace {

Evidence evidence(std::string id, std::vector<std::string> submissionTypes, std::string owner,
                  std::string group = {}) {
    Evidence e;
    e.numId = std::move(id);
    e.type = {"5", {}};
    for (auto& type : submissionTypes) {
        e.submissionTypes.push_back(RegistryRef{std::move(type), {}});
    }
    e.owner = {std::move(owner), {}};
    e.alternativeGroup = std::move(group);
    return e;
}

// 1: brought by the citizen; 2: ex officio, issuer named; 3: ex officio or a copy, no issuer;
// 4 and 5: alternatives, 4 ex officio.
Procedure sampleProcedure() {
    Procedure p;
    p.id = "900999";
    p.orgOwner = {"10104", {}};
    p.evidences = {evidence("1", {"1"}, "10111"), evidence("2", {"5"}, "10102"),
                   evidence("3", {"5", "3"}, ""), evidence("4", {"5"}, "10105", "7"),
                   evidence("5", {"3"}, "", "7")};
    return p;
}

QStringList idsOf(const std::vector<kep::server::registry::ExOfficioDocument>& documents) {
    QStringList ids;
    for (const auto& d : documents) {
        ids << QString::fromStdString(d.evidenceId);
    }
    return ids;
}

}  // namespace

class tst_ExOfficioDocuments : public QObject {
    Q_OBJECT

private slots:
    void documentsRetrievedExOfficio() {
        const auto documents = exOfficioDocuments(sampleProcedure());
        QCOMPARE(idsOf(documents), QStringList({"2", "3", "4"}));
        QCOMPARE(documents[0].issuerId, std::string("10102"));
        QCOMPARE(documents[0].evidenceTypeId, std::string("5"));
        // No issuer in the register: the procedure's owning organisation is asked.
        QCOMPARE(documents[1].issuerId, std::string("10104"));
        QCOMPARE(documents[2].alternatives, std::vector<std::string>({"5"}));
        QVERIFY(documents[0].alternatives.empty());
    }

    void toRequest_data() {
        QTest::addColumn<QString>("evidence");
        QTest::addColumn<QStringList>("requested");
        QTest::newRow("nothing marked") << "{}" << QStringList({"2", "3", "4"});
        QTest::newRow("marked for the KEP")
            << R"({"2":"to_be_obtained_by_kep","3":"missing"})" << QStringList({"2", "3", "4"});
        QTest::newRow("one brought") << R"({"3":"provided"})" << QStringList({"2", "4"});
        QTest::newRow("one not applicable")
            << R"({"2":"not_applicable"})" << QStringList({"3", "4"});
        QTest::newRow("its alternative brought")
            << R"({"5":"provided"})" << QStringList({"2", "3"});
        QTest::newRow("unknown state read as missing")
            << R"({"2":"lost"})" << QStringList({"2", "3", "4"});
        QTest::newRow("not an object") << "[1,2]" << QStringList({"2", "3", "4"});
        QTest::newRow("empty field") << "" << QStringList({"2", "3", "4"});
    }
    void toRequest() {
        QFETCH(QString, evidence);
        QFETCH(QStringList, requested);
        QCOMPARE(idsOf(documentsToRequest(exOfficioDocuments(sampleProcedure()),
                                          evidence.toStdString())),
                 requested);
    }

    void noneWithoutExOfficioDocuments() {
        Procedure p = sampleProcedure();
        p.evidences = {evidence("1", {"1", "3"}, "10111")};
        QVERIFY(exOfficioDocuments(p).empty());
    }
};

QTEST_GUILESS_MAIN(tst_ExOfficioDocuments)
#include "tst_ex_officio_documents.moc"
