// `kep-server audit verify`: proves the stored audit log whole — every entry against its leaf
// hash, leaf indices dense, every checkpoint signed and equal to the tree head recomputed from
// the entries, the database's checkpoints and checkpoints.log line for line — in one streaming
// pass, so that millions of entries verify in bounded memory.
#pragma once

#include "audit/CheckpointSignatures.h"
#include "db/Database.h"
#include "shared/audit/Checkpoint.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kep::server::audit {

struct AuditVerification {
    std::uint64_t entries = 0;                     // rows of audit_entry read
    std::uint64_t checkpoints = 0;                 // rows of audit_checkpoint read
    std::uint64_t logLines = 0;                    // lines of checkpoints.log read
    std::optional<kep::audit::Checkpoint> newest;  // the newest checkpoint that verified
    kep::audit::Hash head{};                       // the tree head over every entry read
    // Each problem found, naming the entry (leaf index, entry id, action, record) or the
    // checkpoint; at most kMaxListedProblems are listed, the rest only counted.
    std::vector<std::string> problems;
    std::uint64_t unlistedProblems = 0;

    bool intact() const { return problems.empty() && unlistedProblems == 0; }
};

inline constexpr std::size_t kMaxListedProblems = 1000;

// What a verification beside a serving server looks at: the checkpoints up to `newestSize` and
// the first `logBytes` of checkpoints.log, both read together under the write lock (which the
// checkpointer holds from appending a line to committing its row), so that a checkpoint being
// written meanwhile is in neither. Without it, everything (a server that is not running).
struct CheckpointBound {
    std::uint64_t newestSize = 0;
    std::uint64_t logBytes = 0;
};

// Takes the write lock of `db` (a read-write connection) for an instant and reads the bound.
CheckpointBound boundUnderWriteLock(kep::db::Database& db, const std::string& logPath);

// Reads `db` (within one read transaction it opens) and the log file at `logPath`; checks
// signatures with `publicPem`. Never writes.
AuditVerification verifyAuditLog(kep::db::Database& db, const std::string& publicPem,
                                 const std::string& logPath,
                                 std::optional<CheckpointBound> bound = std::nullopt);
// The same with the key already parsed (many verifications with one key).
AuditVerification verifyAuditLog(kep::db::Database& db, const CheckpointSignatures& signatures,
                                 const std::string& logPath,
                                 std::optional<CheckpointBound> bound = std::nullopt);

}  // namespace kep::server::audit
