#include "jobs/BackgroundJobs.h"

#include <exception>

namespace kep::server::jobs {

BackgroundJobs::BackgroundJobs(std::chrono::milliseconds interval, ErrorSink onError)
    : interval_(interval)
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
            bool busy = true;
            // A job with a backlog runs again at once, but a stop request is still heard.
            while (busy) {
                {
                    std::lock_guard lock(mutex_);
                    if (stopping_) {
                        return;
                    }
                }
                try {
                    busy = job.run();
                } catch (const std::exception& error) {
                    busy = false;
                    if (onError_) {
                        onError_(job.name, error.what());
                    }
                }
            }
        }
    }
}

}  // namespace kep::server::jobs
