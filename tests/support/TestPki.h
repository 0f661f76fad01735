// A throw-away PKI for tests, made with the `openssl` CLI: a CA, a server certificate for
// localhost/127.0.0.1 and a client certificate, plus any further certificates a test asks for.
#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace kep::test {

// The files of one certificate: PEM certificate and its unencrypted PEM key.
struct IssuedCertificate {
    QString certFile;
    QString keyFile;
};

// Everything lives in a QTemporaryDir that goes with the object. Check isValid() (QVERIFY2
// with errorString()) before use: it is false if the `openssl` CLI is missing or failed.
class TestPki {
public:
    enum class Usage { Server, Client };

    TestPki();
    TestPki(const TestPki&) = delete;
    TestPki& operator=(const TestPki&) = delete;

    bool isValid() const { return errorString_.isEmpty(); }
    QString errorString() const { return errorString_; }
    QString directory() const { return dir_.path(); }

    QString caCertFile() const { return ca_.certFile; }
    QString caKeyFile() const { return ca_.keyFile; }
    // Subject CN "localhost", SAN DNS:localhost and IP:127.0.0.1, extendedKeyUsage serverAuth.
    const IssuedCertificate& server() const { return server_; }
    // Subject CN "KEP Test Workstation", extendedKeyUsage clientAuth.
    const IssuedCertificate& client() const { return client_; }

    // Issues a further certificate from this CA. `subjectAltNames` as OpenSSL writes them
    // ("DNS:kep.example", "IP:127.0.0.2"); may be empty. Files are <name>.crt and <name>.key.
    // On failure returns empty paths and sets errorString().
    IssuedCertificate issue(const QString& name, const QString& commonName,
                            const QStringList& subjectAltNames, Usage usage);

    // A second, unrelated CA (self-signed) whose certificate the server's does not chain to.
    IssuedCertificate makeUnrelatedCa(const QString& name);

private:
    bool run(const QStringList& arguments);
    IssuedCertificate makeCa(const QString& name, const QString& commonName);

    QTemporaryDir dir_;
    QString errorString_;
    IssuedCertificate ca_;
    IssuedCertificate server_;
    IssuedCertificate client_;
};

}  // namespace kep::test
