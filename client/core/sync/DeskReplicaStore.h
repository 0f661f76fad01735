// The desk's replica of its office as the sync engine's ReplicaStore: pulled cases go into
// desk.db's case tables, conflicts into the manager's inbox, each batch with its cursor.
#pragma once

#include "db/Database.h"
#include "shared/cases/CaseHistory.h"
#include "shared/sync/ReplicaStore.h"

#include <functional>
#include <map>
#include <memory>

namespace kep::desk::sync {

// Beyond ReplicaStore's contract:
//   - A batch is folded per entity first (the changes above the row's version, in order), so a
//     case filed, submitted and sent for approval in one batch is written once, with one step
//     in its history, and a case this desk filed does not seem to step back through draft.
//   - A field that an op still waiting in the outbox writes keeps the desk's value: the op is
//     the newer intent, and the server's answer to it comes in a later pull.
//   - Cases and conflicts of `office:<code>` buckets go into their tables; any other entity is
//     kept as sent (replica_entity), so nothing pulled is dropped.
//   - Nothing is queued in the outbox: these rows are the server's already.
//
// Speed (a fresh desk pulls its office's tens of thousands of cases): every statement is prepared
// once for the store's life, and a page is applied in one transaction. desk.db must be migrated
// before the store is made.
class DeskReplicaStore final : public kep::sync::ReplicaStore {
public:
    using Clock = std::function<kep::cases::Instant()>;

    DeskReplicaStore(kep::db::Database& db, Clock clock);
    ~DeskReplicaStore() override;
    DeskReplicaStore(const DeskReplicaStore&) = delete;
    DeskReplicaStore& operator=(const DeskReplicaStore&) = delete;

    std::int64_t cursor(std::string_view bucket) const override;
    void applyPulled(std::string_view bucket, std::span<const kep::sync::Change> changes,
                     std::int64_t newCursor) override;

private:
    struct Statements;

    kep::db::Database& db_;
    Clock clock_;
    std::unique_ptr<Statements> sql_;
};

}  // namespace kep::desk::sync
