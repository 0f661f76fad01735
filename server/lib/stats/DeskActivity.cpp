#include "stats/DeskActivity.h"

#include <algorithm>
#include <chrono>

namespace kep::server::stats {

namespace {

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

void DeskActivity::pushed(std::string_view deviceId) {
    pushed(deviceId, nowMs());
}

void DeskActivity::pulled(std::string_view deviceId) {
    pulled(deviceId, nowMs());
}

void DeskActivity::pushed(std::string_view deviceId, std::int64_t atMs) {
    note(deviceId, atMs, &DeskSeen::pushedAtMs);
}

void DeskActivity::pulled(std::string_view deviceId, std::int64_t atMs) {
    note(deviceId, atMs, &DeskSeen::pulledAtMs);
}

void DeskActivity::note(std::string_view deviceId, std::int64_t atMs,
                        std::optional<std::int64_t> DeskSeen::*slot) {
    std::lock_guard lock(mutex_);
    auto [it, added] = pending_.try_emplace(std::string{deviceId});
    it->second.deviceId = it->first;
    auto& time = it->second.*slot;
    time = std::max(time.value_or(atMs), atMs);
}

std::vector<DeskSeen> DeskActivity::drain() {
    std::map<std::string, DeskSeen, std::less<>> taken;
    {
        std::lock_guard lock(mutex_);
        taken.swap(pending_);
    }
    std::vector<DeskSeen> out;
    out.reserve(taken.size());
    for (auto& [id, seen] : taken) {
        out.push_back(std::move(seen));
    }
    return out;
}

}  // namespace kep::server::stats
