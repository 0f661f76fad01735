#include "jobs/BackgroundJobs.h"

#include <exception>

namespace kep::server::jobs {

BackgroundJobs::BackgroundJobs(std::chrono::milliseconds interval, ErrorSink onError,
                               std::chrono::milliseconds breather)
    : interval_(interval)
    , breather_(breather)
    , onError_(std::move(onError)) {}

BackgroundJobs::~BackgroundJobs() {
    stop();
}

void BackgroundJobs::add(Job job) {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(job));
}

void BackgroundJobs::start() {
    std::lock_guard lock(mutex_);
    if (!thread_.joinable()) {
        stopping_ = false;
        thread_ = std::thread([this] { loop(); });
    }
}

void BackgroundJobs::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wakeUp_.notify_all();
    if (thread_.joinable()) {
        thread_.join();
    }
}

void BackgroundJobs::wake() {
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    wakeUp_.notify_all();
}

void BackgroundJobs::loop() {
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            wakeUp_.wait_for(lock, interval_, [this] { return woken_ || stopping_; });
            if (stopping_) {
                return;
            }
            woken_ = false;
        }
        // jobs_ is not changed after start(): it is read without the lock.
        for (const Job& job : jobs_) {
            bool busy = false;
            // A job with a backlog runs again after a breather; a stop request is still heard.
            do {
                if (busy && !pause(breather_)) {
                    return;
                }
                try {
                    busy = job.run();
                } catch (const std::exception& error) {
                    busy = false;
                    if (onError_) {
                        onError_(job.name, error.what());
                    }
                }
            } while (busy);
        }
    }
}

bool BackgroundJobs::pause(std::chrono::milliseconds duration) {
    std::unique_lock lock(mutex_);
    return !wakeUp_.wait_for(lock, duration, [this] { return stopping_; });
}

}  // namespace kep::server::jobs
