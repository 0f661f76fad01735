// The worker thread: jobs run every interval and at once when woken, a backlog drains without
// waiting, a failing job is reported and tried again, and stop() returns promptly.
#include <QTest>

#include "jobs/BackgroundJobs.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

using kep::server::jobs::BackgroundJobs;
using namespace std::chrono_literals;

namespace {

template <typename Predicate>
bool eventually(Predicate done, std::chrono::milliseconds within = 5s) {
    const auto deadline = std::chrono::steady_clock::now() + within;
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) {
            return false;
        }
        std::this_thread::sleep_for(2ms);
    }
    return true;
}

}  // namespace

class tst_BackgroundJobs : public QObject {
    Q_OBJECT

private slots:
    void wakeRunsAtOnceAndBacklogDrains() {
        BackgroundJobs jobs(1h);  // the interval never elapses in this test
        std::atomic<int> backlog{0};
        std::atomic<int> runs{0};
        jobs.add({"drain", [&] {
                      ++runs;
                      if (backlog > 0) {
                          --backlog;
                          return true;
                      }
                      return false;
                  }});
        jobs.start();
        backlog = 5;
        jobs.wake();
        QVERIFY(eventually([&] { return backlog == 0 && runs >= 6; }));
    }

    void intervalRunsWithoutWake() {
        BackgroundJobs jobs(20ms);
        std::atomic<int> runs{0};
        jobs.add({"tick", [&] {
                      ++runs;
                      return false;
                  }});
        jobs.start();
        QVERIFY(eventually([&] { return runs >= 3; }));
    }

    void failureIsReportedAndRetried() {
        std::atomic<int> failures{0};
        std::string failedJob;
        std::mutex mutex;
        BackgroundJobs jobs(10ms, [&](const std::string& job, const std::string&) {
            std::lock_guard lock(mutex);
            failedJob = job;
            ++failures;
        });
        jobs.add({"flaky", []() -> bool { throw std::runtime_error("down"); }});
        jobs.start();
        QVERIFY(eventually([&] { return failures >= 2; }));
        std::lock_guard lock(mutex);
        QCOMPARE(failedJob, std::string{"flaky"});
    }

    void stopEndsABusyJob() {
        BackgroundJobs jobs(1h);
        std::atomic<int> runs{0};
        jobs.add({"endless", [&] {
                      ++runs;
                      return true;  // always more to do
                  }});
        jobs.start();
        jobs.wake();
        QVERIFY(eventually([&] { return runs > 10; }));
        const auto before = std::chrono::steady_clock::now();
        jobs.stop();
        QVERIFY(std::chrono::steady_clock::now() - before < 2s);
    }
};

QTEST_GUILESS_MAIN(tst_BackgroundJobs)
#include "tst_background_jobs.moc"
