// Issue 9's slowloris acceptance over the real server with its default limits: 2,000 half-open
// requests from 127.0.0.2 (TCP only, TLS and half a header, a header trickled a byte a second)
// are each closed within 10 s of their start (the header time-out, 9 s, counts from accept and
// is never stretched by a trickle), the per-address cap refuses all but 512 at once, and
// /healthz from 127.0.0.1 stays fast throughout.
#include "ServerProcess.h"
#include "net/HttpsClient.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <QTest>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <mutex>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

using kep::test::ServerProcess;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kHalfOpenRequests = 2000;
constexpr int kPerAddressCap = 512;  // ServerLimits::maxConnectionsPerAddress, the default
constexpr auto kPromise = std::chrono::seconds(10);
const char* const kAttacker = "127.0.0.2";

// A header that never ends: the trickle sends it a byte a second and never reaches "\r\n\r\n".
const QByteArray kEndlessHeader =
    "GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + QByteArray(4096, 'a');
const QByteArray kHalfHeader = "GET /healthz HTTP/1.1\r\nHost: localhost\r\n";

enum class Kind { TcpOnly, HalfHeader, Trickle };

struct HalfOpen {
    Kind kind = Kind::TcpOnly;
    int fd = -1;
    SSL* ssl = nullptr;
    Clock::time_point start;
    Clock::time_point nextByte;
    qsizetype trickled = 0;
    bool open = false;
    std::chrono::milliseconds lifetime{0};  // from connect() to the server's close
};

double msBetween(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

int connectFromAttacker(quint16 port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return -1;
    }
    sockaddr_in local{};
    local.sin_family = AF_INET;
    ::inet_pton(AF_INET, kAttacker, &local.sin_addr);
    sockaddr_in server{};
    server.sin_family = AF_INET;
    server.sin_port = htons(port);
    server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<const sockaddr*>(&local), sizeof local) != 0 ||
        ::connect(fd, reinterpret_cast<const sockaddr*>(&server), sizeof server) != 0) {
        ::close(fd);
        return -1;
    }
    // Blocking with a bound: a handshake the server never answers must not hang the test.
    timeval bound{3, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &bound, sizeof bound);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &bound, sizeof bound);
    return fd;
}

double percentile(std::vector<double> samples, double p) {
    if (samples.empty()) {
        return 0;
    }
    std::sort(samples.begin(), samples.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(samples.size() - 1));
    return samples[index];
}

}  // namespace

class tst_Slowloris : public QObject {
    Q_OBJECT

private:
    ServerProcess server_;
    SSL_CTX* tls_ = nullptr;
    std::vector<HalfOpen> connections_;

    // The attacker's side of one connection: TCP, then (for the TLS kinds) the handshake and
    // the first bytes of a request. A connection the server refused is closed already.
    HalfOpen open(Kind kind) {
        HalfOpen c;
        c.kind = kind;
        c.start = Clock::now();
        c.fd = connectFromAttacker(server_.port());
        if (c.fd < 0) {
            return c;
        }
        c.open = true;
        if (kind != Kind::TcpOnly) {
            c.ssl = SSL_new(tls_);
            SSL_set_fd(c.ssl, c.fd);
            const bool written =
                SSL_connect(c.ssl) == 1 &&
                SSL_write(c.ssl, (kind == Kind::HalfHeader ? kHalfHeader : kEndlessHeader).data(),
                          kind == Kind::HalfHeader ? static_cast<int>(kHalfHeader.size()) : 1) > 0;
            ERR_clear_error();
            c.trickled = 1;
            c.nextByte = Clock::now() + std::chrono::seconds(1);
            if (!written) {
                markClosed(c);
            }
        }
        // From here on only polled: reads must never wait.
        ::fcntl(c.fd, F_SETFL, ::fcntl(c.fd, F_GETFL) | O_NONBLOCK);
        return c;
    }

