// The server's background work (issue 7 on): notification delivery, registry requests, later the
// monthly reports and retention — each a job run on one worker thread, every interval and as
// soon as something wakes it (a committed push), never on a request's thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kep::server::jobs {

struct Job {
    std::string name;  // for the log: "notifications", "registry"
    // Does what is due now; returns true when it did something (it is then run again after a
    // short breather, so that a backlog drains without waiting an interval, yet the desks'
    // pushes get the database's write lock between two runs). An exception is logged by the
    // caller's `onError` and the job is tried again next interval.
    std::function<bool()> run;
};

// Thread-safe. Jobs are added before start(); stop() (or the destructor) joins the thread.
class BackgroundJobs {
public:
    using ErrorSink = std::function<void(const std::string& job, const std::string& what)>;

    explicit BackgroundJobs(std::chrono::milliseconds interval = std::chrono::seconds{1},
                            ErrorSink onError = {},
                            std::chrono::milliseconds breather = std::chrono::milliseconds{20});
    ~BackgroundJobs();
    BackgroundJobs(const BackgroundJobs&) = delete;
    BackgroundJobs& operator=(const BackgroundJobs&) = delete;

    void add(Job job);
    void start();
    void stop();
    // Runs the jobs soon, without waiting for the interval.
    void wake();

private:
    void loop();
    // Waits `for` unless stop() is called meanwhile; false when stopping.
    bool pause(std::chrono::milliseconds duration);

    std::chrono::milliseconds interval_;
    std::chrono::milliseconds breather_;
    ErrorSink onError_;
    std::vector<Job> jobs_;
    std::mutex mutex_;
    std::condition_variable wakeUp_;
    bool woken_ = false;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace kep::server::jobs
