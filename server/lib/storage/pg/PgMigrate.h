// PostgreSQL's schema migrations (issue 10): the numbered set of migrations/NNNN_name.sql, embedded
// like SQLite's, applied in order, each in its own transaction, recorded in kep_schema_version.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "db/Database.h"
#include "storage/pg/PgConnection.h"

namespace kep::server::pg {

// The advisory lock every writer takes (kep::db's Immediate transactions on PostgreSQL, and
// migrations): one writer at a time across all kep-server processes, as with SQLite.
inline constexpr std::int64_t kWriterLockKey = 0x6b65707772697465;  // "kepwrite"

// The server's schema (migrations/), embedded by kep_add_migrations().
std::span<const kep::db::Migration> migrations();

// Applies every migration above the database's schema version, in order, one transaction each,
// under the writer lock so that several kep-server processes starting at once apply each
// migration once. Refuses (PgError) a database newer than `known`. Returns the number applied.
// It is kep::db::migrate() (what ServerStore::connect() runs) on this connection.
int migrate(Connection& db, std::span<const kep::db::Migration> known = migrations());

// The highest version applied, 0 for an empty database.
int schemaVersion(Connection& db);

// Records one applied step in kep_schema_version (created on first use), inside the caller's
// transaction.
void recordSchemaVersion(Connection& db, int version, std::string_view name);

}  // namespace kep::server::pg
