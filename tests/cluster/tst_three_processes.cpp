// Three kep-server processes on one PostgreSQL database (issue 10): one data folder's files on
// each, desks enrolled on different processes see each other's cases, a kill -9 of one process
// in the middle of its desk's pushes loses nothing it acknowledged — and the same behind HAProxy
// (TLS passed through, round robin), with desks that keep pushing through the kill.
#include "DeskFlow.h"
#include "TestServerStore.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QTest>

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>
#include <QProcess>
#include <atomic>
#include <thread>

using kep::test::ServerProcess;
using kep::test::SyncDesk;
using kep::test::SyncTestKit;
using kep::test::TestServerDatabase;

namespace {

// Every file of `from` (the CA, keys, database-url, the audit folder) into `to`, modes kept.
bool copyDataFolder(const QString& from, const QString& to) {
    QDirIterator files(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const auto path = files.next();
        const auto target = to + path.mid(from.size());
        if (!QDir().mkpath(QFileInfo(target).path()) || !QFile::copy(path, target) ||
            !QFile::setPermissions(target, QFile::permissions(path))) {
            return false;
        }
    }
    return true;
}

// The pid of the `kep-server serve` process on `dataDir` (ServerProcess keeps it private).
pid_t servingPid(const QString& dataDir) {
    for (const auto& entry : QDir("/proc").entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile file("/proc/" + entry + "/cmdline");
        if (file.open(QIODevice::ReadOnly)) {
            const auto arguments = file.readAll().split('\0');
            if (arguments.contains("serve") && arguments.contains(dataDir.toUtf8())) {
                return entry.toInt();
            }
        }
    }
    return 0;
}

// A loopback port nobody listens on now (the kernel's pick), for HAProxy's frontend.
int freeLoopbackPort() {
    const int probe = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(probe, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        ::getsockname(probe, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
        port = ntohs(address.sin_port);
    }
    ::close(probe);
    return port;
}

// TCP mode: TLS goes through to the kep-servers (the desks' certificates must reach them);
// a process that stops answering is out after one failed check, and a connection refused by
// it is dispatched to another.
QByteArray haproxyConfig(int frontend, const std::vector<int>& backends) {
    QByteArray config =
        "defaults\n  mode tcp\n  timeout connect 2s\n  timeout client 30s\n"
        "  timeout server 30s\n  retries 3\n  option redispatch\n"
        "listen kep\n  bind 127.0.0.1:" +
        QByteArray::number(frontend) + "\n  balance roundrobin\n";
    for (std::size_t i = 0; i < backends.size(); ++i) {
        config += "  server kep" + QByteArray::number(static_cast<int>(i)) +
                  " 127.0.0.1:" + QByteArray::number(backends[i]) +
                  " check inter 200 fall 1 rise 1\n";
    }
    return config;
}

// One desk of the load behind the balancer: pushes batches of new cases, sends a batch that
// got no answer again (same ops, same sequence numbers) until it is answered.
struct BalancedDesk {
    SyncDesk desk;
    kep::cases::Actor clerk;
    std::set<std::string> acked;
    int resent = 0;

    void push(const std::atomic<bool>& running) {
        while (running) {
            std::vector<kep::sync::OutboxOp> batch;
            for (int i = 0; i < 20; ++i) {
                batch.push_back(desk.newCase(clerk));
            }
            for (int attempt = 0;; ++attempt) {
                const auto result = desk.transport->push(desk.batch(batch));
                if (const auto* response = std::get_if<kep::sync::PushResponse>(&result)) {
                    for (std::size_t i = 0; i < response->results.size(); ++i) {
                        if (response->results[i].settledOutcome() ==
                            kep::sync::OpOutcome::Applied) {
                            acked.insert(batch[i].entity.id);
                        }
                    }
                    break;
                }
                if (attempt == 50) {
                    return;
                }
                ++resent;
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        }
    }
};

}  // namespace

class tst_ThreeProcesses : public QObject {
    Q_OBJECT

private:
    QTemporaryDir scratch_;
    std::unique_ptr<TestServerDatabase> database_;
    ServerProcess servers_[3];
    std::vector<std::unique_ptr<SyncTestKit>> kits_;

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        database_ = std::make_unique<TestServerDatabase>(scratch_.path().toStdString());
        QVERIFY2(database_->isPostgres(), "run with KEP_TEST_BACKEND=postgres (CMakeLists.txt)");
        auto& first = servers_[0];
        QVERIFY2(first.runOnce({"init", "--data", first.dataDir(), "--dsn",
                                QString::fromStdString(database_->location()), "--demo"}) == 0,
                 first.lastOutput().constData());
        for (auto& server : servers_) {
            if (&server != &first) {
                QVERIFY(copyDataFolder(first.dataDir(), server.dataDir()));
            }
            QVERIFY2(server.serve(), qPrintable(server.errorString()));
            kits_.push_back(std::make_unique<SyncTestKit>(server));
            QVERIFY2(kits_.back()->setUp(), qPrintable(kits_.back()->errorString()));
        }
    }

    // A desk on process 1 files; desks on processes 2 and 3 pull it.
    void whatOneProcessTakesTheOthersServe() {
        auto filing = kits_[0]->enrolDesk("0202");
        QVERIFY2(filing, qPrintable(kits_[0]->errorString()));
        const auto clerk = kits_[0]->actor(*filing, "clerk.thess");
        QVERIFY2(clerk, qPrintable(kits_[0]->errorString()));
        std::string error;
        QVERIFY2(kep::test::fileCases(*filing, *clerk, 5, error), error.c_str());
        for (int i = 1; i < 3; ++i) {
            auto reading = kits_[i]->enrolDesk("0202");
            QVERIFY2(reading, qPrintable(kits_[i]->errorString()));
            QCOMPARE(kep::test::pullOffice(*reading, error), std::size_t{5});
        }
    }

    // Process 2 is killed while its desk pushes; every case it acknowledged is served by
    // process 3, and the desk's unanswered ops, sent again to process 1, are applied once.
    void aKilledProcessLosesNothingItAcknowledged() {
        auto desk = kits_[1]->enrolDesk("0101");
        QVERIFY2(desk, qPrintable(kits_[1]->errorString()));
        const auto clerk = kits_[1]->actor(*desk, "clerk");
        QVERIFY2(clerk, qPrintable(kits_[1]->errorString()));
        std::set<std::string> acked;
        std::vector<kep::sync::OutboxOp> unanswered;
        std::atomic<bool> pushing{true};
        std::thread storm([&] {
            while (pushing) {
                std::vector<kep::sync::OutboxOp> batch;
                for (int i = 0; i < 20; ++i) {
                    batch.push_back(desk->newCase(*clerk));
                }
                const auto result = desk->transport->push(desk->batch(batch));
                const auto* response = std::get_if<kep::sync::PushResponse>(&result);
                if (response == nullptr) {
                    unanswered = std::move(batch);  // the process is gone
                    return;
                }
                for (std::size_t i = 0; i < response->results.size(); ++i) {
                    if (response->results[i].settledOutcome() == kep::sync::OpOutcome::Applied) {
                        acked.insert(batch[i].entity.id);
                    }
                }
            }
        });
        QTest::qWait(700);
        const pid_t pid = servingPid(servers_[1].dataDir());
        QVERIFY(pid > 0);
        QCOMPARE(::kill(pid, SIGKILL), 0);
        servers_[1].waitForExit(5000);
        pushing = false;
        storm.join();
        QVERIFY2(acked.size() >= 20, qPrintable(QString::number(acked.size())));
        // The batch the killed process never answered, sent again (same ops, same sequence
        // numbers) to process 1: applied, or answered as the duplicates they are.
        kits_[0]->reconnect(*desk);
        if (!unanswered.empty()) {
            const auto result = desk->transport->push(desk->batch(unanswered));
            const auto* response = std::get_if<kep::sync::PushResponse>(&result);
            QVERIFY(response != nullptr);
            QCOMPARE(response->results.size(), unanswered.size());
            for (std::size_t i = 0; i < unanswered.size(); ++i) {
                QVERIFY(response->results[i].settledOutcome() == kep::sync::OpOutcome::Applied);
                acked.insert(unanswered[i].entity.id);
            }
        }

        auto reading = kits_[2]->enrolDesk("0101");
        QVERIFY2(reading, qPrintable(kits_[2]->errorString()));
        std::string error;
        const auto served = kep::test::pullOfficeCases(*reading, error);
        QVERIFY2(error.empty(), error.c_str());
        for (const auto& id : acked) {
            QVERIFY2(served.contains(id), id.c_str());
        }
        QCOMPARE(served.size(), acked.size());  // and nothing else
        qInfo("%zu cases acknowledged before the kill -9, all served by another process",
              acked.size());
    }

    // Three desks through HAProxy (one connection each, round robin: one per process) push
    // while one process is killed; they go on through the others, and every case acknowledged
    // to any of them is served afterwards, once.
    void behindHaproxyAKillLosesNothing() {
        auto& killed = servers_[1];
        QVERIFY2(killed.serve(), qPrintable(killed.errorString()));  // back after the last test
        const int frontend = freeLoopbackPort();
        QVERIFY(frontend > 0);
        QFile config(scratch_.filePath("haproxy.cfg"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(
            haproxyConfig(frontend, {servers_[0].port(), servers_[1].port(), servers_[2].port()}));
        config.close();
        QProcess haproxy;
        haproxy.setProcessChannelMode(QProcess::MergedChannels);
        haproxy.start("haproxy", {"-db", "-f", config.fileName()});
        QVERIFY2(haproxy.waitForStarted(5000), "haproxy did not start (scripts/install-deps)");
        QTest::qWait(500);
        QVERIFY2(haproxy.state() == QProcess::Running, haproxy.readAll().constData());
        const auto proxy =
            kep::net::Endpoint::fromUrl("https://127.0.0.1:" + std::to_string(frontend));

        std::vector<std::unique_ptr<BalancedDesk>> desks;
        for (int i = 0; i < 3; ++i) {
            auto desk = kits_[0]->enrolDesk("0101");
            QVERIFY2(desk, qPrintable(kits_[0]->errorString()));
            auto clerk = kits_[0]->actor(*desk, "clerk");
            QVERIFY2(clerk, qPrintable(kits_[0]->errorString()));
            desk->transport.reset();
            desk->client = std::make_unique<kep::net::HttpsClient>(proxy, kits_[0]->tlsFor(*desk));
            desk->transport = std::make_unique<kep::net::HttpsSyncTransport>(*desk->client);
            desks.push_back(std::make_unique<BalancedDesk>(BalancedDesk{std::move(*desk), *clerk}));
        }
        std::atomic<bool> running{true};
        std::vector<std::thread> threads;
        for (auto& desk : desks) {
            threads.emplace_back([&running, d = desk.get()] { d->push(running); });
        }
        QTest::qWait(1000);
        const pid_t pid = servingPid(killed.dataDir());
        QVERIFY(pid > 0);
        QCOMPARE(::kill(pid, SIGKILL), 0);
        killed.waitForExit(5000);
        QTest::qWait(1500);  // the desks go on through the other two
        running = false;
        for (auto& thread : threads) {
            thread.join();
        }
        std::set<std::string> acked;
        int resent = 0;
        for (const auto& desk : desks) {
            acked.insert(desk->acked.begin(), desk->acked.end());
            resent += desk->resent;
        }
        std::string error;
        const auto served = kep::test::pullOfficeCases(desks.front()->desk, error);
        QVERIFY2(error.empty(), error.c_str());
        for (const auto& id : acked) {
            QVERIFY2(served.contains(id), id.c_str());
        }
        qInfo(
            "behind HAProxy: %zu cases acknowledged by three processes, one killed -9 "
            "mid-run, %d batches sent again; all served",
            acked.size(), resent);
        haproxy.terminate();
        haproxy.waitForFinished(5000);
    }
};

QTEST_GUILESS_MAIN(tst_ThreeProcesses)
#include "tst_three_processes.moc"
