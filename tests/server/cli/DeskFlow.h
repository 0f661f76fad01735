// A desk's filing and pulling as its sync engine does them, for the tests of kep-server on
// PostgreSQL: cases filed through SyncClient and pushed, and a fresh desk store's pull of the
// office's bucket.
#pragma once

#include "SyncTestKit.h"
#include "shared/sync/MemoryDeskStore.h"
#include "shared/sync/SyncClient.h"

#include <chrono>
#include <set>
#include <string>

namespace kep::test {

inline std::chrono::sys_time<std::chrono::milliseconds> deskNow() {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now());
}

// Files `cases` new cases as `clerk` and pushes them all; false (with the engine's error in
// `error`) when any is still pending or the engine failed.
inline bool fileCases(SyncDesk& desk, const kep::cases::Actor& clerk, int cases,
                      std::string& error) {
    kep::sync::MemoryDeskStore store;
    kep::domain::HybridLogicalClock clock;
    kep::sync::SyncClient engine({.deviceId = desk.deviceId(), .buckets = {desk.bucket()}}, store,
                                 store, *desk.transport, clock, deskNow,
                                 [] { return std::uint64_t{4}; });
    for (int i = 0; i < cases; ++i) {
        auto op = desk.newCase(clerk);
        store.append(op, deskNow());
    }
    while (engine.step()) {
    }
    error = engine.status().lastError;
    return store.pendingCount() == 0 && error.empty();
}

// Pulls the desk's office bucket from nothing; the ids of the cases it then holds (the engine's
// error in `error`).
inline std::set<std::string> pullOfficeCases(SyncDesk& desk, std::string& error) {
    kep::sync::MemoryDeskStore store;
    kep::domain::HybridLogicalClock clock;
    kep::sync::SyncClient engine({.deviceId = desk.deviceId(), .buckets = {desk.bucket()}}, store,
                                 store, *desk.transport, clock, deskNow,
                                 [] { return std::uint64_t{4}; });
    while (engine.step()) {
    }
    error = engine.status().lastError;
    std::set<std::string> ids;
    for (const auto& row : store.rowsIn(desk.bucket())) {
        ids.insert(row.ref.id);
    }
    return ids;
}

inline std::size_t pullOffice(SyncDesk& desk, std::string& error) {
    return pullOfficeCases(desk, error).size();
}

}  // namespace kep::test
