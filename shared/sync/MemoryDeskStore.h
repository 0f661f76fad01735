// A desk's outbox and replica in memory, each method one atomic step: the store of the
// simulation's desks, of the engine's tests and of kep-loadgen's simulated desks.
#pragma once

#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "shared/sync/OutboxStore.h"
#include "shared/sync/ReplicaStore.h"

namespace kep::sync {

struct ReplicaRow {
    EntityRef ref;
    std::string bucket;
    std::int64_t version = 0;
    FieldMap fields;

    friend bool operator==(const ReplicaRow&, const ReplicaRow&) = default;
};

class MemoryDeskStore final : public OutboxStore, public ReplicaStore {
public:
    std::int64_t append(OutboxOp& op, Instant queuedAt) override;
    std::vector<OutboxOp> pendingOps(std::size_t limit) const override;
    std::size_t pendingCount() const override { return pending_; }
    std::optional<Instant> oldestPendingQueuedAt() const override;
    void settle(std::span<const Settlement> settlements) override;
    std::vector<OutboxEntry> needsAttention() const override;
    domain::HlcTimestamp highestHlc() const override { return highestHlc_; }

    // A read the desk audits itself (issue 9): queued until a push's answer.
    void recordAudit(audit::AuditEntry entry) { audit_.push_back(std::move(entry)); }
    std::vector<audit::AuditEntry> pendingAudit(std::size_t limit) const override;
    std::size_t pendingAuditCount() const override { return audit_.size(); }
    void auditDelivered(std::span<const audit::AuditEntry> entries) override;

    std::int64_t cursor(std::string_view bucket) const override;
    void applyPulled(std::string_view bucket, std::span<const Change> changes,
                     std::int64_t newCursor) override;

    // For the desk's reads and for checks.
    std::optional<ReplicaRow> row(const EntityRef& ref) const;
    std::vector<ReplicaRow> rowsIn(std::string_view bucket) const;
    const std::vector<OutboxEntry>& entries() const { return entries_; }  // by deviceSeq

private:
    std::vector<OutboxEntry> entries_;  // index = deviceSeq - 1
    std::size_t firstPending_ = 0;      // no pending entry below this index
    std::size_t pending_ = 0;
    domain::HlcTimestamp highestHlc_;
    std::deque<audit::AuditEntry> audit_;  // oldest first
    std::map<EntityRef, ReplicaRow> rows_;
    std::map<std::string, std::int64_t, std::less<>> cursors_;
};

}  // namespace kep::sync
