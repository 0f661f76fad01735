// HttpsClient against real TLS peers on loopback: `openssl s_server`, a scripted peer, and a
// listener that never answers. Trust, identity checks, deadlines, client certificates, protocol
// knobs, keep-alive and the retry rule that must never file a case twice.
#include "net/HttpsClient.h"

#include "LoopbackPeers.h"
#include "ScriptedTlsPeer.h"
#include "TestPki.h"

#include <QElapsedTimer>
#include <QtTest>

#include <atomic>
#include <memory>

using kep::net::Endpoint;
using kep::net::HttpsClient;
using kep::net::NetworkError;
using kep::net::TlsOptions;
using kep::test::OpenSslServer;
using kep::test::PeerConnection;
using kep::test::ScriptedTlsPeer;
using namespace std::chrono_literals;

namespace {

Endpoint loopback(std::uint16_t port, const std::string& host = "127.0.0.1") {
    return Endpoint{host, std::to_string(port)};
}

// The message of the NetworkError `call` throws, or "" if it throws none.
template <typename Call>
QString networkErrorOf(Call call) {
    try {
        call();
    } catch (const NetworkError& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

}  // namespace

class tst_HttpsClient : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY2(pki_.isValid(), qPrintable(pki_.errorString()));
        wrongIp_ = pki_.issue("wrong-ip", "kep.example.gr", {"DNS:kep.example.gr", "IP:127.0.0.2"},
                              kep::test::TestPki::Usage::Server);
        otherCa_ = pki_.makeUnrelatedCa("other-ca");
        QVERIFY2(pki_.isValid(), qPrintable(pki_.errorString()));
    }

    void getReadsTheBody() {
        OpenSslServer server;
        QVERIFY2(server.start(serverArguments()), qPrintable(server.errorString()));
        HttpsClient client(loopback(server.port()), trust());
        const auto response = client.get("/");
        QCOMPARE(response.status, 200);
        // s_server -www answers with a page describing the session.
        QVERIFY2(response.body.find("Ciphers supported in s_server binary") != std::string::npos,
                 response.body.c_str());
        QCOMPARE(client.negotiatedProtocol(), std::string("TLSv1.3"));
        QCOMPARE(response.header("content-type").value_or(""), std::string("text/html"));
    }

    void certificateIdentity_data() {
        QTest::addColumn<bool>("wrongIpCertificate");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("serverName");
        QTest::addColumn<QString>("failure");  // empty: the handshake succeeds

        QTest::newRow("IP literal checked against IP SAN") << false << "127.0.0.1"
                                                           << "localhost"
                                                           << "";
        QTest::newRow("name checked against DNS SAN") << false << "localhost"
                                                      << "localhost"
                                                      << "";
        QTest::newRow("explicit IP server name") << false << "127.0.0.1"
                                                 << "127.0.0.1"
                                                 << "";
        QTest::newRow("explicit name not in certificate") << false << "127.0.0.1"
                                                          << "kep.example.gr"
                                                          << "hostname mismatch";
        QTest::newRow("IP not in certificate") << true << "127.0.0.1"
                                               << "localhost"
                                               << "IP address mismatch";
        QTest::newRow("localhost not in certificate") << true << "localhost"
                                                      << "localhost"
                                                      << "hostname mismatch";
        QTest::newRow("name in certificate, reached by IP") << true << "127.0.0.1"
                                                            << "kep.example.gr"
                                                            << "";
    }
    void certificateIdentity() {
        QFETCH(bool, wrongIpCertificate);
        QFETCH(QString, host);
        QFETCH(QString, serverName);
        QFETCH(QString, failure);
        const auto& certificate = wrongIpCertificate ? wrongIp_ : pki_.server();
        OpenSslServer server;
        QVERIFY2(server.start({"-cert", certificate.certFile, "-key", certificate.keyFile, "-www"}),
                 qPrintable(server.errorString()));
        TlsOptions tls = trust();
        tls.serverName = serverName.toStdString();
        HttpsClient client(loopback(server.port(), host.toStdString()), tls);
        const QString error = networkErrorOf([&] { client.get("/"); });
        if (failure.isEmpty()) {
            QVERIFY2(error.isEmpty(), qPrintable(error));
        } else {
            QVERIFY2(error.startsWith("TLS handshake with " + host + ":"), qPrintable(error));
            QVERIFY2(error.contains("certificate verify failed"), qPrintable(error));
            QVERIFY2(error.contains(failure), qPrintable(error));
        }
    }

