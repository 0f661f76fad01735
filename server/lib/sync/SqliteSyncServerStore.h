// SyncServerStore over kep-server's SQLite database (migrations 0008_sync.sql, 0018): the durable
// store that push and pull run on, shaped for ingest speed, with the audit log on its connection.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/Database.h"
#include "shared/sync/SyncServerStore.h"
#include "sync/SyncStoreRows.h"

namespace kep::server::audit {
class AuditLog;
}

namespace kep::server::sync {

// What it costs per op (issue 6, Performance): a push batch is one BEGIN IMMEDIATE … COMMIT;
// every statement is prepared once for the store's life; a device's sequence is written once
// per transaction, at commit; an op's stored result is one sync_result row (op id, outcome,
// server version, digest of what it did), and only a rejected or conflicting op adds a row for
// its reason. The push's audit entries go to audit_entry through audit::AuditLog in the same
// transaction (one prepared insert per entry).
//
// The database must be migrated (storage::migrations()) and opened with synchronous=FULL (the
// default of kep::db::Database::open): commit() then returns only once the batch is durable.
// Not thread-safe: the caller serialises use of the connection (ServerStore's mutex).
class SqliteSyncServerStore : public kep::sync::SyncServerStore {
public:
    // The WAL size (pages of 4 KiB) at which a commit of this connection checkpoints it; set on
    // `db` by the constructor.
    static constexpr int kWalCheckpointPages = 10'000;

    explicit SqliteSyncServerStore(kep::db::Database& db);
    ~SqliteSyncServerStore() override;
    SqliteSyncServerStore(const SqliteSyncServerStore&) = delete;
    SqliteSyncServerStore& operator=(const SqliteSyncServerStore&) = delete;

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

    std::int64_t safeHighWaterMark() override;
    std::vector<kep::sync::Change> changesAfter(std::string_view bucket, std::int64_t after,
                                                std::int64_t upTo, std::size_t limit) override;

    // Committed state, for checks and tools (tests, the simulation, `kep-server stats`).
    std::vector<kep::cases::HistoryEntry> history(const kep::sync::EntityRef& ref);
    std::vector<kep::sync::EntityRow> entitiesIn(std::string_view bucket);
    std::int64_t storedResultCount();

private:
    struct Statements;

    void requireOpen() const;
    std::optional<std::int64_t> knownDeviceNo(std::string_view deviceId);
    std::int64_t deviceNo(std::string_view deviceId);  // adds the device if it is new
    void flushDeviceSeqs();
    void forgetTransaction();

    kep::db::Database& db_;
    std::unique_ptr<Statements> sql_;
    std::unique_ptr<kep::server::audit::AuditLog> audit_;
    bool open_ = false;
    std::int64_t committedSeq_ = 0;  // the change log's last committed seq
    std::int64_t lastSeq_ = 0;       // … and inside the open transaction
    std::int64_t lastResult_ = 0;    // sync_result's last result_no, likewise
    std::int64_t committedResult_ = 0;
    // device id → device_no: the committed ones, and those the open transaction added.
    std::map<std::string, std::int64_t, std::less<>> devices_;
    std::map<std::string, std::int64_t, std::less<>> newDevices_;
    // Buffered setLastAppliedSeq(): written once per device at commit.
    std::map<std::int64_t, std::int64_t> pendingSeqs_;
    // The changes the current op caused, hashed into its stored result.
    ResultRecord opRecord_;
};

}  // namespace kep::server::sync
