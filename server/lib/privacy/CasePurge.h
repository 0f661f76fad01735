// Purging the personal data of closed cases (issue 9, must-have 3), for the retention job and
// for erasure on request alike: the case's row, every change of it in the change log, its
// history's reasons, its conflicts, notifications, intake record, rating comment, and its
// documents' content unless a case not purged still names it — then a deleted change in the
// office bucket, so that every desk drops its copy, and one audit entry per case.
#pragma once

#include "db/Database.h"
#include "privacy/PrivacyActor.h"

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace kep::server::privacy {

enum class PurgeReason { Retention, Erasure };
std::string_view toString(PurgeReason reason);  // "retention", "erasure"

struct PurgeResult {
    std::size_t cases = 0;           // purged by this call
    std::size_t contentRemoved = 0;  // attachment files deleted
};

// A connection of its own for purging: secure_delete=ON, so that what it frees is zeroed.
kep::db::Database openPurgeConnection(const std::string& databasePath);

// PRAGMA wal_checkpoint(TRUNCATE), tried again while another connection's read holds the WAL
// (up to ~2 s): the WAL then holds no page that had personal data. True when it was truncated.
bool truncateWal(kep::db::Database& db);

class CasePurge {
public:
    // `db` from openPurgeConnection(); `dataDir` is the server's data folder (attachments/).
    CasePurge(kep::db::Database& db, std::filesystem::path dataDir);

    // One write transaction for the whole span (callers keep it bounded: a few hundred cases).
    // Cases unknown or purged already are skipped. Each purged case gets an audit entry
    // case.purge (purpose: the reason). Content files are removed after the commit. Does not
    // truncate the WAL: the caller does, once, after its last batch. `alsoAudit` are entries
    // committed with the purge (the erasure request that caused it).
    PurgeResult purge(std::span<const std::string> caseIds, PurgeReason reason,
                      const PrivacyActor& actor, std::chrono::system_clock::time_point now,
                      std::span<const kep::audit::AuditEntry> alsoAudit = {});

private:
    kep::db::Database& db_;
    std::filesystem::path dataDir_;
};

}  // namespace kep::server::privacy
