// Keeps the sync WebSocket open on a thread of its own and hands every nudge to the sync loop;
// after a failure it reconnects with backoff and jitter, never more than once a second.
#pragma once

#include "shared/sync/RetryBackoff.h"
#include "sync/SyncConnector.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace kep::desk::sync {

class NudgeListener {
public:
    struct Callbacks {
        std::function<void(const kep::sync::Nudge&)> nudged;
        // true after each (re)connection, false when it is lost: a desk that was not listening
        // may have missed nudges and should pull.
        std::function<void(bool connected)> connectionChanged;
    };

    NudgeListener(std::function<std::unique_ptr<NudgeChannel>()> channels, Callbacks callbacks,
                  kep::sync::BackoffPolicy backoff = {});
    ~NudgeListener();  // stops and joins

    void start();
    void stop();  // returns once the thread ended: within one read slice (half a second)

private:
    void run();
    void pause(std::chrono::milliseconds delay);

    std::function<std::unique_ptr<NudgeChannel>()> channels_;
    Callbacks callbacks_;
    kep::sync::BackoffPolicy backoff_;
    std::atomic<bool> stopping_{false};
    std::mutex mutex_;
    std::condition_variable wake_;
    std::thread thread_;
};

}  // namespace kep::desk::sync
