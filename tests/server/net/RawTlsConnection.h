// A bare TLS connection for tests that must do what a well-behaved client never does: send half
// a request and wait, or hold connections open without a request, from a chosen loopback address.
#pragma once

#include <openssl/bio.h>
#include <openssl/ssl.h>

#include <QByteArray>
#include <QString>

namespace kep::test {

class RawTlsConnection {
public:
    // `sourceAddress` is the local address the socket binds to ("127.0.0.2": the server sees
    // another client host); empty: the kernel's choice. `clientCert` (PEM) is presented when the
    // server asks, with its key from `clientKey` (empty: the same file); empty: none.
    RawTlsConnection(const QString& caFile, quint16 port, const QString& sourceAddress = {},
                     const QString& clientCert = {}, const QString& clientKey = {});
    ~RawTlsConnection();
    RawTlsConnection(const RawTlsConnection&) = delete;
    RawTlsConnection& operator=(const RawTlsConnection&) = delete;

    // Connects and completes the TLS handshake; false if either failed.
    bool open();
    bool write(const QByteArray& bytes);
    // Reads until the peer closes or timeoutMs passes; returns what arrived.
    QByteArray readAll(int timeoutMs);
    // Reads until `count` bytes arrived, the peer closed or timeoutMs passed.
    QByteArray readExactly(qsizetype count, int timeoutMs);
    // True when the peer closed the connection (EOF or reset) within timeoutMs.
    bool waitForClose(int timeoutMs);

private:
    // One read of what is there (waiting up to the deadline's rest): bytes, or empty with
    // `closed` set when the peer is gone, or empty when the time ran out.
    QByteArray readSome(int timeoutMs, bool& closed);

    SSL_CTX* context_ = nullptr;
    BIO* bio_ = nullptr;
    quint16 port_;
    QByteArray sourceAddress_;
};

}  // namespace kep::test
