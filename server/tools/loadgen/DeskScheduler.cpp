#include "DeskScheduler.h"

#include <condition_variable>
#include <mutex>
#include <queue>
#include <thread>

namespace kep::loadgen {

namespace {

struct Due {
    Instant at;
    std::size_t desk;
    bool operator>(const Due& other) const {
        return at != other.at ? at > other.at : desk > other.desk;
    }
};

}  // namespace

DeskScheduler::DeskScheduler(std::vector<SimulatedDesk*> desks, int threads)
    : desks_(std::move(desks))
    , threads_(threads) {}

bool DeskScheduler::run(std::chrono::steady_clock::time_point deadline) {
    std::mutex mutex;
    std::condition_variable changed;
    std::priority_queue<Due, std::vector<Due>, std::greater<>> queue;
    std::size_t unfinished = desks_.size();
    bool timedOut = false;
    const auto start =
        std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
    for (std::size_t i = 0; i < desks_.size(); ++i) {
        queue.push({start, i});
    }

    auto worker = [&] {
        std::unique_lock lock(mutex);
        for (;;) {
            if (unfinished == 0 || timedOut) {
                return;
            }
            if (std::chrono::steady_clock::now() >= deadline) {
                timedOut = true;
                changed.notify_all();
                return;
            }
            if (queue.empty()) {  // every desk is being worked by another thread
                changed.wait_until(lock, deadline);
                continue;
            }
            const Due next = queue.top();
            const auto now = std::chrono::system_clock::now();
            if (next.at > now) {
                const auto wait = std::min<std::chrono::steady_clock::duration>(
                    next.at - now, deadline - std::chrono::steady_clock::now());
                changed.wait_for(lock, wait);
                continue;
            }
            queue.pop();
            lock.unlock();
            SimulatedDesk& desk = *desks_[next.desk];
            const Instant wake = desk.work();
            const bool done = desk.finished();
            lock.lock();
            if (done) {
                --unfinished;
            } else {
                queue.push({wake, next.desk});
            }
            changed.notify_all();
        }
    };
    std::vector<std::thread> workers;
    const int count = std::min<int>(threads_, static_cast<int>(desks_.size()));
    for (int i = 0; i < count; ++i) {
        workers.emplace_back(worker);
    }
    for (auto& thread : workers) {
        thread.join();
    }
    return !timedOut && unfinished == 0;
}

}  // namespace kep::loadgen
