// A seeded world of 2–8 desks and one server running the real sync engine and server core over
// a faulty network, then healed and checked: no acknowledged op lost, exactly once, convergence,
// cursors never back, nothing rejected or conflicting out of a person's sight.
#pragma once

#include <cstdint>
#include <string>

namespace kep::sync {
class MemorySyncServerStore;
}

namespace kep::sync::sim {

// How much of each fault one seed saw, summed over a run to show the faults really happen.
struct SimStats {
    std::uint64_t desks = 0;
    std::uint64_t ops = 0;
    std::uint64_t applied = 0;
    std::uint64_t rejected = 0;
    std::uint64_t conflicts = 0;
    std::uint64_t droppedRequests = 0;
    std::uint64_t droppedResponses = 0;
    std::uint64_t delayedDuplicates = 0;
    std::uint64_t serverCrashes = 0;  // commits lost, and restarts
    std::uint64_t deskRestarts = 0;
    std::uint64_t offlineSpells = 0;
    std::uint64_t skewedDesks = 0;  // a clock a year off
    std::uint64_t clampedOps = 0;
    std::uint64_t nudges = 0;

    SimStats& operator+=(const SimStats& other);
};

struct SimResult {
    bool ok = true;
    std::string failure;       // the property that failed, and the last events before it
    std::uint64_t digest = 0;  // of the final server and desk state: equal runs, equal digests
    SimStats stats;
};

// Runs one seed. `trace` prints every event to stderr (for a replay under KEP_SIM_SEED).
// `server`, when given, is the server's store instead of a fresh in-memory one: a subclass that
// also drives a durable back-end (tests/server/sync) runs the same seeds over it.
SimResult runSimulation(std::uint64_t seed, bool trace = false,
                        MemorySyncServerStore* server = nullptr);

}  // namespace kep::sync::sim
