// The server's side of the audit log: appends entries to audit_entry (migration 0017) in the
// caller's write transaction, so that an op and the entries it causes commit together, and in
// bulk (one prepared statement, one row per entry, the leaf hash computed here).
#pragma once

#include "db/Database.h"
#include "shared/audit/AuditEntry.h"

#include <cstdint>
#include <memory>
#include <span>

namespace kep::server::storage {
class ServerStore;
}

namespace kep::server::audit {

class AuditLog {
public:
    // `db` is the server's writer connection; the statements are prepared once.
    explicit AuditLog(kep::db::Database& db);
    ~AuditLog();
    AuditLog(const AuditLog&) = delete;
    AuditLog& operator=(const AuditLog&) = delete;

    // Inside a write transaction the caller holds. Checks every entry with problemWith() first
    // and throws std::invalid_argument naming the entry and member, writing nothing. An entry
    // whose entryId is already in the log is skipped (a desk sending its entries again). The leaf
    // index is the next one in commit order (dense from 1). Returns how many were added.
    std::size_t append(std::span<const kep::audit::AuditEntry> entries);

    // Takes the store's lock, opens a write transaction, appends and commits durably: for the
    // routes that audit a read, before they answer.
    static std::size_t appendNow(storage::ServerStore& store,
                                 std::span<const kep::audit::AuditEntry> entries);

private:
    struct Statements;
    std::unique_ptr<Statements> sql_;
};

}  // namespace kep::server::audit
