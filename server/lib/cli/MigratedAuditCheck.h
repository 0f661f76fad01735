// After migrate-to-postgres: the audit log as PostgreSQL now holds it, proven the same log as
// SQLite's — the Merkle tree head over every leaf recomputed, and every signed checkpoint's
// root matching the tree at its size and its signature verifying with the server's audit key.
#pragma once

#include "audit/CheckpointSignatures.h"
#include "shared/audit/MerkleTree.h"
#include "storage/pg/PgConnection.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kep::server::cli {

struct MigratedAudit {
    std::uint64_t entries = 0;
    std::uint64_t checkpoints = 0;  // those whose root and signature checked out
    kep::audit::Hash head{};        // the tree head over every entry's leaf hash
    std::vector<std::string> problems;
};

// Streams audit_entry (in leaf order, in batches) and audit_checkpoint of `target`. Leaf
// indices must be dense from 1. Never writes.
MigratedAudit checkMigratedAudit(kep::server::pg::Connection& target,
                                 const audit::CheckpointSignatures& signatures);

}  // namespace kep::server::cli
