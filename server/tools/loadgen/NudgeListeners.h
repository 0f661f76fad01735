// Every desk's nudge WebSocket (/api/v1/sync/ws) held open through a run, as real desks hold
// theirs, and read all along: shows that the server keeps thousands of them open and that each
// desk hears of its own office's changes (issue 6: "3,000 desks connected at once").
#pragma once

#include "Fleet.h"

#include "net/HttpsClient.h"
#include "net/NudgeSocketGroup.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace kep::loadgen {

struct NudgeCounts {
    std::size_t opened = 0;     // upgrades the server accepted
    std::size_t failed = 0;     // upgrades refused or not answered
    double openSeconds = 0;     // to open them all
    double heldSeconds = 0;     // from the last one open to these counts
    std::size_t openAtEnd = 0;  // still open after the sync: none closed by the server
    // Desks whose socket stayed open and heard a nudge of their own office, which another desk
    // of the office caused (the server does not nudge the desk that pushed): so it takes
    // --desks-per-office 2 or more for every desk to hear one.
    std::size_t heard = 0;
    std::uint64_t nudges = 0;  // nudges of their own office heard, all desks together
    std::string firstFailure;  // why the first socket that failed or closed did so
};

class NudgeListeners {
public:
    // Opens one socket per desk with the desk's certificate, and reads them all from then on.
    // A socket that cannot open is counted as failed; the run goes on.
    NudgeListeners(const std::vector<DeskIdentity>& desks, const net::Endpoint& server,
                   const std::string& caFile);

    // Nudges of the last pushes may still be on their way when the sync ends: waits until
    // every open socket has heard one, or until `deadline`.
    void awaitNudges(std::chrono::steady_clock::time_point deadline);

    NudgeCounts counts() const;

    // Closes the sockets cleanly; the counts no longer change.
    void close() { group_.close(); }

private:
    net::NudgeSocketGroup group_;
    double openSeconds_ = 0;
    std::chrono::steady_clock::time_point openedAt_;
};

}  // namespace kep::loadgen
