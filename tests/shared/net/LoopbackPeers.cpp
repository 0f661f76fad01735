#include "LoopbackPeers.h"

#include <QDeadlineTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace kep::test {

namespace {

// A socket bound to 127.0.0.1 on a port the kernel chose; returns the socket and its port.
int bindLoopback(std::uint16_t& port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        throw std::runtime_error("socket() failed");
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        ::close(fd);
        throw std::runtime_error("bind() to 127.0.0.1:0 failed");
    }
    port = ntohs(address.sin_port);
    return fd;
}

}  // namespace

std::uint16_t freeLoopbackPort() {
    std::uint16_t port = 0;
    ::close(bindLoopback(port));
    return port;
}

SilentListener::SilentListener() {
    socket_ = bindLoopback(port_);
    if (::listen(socket_, 16) != 0) {
        ::close(socket_);
        throw std::runtime_error("listen() failed");
    }
}

SilentListener::~SilentListener() {
    ::close(socket_);
}

OpenSslServer::~OpenSslServer() {
    if (process_.state() != QProcess::NotRunning) {
        process_.kill();
        process_.waitForFinished(5000);
    }
}

bool OpenSslServer::start(const QStringList& arguments) {
    process_.setProcessChannelMode(QProcess::MergedChannels);
    for (int attempt = 0; attempt < 5; ++attempt) {
        port_ = freeLoopbackPort();
        process_.start(
            "openssl",
            QStringList{"s_server", "-accept", "127.0.0.1:" + QString::number(port_)} + arguments);
        QByteArray output;
        const QDeadlineTimer deadline(10000);
        // s_server prints ACCEPT once it listens, or exits if the port was taken meanwhile.
        while (!deadline.hasExpired() && process_.state() != QProcess::NotRunning &&
               !output.contains("ACCEPT")) {
            process_.waitForReadyRead(100);
            output += process_.readAll();
        }
        if (output.contains("ACCEPT")) {
            return true;
        }
        error_ = "openssl s_server did not start: " + QString::fromLocal8Bit(output);
        process_.kill();
        process_.waitForFinished(5000);
    }
    return false;
}

}  // namespace kep::test
