// The server's TLS policy, handshaking over a memory BIO pair (no sockets): protocol range and
// AEAD-only ciphers, and a client certificate that is recorded, never required.
#include "pki/CertificateAuthority.h"
#include "pki/ServerTlsPolicy.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using kep::pki::CertificateAuthority;
using kep::pki::Days;

namespace {

using ContextHandle = std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)>;
using SslHandle = std::unique_ptr<SSL, decltype(&SSL_free)>;

bool writeFile(const QString& path, const std::string& content) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) &&
           file.write(content.data(), static_cast<qint64>(content.size())) ==
               static_cast<qint64>(content.size());
}

struct Handshake {
    bool succeeded = false;
    SslHandle server{nullptr, SSL_free};
    SslHandle client{nullptr, SSL_free};
};

// Drives both ends until both finish or one fails.
Handshake handshake(SSL_CTX* serverContext, SSL_CTX* clientContext) {
    Handshake result;
    result.server.reset(SSL_new(serverContext));
    result.client.reset(SSL_new(clientContext));
    BIO* serverBio = nullptr;
    BIO* clientBio = nullptr;
    BIO_new_bio_pair(&serverBio, 0, &clientBio, 0);
    SSL_set_bio(result.server.get(), serverBio, serverBio);
    SSL_set_bio(result.client.get(), clientBio, clientBio);
    SSL_set_accept_state(result.server.get());
    SSL_set_connect_state(result.client.get());
    bool serverDone = false;
    bool clientDone = false;
    for (int round = 0; round < 50 && !(serverDone && clientDone); ++round) {
        for (auto [ssl, done] : {std::pair{result.client.get(), &clientDone},
                                 std::pair{result.server.get(), &serverDone}}) {
            if (*done) {
                continue;
            }
            const int rc = SSL_do_handshake(ssl);
            if (rc == 1) {
                *done = true;
                continue;
            }
            const int error = SSL_get_error(ssl, rc);
            if (error != SSL_ERROR_WANT_READ && error != SSL_ERROR_WANT_WRITE) {
                ERR_clear_error();
                return result;
            }
        }
    }
    // TLS 1.3: the server sees the client's certificate once it reads the client's Finished.
    result.succeeded = serverDone && clientDone;
    return result;
}

}  // namespace