    void unknownCaIsRefused() {
        OpenSslServer server;
        QVERIFY2(server.start(serverArguments()), qPrintable(server.errorString()));
        TlsOptions tls = trust();
        tls.caFile = otherCa_.certFile.toStdString();
        HttpsClient client(loopback(server.port()), tls);
        const QString error = networkErrorOf([&] { client.get("/"); });
        QVERIFY2(error.startsWith(QString("TLS handshake with 127.0.0.1:%1 failed: certificate "
                                          "verify failed")
                                      .arg(server.port())),
                 qPrintable(error));
        QVERIFY2(error.contains("unable to get local issuer certificate"), qPrintable(error));
    }

    void handshakeDeadline() {
        kep::test::SilentListener silent;
        HttpsClient client(loopback(silent.port()), trust(), 1000ms);
        QElapsedTimer elapsed;
        elapsed.start();
        const QString error = networkErrorOf([&] { client.get("/"); });
        const qint64 ms = elapsed.elapsed();
        QVERIFY2(error.contains("TLS handshake") && error.contains("timed out after 1000 ms"),
                 qPrintable(error));
        QVERIFY2(ms >= 950 && ms <= 2000, qPrintable(QString::number(ms)));
    }

    void refusedConnectionNamesTheStep() {
        HttpsClient client(loopback(kep::test::freeLoopbackPort()), trust(), 2000ms);
        const QString error = networkErrorOf([&] { client.get("/"); });
        QVERIFY2(error.startsWith("Connecting with 127.0.0.1:") && error.contains("refused"),
                 qPrintable(error));
    }

    void clientCertificate_data() {
        QTest::addColumn<bool>("presentCertificate");
        QTest::addColumn<QString>("expected");
        QTest::newRow("presented") << true << "Subject: CN=KEP Test Workstation";
        QTest::newRow("absent") << false << "no client certificate available";
    }
    void clientCertificate() {
        QFETCH(bool, presentCertificate);
        QFETCH(QString, expected);
        OpenSslServer server;
        QVERIFY2(server.start(serverArguments() +
                              QStringList{"-verify", "1", "-CAfile", pki_.caCertFile()}),
                 qPrintable(server.errorString()));
        TlsOptions tls = trust();
        if (presentCertificate) {
            tls.clientCertFile = pki_.client().certFile.toStdString();
            tls.clientKeyFile = pki_.client().keyFile.toStdString();
        }
        HttpsClient client(loopback(server.port()), tls);
        const auto response = client.get("/");
        QVERIFY2(QString::fromStdString(response.body).contains(expected), response.body.c_str());
    }

    void protocolRange_data() {
        QTest::addColumn<QStringList>("serverOptions");
        QTest::addColumn<QString>("minProtocol");
        QTest::addColumn<QString>("maxProtocol");
        QTest::addColumn<QString>("cipherList");
        QTest::addColumn<QString>("negotiated");  // empty: the handshake must fail

        QTest::newRow("default") << QStringList{} << ""
                                 << ""
                                 << ""
                                 << "TLSv1.3";
        QTest::newRow("max 1.2") << QStringList{} << ""
                                 << "TLSv1.2"
                                 << ""
                                 << "TLSv1.2";
        QTest::newRow("min 1.3 against a 1.2 server") << QStringList{"-tls1_2"} << "TLSv1.3"
                                                      << ""
                                                      << ""
                                                      << "";
        QTest::newRow("TLS 1.1 needs security level 0")
            << QStringList{"-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0"} << "TLSv1.1"
            << "TLSv1.1"
            << "DEFAULT@SECLEVEL=0"
            << "TLSv1.1";
    }
    void protocolRange() {
        QFETCH(QStringList, serverOptions);
        QFETCH(QString, minProtocol);
        QFETCH(QString, maxProtocol);
        QFETCH(QString, cipherList);
        QFETCH(QString, negotiated);
        OpenSslServer server;
        QVERIFY2(server.start(serverArguments() + serverOptions), qPrintable(server.errorString()));
        TlsOptions tls = trust();
        tls.minProtocol = minProtocol.toStdString();
        tls.maxProtocol = maxProtocol.toStdString();
        tls.cipherList = cipherList.toStdString();
        HttpsClient client(loopback(server.port()), tls);
        const QString error = networkErrorOf([&] { client.get("/"); });
        if (negotiated.isEmpty()) {
            QVERIFY2(error.startsWith("TLS handshake"), qPrintable(error));
        } else {
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(QString::fromStdString(client.negotiatedProtocol()), negotiated);
        }
    }

