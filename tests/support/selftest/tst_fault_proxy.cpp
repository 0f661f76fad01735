// FaultProxy against a plain TCP echo server: each fault does to real sockets what its
// comment says, and the proxy heals to a working forwarder.
#include "FaultProxy.h"

#include <QElapsedTimer>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using kep::test::FaultProxy;
using namespace std::chrono_literals;

namespace {

// Echoes every byte back; counts how its connections ended (FIN or reset).
class EchoServer {
public:
    EchoServer() {
        listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address);
        ::listen(listener_, 64);
        socklen_t length = sizeof address;
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
        port_ = ntohs(address.sin_port);
        acceptor_ = std::thread([this] { acceptLoop(); });
    }
    ~EchoServer() {
        stopping_ = true;
        ::shutdown(listener_, SHUT_RDWR);
        acceptor_.join();
        ::close(listener_);
        std::lock_guard lock(mutex_);
        for (int fd : fds_) {
            ::shutdown(fd, SHUT_RDWR);
        }
        for (auto& t : workers_) {
            t.join();
        }
    }
    std::uint16_t port() const { return port_; }
    int resetsSeen() const { return resets_; }

private:
    void acceptLoop() {
        while (!stopping_) {
            const int fd = ::accept(listener_, nullptr, nullptr);
            if (fd < 0) {
                return;
            }
            std::lock_guard lock(mutex_);
            fds_.push_back(fd);
            workers_.emplace_back([this, fd] { echo(fd); });
        }
    }
    void echo(int fd) {
        char buffer[4096];
        for (;;) {
            const auto n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n <= 0) {
                if (n < 0 && errno == ECONNRESET) {
                    ++resets_;
                }
                break;
            }
            ::send(fd, buffer, static_cast<std::size_t>(n), MSG_NOSIGNAL);
        }
        ::close(fd);
    }

    int listener_ = -1;
    std::uint16_t port_ = 0;
    std::atomic<bool> stopping_{false};
    std::atomic<int> resets_{0};
    std::thread acceptor_;
    std::mutex mutex_;
    std::vector<int> fds_;
    std::vector<std::thread> workers_;
};

// What a blocking client read saw within its deadline.
struct Received {
    std::string bytes;
    bool timedOut = false;
    bool closed = false;  // orderly end (FIN)
    int error = 0;        // errno of a failed read (ECONNRESET)
};

class Client {
public:
    explicit Client(std::uint16_t port) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        connectError_ =
            ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 ? 0 : errno;
    }
    ~Client() { ::close(fd_); }
    int connectError() const { return connectError_; }
    void send(const std::string& bytes) { ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL); }
    // Reads until `want` bytes arrived, the peer closed or failed, or the deadline passed.
    Received receive(std::size_t want, std::chrono::milliseconds deadline) {
        Received r;
        QElapsedTimer timer;
        timer.start();
        while (r.bytes.size() < want) {
            const auto left = deadline.count() - timer.elapsed();
            pollfd p{fd_, POLLIN, 0};
            if (left <= 0 || ::poll(&p, 1, static_cast<int>(left)) == 0) {
                r.timedOut = true;
                return r;
            }
            char buffer[4096];
            const auto n = ::recv(fd_, buffer, sizeof buffer, 0);
            if (n < 0) {
                r.error = errno;
                return r;
            }
            if (n == 0) {
                r.closed = true;
                return r;
            }
            r.bytes.append(buffer, static_cast<std::size_t>(n));
        }
        return r;
    }
    // One round trip: what came back within the deadline.
    Received echo(const std::string& text, std::chrono::milliseconds deadline = 2000ms) {
        send(text);
        return receive(text.size(), deadline);
    }

private:
    int fd_ = -1;
    int connectError_ = 0;
};

bool waitFor(const std::function<bool()>& condition, int ms = 2000) {
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > ms) {
            return false;
        }
        QTest::qWait(10);
    }
    return true;
}

}  // namespace

class tst_FaultProxy : public QObject {
    Q_OBJECT

private slots:
    void init() {
        echo_ = std::make_unique<EchoServer>();
        proxy_ = std::make_unique<FaultProxy>("127.0.0.1", echo_->port());
        QVERIFY2(proxy_->start(), proxy_->errorString().c_str());
        QVERIFY(proxy_->port() != 0);
        QCOMPARE(proxy_->url(), "https://127.0.0.1:" + std::to_string(proxy_->port()));
    }
    void cleanup() {
        proxy_.reset();
        echo_.reset();
    }

