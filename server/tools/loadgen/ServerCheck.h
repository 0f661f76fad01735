// The end of a run: every office's bucket read back from the server and compared with what the
// desks' outboxes say was acknowledged — no case lost, none twice, each in its expected status.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "SimulatedDesk.h"

namespace kep::loadgen {

struct CheckResult {
    bool ok = false;
    bool read = false;                // every bucket could be read to its end
    std::uint64_t expectedCases = 0;  // creates the server acknowledged as applied
    std::uint64_t casesOnServer = 0;
    std::uint64_t missing = 0;      // acknowledged, not on the server
    std::uint64_t duplicated = 0;   // created twice, or a change applied twice
    std::uint64_t unexpected = 0;   // on the server, never acknowledged as applied
    std::uint64_t wrongStatus = 0;  // its status is not the last applied transition's
    std::uint64_t inDoubt = 0;      // still pending in an outbox: not judged
    // The read-back is a full pull of every office bucket from cursor 0: its time and size are
    // the pull side of the PouchDB comparison (tests/bench/pouchdb/compare).
    std::uint64_t changesRead = 0;
    double readSeconds = 0;
    std::string firstProblem;  // ids and codes only, for stderr
};

// What the desks' answered ops say the server holds for one case; nullopt while any of its ops
// is unanswered (the server may or may not have applied it: not judged).
struct CaseExpectation {
    std::string caseId;
    struct Held {
        bool present = false;       // its create was applied
        std::string status;         // the last applied transition's (or the filed one)
        std::uint64_t changes = 0;  // the create and each applied transition: one change each
    };
    std::optional<Held> held;
};

// One case as an office bucket shows it.
struct CaseOnServer {
    std::uint64_t creations = 0;  // changes at version 1
    std::uint64_t changes = 0;
    std::int64_t lastVersion = 0;
    bool versionRepeated = false;  // a version not above the one before it
    std::string status;
};

// Compares one office's expectations with its bucket, adding to `result`'s counts.
void judgeBucket(const std::vector<CaseExpectation>& expected,
                 const std::map<std::string, CaseOnServer>& bucket, CheckResult& result);

// Reads each office's bucket from cursor 0 through the link of that office's first desk (a
// transport error is retried until `deadline`).
CheckResult checkServer(const std::vector<std::unique_ptr<SimulatedDesk>>& desks,
                        std::chrono::steady_clock::time_point deadline);

}  // namespace kep::loadgen
