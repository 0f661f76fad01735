#include "RawTlsConnection.h"

#include <openssl/err.h>

#include <QDeadlineTimer>

#include <poll.h>

namespace kep::test {

RawTlsConnection::RawTlsConnection(const QString& caFile, quint16 port) : port_(port) {
    context_ = SSL_CTX_new(TLS_client_method());
    SSL_CTX_load_verify_locations(context_, caFile.toLocal8Bit().constData(), nullptr);
    SSL_CTX_set_verify(context_, SSL_VERIFY_PEER, nullptr);
}

RawTlsConnection::~RawTlsConnection() {
    if (bio_) {
        BIO_free_all(bio_);
    }
    SSL_CTX_free(context_);
}

bool RawTlsConnection::open() {
    bio_ = BIO_new_ssl_connect(context_);
    if (!bio_) {
        return false;
    }
    const auto address = QByteArray("127.0.0.1:") + QByteArray::number(port_);
    BIO_set_conn_hostname(bio_, address.constData());
    if (BIO_do_connect(bio_) != 1 || BIO_do_handshake(bio_) != 1) {
        ERR_clear_error();
        return false;
    }
    return true;
}

bool RawTlsConnection::write(const QByteArray& bytes) {
    return BIO_write(bio_, bytes.constData(), static_cast<int>(bytes.size())) ==
           static_cast<int>(bytes.size());
}

QByteArray RawTlsConnection::readAll(int timeoutMs) {
    QByteArray received;
    QDeadlineTimer deadline(timeoutMs);
    int fd = -1;
    BIO_get_fd(bio_, &fd);
    while (!deadline.hasExpired()) {
        SSL* ssl = nullptr;
        BIO_get_ssl(bio_, &ssl);
        if (SSL_pending(ssl) == 0) {
            pollfd poller{fd, POLLIN, 0};
            if (::poll(&poller, 1, static_cast<int>(deadline.remainingTime())) <= 0) {
                break;
            }
        }
        char buffer[4096];
        const int n = BIO_read(bio_, buffer, sizeof buffer);
        if (n <= 0) {
            if (BIO_should_retry(bio_)) {
                continue;
            }
            ERR_clear_error();
            break;
        }
        received.append(buffer, n);
    }
    return received;
}

bool RawTlsConnection::waitForClose(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    int fd = -1;
    BIO_get_fd(bio_, &fd);
    while (!deadline.hasExpired()) {
        pollfd poller{fd, POLLIN, 0};
        if (::poll(&poller, 1, static_cast<int>(deadline.remainingTime())) <= 0) {
            return false;
        }
        char buffer[4096];
        const int n = BIO_read(bio_, buffer, sizeof buffer);
        if (n <= 0 && !BIO_should_retry(bio_)) {
            ERR_clear_error();
            return true;
        }
    }
    return false;
}

}  // namespace kep::test
