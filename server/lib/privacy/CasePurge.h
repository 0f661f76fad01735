// Purging the personal data of closed cases (issue 9, must-have 3), for the retention job and
// for erasure on request alike: the case's row, every change of it in the change log, its
// history's reasons, its conflicts, notifications, intake record, rating comment, and its
// documents' content unless a case not purged still names it — then a deleted change in the
// office bucket, so that every desk drops its copy, and one audit entry per case. On SQLite and
// PostgreSQL alike (PurgeConnection.h: how the change log joins the purge's transaction).
#pragma once

#include "privacy/PrivacyActor.h"
#include "privacy/PurgeConnection.h"

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

class CasePurge {
public:
    // `connection` must outlive this; `dataDir` is the server's data folder (attachments/).
    CasePurge(PurgeConnection& connection, std::filesystem::path dataDir);

    // One write transaction for the whole span (callers keep it bounded: a few hundred cases).
    // Cases unknown or purged already are skipped. Each purged case gets an audit entry
    // case.purge (purpose: the reason). Content files are removed after the commit. Does not
    // erase freed space: the caller does, once, after its last batch. `alsoAudit` are entries
    // committed with the purge (the erasure request that caused it).
    PurgeResult purge(std::span<const std::string> caseIds, PurgeReason reason,
                      const PrivacyActor& actor, std::chrono::system_clock::time_point now,
                      std::span<const kep::audit::AuditEntry> alsoAudit = {});

    // After the last batch: SQLite's WAL truncated, or on PostgreSQL every table a purge writes
    // VACUUMed (PurgeConnection::eraseFreedSpace). True when done.
    bool eraseFreedSpace();

private:
    PurgeConnection& connection_;
    std::filesystem::path dataDir_;
};

}  // namespace kep::server::privacy
