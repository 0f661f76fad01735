// Reading the audit tables back (migration 0017): entries in leaf order and checkpoints in size
// order, one row at a time, for the checkpointer, `audit verify` and the audit routes.
#pragma once

#include "db/Database.h"
#include "shared/audit/AuditEntry.h"
#include "shared/audit/Checkpoint.h"
#include "shared/audit/MerkleTree.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kep::server::audit {

struct StoredEntry {
    std::int64_t leafIndex = 0;
    kep::audit::AuditEntry entry;
    std::vector<std::uint8_t> leafHash;  // as stored: 32 bytes unless the row was tampered with
};

// "leaf 17 (entry …, case.read on case/…)": how a report names an entry, identifiers only.
std::string describe(const StoredEntry& stored);

// "SELECT <every column of audit_entry> FROM audit_entry ", for a query that adds its own WHERE,
// and the reading of one of its rows.
std::string selectEntries();
void readEntry(const kep::db::Statement& row, StoredEntry& out);

// The entries with leafIndex in (after, through], in leaf order.
class EntryCursor {
public:
    EntryCursor(kep::db::Database& db, std::int64_t after, std::int64_t through = INT64_MAX);
    // Fills `out` with the next entry; false after the last.
    bool next(StoredEntry& out);

private:
    kep::db::Statement select_;
};

struct StoredCheckpoint {
    kep::audit::Checkpoint checkpoint;
    std::vector<std::uint8_t> frontier;  // CompactRange::serialize() at its size
};

// The checkpoints in size order.
class CheckpointCursor {
public:
    // Those of size at most `through`.
    explicit CheckpointCursor(kep::db::Database& db, std::int64_t through = INT64_MAX);
    // False after the last; a root or signature of the wrong length is read as it is (padded
    // or cut to the field's size for the root) so that `audit verify` reports it.
    bool next(StoredCheckpoint& out);

private:
    kep::db::Statement select_;
};

std::optional<StoredCheckpoint> newestCheckpoint(kep::db::Database& db);
std::int64_t entryCount(kep::db::Database& db);  // the highest leaf index (dense: the count)

void insertCheckpoint(kep::db::Database& db, const kep::audit::Checkpoint& checkpoint,
                      const kep::audit::CompactRange& frontier);

}  // namespace kep::server::audit
