// The desk's outbox as the sync engine sees it: queued ops in device order, and what the server
// answered for each. The desk's SQLite store and the in-memory one implement it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "shared/audit/AuditEntry.h"
#include "shared/cases/CaseHistory.h"
#include "shared/sync/SyncMessages.h"

namespace kep::sync {

using Instant = cases::Instant;

// Pending until the server answers; then applied, or kept for a person: rejected (with the
// server's reason) or conflict (the case merged, a value lost is in the conflict inbox).
enum class OpState { Pending, Applied, Rejected, Conflict };

struct OutboxEntry {
    OutboxOp op;
    OpState state = OpState::Pending;
    Instant queuedAt{};
    std::string reason;
    std::optional<std::int64_t> serverVersion;
};

struct Settlement {
    std::int64_t deviceSeq = 0;
    OpState state = OpState::Applied;
    std::string reason;
    std::optional<std::int64_t> serverVersion;
};

// Contract for implementations:
//   - append() is called inside the transaction that writes the edit's data rows, so an edit and
//     its op are stored together or not at all. It assigns op.deviceSeq = (highest ever assigned)
//     + 1 in that transaction: numbers are contiguous from 1 and never reused, even after the op
//     is settled or the outbox is pruned.
//   - settle() records the server's answers for several ops in one transaction.
//   - Rejected and conflicting ops are never deleted by the engine; needsAttention() lists them
//     until a person dismisses them (a desk operation outside this interface). Applied ops may be
//     pruned by the desk whenever it likes.
//   - highestHlc() lets a restarted desk's clock resume above every op it already queued.
//   - Audit entries (issue 9) the desk recorded itself wait beside the ops, oldest first, and
//     travel with the next push; the engine removes them (auditDelivered) only after the server
//     answered that push, which it does after its commit. A store that records none (a pull-only
//     engine) keeps the defaults.
class OutboxStore {
public:
    virtual ~OutboxStore() = default;

    virtual std::int64_t append(OutboxOp& op, Instant queuedAt) = 0;
    virtual std::vector<OutboxOp> pendingOps(std::size_t limit) const = 0;  // lowest seq first
    virtual std::size_t pendingCount() const = 0;
    virtual std::optional<Instant> oldestPendingQueuedAt() const = 0;
    virtual void settle(std::span<const Settlement> settlements) = 0;
    virtual std::vector<OutboxEntry> needsAttention() const = 0;
    virtual domain::HlcTimestamp highestHlc() const = 0;

    virtual std::vector<audit::AuditEntry> pendingAudit(std::size_t /*limit*/) const { return {}; }
    virtual std::size_t pendingAuditCount() const { return 0; }
    virtual void auditDelivered(std::span<const audit::AuditEntry> /*entries*/) {}
};

}  // namespace kep::sync
