// The desk's audit entries not yet sent (desk.db's audit_outbox, migration 0009): written by
// DeskAuditTrail on the UI thread, read and emptied by the sync engine's outbox on its own.
#pragma once

#include "db/Database.h"
#include "shared/audit/AuditEntry.h"

#include <cstddef>
#include <span>
#include <vector>

namespace kep::desk::audit {

class AuditOutbox {
public:
    explicit AuditOutbox(kep::db::Database& db) : db_(db) {}

    void add(const kep::audit::AuditEntry& entry);
    std::vector<kep::audit::AuditEntry> oldest(std::size_t limit) const;  // in recording order
    std::size_t count() const;
    // The entries a push delivered, in one transaction.
    void remove(std::span<const kep::audit::AuditEntry> entries);

private:
    kep::db::Database& db_;
};

}  // namespace kep::desk::audit
