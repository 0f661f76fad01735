#include "audit/AuditRows.h"

#include <algorithm>

namespace kep::server::audit {

namespace {

constexpr char kEntryColumns[] =
    "SELECT leaf_index, entry_id, at, actor_kind, actor_id, role, office, workstation, action, "
    "record_type, record_id, purpose, outcome, leaf_hash FROM audit_entry ";

constexpr char kCheckpointColumns[] =
    "SELECT tree_size, root, at, signature, frontier FROM audit_checkpoint ";

// A column as text whatever it holds: a tampered row may hold a number or a blob.
std::string textOf(const kep::db::Statement& row, int column) {
    return row.isNull(column) ? std::string() : row.text(column);
}

void readCheckpoint(const kep::db::Statement& row, StoredCheckpoint& out) {
    out.checkpoint.treeSize = static_cast<std::uint64_t>(row.int64(0));
    const auto root = row.blob(1);
    out.checkpoint.root = {};
    std::copy_n(root.begin(), std::min(root.size(), out.checkpoint.root.size()),
                out.checkpoint.root.begin());
    out.checkpoint.at = textOf(row, 2);
    out.checkpoint.signature = row.blob(3);
    out.frontier = row.blob(4);
}

}  // namespace

std::string describe(const StoredEntry& stored) {
    return "leaf " + std::to_string(stored.leafIndex) + " (entry " + stored.entry.entryId + ", " +
           stored.entry.action + " on " + stored.entry.recordType + "/" + stored.entry.recordId +
           ")";
}

std::string selectEntries() {
    return kEntryColumns;
}

void readEntry(const kep::db::Statement& row, StoredEntry& out) {
    out.leafIndex = row.int64(0);
    auto& entry = out.entry;
    entry.entryId = textOf(row, 1);
    entry.at = textOf(row, 2);
    entry.actorKind = textOf(row, 3);
    entry.actorId = textOf(row, 4);
    entry.role = textOf(row, 5);
    entry.office = textOf(row, 6);
    entry.workstation = textOf(row, 7);
    entry.action = textOf(row, 8);
    entry.recordType = textOf(row, 9);
    entry.recordId = textOf(row, 10);
    entry.purpose = textOf(row, 11);
    entry.outcome = textOf(row, 12);
    out.leafHash = row.blob(13);
}

EntryCursor::EntryCursor(kep::db::Database& db, std::int64_t after, std::int64_t through)
    : select_(db.prepare(std::string(kEntryColumns) +
                         "WHERE leaf_index > ?1 AND leaf_index <= ?2 ORDER BY leaf_index")) {
    select_.bind(1, after).bind(2, through);
}

bool EntryCursor::next(StoredEntry& out) {
    if (!select_.step()) {
        return false;
    }
    readEntry(select_, out);
    return true;
}

CheckpointCursor::CheckpointCursor(kep::db::Database& db, std::int64_t through)
    : select_(db.prepare(std::string(kCheckpointColumns) +
                         "WHERE tree_size <= ?1 ORDER BY tree_size")) {
    select_.bind(1, through);
}

bool CheckpointCursor::next(StoredCheckpoint& out) {
    if (!select_.step()) {
        return false;
    }
    readCheckpoint(select_, out);
    return true;
}

std::optional<StoredCheckpoint> newestCheckpoint(kep::db::Database& db) {
    auto select = db.prepare(std::string(kCheckpointColumns) + "ORDER BY tree_size DESC LIMIT 1");
    if (!select.step()) {
        return std::nullopt;
    }
    StoredCheckpoint stored;
    readCheckpoint(select, stored);
    return stored;
}

std::int64_t entryCount(kep::db::Database& db) {
    auto select = db.prepare("SELECT coalesce(max(leaf_index), 0) FROM audit_entry");
    select.step();
    return select.int64(0);
}

void insertCheckpoint(kep::db::Database& db, const kep::audit::Checkpoint& checkpoint,
                      const kep::audit::CompactRange& frontier) {
    const auto serialized = frontier.serialize();
    db.prepare(
          "INSERT INTO audit_checkpoint (tree_size, root, at, signature, frontier) "
          "VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(1, static_cast<std::int64_t>(checkpoint.treeSize))
        .bindBlob(2, checkpoint.root)
        .bind(3, checkpoint.at)
        .bindBlob(4, checkpoint.signature)
        .bindBlob(5, kep::db::Blob(reinterpret_cast<const std::uint8_t*>(serialized.data()),
                                   serialized.size()))
        .run();
}

}  // namespace kep::server::audit
