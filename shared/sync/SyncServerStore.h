// What SyncServerCore needs from the server's database: transactional rows for devices' applied
// sequences and results, entities with per-field versions, and the bucketed change log.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "shared/audit/AuditEntry.h"
#include "shared/cases/CaseHistory.h"
#include "shared/sync/SyncMessages.h"

namespace kep::sync {

// One field of an entity as the server keeps it: the value, and who wrote it at which entity
// version and HLC — what the merge rule needs to tell a clash from a later edit.
struct FieldState {
    std::string value;
    std::int64_t version = 0;  // the entity version that wrote it
    domain::HlcTimestamp hlc;  // the (clamped) HLC of the op that wrote it
    std::string deviceId;      // the device of that op
    std::string actorId;       // the user who made the edit (the conflict inbox shows who)

    friend bool operator==(const FieldState&, const FieldState&) = default;
};

struct EntityRow {
    EntityRef ref;
    std::string bucket;
    std::int64_t version = 0;  // 1 at creation, +1 per change
    std::map<std::string, FieldState> fields;

    friend bool operator==(const EntityRow&, const EntityRow&) = default;
};

// The change log's row: a change, the bucket it belongs to, and the op that caused it (none for
// changes the server makes itself), so that exactly-once can be audited.
struct LoggedChange {
    std::string bucket;
    Change change;
    std::optional<domain::Uuid> causedBy;
};

// What a push answered for one (device, seq), kept so that a repeat gets the same answer.
struct StoredResult {
    domain::Uuid opId;
    OpOutcome outcome = OpOutcome::Applied;  // applied, rejected or conflict
    std::string reason;
    std::optional<std::int64_t> serverVersion;

    friend bool operator==(const StoredResult&, const StoredResult&) = default;
};

// The contract for the SQLite and PostgreSQL back-ends (server/lib/storage) and the in-memory one.
//
// Transactions: the core calls begin(), then the reads and writes below, then commit() or
// rollback(). One push batch is one transaction, so per-batch bookkeeping (one sequence update per
// device) stays cheap. commit() returns only when the transaction is durable (SQLite WAL with
// synchronous=FULL, or a committed PostgreSQL transaction): the core acknowledges nothing before
// it returns. If commit() throws, none of the transaction's writes may survive.
//
// Change sequence and the safe high-water mark (DESIGN.md decision 2: "a transaction that commits
// after a higher-numbered one must never be skipped by a pull"): appendChange() assigns the next
// number of one global sequence. safeHighWaterMark() is the highest seq S such that every seq
// at or below S is either committed or will never be (rolled back) — no transaction that could
// still commit holds a seq <= S. Pulls never return a change above it, and a cursor never moves
// past it, so a change that commits late is still after every cursor handed out.
//   - SQLite (one writer at a time): seqs are assigned inside the write transaction, so commit
//     order is seq order and the mark is simply the highest committed seq.
//   - PostgreSQL (several kep-server processes): a sequence hands out numbers before commit, so
//     commits can land out of order. Either keep a table of in-flight seqs (insert the reserved
//     range in its own short transaction, delete it with the batch's commit) and take
//     min(in-flight) - 1, or allocate seqs from a one-row counter updated as the batch's last
//     statement (the row lock serialises only the commits). Both give the property above.
class SyncServerStore {
public:
    virtual ~SyncServerStore() = default;

    virtual void begin() = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;

    // Inside a transaction.
    virtual std::int64_t lastAppliedSeq(std::string_view deviceId) = 0;
    virtual void setLastAppliedSeq(std::string_view deviceId, std::int64_t seq) = 0;
    virtual std::optional<StoredResult> result(std::string_view deviceId, std::int64_t seq) = 0;
    virtual void putResult(std::string_view deviceId, std::int64_t seq,
                           const StoredResult& result) = 0;
    virtual std::optional<EntityRow> entity(const EntityRef& ref) = 0;
    virtual void putEntity(const EntityRow& row) = 0;
    virtual void appendHistory(const EntityRef& ref, const cases::HistoryEntry& entry) = 0;
    // Stores the change with the next global seq (its change.seq is ignored) and returns the seq.
    virtual std::int64_t appendChange(LoggedChange change) = 0;
    // The push's audit entries (issue 9), once per push, last before commit(): they commit or
    // roll back with the ops they record. An entry whose entryId the log already holds is
    // skipped (a desk sending its entries again after a lost answer); an entry that is not well
    // formed (audit::problemWith) throws std::invalid_argument and the caller rolls back.
    virtual void appendAudit(std::span<const audit::AuditEntry> entries) = 0;
    // A hint, once per push before its ops are applied: the entities they name, so that a store
    // whose every read is a round trip (PostgreSQL) can fetch them in one. entity() must answer
    // the same with or without it; the default ignores it.
    virtual void prefetchEntities(std::span<const EntityRef> refs) { static_cast<void>(refs); }

    // Outside a write transaction (a pull reads committed data only).
    virtual std::int64_t safeHighWaterMark() = 0;
    // The bucket's changes with after < seq <= upTo, ascending, at most `limit`.
    virtual std::vector<Change> changesAfter(std::string_view bucket, std::int64_t after,
                                             std::int64_t upTo, std::size_t limit) = 0;
};

}  // namespace kep::sync
