// PostgreSQL's schema migrations (issue 10): the numbered set of migrations/NNNN_name.sql, embedded
// like SQLite's, applied in order, each in its own transaction, recorded in schema_version.
#pragma once

#include <span>

#include "db/Database.h"
#include "storage/pg/PgConnection.h"

namespace kep::server::pg {

// The sync store's schema (migrations/), embedded by kep_add_migrations().
std::span<const kep::db::Migration> migrations();

// Applies every migration above the database's schema_version, in order, one transaction each,
// under an advisory lock so that several kep-server processes starting at once apply each
// migration once. Refuses (PgError) a database newer than `known`. Returns the number applied.
int migrate(Connection& db, std::span<const kep::db::Migration> known = migrations());

// The highest version applied, 0 for an empty database.
int schemaVersion(Connection& db);

}  // namespace kep::server::pg
