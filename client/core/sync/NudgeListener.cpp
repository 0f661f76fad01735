#include "sync/NudgeListener.h"

#include <random>

namespace kep::desk::sync {

namespace {
// How long one read waits: also how soon stop() is noticed.
constexpr std::chrono::milliseconds kReadSlice{500};
// A connection that stayed up this long was healthy: the next failure starts the backoff over.
constexpr std::chrono::seconds kHealthyConnection{30};

kep::sync::Instant wallNow() {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now());
}
}  // namespace

NudgeListener::NudgeListener(std::function<std::unique_ptr<NudgeChannel>()> channels,
                             Callbacks callbacks, kep::sync::BackoffPolicy backoff)
    : channels_(std::move(channels))
    , callbacks_(std::move(callbacks))
    , backoff_(backoff) {}

NudgeListener::~NudgeListener() {
    stop();
}

void NudgeListener::start() {
    if (!thread_.joinable() && channels_) {
        stopping_ = false;
        thread_ = std::thread([this] { run(); });
    }
}

void NudgeListener::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) {
        thread_.join();
    }
}

void NudgeListener::pause(std::chrono::milliseconds delay) {
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, delay, [this] { return stopping_.load(); });
}

void NudgeListener::run() {
    kep::sync::RetryBackoff backoff(backoff_);
    std::mt19937_64 dice(std::random_device{}());
    while (!stopping_) {
        const kep::sync::Instant attempt = wallNow();
        bool connected = false;
        try {
            const auto channel = channels_();
            channel->open();
            connected = true;
            callbacks_.connectionChanged(true);
            while (!stopping_) {
                if (const auto nudge = channel->next(kReadSlice)) {
                    callbacks_.nudged(*nudge);
                }
            }
        } catch (const std::exception&) {
            // Offline or refused: the engine's periodic pull goes on without nudges.
        }
        if (connected) {
            callbacks_.connectionChanged(false);
            if (wallNow() - attempt >= kHealthyConnection) {
                backoff.reset();
            }
        }
        if (!stopping_) {
            const kep::sync::Instant now = wallNow();
            pause(backoff.afterFailure(attempt, now, dice()) - now);
        }
    }
}

}  // namespace kep::desk::sync
