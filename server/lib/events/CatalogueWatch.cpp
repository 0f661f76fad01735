#include "events/CatalogueWatch.h"

#include <exception>

namespace kep::server::events {

CatalogueWatch::CatalogueWatch(catalogue::PublishedCatalogue& catalogue, EventHub& hub,
                               std::chrono::milliseconds period)
    : catalogue_(catalogue)
    , hub_(hub)
    , period_(period)
    , announced_(catalogue.refresh())  // what desks can already pull needs no nudge
    , thread_([this] { run(); }) {}

CatalogueWatch::~CatalogueWatch() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

bool CatalogueWatch::poll() {
    std::int64_t seq = 0;
    try {
        seq = catalogue_.refresh();
    } catch (const std::exception&) {
        return false;  // a busy or failing database: the next tick tries again
    }
    if (seq <= announced_) {
        return false;
    }
    announced_ = seq;
    hub_.publish(catalogueNudge(seq));
    return true;
}

void CatalogueWatch::run() {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, period_, [this] { return stopping_; })) {
        lock.unlock();
        poll();
        lock.lock();
    }
}

}  // namespace kep::server::events
