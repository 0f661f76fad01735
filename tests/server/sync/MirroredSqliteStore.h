// The simulation's server store with SQLite underneath: every call goes to the in-memory reference
// and to SqliteSyncServerStore on a real file, the core runs on SQLite's answers, and any answer
// that differs from the reference's fails the seed. A server restart reopens the file.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "db/Database.h"
#include "shared/sync/MemorySyncServerStore.h"
#include "sync/SqliteSyncServerStore.h"

namespace kep::test {

class MirroredSqliteStore : public kep::sync::MemorySyncServerStore {
public:
    // Thrown when SQLite answers differently from the reference.
    class Divergence : public std::logic_error {
    public:
        using std::logic_error::logic_error;
    };

    // `path`: a migrated kep.db (copied from a template per seed: creating one costs fsyncs).
    explicit MirroredSqliteStore(std::string path);
    ~MirroredSqliteStore() override;

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

    // After the seed: the whole committed state of the file (reopened, as after a restart)
    // against the reference's, and PRAGMA integrity_check. Throws Divergence.
    void verifyCommittedState(const std::vector<std::string>& devices);
    std::size_t restarts() const { return restarts_; }

private:
    void reopen();

    std::string path_;
    std::optional<kep::db::Database> db_;
    std::unique_ptr<kep::server::sync::SqliteSyncServerStore> sqlite_;
    std::size_t restarts_ = 0;
};

}  // namespace kep::test
