// The real kep-server over TLS, driven through shared/net's client: the foundation's acceptance
// (health, TLS policy, limits, error shapes, fail-fast start, graceful SIGTERM) and the events
// WebSocket.
#include "RawTlsConnection.h"
#include "ServerProcess.h"
#include "net/HttpsClient.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using kep::test::RawTlsConnection;
using kep::test::ServerProcess;

namespace {

QJsonObject jsonOf(const kep::net::Response& response) {
    return QJsonDocument::fromJson(QByteArray::fromStdString(response.body)).object();
}

QString errorCodeOf(const kep::net::Response& response) {
    return jsonOf(response).value("error").toObject().value("code").toString();
}

}  // namespace

class tst_ServerHttp : public QObject {
    Q_OBJECT

private:
    kep::net::TlsOptions tls() const {
        kep::net::TlsOptions options;
        options.caFile = server_.caFile().toStdString();
        return options;
    }
    kep::net::Endpoint endpoint() const {
        return kep::net::Endpoint::fromUrl(server_.url().toStdString());
    }

    ServerProcess server_;

private slots:
    void initTestCase() {
        // RawTlsConnection writes with plain send(): a server that closes (as it must over a
        // cap) would otherwise kill the test with SIGPIPE.
        std::signal(SIGPIPE, SIG_IGN);
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        QVERIFY2(server_.start(), qPrintable(server_.errorString()));
    }