    static void markClosed(HalfOpen& c) {
        c.lifetime = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - c.start);
        c.open = false;
    }

    // Reads what the server sent (non-blocking): an end of stream or a reset means it closed
    // the connection; a TLS 1.3 session ticket or nothing at all does not.
    static void readFrom(HalfOpen& c) {
        char buffer[512];
        bool closed = false;
        if (c.ssl) {
            const int n = SSL_read(c.ssl, buffer, sizeof buffer);
            const int error = n > 0 ? SSL_ERROR_NONE : SSL_get_error(c.ssl, n);
            closed = error != SSL_ERROR_NONE && error != SSL_ERROR_WANT_READ &&
                     error != SSL_ERROR_WANT_WRITE;
            ERR_clear_error();
        } else {
            const auto n = ::recv(c.fd, buffer, sizeof buffer, 0);
            closed = n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
        }
        if (closed) {
            markClosed(c);
        }
    }

    static void trickle(HalfOpen& c, Clock::time_point now) {
        if (c.kind != Kind::Trickle || !c.open || now < c.nextByte) {
            return;
        }
        const int n = SSL_write(c.ssl, kEndlessHeader.constData() + c.trickled, 1);
        const int error = n > 0 ? SSL_ERROR_NONE : SSL_get_error(c.ssl, n);
        ERR_clear_error();
        if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) {
            return;  // tried again at the next look
        }
        if (n <= 0) {
            markClosed(c);
            return;
        }
        ++c.trickled;
        c.nextByte += std::chrono::seconds(1);
    }

    // One look at every open connection: notes the ones the server closed, trickles the next
    // byte where one is due. False when none is open any more.
    bool pollOnce(int timeoutMs) {
        std::vector<pollfd> pollers;
        std::vector<HalfOpen*> owners;
        for (auto& c : connections_) {
            if (c.open) {
                pollers.push_back({c.fd, POLLIN, 0});
                owners.push_back(&c);
            }
        }
        if (pollers.empty()) {
            return false;
        }
        ::poll(pollers.data(), pollers.size(), timeoutMs);
        const auto now = Clock::now();
        for (std::size_t i = 0; i < pollers.size(); ++i) {
            if (pollers[i].revents != 0) {
                readFrom(*owners[i]);
            }
            trickle(*owners[i], now);
        }
        return true;
    }

    // Until the server has closed them all or `until` passes.
    void watch(Clock::time_point until) {
        while (Clock::now() < until && pollOnce(50)) {
        }
    }

