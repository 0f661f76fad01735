// SyncServerStore over PostgreSQL (issue 10): the same behaviour as SqliteSyncServerStore for
// several kep-server processes on one database (storage/pg/migrations), with the audit log.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shared/sync/SyncServerStore.h"
#include "storage/pg/PgConnection.h"
#include "sync/SyncStoreRows.h"

namespace kep::server::sync {

// The lock every sync writer of every kep-server process takes at begin() and holds to COMMIT
// (pg_advisory_xact_lock): one sync writer at a time across processes.
inline constexpr std::int64_t kSyncWriterLockKey = 0x6b657073796e6377;  // "kepsyncw"

// Change seqs under several writers: the one-row counter (sync_counter), read by begin() once it
// holds the sync writers' lock. A writer takes seqs only while it holds the lock and writes the
// counter's new value in the same transaction, so transactions that take seqs commit in seq
// order, and a rolled-back one leaves the counter (and no gap) behind. Hence the committed
// counter, sync_counter.last_seq, is the safe high-water mark: every seq at or below it is
// committed, and every seq a writer still holds is above it. A pull that reads the mark and then
// changesAfter(…, mark) sees every change up to the mark; one committed later is above it.
// sync_result's numbers are taken the same way. The audit log's leaf indices
// (sync_counter.last_leaf) are shared with AuditLog, which has no part in the sync writers' lock
// and locks the counter's row instead: a sync writer locks the row too, at commit, just before it
// numbers its entries, so leaves stay dense and in commit order while an audited read never
// waits for a whole push. The lock is taken at begin(), not at the first seq, because the core's
// read-then-write of entities and device sequences needs the writers serialised too (READ
// COMMITTED would lose an update between two processes). Throughput therefore comes from the
// batch: one push is one transaction of about a dozen round trips whatever its size — its
// entities read in one (prefetchEntities()), its writes sent at commit by COPY (every row known
// to be new) and a few set-based statements (updates) — and from PgCommitGroup, which lets the
// pushes of one process share a transaction.
//
// The connection must be migrated (pg::migrate()); PostgreSQL's synchronous_commit=on makes
// commit() return only once the batch is durable. Not thread-safe: one store per connection,
// one connection per thread (the statements are prepared on it under the names "sync_*").
class PgSyncServerStore : public kep::sync::SyncServerStore {
public:
    explicit PgSyncServerStore(kep::server::pg::Connection& db);
    ~PgSyncServerStore() override;
    PgSyncServerStore(const PgSyncServerStore&) = delete;
    PgSyncServerStore& operator=(const PgSyncServerStore&) = delete;

    void begin() override;
    void commit() override;
    void rollback() override;

    std::int64_t lastAppliedSeq(std::string_view deviceId) override;
    void setLastAppliedSeq(std::string_view deviceId, std::int64_t seq) override;
    std::optional<kep::sync::StoredResult> result(std::string_view deviceId,
                                                  std::int64_t seq) override;
    void putResult(std::string_view deviceId, std::int64_t seq,
                   const kep::sync::StoredResult& result) override;
    std::optional<kep::sync::EntityRow> entity(const kep::sync::EntityRef& ref) override;
    void putEntity(const kep::sync::EntityRow& row) override;
    void appendHistory(const kep::sync::EntityRef& ref,
                       const kep::cases::HistoryEntry& entry) override;
    std::int64_t appendChange(kep::sync::LoggedChange change) override;
    void appendAudit(std::span<const kep::audit::AuditEntry> entries) override;
    void prefetchEntities(std::span<const kep::sync::EntityRef> refs) override;

    std::int64_t safeHighWaterMark() override;
    std::vector<kep::sync::Change> changesAfter(std::string_view bucket, std::int64_t after,
                                                std::int64_t upTo, std::size_t limit) override;

