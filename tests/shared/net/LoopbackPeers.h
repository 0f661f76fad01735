// Peers on the loopback interface for the network client's tests: a free port, a TCP listener
// that never answers, and `openssl s_server` run as a real TLS peer.
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace kep::test {

// A loopback port that was free a moment ago (bind to port 0, read it, close). Another process
// may take it before use: callers that bind it again retry on collision.
std::uint16_t freeLoopbackPort();

// Listens on 127.0.0.1 and never accepts: the kernel completes the TCP handshake, then nothing
// ever answers — the shape of a hung server.
class SilentListener {
public:
    SilentListener();
    ~SilentListener();
    SilentListener(const SilentListener&) = delete;
    SilentListener& operator=(const SilentListener&) = delete;
    std::uint16_t port() const { return port_; }

private:
    int socket_ = -1;
    std::uint16_t port_ = 0;
};

// `openssl s_server -accept 127.0.0.1:<port> <arguments>`, killed on destruction.
class OpenSslServer {
public:
    OpenSslServer() = default;
    ~OpenSslServer();
    OpenSslServer(const OpenSslServer&) = delete;
    OpenSslServer& operator=(const OpenSslServer&) = delete;

    // Starts on a free port and waits until it accepts; retries on a port collision.
    bool start(const QStringList& arguments);
    std::uint16_t port() const { return port_; }
    QString errorString() const { return error_; }

private:
    QProcess process_;
    std::uint16_t port_ = 0;
    QString error_;
};

}  // namespace kep::test
