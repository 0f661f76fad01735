// The canonical form and content hash: the same content written differently hashes the same
// (so a re-import of unchanged data is "unchanged"), and any change of content does not.
#include <QTest>

#include <boost/json/parse.hpp>

#include "CatalogueTestData.h"
#include "shared/catalogue/CanonicalForm.h"
#include "shared/catalogue/MitosParser.h"

using namespace kep::catalogue;
using namespace kep::catalogue::testdata;

namespace {

const char* const kBase =
    R"({"success":true,"data":{"id":"900300","title":{"el":"Έκδοση πιστοποιητικού","en":"Certificate"},
        "metadata":{"process":{"description":"Κείμενο","cost_min":10,"x_unknown":"α"},
        "process_evidences_cost":[{"evidence_cost_type":"1","evidence_cost_min":10,"evidence_cost_max":10}],
        "process_steps":[{"step_title":"Α"},{"step_title":"Β"}]}}})";

std::string hashOf(const std::string& json) {
    const MitosParseResult result = parseMitos(json, Language::El);
    if (result.procedures.size() != 1) {
        qFatal("fixture did not parse: %s", json.c_str());
    }
    return contentHash(result.procedures[0]);
}

}  // namespace

class tst_CanonicalHash : public QObject {
    Q_OBJECT
private slots:
    void sameContentSameHash_data();
    void sameContentSameHash();
    void changedContentNewHash_data();
    void changedContentNewHash();
    void canonicalText();
    void languagesAreBothHashed();
    void knownDigest();
};

void tst_CanonicalHash::sameContentSameHash_data() {
    QTest::addColumn<QByteArray>("variant");
    QTest::newRow("pretty-printed") << QByteArray(
        R"({
  "success": true,
  "data": {
    "id": "900300",
    "title": { "el": "Έκδοση πιστοποιητικού", "en": "Certificate" },
    "metadata": {
      "process": { "description": "Κείμενο", "cost_min": 10, "x_unknown": "α" },
      "process_evidences_cost": [ { "evidence_cost_type": "1", "evidence_cost_min": 10, "evidence_cost_max": 10 } ],
      "process_steps": [ { "step_title": "Α" }, { "step_title": "Β" } ]
    }
  }
})");
    QTest::newRow("keys reordered") << QByteArray(
        R"({"data":{"metadata":{"process_steps":[{"step_title":"Α"},{"step_title":"Β"}],
        "process_evidences_cost":[{"evidence_cost_max":10,"evidence_cost_min":10,"evidence_cost_type":"1"}],
        "process":{"x_unknown":"α","cost_min":10,"description":"Κείμενο"}},
        "title":{"en":"Certificate","el":"Έκδοση πιστοποιητικού"},"id":"900300"},"success":true})");
    QTest::newRow("nulls and empties added") << QByteArray(
        R"({"success":true,"data":{"id":"900300","title":{"el":"Έκδοση πιστοποιητικού","en":"Certificate"},
        "url":null,"last_updated":"","metadata":{"process":{"description":"Κείμενο","cost_min":10,"x_unknown":"α",
        "remarks":null,"govgr_codes":[],"glance":{"a":null}},
        "process_evidences_cost":[{"evidence_cost_type":"1","evidence_cost_min":10,"evidence_cost_max":10,"evidence_cost_description":""}],
        "process_steps":[{"step_title":"Α"},{"step_title":"Β"}],"process_rules":[]}}})");
    QTest::newRow("1.0 for 1, spaces, CRLF") << QByteArray(
        R"({"success":true,"data":{"id":"900300","title":{"el":" Έκδοση πιστοποιητικού ","en":"Certificate\r\n"},
        "metadata":{"process":{"description":"Κείμενο","cost_min":10.0,"x_unknown":"α"},
        "process_evidences_cost":[{"evidence_cost_type":"1","evidence_cost_min":1e1,"evidence_cost_max":10}],
        "process_steps":[{"step_title":"Α"},{"step_title":"Β"}]}}})");
    QTest::newRow("bare data object") << QByteArray(
        R"({"id":"900300","title":{"el":"Έκδοση πιστοποιητικού","en":"Certificate"},
        "metadata":{"process":{"description":"Κείμενο","cost_min":10,"x_unknown":"α"},
        "process_evidences_cost":[{"evidence_cost_type":"1","evidence_cost_min":10,"evidence_cost_max":10}],
        "process_steps":[{"step_title":"Α"},{"step_title":"Β"}]}})");
}

void tst_CanonicalHash::sameContentSameHash() {
    QFETCH(QByteArray, variant);
    QCOMPARE(qs(hashOf(variant.toStdString())), qs(hashOf(kBase)));
}

void tst_CanonicalHash::changedContentNewHash_data() {
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::newRow("fee amount") << QByteArray(R"("evidence_cost_min":10)")
                                << QByteArray(R"("evidence_cost_min":12)");
    QTest::newRow("step order") << QByteArray(R"([{"step_title":"Α"},{"step_title":"Β"}])")
                                << QByteArray(R"([{"step_title":"Β"},{"step_title":"Α"}])");
    QTest::newRow("text") << QByteArray(R"("Κείμενο")") << QByteArray(R"("Κείμενο.")");
    QTest::newRow("unknown field")
        << QByteArray(R"("x_unknown":"α")") << QByteArray(R"("x_unknown":"β")");
    QTest::newRow("number vs text")
        << QByteArray(R"("evidence_cost_type":"1")") << QByteArray(R"("evidence_cost_type":1)");
}

void tst_CanonicalHash::changedContentNewHash() {
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    std::string changed = kBase;
    const auto at = changed.find(from.toStdString());
    QVERIFY(at != std::string::npos);
    changed.replace(at, static_cast<std::size_t>(from.size()), to.toStdString());
    QVERIFY(hashOf(changed) != hashOf(kBase));
}

void tst_CanonicalHash::canonicalText() {
    QCOMPARE(qs(canonicalJson(boost::json::parse(
                 R"({"b":[3,null,{"z":"","y":" t "}],"a":{"c":null},"d":2.0,"e":2.5,"f":false})"))),
             QString(R"({"b":[3,null,{"y":"t"}],"d":2,"e":2.5E0,"f":false})"));
}

void tst_CanonicalHash::languagesAreBothHashed() {
    const MitosParseResult el = parseMitos(kBase, Language::El);
    const MitosParseResult en = parseMitos(kBase, Language::En);
    Procedure both = el.procedures.at(0);
    both.documents.en = en.procedures.at(0).documents.en;
    QVERIFY(contentHash(both) != contentHash(el.procedures[0]));
    QVERIFY(contentHash(en.procedures[0]) != contentHash(el.procedures[0]));
    QVERIFY(qs(canonicalJson(both)).startsWith(R"({"el":{"id":"900300")"));
}

void tst_CanonicalHash::knownDigest() {
    QCOMPARE(qs(sha256Hex("abc")),
             QString("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QCOMPARE(qs(contentHash(parseMitos(kBase, Language::El).procedures.at(0))).size(), 64);
}

QTEST_APPLESS_MAIN(tst_CanonicalHash)
#include "tst_canonical_hash.moc"
