#include "RawTlsConnection.h"

#include <openssl/err.h>

#include <QDeadlineTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace kep::test {

namespace {

// A connected TCP socket to 127.0.0.1:port from `source` (any address when empty), or -1.
int connectFrom(const QByteArray& source, quint16 port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return -1;
    }
    if (!source.isEmpty()) {
        sockaddr_in local{};
        local.sin_family = AF_INET;
        if (::inet_pton(AF_INET, source.constData(), &local.sin_addr) != 1 ||
            ::bind(fd, reinterpret_cast<const sockaddr*>(&local), sizeof local) != 0) {
            ::close(fd);
            return -1;
        }
    }
    sockaddr_in server{};
    server.sin_family = AF_INET;
    server.sin_port = htons(port);
    server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&server), sizeof server) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

}  // namespace

RawTlsConnection::RawTlsConnection(const QString& caFile, quint16 port,
                                   const QString& sourceAddress, const QString& clientCert,
                                   const QString& clientKey)
    : port_(port)
    , sourceAddress_(sourceAddress.toLatin1()) {
    context_ = SSL_CTX_new(TLS_client_method());
    SSL_CTX_load_verify_locations(context_, caFile.toLocal8Bit().constData(), nullptr);
    SSL_CTX_set_verify(context_, SSL_VERIFY_PEER, nullptr);
    if (!clientCert.isEmpty()) {
        const auto cert = clientCert.toLocal8Bit();
        const auto key = clientKey.isEmpty() ? cert : clientKey.toLocal8Bit();
        SSL_CTX_use_certificate_chain_file(context_, cert.constData());
        SSL_CTX_use_PrivateKey_file(context_, key.constData(), SSL_FILETYPE_PEM);
    }
}

RawTlsConnection::~RawTlsConnection() {
    if (bio_) {
        BIO_free_all(bio_);
    }
    SSL_CTX_free(context_);
}

bool RawTlsConnection::open() {
    const int fd = connectFrom(sourceAddress_, port_);
    if (fd < 0) {
        return false;
    }
    BIO* socket = BIO_new_socket(fd, BIO_CLOSE);
    bio_ = BIO_new_ssl(context_, 1);
    if (!socket || !bio_) {
        ::close(fd);
        return false;
    }
    BIO_push(bio_, socket);
    if (BIO_do_handshake(bio_) != 1) {
        ERR_clear_error();
        return false;
    }
    return true;
}

bool RawTlsConnection::write(const QByteArray& bytes) {
    // An SSL BIO writes at most a record at a time: go on until every byte is out.
    qsizetype written = 0;
    while (written < bytes.size()) {
        const int n =
            BIO_write(bio_, bytes.constData() + written, static_cast<int>(bytes.size() - written));
        if (n <= 0) {
            if (BIO_should_retry(bio_)) {
                continue;
            }
            ERR_clear_error();
            return false;
        }
        written += n;
    }
    return true;
}

QByteArray RawTlsConnection::readSome(int timeoutMs, bool& closed) {
    closed = false;
    int fd = -1;
    BIO_get_fd(bio_, &fd);
    SSL* ssl = nullptr;
    BIO_get_ssl(bio_, &ssl);
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (SSL_pending(ssl) == 0) {
            pollfd poller{fd, POLLIN, 0};
            if (::poll(&poller, 1, static_cast<int>(deadline.remainingTime())) <= 0) {
                return {};
            }
        }
        char buffer[4096];
        const int n = BIO_read(bio_, buffer, sizeof buffer);
        if (n > 0) {
            return QByteArray(buffer, n);
        }
        if (!BIO_should_retry(bio_)) {
            ERR_clear_error();
            closed = true;
            return {};
        }
    }
    return {};
}

QByteArray RawTlsConnection::readAll(int timeoutMs) {
    QByteArray received;
    QDeadlineTimer deadline(timeoutMs);
    bool closed = false;
    while (!closed && !deadline.hasExpired()) {
        received += readSome(static_cast<int>(deadline.remainingTime()), closed);
    }
    return received;
}

QByteArray RawTlsConnection::readExactly(qsizetype count, int timeoutMs) {
    QByteArray received;
    QDeadlineTimer deadline(timeoutMs);
    bool closed = false;
    while (received.size() < count && !closed && !deadline.hasExpired()) {
        received += readSome(static_cast<int>(deadline.remainingTime()), closed);
    }
    return received;
}

bool RawTlsConnection::waitForClose(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    bool closed = false;
    while (!closed && !deadline.hasExpired()) {
        readSome(static_cast<int>(deadline.remainingTime()), closed);
    }
    return closed;
}

}  // namespace kep::test