private slots:
    void initTestCase() {
        // A closed connection must fail the write, not kill the test.
        std::signal(SIGPIPE, SIG_IGN);
        // 2,000 sockets here and up to 512 in the server (which inherits the limit).
        rlimit files{};
        ::getrlimit(RLIMIT_NOFILE, &files);
        if (files.rlim_cur < 4096) {
            files.rlim_cur = std::min<rlim_t>(files.rlim_max, 4096);
            ::setrlimit(RLIMIT_NOFILE, &files);
        }
        QVERIFY2(files.rlim_cur >= kHalfOpenRequests + 256,
                 qPrintable(QStringLiteral("ulimit -n is %1: the test needs %2 descriptors")
                                .arg(files.rlim_cur)
                                .arg(kHalfOpenRequests + 256)));
        QVERIFY2(server_.start(), qPrintable(server_.errorString()));
        tls_ = SSL_CTX_new(TLS_client_method());
        QVERIFY(SSL_CTX_load_verify_locations(tls_, server_.caFile().toLocal8Bit().constData(),
                                              nullptr) == 1);
        SSL_CTX_set_verify(tls_, SSL_VERIFY_PEER, nullptr);
    }

    void halfOpenRequestsAreClosedWhileHealthStaysFast() {
        // The honest client: a new TLS connection for every /healthz, so that the accept path
        // under attack is measured too, not only a warm keep-alive connection.
        std::atomic<bool> attackOver{false};
        std::mutex samplesMutex;
        std::vector<double> healthMs;
        int healthFailures = 0;
        std::thread honest([&] {
            kep::net::TlsOptions options;
            options.caFile = server_.caFile().toStdString();
            kep::net::HttpsClient client(kep::net::Endpoint::fromUrl(server_.url().toStdString()),
                                         options, std::chrono::seconds(5));
            while (!attackOver) {
                const auto start = Clock::now();
                int status = 0;
                try {
                    status = client.get("/healthz").status;
                } catch (const kep::net::NetworkError&) {
                }
                const double ms = msBetween(start, Clock::now());
                client.close();
                {
                    std::lock_guard lock(samplesMutex);
                    healthMs.push_back(ms);
                    healthFailures += status == 200 ? 0 : 1;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        });

        const auto attackStart = Clock::now();
        connections_.reserve(kHalfOpenRequests);
        for (int i = 0; i < kHalfOpenRequests; ++i) {
            connections_.push_back(open(static_cast<Kind>(i % 3)));
            // The ones refused at accept are seen closed while the others are still opened.
            if (i % 16 == 15) {
                pollOnce(0);
            }
        }
        const auto lastStart = connections_.back().start;
        watch(lastStart + kPromise + std::chrono::seconds(5));
        attackOver = true;
        honest.join();
        const double attackSeconds = msBetween(attackStart, Clock::now()) / 1000;

        int stillOpen = 0;
        int refusedAtOnce = 0;
        int heldToTheDeadline[3] = {0, 0, 0};
        std::chrono::milliseconds longest{0};
        for (auto& c : connections_) {
            QVERIFY2(c.fd >= 0, "connect() from 127.0.0.2 failed");
            if (c.open) {
                ++stillOpen;
                markClosed(c);
            }
            longest = std::max(longest, c.lifetime);
            if (c.lifetime < std::chrono::seconds(2)) {
                ++refusedAtOnce;
            } else if (c.lifetime > std::chrono::seconds(8)) {
                ++heldToTheDeadline[static_cast<int>(c.kind)];
            }
            if (c.ssl) {
                SSL_free(c.ssl);
            }
            ::close(c.fd);
        }
        std::vector<double> samples;
        {
            std::lock_guard lock(samplesMutex);
            samples = healthMs;
        }
        const double p50 = percentile(samples, 0.50);
        const double p99 = percentile(samples, 0.99);
        qInfo(
            "slowloris: %d half-open requests, %d refused at once by the per-address cap, "
            "longest lived %lld ms; held to the read time-out: %d TCP-only, %d half-header, "
            "%d trickled; /healthz during %.1f s: %zu requests, p50 %.1f ms, p99 %.1f ms, "
            "max %.1f ms, %d failed",
            kHalfOpenRequests, refusedAtOnce, static_cast<long long>(longest.count()),
            heldToTheDeadline[0], heldToTheDeadline[1], heldToTheDeadline[2], attackSeconds,
            samples.size(), p50, p99, percentile(samples, 1.0), healthFailures);

        QCOMPARE(stillOpen, 0);
        QVERIFY2(longest <= kPromise, qPrintable(QString::number(longest.count())));
        // The cap holds at 512: the rest are closed at accept, not after the time-out.
        QVERIFY2(refusedAtOnce >= kHalfOpenRequests - kPerAddressCap,
                 qPrintable(QString::number(refusedAtOnce)));
        QVERIFY(refusedAtOnce < kHalfOpenRequests);
        // Every kind was really held open until the deadline (the test attacked something),
        // and a byte a second did not stretch a trickled header's deadline (the longest bound
        // above covers them).
        for (const int held : heldToTheDeadline) {
            QVERIFY(held > 0);
        }
        QVERIFY(samples.size() >= 50);
        QCOMPARE(healthFailures, 0);
        QVERIFY2(p99 < 100, qPrintable(QString::number(p99)));
    }

    // Every slot of 127.0.0.2 came back: a new connection from it is served.
    void theAttackersSlotsAreReleased() {
        SSL* ssl = SSL_new(tls_);
        const int fd = connectFromAttacker(server_.port());
        QVERIFY(fd >= 0);
        SSL_set_fd(ssl, fd);
        QCOMPARE(SSL_connect(ssl), 1);
        const QByteArray request = "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n";
        QVERIFY(SSL_write(ssl, request.constData(), static_cast<int>(request.size())) > 0);
        char buffer[64] = {};
        QVERIFY(SSL_read(ssl, buffer, sizeof buffer - 1) > 0);
        QVERIFY2(QByteArray(buffer).startsWith("HTTP/1.1 200"), buffer);
        SSL_free(ssl);
        ::close(fd);
    }

    void cleanupTestCase() {
        SSL_CTX_free(tls_);
        QCOMPARE(server_.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_Slowloris)
#include "tst_slowloris.moc"
