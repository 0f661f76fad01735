// Endpoint::fromUrl and Response::header: which URLs the client accepts, and why others fail.
#include "net/HttpsClient.h"

#include <QtTest>

using kep::net::Endpoint;

class tst_Endpoint : public QObject {
    Q_OBJECT

private slots:
    void fromUrl_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("port");
        QTest::addColumn<QString>("authority");

        QTest::newRow("name and port") << "https://kep.example.gr:8443"
                                       << "kep.example.gr"
                                       << "8443"
                                       << "kep.example.gr:8443";
        QTest::newRow("path ignored") << "https://127.0.0.1:8443/api/v1/health?x=1"
                                      << "127.0.0.1"
                                      << "8443"
                                      << "127.0.0.1:8443";
        QTest::newRow("missing port is 443") << "https://kep.example.gr/"
                                             << "kep.example.gr"
                                             << "443"
                                             << "kep.example.gr:443";
        QTest::newRow("no path at all") << "https://localhost"
                                        << "localhost"
                                        << "443"
                                        << "localhost:443";
        QTest::newRow("scheme case") << "HTTPS://localhost:1"
                                     << "localhost"
                                     << "1"
                                     << "localhost:1";
        QTest::newRow("IPv6 with port") << "https://[::1]:8443"
                                        << "::1"
                                        << "8443"
                                        << "[::1]:8443";
        QTest::newRow("IPv6 without port") << "https://[fe80::1]/x"
                                           << "fe80::1"
                                           << "443"
                                           << "[fe80::1]:443";
        QTest::newRow("query right after host") << "https://localhost?x"
                                                << "localhost"
                                                << "443"
                                                << "localhost:443";
    }
    void fromUrl() {
        QFETCH(QString, url);
        QFETCH(QString, host);
        QFETCH(QString, port);
        QFETCH(QString, authority);
        const Endpoint endpoint = Endpoint::fromUrl(url.toStdString());
        QCOMPARE(QString::fromStdString(endpoint.host), host);
        QCOMPARE(QString::fromStdString(endpoint.port), port);
        QCOMPARE(QString::fromStdString(endpoint.authority()), authority);
    }

    void fromUrlRefuses_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("fault");

        QTest::newRow("plain http") << "http://localhost:8080"
                                    << "only HTTPS";
        QTest::newRow("no scheme") << "localhost:8443"
                                   << "only HTTPS";
        QTest::newRow("wss") << "wss://localhost:8443"
                             << "only HTTPS";
        QTest::newRow("empty") << ""
                               << "only HTTPS";
        QTest::newRow("no host") << "https://:8443"
                                 << "no host";
        QTest::newRow("nothing after scheme") << "https://"
                                              << "no host";
        QTest::newRow("empty port") << "https://localhost:/"
                                    << "empty port";
        QTest::newRow("port not a number") << "https://localhost:84a3"
                                           << "invalid port";
        QTest::newRow("port zero") << "https://localhost:0"
                                   << "invalid port";
        QTest::newRow("port too big") << "https://localhost:65536"
                                      << "invalid port";
        QTest::newRow("negative port") << "https://localhost:-1"
                                       << "invalid port";
        QTest::newRow("unterminated IPv6") << "https://[::1:8443"
                                           << "unterminated IPv6";
        QTest::newRow("junk after IPv6") << "https://[::1]x:8443"
                                         << "after the IPv6";
        QTest::newRow("IPv6 empty port") << "https://[::1]:"
                                         << "empty port";
        QTest::newRow("user information") << "https://clerk@localhost:8443"
                                          << "user information";
    }
    void fromUrlRefuses() {
        QFETCH(QString, url);
        QFETCH(QString, fault);
        try {
            Endpoint::fromUrl(url.toStdString());
            QFAIL("accepted");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(fault), e.what());
        }
    }

    void headerIsCaseInsensitive() {
        kep::net::Response response;
        response.headers = {{"Content-Type", "application/json"}, {"Retry-After", "5"}};
        QCOMPARE(response.header("retry-after").value_or(""), std::string("5"));
        QCOMPARE(response.header("CONTENT-TYPE").value_or(""), std::string("application/json"));
        QVERIFY(!response.header("Location").has_value());
    }
};

QTEST_APPLESS_MAIN(tst_Endpoint)
#include "tst_endpoint.moc"