class tst_ServerTlsPolicy : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    CertificateAuthority ca_ = CertificateAuthority::create("Test CA", Days(30));
    CertificateAuthority otherCa_ = CertificateAuthority::create("Unrelated CA", Days(30));
    ContextHandle server_{nullptr, SSL_CTX_free};

    QString path(const char* name) const { return dir_.filePath(QString::fromLatin1(name)); }

    ContextHandle clientContext(const QString& certFile = {}, const QString& keyFile = {}) {
        ContextHandle context(SSL_CTX_new(TLS_client_method()), SSL_CTX_free);
        SSL_CTX_load_verify_locations(context.get(), path("ca.pem").toLocal8Bit(), nullptr);
        SSL_CTX_set_verify(context.get(), SSL_VERIFY_PEER, nullptr);
        if (!certFile.isEmpty()) {
            SSL_CTX_use_certificate_file(context.get(), certFile.toLocal8Bit(), SSL_FILETYPE_PEM);
            SSL_CTX_use_PrivateKey_file(context.get(), keyFile.toLocal8Bit(), SSL_FILETYPE_PEM);
        }
        return context;
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        const auto serverCertificate = ca_.issueServer({}, Days(30));
        const auto client = ca_.issueClient("KEP workstation 0101-01", Days(30));
        const auto stranger = otherCa_.issueClient("stranger", Days(30));
        QVERIFY(writeFile(path("ca.pem"), ca_.certificatePem()));
        QVERIFY(writeFile(path("server.pem"), serverCertificate.certificatePem));
        QVERIFY(writeFile(path("server-key.pem"), serverCertificate.privateKeyPem));
        QVERIFY(writeFile(path("client.pem"), client.certificatePem + client.privateKeyPem));
        QVERIFY(writeFile(path("stranger.pem"), stranger.certificatePem + stranger.privateKeyPem));
        QVERIFY(writeFile(path("server-as-client.pem"),
                          serverCertificate.certificatePem + serverCertificate.privateKeyPem));
        clientFingerprint_ = client.sha256Fingerprint;

        server_.reset(SSL_CTX_new(TLS_server_method()));
        kep::pki::applyServerTlsPolicy(
            server_.get(), {path("server.pem").toStdString(), path("server-key.pem").toStdString(),
                            path("ca.pem").toStdString()});
    }

    void missingFilesAreNamed() {
        ContextHandle context(SSL_CTX_new(TLS_server_method()), SSL_CTX_free);
        try {
            kep::pki::applyServerTlsPolicy(
                context.get(), {"/nonexistent/server.pem", path("server-key.pem").toStdString(),
                                path("ca.pem").toStdString()});
            QFAIL("accepted a missing certificate file");
        } catch (const std::runtime_error& error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains("/nonexistent/server.pem"),
                     error.what());
        }
    }

    void protocols_data() {
        QTest::addColumn<int>("version");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("TLS 1.0") << TLS1_VERSION << false;
        QTest::newRow("TLS 1.1") << TLS1_1_VERSION << false;
        QTest::newRow("TLS 1.2") << TLS1_2_VERSION << true;
        QTest::newRow("TLS 1.3") << TLS1_3_VERSION << true;
    }
    void protocols() {
        QFETCH(int, version);
        QFETCH(bool, accepted);
        auto client = clientContext();
        // SECLEVEL=0: the client must be able to offer old protocols for the test to mean anything.
        QVERIFY(SSL_CTX_set_cipher_list(client.get(), "DEFAULT@SECLEVEL=0") == 1);
        SSL_CTX_set_min_proto_version(client.get(), version);
        SSL_CTX_set_max_proto_version(client.get(), version);
        const auto result = handshake(server_.get(), client.get());
        QCOMPARE(result.succeeded, accepted);
        if (accepted) {
            QCOMPARE(SSL_version(result.server.get()), version);
        }
    }

    void tls12Ciphers_data() {
        QTest::addColumn<QString>("cipher");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("ECDHE-ECDSA-AES128-SHA") << "ECDHE-ECDSA-AES128-SHA" << false;
        QTest::newRow("ECDHE-ECDSA-AES256-SHA384") << "ECDHE-ECDSA-AES256-SHA384" << false;
        QTest::newRow("ECDHE-ECDSA-AES128-GCM-SHA256") << "ECDHE-ECDSA-AES128-GCM-SHA256" << true;
        QTest::newRow("ECDHE-ECDSA-AES256-GCM-SHA384") << "ECDHE-ECDSA-AES256-GCM-SHA384" << true;
        QTest::newRow("ECDHE-ECDSA-CHACHA20-POLY1305") << "ECDHE-ECDSA-CHACHA20-POLY1305" << true;
    }
    void tls12Ciphers() {
        QFETCH(QString, cipher);
        QFETCH(bool, accepted);
        auto client = clientContext();
        SSL_CTX_set_max_proto_version(client.get(), TLS1_2_VERSION);
        QVERIFY(SSL_CTX_set_cipher_list(client.get(), (cipher + "@SECLEVEL=0").toLatin1()) == 1);
        const auto result = handshake(server_.get(), client.get());
        QCOMPARE(result.succeeded, accepted);
        if (accepted) {
            QCOMPARE(QString::fromLatin1(SSL_get_cipher_name(result.server.get())), cipher);
        }
    }

    void clientCertificates_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("version");
        QTest::addColumn<bool>("verified");
        for (int version : {TLS1_2_VERSION, TLS1_3_VERSION}) {
            const QByteArray suffix = version == TLS1_2_VERSION ? " TLS 1.2" : " TLS 1.3";
            QTest::newRow("none" + suffix) << QString() << version << false;
            QTest::newRow("issued by the CA" + suffix) << "client.pem" << version << true;
            QTest::newRow("from another CA" + suffix) << "stranger.pem" << version << false;
            QTest::newRow("server certificate" + suffix)
                << "server-as-client.pem" << version << false;
        }
    }
    void clientCertificates() {
        QFETCH(QString, file);
        QFETCH(int, version);
        QFETCH(bool, verified);
        auto client = file.isEmpty() ? clientContext()
                                     : clientContext(path(file.toLatin1()), path(file.toLatin1()));
        SSL_CTX_set_min_proto_version(client.get(), version);
        SSL_CTX_set_max_proto_version(client.get(), version);
        const auto result = handshake(server_.get(), client.get());
        // Whatever the certificate, the handshake succeeds: public routes need none.
        QVERIFY(result.succeeded);
        const auto peer = kep::pki::verifiedPeerCertificate(result.server.get());
        QCOMPARE(peer.has_value(), verified);
        if (verified) {
            QCOMPARE(QString::fromStdString(peer->subjectCommonName),
                     QStringLiteral("KEP workstation 0101-01"));
            QCOMPARE(peer->sha256Fingerprint, clientFingerprint_);
            QVERIFY(!peer->serialHex.empty());
            QVERIFY(peer->notAfter > std::chrono::system_clock::now());
        }
    }

private:
    std::string clientFingerprint_;
};

QTEST_GUILESS_MAIN(tst_ServerTlsPolicy)
#include "tst_server_tls_policy.moc"
