#include "audit/AuditLog.h"

#include "shared/audit/MerkleTree.h"
#include "storage/ServerStore.h"

#include <mutex>
#include <stdexcept>

namespace kep::server::audit {

struct AuditLog::Statements {
    explicit Statements(kep::db::Database& db)
        : database(db)
        // On PostgreSQL the sync store takes leaves from sync_counter (0001_sync.sql) outside the
        // writer lock: every writer of the log takes them from there, the row locked meanwhile.
        , lastIndex(db.prepare(db.dialect() == kep::db::Dialect::Postgres
                                   ? "SELECT last_leaf FROM sync_counter FOR UPDATE"
                                   : "SELECT coalesce(max(leaf_index), 0) FROM audit_entry"))
        // A known entry_id is skipped, not an error: a desk sends its entries again after a
        // lost answer. leaf_index is given, never left to SQLite, so that it stays dense.
        , insert(db.prepare(
              "INSERT INTO audit_entry (leaf_index, entry_id, at, actor_kind, actor_id, role, "
              "office, workstation, action, record_type, record_id, purpose, outcome, leaf_hash) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
              "ON CONFLICT (entry_id) DO NOTHING")) {}

    kep::db::Database& database;
    kep::db::Statement lastIndex;
    kep::db::Statement insert;
};

AuditLog::AuditLog(kep::db::Database& db) : sql_(std::make_unique<Statements>(db)) {}

AuditLog::~AuditLog() = default;

std::size_t AuditLog::append(std::span<const kep::audit::AuditEntry> entries) {
    // Every entry is checked before the first is written: a bad batch leaves no trace.
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (const auto problem = kep::audit::problemWith(entries[i])) {
            throw std::invalid_argument("audit entry " + std::to_string(i + 1) + " of " +
                                        std::to_string(entries.size()) + ": " + *problem);
        }
    }
    if (entries.empty()) {
        return 0;
    }
    sql_->lastIndex.step();
    std::int64_t next = sql_->lastIndex.int64(0) + 1;
    sql_->lastIndex.reset();
    std::size_t added = 0;
    auto& insert = sql_->insert;
    for (const auto& entry : entries) {
        const auto leaf = kep::audit::leafHash(kep::audit::canonicalBytes(entry));
        insert.bind(1, next)
            .bind(2, entry.entryId)
            .bind(3, entry.at)
            .bind(4, entry.actorKind)
            .bind(5, entry.actorId)
            .bind(6, entry.role)
            .bind(7, entry.office)
            .bind(8, entry.workstation)
            .bind(9, entry.action)
            .bind(10, entry.recordType)
            .bind(11, entry.recordId)
            .bind(12, entry.purpose)
            .bind(13, entry.outcome)
            .bindBlob(14, leaf);
        insert.run();
        if (sql_->database.changes() > 0) {
            ++next;
            ++added;
        }
    }
    if (added > 0 && sql_->database.dialect() == kep::db::Dialect::Postgres) {
        sql_->database.prepare("UPDATE sync_counter SET last_leaf = ?").bind(1, next - 1).run();
    }
    return added;
}

std::size_t AuditLog::appendNow(storage::ServerStore& store,
                                std::span<const kep::audit::AuditEntry> entries) {
    std::lock_guard lock(store.mutex());
    kep::db::Transaction transaction(store.database());
    AuditLog log(store.database());
    const auto added = log.append(entries);
    transaction.commit();
    return added;
}

}  // namespace kep::server::audit