    void passesBytesBothWays() {
        Client client(proxy_->port());
        QCOMPARE(client.connectError(), 0);
        const std::string big(300'000, 'k');  // several chunks, both ways
        const auto back = client.echo(big, 5000ms);
        QCOMPARE(back.bytes.size(), big.size());
        QVERIFY(back.bytes == big);
        QCOMPARE(proxy_->counters().accepted, 1u);
        // The proxy counts a chunk after send() returns, so the client may have read the last
        // bytes a moment before the count includes them.
        QTRY_COMPARE(proxy_->counters().forwardedBytes, 2u * big.size());
    }

    void delayHoldsEachDirection() {
        proxy_->setDelay(150ms);
        Client client(proxy_->port());
        QElapsedTimer timer;
        timer.start();
        const auto back = client.echo("ping");
        QCOMPARE(back.bytes, std::string("ping"));
        QVERIFY2(timer.elapsed() >= 290, qPrintable(QString::number(timer.elapsed())));
        proxy_->setDelay(0ms);
        timer.restart();
        QCOMPARE(client.echo("pong").bytes, std::string("pong"));
        QVERIFY(timer.elapsed() < 150);
    }

    void blackHoleHoldsBytesUntilHealed() {
        Client client(proxy_->port());
        QCOMPARE(client.echo("one").bytes, std::string("one"));
        proxy_->setFault(FaultProxy::Fault::BlackHole);
        const auto silent = client.echo("two", 300ms);
        QVERIFY(silent.timedOut);
        QVERIFY(silent.bytes.empty());
        // A new connection is not served either (it waits in the backlog).
        Client late(proxy_->port());
        QVERIFY(late.echo("late", 200ms).timedOut);
        proxy_->heal();
        // Nothing was lost: what waited flows now, on the old and the new connection.
        QCOMPARE(client.receive(3, 2000ms).bytes, std::string("two"));
        QCOMPARE(late.receive(4, 2000ms).bytes, std::string("late"));
    }

    void dropLosesBytesAndHealResetsTheBrokenStreams() {
        Client client(proxy_->port());
        QCOMPARE(client.echo("one").bytes, std::string("one"));
        proxy_->setFault(FaultProxy::Fault::Drop);
        QVERIFY(client.echo("lost", 300ms).timedOut);
        QVERIFY(proxy_->counters().droppedBytes >= 4);
        proxy_->heal();
        const auto after = client.receive(1, 2000ms);
        QCOMPARE(after.error, ECONNRESET);
        QVERIFY(after.bytes.empty());  // the dropped bytes never come back
        Client fresh(proxy_->port());
        QCOMPARE(fresh.echo("new").bytes, std::string("new"));
    }

    void resetHitsBothSidesAndEveryNewConnection() {
        Client client(proxy_->port());
        QCOMPARE(client.echo("one").bytes, std::string("one"));
        proxy_->setFault(FaultProxy::Fault::Reset);
        QCOMPARE(client.receive(1, 2000ms).error, ECONNRESET);
        QVERIFY(waitFor([&] { return echo_->resetsSeen() == 1; }));  // the server's side too
        Client during(proxy_->port());
        const auto refused = during.echo("x", 2000ms);
        QVERIFY(refused.error == ECONNRESET || refused.closed);
        QVERIFY(refused.bytes.empty());
        proxy_->heal();
        Client fresh(proxy_->port());
        QCOMPARE(fresh.echo("new").bytes, std::string("new"));
    }

    void resetOpenConnectionsOnce() {
        Client client(proxy_->port());
        QCOMPARE(client.echo("one").bytes, std::string("one"));
        proxy_->resetOpenConnections();
        QCOMPARE(client.receive(1, 2000ms).error, ECONNRESET);
        QCOMPARE(proxy_->fault(), FaultProxy::Fault::None);
        Client fresh(proxy_->port());
        QCOMPARE(fresh.echo("new").bytes, std::string("new"));
    }

    void cutAfterBytes_data() {
        QTest::addColumn<int>("cut");
        QTest::addColumn<int>("sent");
        QTest::addColumn<int>("expectedBack");
        // The budget counts both directions: what goes out first, then what comes back.
        QTest::newRow("cut in the reply") << 100 << 80 << 20;
        QTest::newRow("cut in the request") << 50 << 80 << 0;
        QTest::newRow("room for the round trip") << 1000 << 80 << 80;
    }
    void cutAfterBytes() {
        QFETCH(int, cut);
        QFETCH(int, sent);
        QFETCH(int, expectedBack);
        proxy_->setCutAfter(static_cast<std::size_t>(cut));
        Client client(proxy_->port());
        const auto back = client.echo(std::string(static_cast<std::size_t>(sent), 'c'), 1000ms);
        QCOMPARE(static_cast<int>(back.bytes.size()), expectedBack);
        if (expectedBack < sent) {
            QVERIFY(!back.timedOut);
            QCOMPARE(back.error, ECONNRESET);
        }
    }

    void refuseClosesTheListenerOnly() {
        Client open(proxy_->port());
        QCOMPARE(open.echo("one").bytes, std::string("one"));
        proxy_->setFault(FaultProxy::Fault::Refuse);
        QVERIFY(waitFor([&] { return Client(proxy_->port()).connectError() == ECONNREFUSED; }));
        QCOMPARE(open.echo("still").bytes, std::string("still"));
        proxy_->heal();
        QVERIFY(waitFor([&] { return Client(proxy_->port()).connectError() == 0; }));
        Client fresh(proxy_->port());
        QCOMPARE(fresh.echo("new").bytes, std::string("new"));
    }

    void targetDownLooksLikeAReset() {
        const std::uint16_t port = echo_->port();
        echo_.reset();
        FaultProxy orphan("127.0.0.1", port);
        QVERIFY(orphan.start());
        Client client(orphan.port());
        const auto r = client.echo("x", 2000ms);
        QVERIFY(r.error == ECONNRESET || r.closed);
        QVERIFY(waitFor([&] { return orphan.counters().resets == 1; }));
    }

private:
    std::unique_ptr<EchoServer> echo_;
    std::unique_ptr<FaultProxy> proxy_;
};

QTEST_GUILESS_MAIN(tst_FaultProxy)
#include "tst_fault_proxy.moc"
