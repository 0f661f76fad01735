#include "MirroredSqliteStore.h"

#include <sqlite3.h>

#include "storage/ServerStore.h"

namespace kep::test {

using kep::sync::MemorySyncServerStore;

namespace {

template <typename T>
const T& same(const T& reference, const T& sqlite, const char* what) {
    if (!(reference == sqlite)) {
        throw MirroredSqliteStore::Divergence(std::string{"SQLite store differs from the "
                                                          "reference: "} +
                                              what);
    }
    return sqlite;
}

}  // namespace

MirroredSqliteStore::MirroredSqliteStore(std::string path) : path_(std::move(path)) {
    reopen();
}

MirroredSqliteStore::~MirroredSqliteStore() = default;

void MirroredSqliteStore::reopen() {
    sqlite_.reset();
    db_.reset();
    // synchronous=NORMAL: a restart here is the process's, not the machine's, so WAL keeps every
    // commit either way, and the seeds are not held up by an fsync per commit. Durability
    // across a real crash is the restart tests' (tst_sqlite_sync_server_store) and issue 6's
    // kill -9 tests' business.
    db_.emplace(kep::db::Database::open(
        path_, {.mode = kep::db::OpenMode::ReadWrite, .synchronousFull = false}));
    // Closing leaves the WAL as it is, as a killed process would: the next open recovers from it.
    sqlite3_db_config(db_->handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    kep::db::migrate(*db_, kep::server::storage::migrations());
    sqlite_ = std::make_unique<kep::server::sync::SqliteSyncServerStore>(*db_);
}

void MirroredSqliteStore::begin() {
    MemorySyncServerStore::begin();
    sqlite_->begin();
}

void MirroredSqliteStore::commit() {
    // The reference decides whether this commit is "lost" (the simulation's fault); if it is,
    // its rollback() below reopens the file: the SQLite transaction is gone with the process.
    MemorySyncServerStore::commit();
    sqlite_->commit();
}

void MirroredSqliteStore::rollback() {
    // Every rollback in the simulation is a crash or a lost commit: restart the server's store.
    MemorySyncServerStore::rollback();
    sqlite_->rollback();
    reopen();
    ++restarts_;
}

std::int64_t MirroredSqliteStore::lastAppliedSeq(std::string_view deviceId) {
    return same(MemorySyncServerStore::lastAppliedSeq(deviceId), sqlite_->lastAppliedSeq(deviceId),
                "lastAppliedSeq");
}

void MirroredSqliteStore::setLastAppliedSeq(std::string_view deviceId, std::int64_t seq) {
    MemorySyncServerStore::setLastAppliedSeq(deviceId, seq);
    sqlite_->setLastAppliedSeq(deviceId, seq);
}

std::optional<kep::sync::StoredResult> MirroredSqliteStore::result(std::string_view deviceId,
                                                                   std::int64_t seq) {
    return same(MemorySyncServerStore::result(deviceId, seq), sqlite_->result(deviceId, seq),
                "result");
}

void MirroredSqliteStore::putResult(std::string_view deviceId, std::int64_t seq,
                                    const kep::sync::StoredResult& result) {
    MemorySyncServerStore::putResult(deviceId, seq, result);
    sqlite_->putResult(deviceId, seq, result);
}

std::optional<kep::sync::EntityRow> MirroredSqliteStore::entity(const kep::sync::EntityRef& ref) {
    return same(MemorySyncServerStore::entity(ref), sqlite_->entity(ref), "entity");
}

void MirroredSqliteStore::putEntity(const kep::sync::EntityRow& row) {
    MemorySyncServerStore::putEntity(row);
    sqlite_->putEntity(row);
}

void MirroredSqliteStore::appendHistory(const kep::sync::EntityRef& ref,
                                        const kep::cases::HistoryEntry& entry) {
    MemorySyncServerStore::appendHistory(ref, entry);
    sqlite_->appendHistory(ref, entry);
}

std::int64_t MirroredSqliteStore::appendChange(kep::sync::LoggedChange change) {
    const std::int64_t reference = MemorySyncServerStore::appendChange(change);
    return same(reference, sqlite_->appendChange(std::move(change)), "appendChange seq");
}

void MirroredSqliteStore::appendAudit(std::span<const kep::audit::AuditEntry> entries) {
    MemorySyncServerStore::appendAudit(entries);
    sqlite_->appendAudit(entries);
}

std::int64_t MirroredSqliteStore::safeHighWaterMark() {
    return same(MemorySyncServerStore::safeHighWaterMark(), sqlite_->safeHighWaterMark(),
                "safeHighWaterMark");
}

std::vector<kep::sync::Change> MirroredSqliteStore::changesAfter(std::string_view bucket,
                                                                 std::int64_t after,
                                                                 std::int64_t upTo,
                                                                 std::size_t limit) {
    return same(MemorySyncServerStore::changesAfter(bucket, after, upTo, limit),
                sqlite_->changesAfter(bucket, after, upTo, limit), "changesAfter");
}

void MirroredSqliteStore::verifyCommittedState(const std::vector<std::string>& devices) {
    reopen();
    const std::int64_t mark = safeHighWaterMark();
    for (const std::string& bucket : buckets()) {
        std::vector<kep::sync::Change> reference;
        for (const kep::sync::LoggedChange& c : changeLog(bucket)) {
            reference.push_back(c.change);
        }
        same(reference, sqlite_->changesAfter(bucket, 0, mark, reference.size() + 1),
             "committed change log");
        const auto rows = entitiesIn(bucket);
        same(rows, sqlite_->entitiesIn(bucket), "committed entities");
        for (const kep::sync::EntityRow& row : rows) {
            same(history(row.ref), sqlite_->history(row.ref), "committed history");
        }
    }
    sqlite_->begin();
    std::int64_t ops = 0;
    for (const std::string& device : devices) {
        const std::int64_t last = same(committedLastAppliedSeq(device),
                                       sqlite_->lastAppliedSeq(device), "committed device seq");
        for (std::int64_t seq = 1; seq <= last; ++seq) {
            same(committedResult(device, seq), sqlite_->result(device, seq), "committed result");
        }
        ops += last;
    }
    sqlite_->rollback();
    same(ops, sqlite_->storedResultCount(), "one stored result per op");
    // The audit log holds, in leaf order, exactly the entries the reference committed.
    auto entries = db_->prepare("SELECT entry_id FROM audit_entry ORDER BY leaf_index");
    std::vector<std::string> ids;
    while (entries.step()) {
        ids.push_back(entries.text(0));
    }
    std::vector<std::string> reference;
    for (const kep::audit::AuditEntry& entry : auditLog()) {
        reference.push_back(entry.entryId);
    }
    same(reference, ids, "committed audit entries");
    auto check = db_->prepare("PRAGMA integrity_check");
    check.step();
    same(std::string{"ok"}, check.text(0), "integrity_check");
}

}  // namespace kep::test