    void keepAliveReusesTheConnection() {
        std::atomic<int> requests{0};
        ScriptedTlsPeer peer(serverCert(), serverKey(), [&](int, PeerConnection& connection) {
            while (!connection.readHttpRequest().empty()) {
                ++requests;
                connection.write(kep::test::httpResponse("ok"));
            }
        });
        HttpsClient client(loopback(peer.port()), trust());
        for (int i = 0; i < 3; ++i) {
            const auto response = client.get("/api/v1/health");
            QCOMPARE(response.body, std::string("ok"));
        }
        QCOMPARE(requests.load(), 3);
        QCOMPARE(client.connectionsOpened(), std::size_t(1));
        QCOMPARE(peer.connectionsAccepted(), 1);
    }

    void requestCarriesMethodBodyAndHeaders() {
        std::string seen;
        ScriptedTlsPeer peer(serverCert(), serverKey(), [&](int, PeerConnection& connection) {
            seen = connection.readHttpRequest();
            connection.write(kep::test::httpResponse("{}", "Retry-After: 7\r\n"));
        });
        HttpsClient client(loopback(peer.port()), trust());
        const auto response = client.request("PUT", "/api/v1/cases/1", R"({"a":1})",
                                             "application/json", {{"Authorization", "Bearer t"}});
        QCOMPARE(response.header("Retry-After").value_or(""), std::string("7"));
        QVERIFY(peer.waitForClosed(1, 5s));
        QVERIFY2(seen.starts_with("PUT /api/v1/cases/1 HTTP/1.1\r\n"), seen.c_str());
        QCOMPARE(kep::test::headerValue(seen, "Authorization"), std::string("Bearer t"));
        QCOMPARE(kep::test::headerValue(seen, "Content-Type"), std::string("application/json"));
        QCOMPARE(kep::test::headerValue(seen, "Host"), "127.0.0.1:" + std::to_string(peer.port()));
        QVERIFY(seen.ends_with("\r\n\r\n{\"a\":1}"));
    }

    // The server closed the idle connection before the next request: the client notices before
    // sending, so even a POST goes out once, on a new connection.
    void idleConnectionClosedByServer() {
        std::atomic<int> posts{0};
        ScriptedTlsPeer peer(serverCert(), serverKey(), [&](int index, PeerConnection& connection) {
            const std::string request = connection.readHttpRequest();
            if (request.starts_with("POST")) {
                ++posts;
            }
            connection.write(kep::test::httpResponse(index == 0 ? "first" : "second"));
        });
        HttpsClient client(loopback(peer.port()), trust());
        QCOMPARE(client.get("/").body, std::string("first"));
        QVERIFY(peer.waitForClosed(1, 5s));
        QCOMPARE(client.post("/api/v1/sync/push", "{}").body, std::string("second"));
        QCOMPARE(posts.load(), 1);
        QCOMPARE(client.connectionsOpened(), std::size_t(2));
    }

