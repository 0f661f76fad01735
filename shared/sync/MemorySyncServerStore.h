// SyncServerStore in memory: the store of the deterministic simulation, the unit tests and the
// ingest benchmark. It can be made to fail at commit, which loses the transaction like a crash.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "shared/sync/SyncServerStore.h"

namespace kep::sync {

class MemorySyncServerStore : public SyncServerStore {
public:
    // Thrown by commit() when the fault hook fires: the transaction is gone, as after a crash.
    class CommitLost : public std::runtime_error {
    public:
        CommitLost() : std::runtime_error("server store: the transaction was lost at commit") {}
    };

    // Asked at every commit; true makes that commit fail (the simulation's "server crash").
    void setCommitFault(std::function<bool()> fault) { commitFault_ = std::move(fault); }

    void begin() override;
    void commit() override;
    void rollback() override;
    // What a restart does to the process's memory: any open transaction is gone.
    void crash() { rollback(); }

    std::int64_t lastAppliedSeq(std::string_view deviceId) override;
    void setLastAppliedSeq(std::string_view deviceId, std::int64_t seq) override;
    std::optional<StoredResult> result(std::string_view deviceId, std::int64_t seq) override;
    void putResult(std::string_view deviceId, std::int64_t seq,
                   const StoredResult& result) override;
    std::optional<EntityRow> entity(const EntityRef& ref) override;
    void putEntity(const EntityRow& row) override;
    void appendHistory(const EntityRef& ref, const cases::HistoryEntry& entry) override;
    std::int64_t appendChange(LoggedChange change) override;
    void appendAudit(std::span<const audit::AuditEntry> entries) override;

    std::int64_t safeHighWaterMark() override { return committed_.lastSeq; }
    std::vector<Change> changesAfter(std::string_view bucket, std::int64_t after, std::int64_t upTo,
                                     std::size_t limit) override;

    // Committed state, for checks (the simulation's properties, tests).
    std::vector<EntityRow> entitiesIn(std::string_view bucket) const;
    const std::vector<LoggedChange>& changeLog(std::string_view bucket) const;
    std::vector<std::string> buckets() const;
    std::optional<StoredResult> committedResult(std::string_view deviceId, std::int64_t seq) const;
    std::int64_t committedLastAppliedSeq(std::string_view deviceId) const;
    const std::vector<cases::HistoryEntry>& history(const EntityRef& ref) const;
    // The committed audit entries in the order they were appended (AuditLog's leaf order).
    const std::vector<audit::AuditEntry>& auditLog() const { return committed_.audit; }
    std::size_t commitCount() const { return commits_; }
    bool inTransaction() const { return open_; }

private:
    using ResultKey = std::pair<std::string, std::int64_t>;
    struct State {
        std::map<std::string, std::int64_t, std::less<>> deviceSeq;
        std::map<ResultKey, StoredResult> results;
        std::map<EntityRef, EntityRow> entities;
        std::map<EntityRef, std::vector<cases::HistoryEntry>> history;
        std::map<std::string, std::vector<LoggedChange>, std::less<>> changes;  // by bucket
        std::int64_t lastSeq = 0;
        std::vector<audit::AuditEntry> audit;
        std::set<std::string, std::less<>> auditIds;
    };

    void requireOpen() const;

    State committed_;
    // The open transaction's writes, laid over committed_ until commit: a commit costs what
    // the batch wrote, not the size of the store.
    State pending_;
    bool open_ = false;
    std::size_t commits_ = 0;
    std::function<bool()> commitFault_;
};

}  // namespace kep::sync
