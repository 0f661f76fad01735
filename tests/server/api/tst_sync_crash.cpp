// kill -9 of kep-server during a push storm, restarted on the same data folder, round after
// round (issue 6): every op the server acknowledged is present exactly once afterwards, and
// the database passes PRAGMA integrity_check.
#include "SyncTestKit.h"
#include "db/Database.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <atomic>
#include <csignal>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

using kep::test::ServerProcess;
using kep::test::SyncDesk;
using kep::test::SyncTestKit;

namespace {

constexpr int kRounds = 20;
constexpr qint64 kBudgetMs = 150'000;  // stop early (after at least kMinimumRounds) past this
constexpr int kMinimumRounds = 5;
constexpr std::size_t kBatch = 50;

// The pid of the `kep-server serve` process using `dataDir` (ServerProcess does not expose it).
pid_t serverPid(const QString& dataDir) {
    for (const auto& entry : QDir("/proc").entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool numeric = false;
        const pid_t pid = entry.toInt(&numeric);
        if (!numeric) {
            continue;
        }
        QFile file("/proc/" + entry + "/cmdline");
        if (!file.open(QIODevice::ReadOnly)) {
            continue;
        }
        const auto arguments = file.readAll().split('\0');
        if (arguments.contains("serve") && arguments.contains(dataDir.toUtf8())) {
            return pid;
        }
    }
    return 0;
}

// One desk of the storm: pushes batches of new cases as fast as the server answers, resends
// what was not answered (same ops, same sequence numbers) and records what was acknowledged.
class StormDesk {
public:
    StormDesk(SyncDesk desk, kep::cases::Actor actor) : desk_(std::move(desk)), actor_(actor) {}

    void run(SyncTestKit& kit, std::mutex& kitLock, const std::atomic<bool>& storming,
             const std::atomic<int>& generation) {
        int seenGeneration = -1;
        while (storming) {
            if (seenGeneration != generation) {
                std::lock_guard lock(kitLock);
                seenGeneration = generation;
                kit.reconnect(desk_);  // the restarted server listens on another port
            }
            pushOnce();
        }
    }

    // Pushes until everything queued was answered (the server is up).
    bool drain() {
        for (int attempt = 0; attempt < 100 && !queue_.empty(); ++attempt) {
            if (!pushOnce(false)) {
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
        }
        return queue_.empty();
    }

    const std::set<std::string>& acked() const { return acked_; }
    std::size_t created() const { return created_; }
    SyncDesk& desk() { return desk_; }

private:
    bool pushOnce(bool addNew = true) {
        if (queue_.empty() && addNew) {
            for (std::size_t i = 0; i < kBatch; ++i) {
                queue_.push_back(desk_.newCase(actor_));
                ++created_;
            }
        }
        if (queue_.empty()) {
            return true;
        }
        auto result = desk_.transport->push(desk_.batch(queue_));
        if (std::holds_alternative<kep::sync::TransportError>(result)) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            return false;
        }
        const auto& response = std::get<kep::sync::PushResponse>(result);
        std::vector<kep::sync::OutboxOp> rest;
        for (std::size_t i = 0; i < response.results.size(); ++i) {
            const auto& r = response.results[i];
            if (r.outcome == kep::sync::OpOutcome::Deferred) {
                rest.push_back(queue_[i]);
                continue;
            }
            if (r.settledOutcome() == kep::sync::OpOutcome::Applied) {
                acked_.insert(queue_[i].entity.id);
            } else {
                qWarning("op %s: %s", r.opId.toString().c_str(), r.reason.c_str());
            }
        }
        queue_ = std::move(rest);
        return true;
    }

    SyncDesk desk_;
    kep::cases::Actor actor_;
    std::vector<kep::sync::OutboxOp> queue_;
    std::set<std::string> acked_;  // case ids
    std::size_t created_ = 0;
};

}  // namespace

class tst_SyncCrash : public QObject {
    Q_OBJECT

private slots:
    void ackedOpsSurviveKill9Storms() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        ServerProcess server;
        QVERIFY2(server.start(true), qPrintable(server.errorString()));
        SyncTestKit kit(server);
        QVERIFY2(kit.setUp(), qPrintable(kit.errorString()));
        std::vector<std::unique_ptr<StormDesk>> desks;
        for (int i = 0; i < 3; ++i) {
            auto desk = kit.enrolDesk("0101");
            QVERIFY2(desk, qPrintable(kit.errorString()));
            auto clerk = kit.actor(*desk, "clerk");
            QVERIFY2(clerk, qPrintable(kit.errorString()));
            desks.push_back(std::make_unique<StormDesk>(std::move(*desk), *clerk));
        }

        std::mt19937 dice(20240611);
        std::mutex kitLock;
        std::atomic<bool> storming{true};
        std::atomic<int> generation{0};
        std::vector<std::thread> threads;
        for (auto& desk : desks) {
            threads.emplace_back(
                [&, d = desk.get()] { d->run(kit, kitLock, storming, generation); });
        }
        QElapsedTimer clock;
        clock.start();
        int rounds = 0;
        for (; rounds < kRounds; ++rounds) {
            if (clock.elapsed() > kBudgetMs && rounds >= kMinimumRounds) {
                break;
            }
            QTest::qWait(std::uniform_int_distribution<int>(150, 600)(dice));
            const pid_t pid = serverPid(server.dataDir());
            QVERIFY2(pid > 0, "no kep-server process found");
            QCOMPARE(::kill(pid, SIGKILL), 0);
            server.waitForExit(5000);
            bool started = false;
            {
                std::lock_guard lock(kitLock);
                started = server.serve();
                ++generation;
            }
            QVERIFY2(started, qPrintable(server.errorString()));
        }
        storming = false;
        for (auto& thread : threads) {
            thread.join();
        }
        std::size_t acked = 0;
        std::size_t created = 0;
        for (auto& desk : desks) {
            kit.reconnect(desk->desk());
            QVERIFY2(desk->drain(), "a desk could not push what it had left");
            acked += desk->acked().size();
            created += desk->created();
        }
        qInfo("%d kill -9 rounds in %lld ms; %zu cases created, %zu acknowledged", rounds,
              static_cast<long long>(clock.elapsed()), created, acked);
        QCOMPARE(acked, created);  // drained: every case was answered in the end

        // Every acknowledged case exactly once in the office's change log, nothing else.
        std::map<std::string, int> creates;
        std::int64_t cursor = 0;
        auto& reader = desks.front()->desk();
        for (;;) {
            QString error;
            auto pulled = kep::test::pullOnce(*reader.transport, reader.bucket(), cursor, &error);
            QVERIFY2(pulled, qPrintable(error));
            for (const auto& change : pulled->changes) {
                if (change.entity.type == "case" && change.version == 1) {
                    ++creates[change.entity.id];
                }
            }
            cursor = pulled->cursor;
            if (!pulled->hasMore) {
                break;
            }
        }
        QCOMPARE(creates.size(), acked);
        for (auto& desk : desks) {
            for (const auto& id : desk->acked()) {
                QVERIFY2(creates[id] == 1, id.c_str());
            }
        }
        QCOMPARE(server.stop(), 0);

        auto db = kep::db::Database::open((server.dataDir() + "/kep.db").toStdString(),
                                          {kep::db::OpenMode::ReadOnly, false});
        auto check = db.prepare("PRAGMA integrity_check");
        QVERIFY(check.step());
        QCOMPARE(check.text(0), std::string("ok"));
    }
};

QTEST_GUILESS_MAIN(tst_SyncCrash)
#include "tst_sync_crash.moc"