    // Group commit (PgCommitGroup.h): several pushes in the one open transaction, each kept or
    // dropped on its own before the one COMMIT. markPush() inside a transaction starts a push;
    // keepPush() adds its writes to the transaction's, dropPush() undoes them alone.
    void markPush();
    void keepPush();
    void dropPush();
    bool inTransaction() const { return open_; }
    // The counter as the last commit() left it, or as the open transaction found it.
    std::int64_t committedSeq() const { return committedSeq_; }

    // Committed state, for checks and tools (tests, the bench).
    std::vector<kep::cases::HistoryEntry> history(const kep::sync::EntityRef& ref);
    std::vector<kep::sync::EntityRow> entitiesIn(std::string_view bucket);
    std::int64_t storedResultCount();
    std::int64_t auditEntryCount();

private:
    // The open transaction's writes, sent at commit(): reads inside it look here first.
    struct PendingResult {
        std::string deviceId;
        std::int64_t deviceSeq = 0;
        std::int64_t resultNo = 0;
        kep::sync::StoredResult result;
        std::int64_t firstSeq = 0;
        std::int64_t lastSeq = 0;
        std::array<std::uint8_t, 32> digest{};
    };
    struct PendingEntity {
        kep::sync::EntityRow row;
        EntityColumns columns;
    };
    struct PendingChange {
        std::int64_t seq = 0;
        kep::sync::LoggedChange logged;
        std::string fields;
    };
    struct PendingHistory {
        kep::sync::EntityRef ref;
        kep::cases::HistoryEntry entry;
    };
    using EntityKey = std::pair<std::string, std::string>;   // type, id
    using ResultKey = std::pair<std::string, std::int64_t>;  // device, device seq
    // What markPush() saw: the sizes of the appended lists and the counters, and what each map
    // entry the push wrote held before (nullopt: absent).
    struct PushMark {
        std::size_t changes = 0;
        std::size_t history = 0;
        std::size_t audit = 0;
        std::int64_t lastSeq = 0;
        std::int64_t lastResult = 0;
        std::vector<std::pair<std::string, std::optional<std::int64_t>>> seqs;
        std::vector<ResultKey> results;
        std::vector<std::pair<EntityKey, std::optional<PendingEntity>>> entities;
    };

    void requireOpen() const;
    void flush();
    void flushEntities();
    void flushResults();
    void flushAudit();
    // Reads or adds the number of every device the open transaction writes (deviceNos_).
    void numberDevices();
    std::int64_t deviceNo(std::string_view deviceId) const;
    void forgetTransaction();

    kep::server::pg::Connection& db_;
    bool open_ = false;
    std::int64_t committedSeq_ = 0;  // the counter as the open transaction found it
    std::int64_t lastSeq_ = 0;
    std::int64_t lastResult_ = 0;
    std::int64_t committedResult_ = 0;
    std::int64_t lastLeaf_ = 0;
    std::int64_t committedLeaf_ = 0;
    std::map<std::string, std::int64_t, std::less<>> pendingSeqs_;
    std::map<ResultKey, PendingResult> pendingResults_;
    std::map<EntityKey, PendingEntity> pendingEntities_;
    // What prefetchEntities() read, absent ones as nullopt: valid to the transaction's end, as
    // no other writer runs meanwhile.
    std::map<EntityKey, std::optional<kep::sync::EntityRow>> fetched_;
    // sync_device.device_no of the devices the transaction read or added: COPY into sync_result
    // takes the number, not the id.
    std::map<std::string, std::int64_t, std::less<>> deviceNos_;
    std::vector<PendingChange> pendingChanges_;
    std::vector<PendingHistory> pendingHistory_;
    std::vector<kep::audit::AuditEntry> pendingAudit_;  // leaf indices taken at flushAudit()
    std::set<std::string, std::less<>> pendingAuditIds_;
    std::optional<PushMark> mark_;
    ResultRecord opRecord_;  // the changes the current op caused, for its stored result
};

}  // namespace kep::server::sync
