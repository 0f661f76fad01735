// One recorded step of a case's life: who moved it from which status to which, when (UTC) and
// why. Stored with the case on both sides; the due-date rule reads the stopped-clock spans from it.
#pragma once

#include <chrono>
#include <string>

#include "shared/cases/Actor.h"
#include "shared/cases/CaseStatus.h"

namespace kep::cases {

// A point in time, UTC, to the millisecond (two automatic steps can share a second).
using Instant = std::chrono::sys_time<std::chrono::milliseconds>;

struct HistoryEntry {
    CaseStatus from = CaseStatus::Draft;
    CaseStatus to = CaseStatus::Draft;
    std::string actorId;
    ActorRole role = ActorRole::Clerk;
    Instant at{};
    std::string reason;  // empty unless the transition asks for one

    friend bool operator==(const HistoryEntry&, const HistoryEntry&) = default;
};

}  // namespace kep::cases
