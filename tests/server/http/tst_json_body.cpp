// JSON request bodies: content type (415), malformed JSON with its position (400), fields of
// the wrong type named (400).
#include "http/HttpError.h"
#include "http/JsonBody.h"

#include <boost/json.hpp>

#include <QTest>

using kep::http::HttpError;
using kep::http::Request;

namespace {

Request jsonRequest(std::string body, std::string contentType = "application/json") {
    Request request;
    request.headers.emplace_back("content-type", std::move(contentType));
    request.body = std::move(body);
    return request;
}

}  // namespace

class tst_JsonBody : public QObject {
    Q_OBJECT

private slots:
    void parse_data() {
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<QString>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("object") << "application/json"
                                << R"({"a":1})" << 0 << ""
                                << "";
        QTest::newRow("charset parameter") << "application/json; charset=utf-8"
                                           << "{}" << 0 << ""
                                           << "";
        QTest::newRow("upper case type") << "Application/JSON"
                                         << "{}" << 0 << ""
                                         << "";
        QTest::newRow("text/plain") << "text/plain"
                                    << "{}" << 415 << "unsupported_media_type"
                                    << "application/json";
        QTest::newRow("json suffix is not json") << "application/jsonx"
                                                 << "{}" << 415 << "unsupported_media_type"
                                                 << "";
        QTest::newRow("truncated") << "application/json"
                                   << R"({"a":)" << 400 << "malformed_json"
                                   << "byte 5";
        QTest::newRow("garbage after") << "application/json"
                                       << R"({} x)" << 400 << "malformed_json"
                                       << "byte 3";
        QTest::newRow("bad token") << "application/json"
                                   << R"({"a":tru})" << 400 << "malformed_json"
                                   << "byte";
        QTest::newRow("empty") << "application/json"
                               << "" << 400 << "malformed_json"
                               << "";
        QTest::newRow("array") << "application/json"
                               << "[]" << 400 << "invalid_body"
                               << "object";
    }
    void parse() {
        QFETCH(QString, contentType);
        QFETCH(QString, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, messagePart);
        const auto request = jsonRequest(body.toStdString(), contentType.toStdString());
        try {
            kep::http::parseJsonObject(request);
            QCOMPARE(status, 0);
        } catch (const HttpError& error) {
            QCOMPARE(error.status(), status);
            QCOMPARE(QString::fromStdString(error.code()), code);
            QVERIFY2(QString::fromUtf8(error.what()).contains(messagePart), error.what());
        }
    }

    void missingContentTypeIs415() {
        Request request;
        request.body = "{}";
        try {
            kep::http::parseJsonObject(request);
            QFAIL("accepted a body without a content type");
        } catch (const HttpError& error) {
            QCOMPARE(error.status(), 415);
        }
    }

    void fields_data() {
        QTest::addColumn<QString>("body");
        QTest::addColumn<bool>("valid");
        QTest::newRow("both right") << R"({"name":"x","count":3})" << true;
        QTest::newRow("count as text") << R"({"name":"x","count":"3"})" << false;
        QTest::newRow("count fractional") << R"({"name":"x","count":3.5})" << false;
        QTest::newRow("name missing") << R"({"count":3})" << false;
        QTest::newRow("name a number") << R"({"name":1,"count":3})" << false;
        QTest::newRow("huge unsigned") << R"({"name":"x","count":18446744073709551615})" << false;
    }
    void fields() {
        QFETCH(QString, body);
        QFETCH(bool, valid);
        const auto object = kep::http::parseJsonObject(jsonRequest(body.toStdString()));
        try {
            QCOMPARE(kep::http::requireString(object, "name"), std::string("x"));
            QCOMPARE(kep::http::requireInteger(object, "count"), std::int64_t(3));
            QVERIFY(valid);
        } catch (const HttpError& error) {
            QVERIFY(!valid);
            QCOMPARE(error.status(), 400);
            QCOMPARE(QString::fromStdString(error.code()), QStringLiteral("invalid_field"));
            const QString message = QString::fromUtf8(error.what());
            QVERIFY2(message.contains("'name'") || message.contains("'count'"), error.what());
        }
    }

    void optionalStringAcceptsMissingAndNull() {
        const auto object = kep::http::parseJsonObject(jsonRequest(R"({"a":null,"b":"x","c":1})"));
        QVERIFY(!kep::http::optionalString(object, "a"));
        QCOMPARE(kep::http::optionalString(object, "b").value(), std::string("x"));
        QVERIFY(!kep::http::optionalString(object, "missing"));
        QVERIFY_THROWS_EXCEPTION(HttpError, kep::http::optionalString(object, "c"));
    }
};

QTEST_GUILESS_MAIN(tst_JsonBody)
#include "tst_json_body.moc"
