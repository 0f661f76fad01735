// Makes the ops a desk queues for its edits: a fresh UUIDv7 and an HLC timestamp on each, the
// device named; the outbox gives the sequence number when it stores the op with the edit.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "shared/cases/Actor.h"
#include "shared/cases/CaseStatus.h"
#include "shared/domain/HybridLogicalClock.h"
#include "shared/domain/Uuid.h"
#include "shared/sync/SyncMessages.h"

namespace kep::sync {

// The desk's UI code calls these inside the transaction that writes the edit, then passes the op
// to OutboxStore::append() in the same transaction. baseVersion is the replica row's version the
// edit was made on (0 for an entity the server has not sent yet).
class OutboxOpFactory {
public:
    OutboxOpFactory(std::string deviceId, domain::HybridLogicalClock& clock,
                    domain::UuidV7Generator& ids);

    OutboxOp create(EntityRef entity, std::string bucket, cases::Actor actor, FieldMap fields);
    OutboxOp setFields(EntityRef entity, std::string bucket, cases::Actor actor,
                       std::int64_t baseVersion, FieldMap fields);
    OutboxOp transition(EntityRef entity, std::string bucket, cases::Actor actor,
                        std::int64_t baseVersion, cases::CaseStatus to, std::string reason);
    // The same, with the target status as a code, so that a desk (or a test) can queue a code
    // this build does not know; the server rejects it with a reason.
    OutboxOp transition(EntityRef entity, std::string bucket, cases::Actor actor,
                        std::int64_t baseVersion, std::string_view toCode, std::string reason);

    const std::string& deviceId() const { return deviceId_; }

private:
    OutboxOp base(OpKind kind, EntityRef entity, std::string bucket, cases::Actor actor,
                  std::int64_t baseVersion);

    std::string deviceId_;
    domain::HybridLogicalClock& clock_;
    domain::UuidV7Generator& ids_;
};

}  // namespace kep::sync
