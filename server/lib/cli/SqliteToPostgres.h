// Copying a stopped kep-server's SQLite database into a PostgreSQL database that already holds
// the server's schema (the PG migrations) and no data: every table, in one PG transaction.
#pragma once

#include "db/Database.h"
#include "storage/pg/PgConnection.h"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace kep::server::cli {

// Why the copy cannot go on: a target with data, a table or column PostgreSQL lacks.
class MigrationRefused : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct TableCount {
    std::string table;
    std::int64_t sqliteRows = 0;
    std::int64_t postgresRows = 0;
};

// Throws MigrationRefused naming the first table of the target that holds rows. The schema's
// singleton counters (tables named *_sequence or *_counter, one row seeded by the migrations)
// do not count: the copy replaces their row.
void requireNoData(kep::server::pg::Connection& target);

// Copies every table of `source` (except SQLite's own sqlite_*) into `target` by COPY, parents
// before children (PostgreSQL's foreign keys), in one transaction, then moves every identity
// sequence past its column's largest value. Reads `source` in one read transaction: a consistent
// snapshot. Throws MigrationRefused when the target lacks a table or column of the source;
// nothing is written then. Returns the row counts of both sides per table, counted after the
// copy committed.
std::vector<TableCount> copySqliteToPostgres(kep::db::Database& source,
                                             kep::server::pg::Connection& target);

}  // namespace kep::server::cli
