// Where kep-server's database is, as the one string every part of the server is handed: a SQLite
// file's path (DIR/kep.db), or a PostgreSQL URI ("postgresql://…") — and opening one more
// connection to it, for the jobs and services that keep a connection of their own.
#pragma once

#include "db/Database.h"

#include <string>
#include <string_view>

namespace kep::server::storage {

bool isPostgresLocation(std::string_view location);

// The location of the PostgreSQL database `dsn` names: a URI as given, libpq's keyword form
// ("host=/tmp/x port=5432 dbname=kep") rewritten as the URI that says the same. Throws
// std::invalid_argument (libpq's reason, never the password) for a malformed DSN.
std::string postgresLocation(const std::string& dsn);

// A SQLite file with `options`, or a PostgreSQL connection (only busyTimeoutMs applies there).
kep::db::Database openConnection(const std::string& location,
                                 const kep::db::OpenOptions& options = {});

}  // namespace kep::server::storage
