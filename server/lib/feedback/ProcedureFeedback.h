// Clerks' flags on catalogue entries (issue 8, must-have 6): stored as they arrive from desks
// (once, however often a desk retries), listed per procedure for the central administration,
// and closed with a note once the catalogue is fixed.
#pragma once

#include "storage/ServerStore.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kep::server::feedback {

// outdated_fee | missing_document | wrong_authority | other.
bool isFeedbackKind(std::string_view kind);

struct NewFlag {
    std::string id;  // the desk's UUIDv7
    std::string procedureId;
    std::string kind;
    std::string text;
    std::string officeCode;
    std::string userId;
    std::string flaggedAt;  // ISO 8601 UTC, at the desk
};

struct Flag {
    NewFlag raised;
    std::string receivedAt;
    bool open = true;
    std::string closedBy;
    std::string closedAt;
    std::string closeNote;
};

// Every method takes the store's lock for its own statements; thread-safe.
class ProcedureFeedback {
public:
    explicit ProcedureFeedback(storage::ServerStore& store) : store_(store) {}

    // Stores the flag; the same id again stores nothing. Returns the flag as stored (the first
    // one when repeated), or nullopt when the id is another procedure's flag.
    std::optional<Flag> raise(const NewFlag& flag);
    std::optional<Flag> find(std::string_view id);
    // Open (or closed) flags, by procedure then oldest first; `procedureId` "" for every one.
    std::vector<Flag> list(bool open, std::string_view procedureId, int limit);
    // Closes an open flag; false when it is not open (closed already, or unknown).
    bool close(std::string_view id, std::string_view userId, std::string_view note);

private:
    storage::ServerStore& store_;
};

}  // namespace kep::server::feedback
