// The registry gateway's HTTP contract without a network: the request's JSON, how each answer
// is read (document, refusal, or a failure to retry), and the target taken from the URL.
#include "registry/RegistryWire.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <stdexcept>

using kep::server::registry::DocumentRequest;
using kep::server::registry::readAnswer;
using kep::server::registry::RegistryDocument;
using kep::server::registry::RegistryRefusal;
using kep::server::registry::RegistryUnavailable;

Q_DECLARE_METATYPE(std::string)

namespace {

const std::string kPdf = "%PDF-1.7\n% a certificate\n%%EOF\n";

QString kindOf(const kep::server::registry::RegistryAnswer& answer) {
    if (std::holds_alternative<RegistryDocument>(answer)) {
        return "document";
    }
    return std::holds_alternative<RegistryRefusal>(answer) ? "refused" : "unavailable";
}

}  // namespace

class tst_RegistryWire : public QObject {
    Q_OBJECT

private slots:
    void requestBodyCarriesIdentifiersOnly() {
        const DocumentRequest request{"0190b0c0-0000-7000-8000-000000000001",
                                      "case-1",
                                      "0101/2026/17",
                                      "2",
                                      "5",
                                      "10102",
                                      "090000045",
                                      ""};
        const auto json = QJsonDocument::fromJson(QByteArray::fromStdString(
                                                      kep::server::registry::requestBody(request)))
                              .object();
        QCOMPARE(json["request_id"].toString(), QString("0190b0c0-0000-7000-8000-000000000001"));
        QCOMPARE(json["case_id"].toString(), QString("case-1"));
        QCOMPARE(json["protocol_number"].toString(), QString("0101/2026/17"));
        QCOMPARE(json["issuer_id"].toString(), QString("10102"));
        QCOMPARE(json["evidence"].toObject()["id"].toString(), QString("2"));
        QCOMPARE(json["evidence"].toObject()["type"].toString(), QString("5"));
        const QJsonObject citizen = json["citizen"].toObject();
        QCOMPARE(citizen["afm"].toString(), QString("090000045"));
        // An identifier the case lacks is left out, not sent empty.
        QVERIFY(!citizen.contains("amka"));
        QCOMPARE(citizen.size(), 1);
        QCOMPARE(json.size(), 6);
    }

    void answers_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<std::string>("body");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("code");
        const std::string refusal = R"({"refusal":{"code":"no_record","reason":"no such birth"}})";
        QTest::newRow("pdf") << 200 << "application/pdf" << kPdf << "document"
                             << "";
        QTest::newRow("pdf, parameters")
            << 200 << "Application/PDF; name=x.pdf" << kPdf << "document"
            << "";
        QTest::newRow("200 json") << 200 << "application/json" << std::string{"{}"} << "unavailable"
                                  << "";
        QTest::newRow("200 says pdf, is not")
            << 200 << "application/pdf" << std::string{"<html>"} << "unavailable"
            << "";
        QTest::newRow("refusal") << 422 << "application/json" << refusal << "refused"
                                 << "no_record";
        QTest::newRow("refusal without reason")
            << 422 << "application/json" << std::string{R"({"refusal":{"code":"deceased"}})"}
            << "refused"
            << "deceased";
        QTest::newRow("refusal, bad code")
            << 422 << "application/json"
            << std::string{R"({"refusal":{"code":"No Record","reason":"x"}})"} << "unavailable"
            << "";
        QTest::newRow("422 not json") << 422 << "text/plain" << std::string{"nope"} << "unavailable"
                                      << "";
        QTest::newRow("503") << 503 << "text/plain" << std::string{"busy"} << "unavailable"
                             << "";
        QTest::newRow("429") << 429 << "" << std::string{} << "unavailable"
                             << "";
        QTest::newRow("404") << 404 << "" << std::string{} << "unavailable"
                             << "";
    }
    void answers() {
        QFETCH(int, status);
        QFETCH(QString, contentType);
        QFETCH(std::string, body);
        QFETCH(QString, kind);
        QFETCH(QString, code);
        const auto answer = readAnswer(status, contentType.toStdString(), body);
        QCOMPARE(kindOf(answer), kind);
        if (const auto* document = std::get_if<RegistryDocument>(&answer)) {
            QCOMPARE(document->pdf, body);
        }
        if (const auto* refusal = std::get_if<RegistryRefusal>(&answer)) {
            QCOMPARE(QString::fromStdString(refusal->code), code);
        }
        if (const auto* failure = std::get_if<RegistryUnavailable>(&answer)) {
            // The detail goes to the audit and the log: the status, never the body.
            QVERIFY(failure->detail.find(std::to_string(status)) != std::string::npos);
            QVERIFY(body.size() < 4 || failure->detail.find(body) == std::string::npos);
        }
    }

    // The reason is for the clerk: clipped by characters, never inside one.
    void longRefusalReasonIsClipped() {
        std::string reason;
        for (int i = 0; i < 600; ++i) {
            reason += "Α";  // two bytes in UTF-8
        }
        const auto answer =
            readAnswer(422, "application/json",
                       "{\"refusal\":{\"code\":\"no_record\",\"reason\":\"" + reason + "\"}}");
        const auto* refusal = std::get_if<RegistryRefusal>(&answer);
        QVERIFY(refusal);
        QCOMPARE(refusal->reason,
                 reason.substr(0, 2 * kep::server::registry::kMaxRefusalReasonChars));
    }

    void targets_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("target");
        QTest::newRow("path") << "https://gw.example/registry/v1/documents"
                              << "/registry/v1/documents";
        QTest::newRow("port and query") << "https://127.0.0.1:8443/docs?tenant=kep"
                                        << "/docs?tenant=kep";
        QTest::newRow("no path") << "https://gw.example:9443"
                                 << "/";
        QTest::newRow("query only") << "https://gw.example?x=1"
                                    << "/?x=1";
        QTest::newRow("fragment dropped") << "https://[::1]:9443/d#part"
                                          << "/d";
    }
    void targets() {
        QFETCH(QString, url);
        QFETCH(QString, target);
        QCOMPARE(QString::fromStdString(kep::server::registry::targetOfUrl(url.toStdString())),
                 target);
    }

    void plainHttpIsRefused() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 kep::server::registry::targetOfUrl("http://gw.example/docs"));
    }
};

QTEST_GUILESS_MAIN(tst_RegistryWire)
#include "tst_registry_wire.moc"
