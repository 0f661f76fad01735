// What the audit tests share: synthetic audit entries (identifiers only, as the server writes
// them) and a fresh kep.db in a temporary folder with the server's migrations applied (or a
// fresh PostgreSQL database, when the test runs with KEP_TEST_BACKEND=postgres).
#pragma once

#include "TestServerStore.h"
#include "audit/AuditLog.h"
#include "shared/audit/AuditEntry.h"
#include "shared/audit/MerkleTree.h"
#include "shared/domain/UtcTime.h"
#include "shared/domain/Uuid.h"
#include "storage/DatabaseLocation.h"
#include "storage/ServerStore.h"

#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace kep::test {

// A clerk's read of a case at an office's counter; `n` varies the office and the action.
inline kep::audit::AuditEntry syntheticAuditEntry(int n) {
    kep::audit::AuditEntry entry;
    entry.entryId = kep::domain::newUuidV7().toString();
    entry.at = kep::domain::toUtcTextMillis(std::chrono::system_clock::now());
    entry.actorKind = "user";
    entry.actorId = kep::domain::newUuidV7().toString();
    entry.role = n % 5 == 0 ? "manager" : "clerk";
    entry.office = n % 2 == 0 ? "0101" : "0202";
    entry.workstation = kep::domain::newUuidV7().toString();
    entry.action = n % 3 == 0 ? "case.update" : "case.read";
    entry.recordType = "case";
    entry.recordId = kep::domain::newUuidV7().toString();
    entry.purpose = "counter_service";
    entry.outcome = "ok";
    return entry;
}

inline std::vector<kep::audit::AuditEntry> syntheticAuditEntries(int count, int first = 0) {
    std::vector<kep::audit::AuditEntry> entries;
    entries.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        entries.push_back(syntheticAuditEntry(first + i));
    }
    return entries;
}

// The stored leaf hashes in leaf order, as the tree is built over them.
inline std::vector<kep::audit::Hash> storedLeafHashes(kep::db::Database& db) {
    std::vector<kep::audit::Hash> leaves;
    auto select = db.prepare("SELECT leaf_hash FROM audit_entry ORDER BY leaf_index");
    while (select.step()) {
        const auto bytes = select.blob(0);
        kep::audit::Hash hash{};
        std::copy_n(bytes.begin(), std::min(bytes.size(), hash.size()), hash.begin());
        leaves.push_back(hash);
    }
    return leaves;
}

// A data folder holding only kep.db (no certificates): enough for the audit log's own tests.
class AuditTestStore {
public:
    AuditTestStore() : store_(database_.createStore()) {}
    std::string dataDir() const { return dir_.path().toStdString(); }
    // kep.db's path, or on PostgreSQL the URI the server keeps in DATA/database-url (the form
    // in which the jobs' openers recognise a PostgreSQL location).
    std::string databasePath() const {
        return database_.isPostgres() ? kep::server::storage::postgresLocation(database_.location())
                                      : database_.location();
    }
    kep::server::storage::ServerStore& store() { return *store_; }
    kep::db::Database& db() { return store_->database(); }

    std::size_t append(const std::vector<kep::audit::AuditEntry>& entries) {
        return kep::server::audit::AuditLog::appendNow(*store_, entries);
    }

    // Lifts the triggers that keep audit_entry append-only, as an intruder with the database's
    // owner rights would, so that a test can tamper with a row: SQLite has one trigger per
    // statement kind, PostgreSQL one for UPDATE and DELETE together (0001_sync.sql).
    void allowRewritingEntries() {
        if (database_.isPostgres()) {
            db().exec("DROP TRIGGER audit_entry_append_only ON audit_entry");
        } else {
            db().exec("DROP TRIGGER audit_entry_no_update");
            db().exec("DROP TRIGGER audit_entry_no_delete");
        }
    }

private:
    QTemporaryDir dir_;
    TestServerDatabase database_{dir_.path().toStdString()};
    std::unique_ptr<kep::server::storage::ServerStore> store_;
};

}  // namespace kep::test