    void healthzAnswersJsonWithVersion() {
        kep::net::HttpsClient client(endpoint(), tls());
        const auto response = client.get("/healthz");
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("Content-Type").value_or(""), std::string("application/json"));
        const auto body = jsonOf(response);
        QCOMPARE(body.value("status").toString(), QStringLiteral("ok"));
        QCOMPARE(body.value("version").toString(), QStringLiteral(KEP_PROJECT_VERSION));
    }

    void readyzChecksTheDatabase() {
        kep::net::HttpsClient client(endpoint(), tls());
        const auto response = client.get("/readyz");
        QCOMPARE(response.status, 200);
        QCOMPARE(jsonOf(response).value("status").toString(), QStringLiteral("ready"));
    }

    void keepAliveServesManyRequestsOnOneConnection() {
        kep::net::HttpsClient client(endpoint(), tls());
        for (int i = 0; i < 20; ++i) {
            QCOMPARE(client.get("/healthz").status, 200);
        }
        QCOMPARE(client.connectionsOpened(), std::size_t(1));
    }

    // The client is allowed to offer each protocol (SECLEVEL=0: OpenSSL 3 would otherwise refuse
    // TLS 1.1 on the client side and the test would prove nothing); only the server decides.
    void protocolPolicy_data() {
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("TLS 1.1 refused") << "TLSv1.1" << false;
        QTest::newRow("TLS 1.2 accepted") << "TLSv1.2" << true;
        QTest::newRow("TLS 1.3 accepted") << "TLSv1.3" << true;
    }
    void protocolPolicy() {
        QFETCH(QString, protocol);
        QFETCH(bool, accepted);
        auto options = tls();
        options.minProtocol = options.maxProtocol = protocol.toStdString();
        options.cipherList = "DEFAULT@SECLEVEL=0";
        kep::net::HttpsClient client(endpoint(), options, std::chrono::seconds(5));
        if (accepted) {
            QCOMPARE(client.get("/healthz").status, 200);
            QCOMPARE(QString::fromStdString(client.negotiatedProtocol()), protocol);
        } else {
            QVERIFY_THROWS_EXCEPTION(kep::net::NetworkError, client.get("/healthz"));
        }
    }

    // The server's certificate is ECDSA, so the non-AEAD suites offered are ECDSA ones: an RSA
    // suite would fail for want of an RSA certificate whatever the server's cipher policy.
    void tls12CipherPolicy_data() {
        QTest::addColumn<QString>("cipher");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("CBC SHA1 refused") << "ECDHE-ECDSA-AES128-SHA" << false;
        QTest::newRow("CBC SHA256 refused") << "ECDHE-ECDSA-AES128-SHA256" << false;
        QTest::newRow("CBC SHA384 refused") << "ECDHE-ECDSA-AES256-SHA384" << false;
        QTest::newRow("AES-GCM accepted") << "ECDHE-ECDSA-AES128-GCM-SHA256" << true;
        QTest::newRow("ChaCha20 accepted") << "ECDHE-ECDSA-CHACHA20-POLY1305" << true;
    }
    void tls12CipherPolicy() {
        QFETCH(QString, cipher);
        QFETCH(bool, accepted);
        auto options = tls();
        options.maxProtocol = "TLSv1.2";
        options.cipherList = cipher.toStdString() + "@SECLEVEL=0";
        kep::net::HttpsClient client(endpoint(), options, std::chrono::seconds(5));
        if (accepted) {
            QCOMPARE(client.get("/healthz").status, 200);
        } else {
            QVERIFY_THROWS_EXCEPTION(kep::net::NetworkError, client.get("/healthz"));
        }
    }

    void errorsAreJson_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QString json = QStringLiteral("application/json");
        const QString dueDate = QStringLiteral("/api/v1/calendar/due-date");
        QTest::newRow("unknown route")
            << "GET"
            << "/no/such/thing" << QByteArray() << json << 404 << "not_found";
        QTest::newRow("wrong method")
            << "DELETE"
            << "/healthz" << QByteArray() << json << 405 << "method_not_allowed";
        QTest::newRow("malformed JSON")
            << "POST" << dueDate << QByteArray(R"({"from": "2025-04-17",)") << json << 400
            << "malformed_json";
        QTest::newRow("not an object")
            << "POST" << dueDate << QByteArray("[1,2]") << json << 400 << "invalid_body";
        QTest::newRow("field of the wrong type")
            << "POST" << dueDate << QByteArray(R"({"from":"2025-04-17","workingDays":"ten"})")
            << json << 400 << "invalid_field";
        QTest::newRow("days out of range")
            << "POST" << dueDate << QByteArray(R"({"from":"2025-04-17","workingDays":3651})")
            << json << 400 << "invalid_field";
        QTest::newRow("not a date")
            << "POST" << dueDate << QByteArray(R"({"from":"2025-02-30","workingDays":1})") << json
            << 400 << "invalid_field";
        QTest::newRow("wrong content type")
            << "POST" << dueDate << QByteArray(R"({"from":"2025-04-17","workingDays":1})")
            << "text/plain" << 415 << "unsupported_media_type";
        QTest::newRow("2 MiB body") << "POST" << dueDate << QByteArray(2 * 1024 * 1024, ' ') << json
                                    << 413 << "payload_too_large";
        // The gate runs before the WebSocket's 426 (tst_router): no certificate, no further.
        QTest::newRow("plain GET on the WebSocket, no certificate")
            << "GET"
            << "/api/v1/events" << QByteArray() << json << 401 << "workstation_required";
    }
    void errorsAreJson() {
        QFETCH(QString, method);
        QFETCH(QString, target);
        QFETCH(QByteArray, body);
        QFETCH(QString, contentType);
        QFETCH(int, status);
        QFETCH(QString, code);
        kep::net::HttpsClient client(endpoint(), tls());
        const auto response = client.request(method.toStdString(), target.toStdString(),
                                             body.toStdString(), contentType.toStdString());
        QCOMPARE(response.status, status);
        QCOMPARE(response.header("Content-Type").value_or(""), std::string("application/json"));
        QCOMPARE(errorCodeOf(response), code);
        QVERIFY(!jsonOf(response).value("error").toObject().value("message").toString().isEmpty());
    }

    void wrongMethodNamesTheAllowedOnes() {
        kep::net::HttpsClient client(endpoint(), tls());
        const auto response = client.request("PUT", "/api/v1/calendar/due-date", "{}");
        QCOMPARE(response.status, 405);
        QCOMPARE(response.header("Allow").value_or(""), std::string("POST"));
    }

    void malformedJsonNamesThePosition() {
        kep::net::HttpsClient client(endpoint(), tls());
        const auto response = client.post("/api/v1/calendar/due-date", R"({"from" 1})");
        QCOMPARE(response.status, 400);
        const auto message = jsonOf(response).value("error").toObject().value("message").toString();
        QVERIFY2(message.contains("byte 8"), qPrintable(message));
    }

    void headerOverTheLimitGets431() {
        kep::net::HttpsClient client(endpoint(), tls());
        const auto response = client.request("GET", "/healthz", {}, "application/json",
                                             {{"X-Padding", std::string(9 * 1024, 'a')}});
        QCOMPARE(response.status, 431);
        QCOMPARE(response.header("Content-Type").value_or(""), std::string("application/json"));
        QCOMPARE(errorCodeOf(response), QStringLiteral("header_too_large"));
        QVERIFY(!jsonOf(response).value("error").toObject().value("message").toString().isEmpty());
    }

    void expectContinueIsAnswered() {
        RawTlsConnection connection(server_.caFile(), server_.port());
        QVERIFY(connection.open());
        const QByteArray body = R"({"from":"2025-04-17","workingDays":1})";
        QVERIFY(
            connection.write("POST /api/v1/calendar/due-date HTTP/1.1\r\nHost: localhost\r\n"
                             "Content-Type: application/json\r\nExpect: 100-continue\r\n"
                             "Connection: close\r\nContent-Length: " +
                             QByteArray::number(body.size()) + "\r\n\r\n"));
        const auto interim = connection.readAll(1000);
        QVERIFY2(interim.startsWith("HTTP/1.1 100 Continue"), interim.constData());
        QVERIFY(connection.write(body));
        const auto answer = connection.readAll(3000);
        QVERIFY2(answer.startsWith("HTTP/1.1 200 OK"), answer.constData());
        QVERIFY(answer.contains(R"({"due":"2025-04-22"})"));
    }

    void dueDateSkipsEasterHolidays() {
        kep::net::HttpsClient client(endpoint(), tls());
        // Thursday 17 April 2025 + 1 working day: Good Friday and Easter Monday are off.
        const auto response =
            client.post("/api/v1/calendar/due-date", R"({"from":"2025-04-17","workingDays":1})");
        QCOMPARE(response.status, 200);
        QCOMPARE(jsonOf(response).value("due").toString(), QStringLiteral("2025-04-22"));
    }

    // The events WebSocket is for enrolled workstations (tst_event_stream covers them): without
    // a certificate the upgrade is refused before it is accepted, so no socket opens.
    void webSocketWithoutCertificateIsRefused() {
        kep::net::WebSocketClient socket(endpoint(), tls());
        QVERIFY_THROWS_EXCEPTION(kep::net::NetworkError, socket.connect("/api/v1/events"));
        QTRY_VERIFY(server_.log().contains(R"("route":"/api/v1/events","status":401)"));
    }

    void logsCarryTheRouteNotTheTarget() {
        kep::net::HttpsClient client(endpoint(), tls());
        QCOMPARE(client.get("/healthz?citizen=Papadopoulos").status, 200);
        QTRY_VERIFY(server_.log().contains(R"("route":"/healthz")"));
        QVERIFY(!server_.log().contains("Papadopoulos"));
    }

    void secondServerOnTheSamePortFailsFast() {
        QElapsedTimer timer;
        timer.start();
        const int code = server_.runOnce({"serve", "--data", server_.dataDir(), "--listen",
                                          QStringLiteral("127.0.0.1:%1").arg(server_.port())},
                                         2000);
        QVERIFY2(code > 0, qPrintable(server_.lastOutput()));
        QVERIFY(timer.elapsed() < 2000);
        QVERIFY2(server_.lastOutput().contains("Address already in use"),
                 qPrintable(server_.lastOutput()));
        QCOMPARE(server_.lastOutput().count('\n'), 1);
    }

    void serveRefusesAMissingDataFolder() {
        const int code = server_.runOnce(
            {"serve", "--data", server_.dataDir() + "-missing", "--listen", "127.0.0.1:0"});
        QVERIFY(code > 0);
        QVERIFY2(server_.lastOutput().contains("does not exist"), qPrintable(server_.lastOutput()));
    }

    void serveRefusesAnUninitialisedFolder() {
        QTemporaryDir empty;
        const int code =
            server_.runOnce({"serve", "--data", empty.path(), "--listen", "127.0.0.1:0"});
        QVERIFY(code > 0);
        QVERIFY2(server_.lastOutput().contains("not an initialised data folder"),
                 qPrintable(server_.lastOutput()));
    }

    void initRefusesAnInitialisedFolder() {
        const auto before = QFileInfo(server_.caFile()).lastModified();
        const int code = server_.runOnce({"init", "--data", server_.dataDir()});
        QVERIFY(code > 0);
        QVERIFY2(server_.lastOutput().contains("already initialised"),
                 qPrintable(server_.lastOutput()));
        QCOMPARE(QFileInfo(server_.caFile()).lastModified(), before);
    }

    void incompleteRequestIsClosedAfterTheReadTimeout() {
        ServerProcess server;
        QVERIFY2(server.start(false, {"--read-timeout-ms", "500"}),
                 qPrintable(server.errorString()));
        RawTlsConnection connection(server.caFile(), server.port());
        QVERIFY(connection.open());
        QVERIFY(connection.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n"));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(connection.waitForClose(5000));
        QVERIFY2(timer.elapsed() >= 300, QByteArray::number(timer.elapsed()));
        QCOMPARE(server.stop(), 0);
    }

    void connectionsOverThePerAddressCapAreClosed() {
        ServerProcess server;
        QVERIFY2(server.start(false, {"--max-connections-per-address", "2"}),
                 qPrintable(server.errorString()));
        RawTlsConnection first(server.caFile(), server.port());
        RawTlsConnection second(server.caFile(), server.port());
        QVERIFY(first.open());
        QVERIFY(second.open());
        RawTlsConnection third(server.caFile(), server.port());
        QVERIFY(!third.open());
        QCOMPARE(server.stop(), 0);
    }

    // 127.0.0.2 at its cap is refused; 127.0.0.1 is still served meanwhile.
    void oneAddressAtItsCapDoesNotStarveAnother() {
        ServerProcess server;
        QVERIFY2(server.start(false, {"--max-connections-per-address", "2"}),
                 qPrintable(server.errorString()));
        RawTlsConnection first(server.caFile(), server.port(), "127.0.0.2");
        RawTlsConnection second(server.caFile(), server.port(), "127.0.0.2");
        QVERIFY(first.open());
        QVERIFY(second.open());
        RawTlsConnection third(server.caFile(), server.port(), "127.0.0.2");
        QVERIFY(!third.open());
        RawTlsConnection other(server.caFile(), server.port(), "127.0.0.1");
        QVERIFY(other.open());
        QVERIFY(
            other.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        const auto answer = other.readAll(3000);
        QVERIFY2(answer.startsWith("HTTP/1.1 200 OK"), answer.constData());
        QVERIFY(server.log().contains(R"("remote":"127.0.0.2","reason":"connection cap")"));
        QCOMPARE(server.stop(), 0);
    }

    void sigtermLetsTheRequestInFlightFinish() {
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        RawTlsConnection connection(server.caFile(), server.port());
        QVERIFY(connection.open());
        QVERIFY(connection.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n"));
        QTest::qWait(200);  // the server has started reading this request

        QElapsedTimer timer;
        timer.start();
        server.sendTerminate();
        QTest::qWait(300);  // the server has stopped accepting and waits for this request
        QVERIFY(connection.write("\r\n"));
        const auto answer = connection.readAll(3000);
        QVERIFY2(answer.startsWith("HTTP/1.1 200 OK"), answer.constData());
        QVERIFY(answer.contains("Connection: close"));
        QCOMPARE(server.waitForExit(5000), 0);
        QVERIFY(timer.elapsed() < 5000);
    }

    void sigtermClosesIdleConnectionsAndExitsZero() {
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        kep::net::WebSocketClient socket(
            kep::net::Endpoint::fromUrl(server.url().toStdString()), [&] {
                // The events WebSocket needs a workstation's
                // certificate: the admin tool's will do.
                kep::net::TlsOptions options;
                options.caFile = server.caFile().toStdString();
                options.clientCertFile = server.adminPem().toStdString();
                options.clientKeyFile = server.adminPem().toStdString();
                return options;
            }());
        socket.connect("/api/v1/events");
        QVERIFY(socket.receive(std::chrono::seconds(5)).has_value());
        RawTlsConnection idle(server.caFile(), server.port());
        QVERIFY(idle.open());
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(server.stop(5000), 0);
        QVERIFY(timer.elapsed() < 2000);
        QVERIFY(server.log().contains(R"("event":"drained","complete":true)"));
    }

    void cleanupTestCase() { QCOMPARE(server_.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_ServerHttp)
#include "tst_server_http.moc"
