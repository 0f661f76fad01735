// A bare TLS connection for tests that must do what a well-behaved client never does: send half
// a request and wait, or hold connections open without a request.
#pragma once

#include <openssl/bio.h>
#include <openssl/ssl.h>

#include <QByteArray>
#include <QString>

namespace kep::test {

class RawTlsConnection {
public:
    RawTlsConnection(const QString& caFile, quint16 port);
    ~RawTlsConnection();
    RawTlsConnection(const RawTlsConnection&) = delete;
    RawTlsConnection& operator=(const RawTlsConnection&) = delete;

    // Connects and completes the TLS handshake; false if either failed.
    bool open();
    bool write(const QByteArray& bytes);
    // Reads until the peer closes or timeoutMs passes; returns what arrived.
    QByteArray readAll(int timeoutMs);
    // True when the peer closed the connection (EOF or reset) within timeoutMs.
    bool waitForClose(int timeoutMs);

private:
    SSL_CTX* context_ = nullptr;
    BIO* bio_ = nullptr;
    quint16 port_;
};

}  // namespace kep::test