    // The server takes the request on a kept-alive connection and closes without answering.
    // Idempotent requests are sent again once; a POST is not, so a case is never filed twice.
    void retryRule_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<bool>("retried");
        QTest::newRow("GET") << "GET" << true;
        QTest::newRow("HEAD") << "HEAD" << true;
        QTest::newRow("PUT") << "PUT" << true;
        QTest::newRow("DELETE") << "DELETE" << true;
        QTest::newRow("POST") << "POST" << false;
        QTest::newRow("PATCH") << "PATCH" << false;
    }
    void retryRule() {
        QFETCH(QString, method);
        QFETCH(bool, retried);
        std::atomic<int> received{0};
        ScriptedTlsPeer peer(serverCert(), serverKey(), [&](int index, PeerConnection& connection) {
            if (index == 0) {
                connection.readHttpRequest();
                connection.write(kep::test::httpResponse("warm-up"));
            }
            // The request under test; the first connection drops it unanswered.
            if (!connection.readHttpRequest().empty()) {
                ++received;
                if (index > 0) {
                    connection.write(kep::test::httpResponse(""));
                }
            }
        });
        HttpsClient client(loopback(peer.port()), trust());
        QCOMPARE(client.get("/").body, std::string("warm-up"));
        const QString error =
            networkErrorOf([&] { client.request(method.toStdString(), "/api/v1/x", "{}"); });
        if (retried) {
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(received.load(), 2);
            QCOMPARE(client.connectionsOpened(), std::size_t(2));
        } else {
            QVERIFY2(error.startsWith("Reading the response with 127.0.0.1:"), qPrintable(error));
            QVERIFY(peer.waitForClosed(1, 5s));
            QCOMPARE(received.load(), 1);
            QCOMPARE(peer.connectionsAccepted(), 1);
        }
    }

    // A request that fails on a fresh connection is not retried, whatever its method.
    void freshConnectionIsNotRetried() {
        ScriptedTlsPeer peer(serverCert(), serverKey(),
                             [](int, PeerConnection& connection) { connection.readHttpRequest(); });
        HttpsClient client(loopback(peer.port()), trust());
        const QString error = networkErrorOf([&] { client.get("/"); });
        QVERIFY2(error.contains("Reading the response"), qPrintable(error));
        QVERIFY(peer.waitForClosed(1, 5s));
        QCOMPARE(peer.connectionsAccepted(), 1);
    }

    void responseDeadline() {
        ScriptedTlsPeer peer(serverCert(), serverKey(), [](int, PeerConnection& connection) {
            connection.readHttpRequest();
            connection.readHttpRequest();  // waits until the client gives up
        });
        HttpsClient client(loopback(peer.port()), trust(), 500ms);
        QElapsedTimer elapsed;
        elapsed.start();
        const QString error = networkErrorOf([&] { client.get("/"); });
        QVERIFY2(error.contains("Reading the response") && error.contains("timed out after 500 ms"),
                 qPrintable(error));
        QVERIFY2(elapsed.elapsed() < 1500, qPrintable(QString::number(elapsed.elapsed())));
    }

    void bodyLimit() {
        const std::string big(5000, 'x');
        ScriptedTlsPeer peer(serverCert(), serverKey(), [&](int, PeerConnection& connection) {
            while (!connection.readHttpRequest().empty()) {
                connection.write(kep::test::httpResponse(big));
            }
        });
        HttpsClient client(loopback(peer.port()), trust());
        client.setBodyLimit(4999);
        const QString error = networkErrorOf([&] { client.get("/"); });
        QVERIFY2(error.contains("exceeds the limit of 4999 bytes"), qPrintable(error));
        QVERIFY(!error.contains("xxx"));
        client.setBodyLimit(5000);
        QCOMPARE(client.get("/").body.size(), big.size());
    }

    void malformedRequestIsRefusedBeforeConnecting_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("headerName");
        QTest::addColumn<QString>("headerValue");
        QTest::newRow("unknown method") << "FILE"
                                        << "X-Desk"
                                        << "7";
        QTest::newRow("line break in value") << "GET"
                                             << "X-Desk"
                                             << "7\r\nX-Role: admin";
        QTest::newRow("line break in name") << "GET"
                                            << "X-Desk\nX-Role"
                                            << "admin";
        QTest::newRow("colon in name") << "GET"
                                       << "X-Desk: 7"
                                       << "8";
        QTest::newRow("empty name") << "GET"
                                    << ""
                                    << "7";
    }
    void malformedRequestIsRefusedBeforeConnecting() {
        QFETCH(QString, method);
        QFETCH(QString, headerName);
        QFETCH(QString, headerValue);
        // Nothing listens there: reaching the network would be a NetworkError instead.
        HttpsClient client(loopback(kep::test::freeLoopbackPort()), trust());
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument,
            client.request(method.toStdString(), "/", {}, "application/json",
                           {{headerName.toStdString(), headerValue.toStdString()}}));
        QCOMPARE(client.connectionsOpened(), std::size_t(0));
    }

private:
    TlsOptions trust() const {
        TlsOptions tls;
        tls.caFile = pki_.caCertFile().toStdString();
        return tls;
    }
    QStringList serverArguments() const {
        return {"-cert", pki_.server().certFile, "-key", pki_.server().keyFile, "-www"};
    }
    std::string serverCert() const { return pki_.server().certFile.toStdString(); }
    std::string serverKey() const { return pki_.server().keyFile.toStdString(); }

    kep::test::TestPki pki_;
    kep::test::IssuedCertificate wrongIp_;
    kep::test::IssuedCertificate otherCa_;
};

QTEST_GUILESS_MAIN(tst_HttpsClient)
#include "tst_httpsclient.moc"
