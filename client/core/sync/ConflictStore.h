// The conflicts the server recorded for this desk's office, in desk.db: written by the replica as
// they are pulled, listed in the office manager's inbox, and resolved there in one action.
#pragma once

#include "db/Database.h"
#include "shared/cases/Actor.h"
#include "shared/cases/CaseHistory.h"
#include "shared/sync/SyncMessages.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kep::desk::sync {

// One side of a clash: the value, the desk and the user who wrote it, and when (by its HLC).
struct ConflictSide {
    std::string value;
    std::string device;
    std::string actorId;
    std::string actorName;  // the user's name when this desk knows it, else empty
    std::optional<kep::cases::Instant> at;
};

struct OpenConflict {
    std::string id;
    std::string bucket;
    std::int64_t version = 0;
    std::string entityType;
    std::string entityId;
    std::string protocolNumber;  // of the case, when it is on this desk
    std::string field;
    ConflictSide kept;  // what the server holds now
    ConflictSide lost;  // what the server did not keep
};

// KeepCurrent: the server's value stays. TakeLost: the value that lost is written after all
// (an ordinary set_fields on the case, as the server's conflict record says).
enum class ConflictChoice { KeepCurrent, TakeLost };

class ConflictStore {
public:
    explicit ConflictStore(kep::db::Database& db) : db_(db) {}

    // For the replica, inside its transaction.
    std::optional<std::int64_t> version(const std::string& id) const;
    void put(const std::string& id, const std::string& bucket, std::int64_t version,
             const kep::sync::FieldMap& fields);
    void forget(const std::string& id);

    // Oldest first (by the losing write's time), at most `limit`.
    std::vector<OpenConflict> open(int limit = 500) const;
    std::int64_t openCount() const;

    // In ONE transaction: the conflict marked resolved here and a set_fields on its state,
    // resolution and resolved_by queued; for TakeLost also the case's field set to the lost value
    // here and queued as a set_fields on the case. False (nothing written) when the conflict is
    // not open on this desk.
    bool resolve(const std::string& conflictId, ConflictChoice choice,
                 const kep::cases::Actor& manager, const std::string& deviceId,
                 kep::cases::Instant now);

private:
    kep::db::Database& db_;
};

}  // namespace kep::desk::sync
