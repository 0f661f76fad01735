// Runs many simulated desks on a few threads: each desk is worked by one thread at a time, at
// the moment it asked for, so hundreds of desks need no thread each.
#pragma once

#include <chrono>
#include <vector>

#include "SimulatedDesk.h"

namespace kep::loadgen {

// A worker takes the desk whose wake-up time is earliest, sleeps until that time if it is still
// ahead, lets the desk do one exchange, and puts it back under its next wake-up time; a finished
// desk leaves the queue. With more desks than workers this is also the client side's limit on
// requests in flight (one per worker), as a desk's own thread is on a real desk.
class DeskScheduler {
public:
    DeskScheduler(std::vector<SimulatedDesk*> desks, int threads);

    // True when every desk finished before the deadline; false when time ran out (the desks
    // stay as they are, for the summary).
    bool run(std::chrono::steady_clock::time_point deadline);

private:
    std::vector<SimulatedDesk*> desks_;
    int threads_;
};

}  // namespace kep::loadgen
