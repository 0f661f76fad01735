// Notices new catalogue publications — also those made by the separate `kep-server catalogue
// publish` process on the same database — and nudges every connected desk when one lands.
#pragma once

#include "catalogue/PublishedCatalogue.h"
#include "events/EventHub.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace kep::server::events {

// Polls PublishedCatalogue::refresh() every `period` on its own thread (one indexed row per
// poll), and on a new change sequence publishes catalogueNudge(seq) on the hub. A poll that
// fails (database busy) is retried at the next tick. Stops and joins on destruction.
class CatalogueWatch {
public:
    CatalogueWatch(catalogue::PublishedCatalogue& catalogue, EventHub& hub,
                   std::chrono::milliseconds period = std::chrono::seconds(2));
    ~CatalogueWatch();
    CatalogueWatch(const CatalogueWatch&) = delete;
    CatalogueWatch& operator=(const CatalogueWatch&) = delete;

    // One poll, as the thread makes it: returns true when it published a nudge.
    bool poll();

private:
    void run();

    catalogue::PublishedCatalogue& catalogue_;
    EventHub& hub_;
    std::chrono::milliseconds period_;
    std::int64_t announced_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace kep::server::events
