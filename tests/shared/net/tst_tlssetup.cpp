// Which identity the server's certificate is checked against, and how bad TLS settings fail:
// the OpenSSL part of the client, without sockets.
#include "net/TlsSetup.h"

#include "TestPki.h"

#include <openssl/ssl.h>

#include <QtTest>

using kep::net::TlsOptions;

class tst_TlsSetup : public QObject {
    Q_OBJECT

private slots:
    void peerIdentity_data() {
        QTest::addColumn<QString>("endpointHost");
        QTest::addColumn<QString>("serverName");
        QTest::addColumn<QString>("checkedName");
        QTest::addColumn<bool>("isIpAddress");

        QTest::newRow("IPv4 endpoint, default name: the IP") << "127.0.0.1"
                                                             << "localhost"
                                                             << "127.0.0.1" << true;
        QTest::newRow("IPv6 endpoint, default name: the IP") << "::1"
                                                             << "localhost"
                                                             << "::1" << true;
        QTest::newRow("localhost endpoint") << "localhost"
                                            << "localhost"
                                            << "localhost" << false;
        QTest::newRow("named endpoint, default name: the endpoint") << "kep.example.gr"
                                                                    << "localhost"
                                                                    << "kep.example.gr" << false;
        QTest::newRow("empty name counts as default") << "127.0.0.1"
                                                      << ""
                                                      << "127.0.0.1" << true;
        QTest::newRow("explicit name wins over an IP endpoint") << "127.0.0.1"
                                                                << "kep.example.gr"
                                                                << "kep.example.gr" << false;
        QTest::newRow("explicit IP name") << "kep.example.gr"
                                          << "10.0.0.7"
                                          << "10.0.0.7" << true;
        QTest::newRow("name made of digits is no IP") << "127.0.0.1"
                                                      << "127.0.0.1.example"
                                                      << "127.0.0.1.example" << false;
    }
    void peerIdentity() {
        QFETCH(QString, endpointHost);
        QFETCH(QString, serverName);
        QFETCH(QString, checkedName);
        QFETCH(bool, isIpAddress);
        TlsOptions tls;
        tls.serverName = serverName.toStdString();
        const auto peer = kep::net::peerIdentityFor(endpointHost.toStdString(), tls);
        QCOMPARE(QString::fromStdString(peer.name), checkedName);
        QCOMPARE(peer.isIpAddress, isIpAddress);
    }

    void initTestCase() { QVERIFY2(pki_.isValid(), qPrintable(pki_.errorString())); }

    void contextRefuses_data() {
        QTest::addColumn<QString>("caFile");
        QTest::addColumn<QString>("certFile");
        QTest::addColumn<QString>("keyFile");
        QTest::addColumn<QString>("minProtocol");
        QTest::addColumn<QString>("cipherList");
        QTest::addColumn<bool>("isConfigurationFault");  // std::invalid_argument, else NetworkError
        QTest::addColumn<QString>("fault");

        const QString ca = pki_.caCertFile();
        const QString cert = pki_.client().certFile;
        const QString key = pki_.client().keyFile;
        const QString missing = pki_.directory() + "/missing.pem";
        QTest::newRow("no CA") << ""
                               << ""
                               << ""
                               << ""
                               << "" << true << "caFile is empty";
        QTest::newRow("missing CA file") << missing << ""
                                         << ""
                                         << ""
                                         << "" << false << "missing.pem";
        QTest::newRow("missing client certificate") << ca << missing << key << ""
                                                    << "" << false << "client certificate";
        QTest::newRow("key of another certificate") << ca << cert << pki_.server().keyFile << ""
                                                    << "" << false << "key values mismatch";
        QTest::newRow("key without certificate") << ca << "" << key << ""
                                                 << "" << true << "without clientCertFile";
        QTest::newRow("unknown protocol") << ca << ""
                                          << ""
                                          << "SSLv3"
                                          << "" << true << "Unknown TLS protocol version 'SSLv3'";
        QTest::newRow("no usable cipher") << ca << ""
                                          << ""
                                          << ""
                                          << "NO-SUCH-CIPHER" << true << "accepts no cipher";
    }
    void contextRefuses() {
        QFETCH(QString, caFile);
        QFETCH(QString, certFile);
        QFETCH(QString, keyFile);
        QFETCH(QString, minProtocol);
        QFETCH(QString, cipherList);
        QFETCH(bool, isConfigurationFault);
        QFETCH(QString, fault);
        TlsOptions tls;
        tls.caFile = caFile.toStdString();
        tls.clientCertFile = certFile.toStdString();
        tls.clientKeyFile = keyFile.toStdString();
        tls.minProtocol = minProtocol.toStdString();
        tls.cipherList = cipherList.toStdString();
        try {
            SSL_CTX_free(kep::net::newClientTlsContext(tls));
            QFAIL("accepted");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(isConfigurationFault, e.what());
            QVERIFY2(QString::fromUtf8(e.what()).contains(fault), e.what());
        } catch (const kep::net::NetworkError& e) {
            QVERIFY2(!isConfigurationFault, e.what());
            QVERIFY2(QString::fromUtf8(e.what()).contains(fault), e.what());
        }
    }

