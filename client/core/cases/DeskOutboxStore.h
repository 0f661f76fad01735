// The desk's outbox in desk.db, as the sync engine's OutboxStore: ops appended inside the
// transaction that writes the edit they describe, drained and settled by the sync engine later.
#pragma once

#include "db/Database.h"
#include "shared/sync/OutboxStore.h"

namespace kep::desk::cases {

class DeskOutboxStore : public kep::sync::OutboxStore {
public:
    explicit DeskOutboxStore(kep::db::Database& db) : db_(db) {}

    // Must run inside the caller's open transaction (the edit's): it writes no transaction of
    // its own, so the op and the edit commit or roll back together.
    std::int64_t append(kep::sync::OutboxOp& op, kep::sync::Instant queuedAt) override;
    std::vector<kep::sync::OutboxOp> pendingOps(std::size_t limit) const override;
    std::size_t pendingCount() const override;
    std::optional<kep::sync::Instant> oldestPendingQueuedAt() const override;
    void settle(std::span<const kep::sync::Settlement> settlements) override;
    std::vector<kep::sync::OutboxEntry> needsAttention() const override;
    kep::domain::HlcTimestamp highestHlc() const override;
    // The desk's own audit entries (audit/AuditOutbox, issue 9), sent with the pushes.
    std::vector<kep::audit::AuditEntry> pendingAudit(std::size_t limit) const override;
    std::size_t pendingAuditCount() const override;
    void auditDelivered(std::span<const kep::audit::AuditEntry> entries) override;

private:
    kep::db::Database& db_;
};

}  // namespace kep::desk::cases