    void contextAcceptsCertificateAndKeyInOneFile() {
        QFile joined(pki_.directory() + "/joined.pem");
        QVERIFY(joined.open(QIODevice::WriteOnly));
        for (const QString& part : {pki_.client().certFile, pki_.client().keyFile}) {
            QFile file(part);
            QVERIFY(file.open(QIODevice::ReadOnly));
            joined.write(file.readAll());
        }
        joined.close();
        TlsOptions tls;
        tls.caFile = pki_.caCertFile().toStdString();
        tls.clientCertFile = joined.fileName().toStdString();
        SSL_CTX* ctx = kep::net::newClientTlsContext(tls);
        QVERIFY(SSL_CTX_get0_certificate(ctx) != nullptr);
        SSL_CTX_free(ctx);
    }

    // A key kept in the OS key store reaches OpenSSL from memory, never through a file.
    void contextTakesTheKeyFromMemory_data() {
        QTest::addColumn<QString>("keyFile");  // read into clientKeyPem; empty: garbage
        QTest::addColumn<QString>("fault");    // empty: accepted
        QTest::newRow("the certificate's key") << pki_.client().keyFile << "";
        QTest::newRow("another certificate's key")
            << pki_.server().keyFile << "key values mismatch";
        QTest::newRow("not a key") << ""
                                   << "from the key store failed";
    }
    void contextTakesTheKeyFromMemory() {
        QFETCH(QString, keyFile);
        QFETCH(QString, fault);
        QByteArray pem = "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n";
        if (!keyFile.isEmpty()) {
            QFile file(keyFile);
            QVERIFY(file.open(QIODevice::ReadOnly));
            pem = file.readAll();
        }
        TlsOptions tls;
        tls.caFile = pki_.caCertFile().toStdString();
        tls.clientCertFile = pki_.client().certFile.toStdString();
        tls.clientKeyPem = pem.toStdString();
        try {
            SSL_CTX* ctx = kep::net::newClientTlsContext(tls);
            QVERIFY2(fault.isEmpty(), "accepted");
            QCOMPARE(SSL_CTX_check_private_key(ctx), 1);
            SSL_CTX_free(ctx);
        } catch (const kep::net::NetworkError& e) {
            QVERIFY2(!fault.isEmpty() && QString::fromUtf8(e.what()).contains(fault), e.what());
            QVERIFY2(!QString::fromUtf8(e.what()).contains("BEGIN"), e.what());
        }
    }

    void keyInMemoryAndInAFileIsAConfigurationFault() {
        TlsOptions tls;
        tls.caFile = pki_.caCertFile().toStdString();
        tls.clientCertFile = pki_.client().certFile.toStdString();
        tls.clientKeyFile = pki_.client().keyFile.toStdString();
        tls.clientKeyPem = "-----BEGIN PRIVATE KEY-----";
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, kep::net::newClientTlsContext(tls));
    }

private:
    kep::test::TestPki pki_;
};

QTEST_GUILESS_MAIN(tst_TlsSetup)
#include "tst_tlssetup.moc"
