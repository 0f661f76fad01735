// The few pieces of SQL that SQLite and PostgreSQL spell differently (issue 10), written once
// here so that a store keeps one statement for both back-ends and branches on nothing itself.
#pragma once

#include "db/Database.h"

#include <string>
#include <string_view>

namespace kep::server::storage {

// `SELECT value FROM …`: the text values of the JSON array of strings bound to ?N, for
// `column IN (…)` — one statement for one scope or a thousand.
std::string jsonArrayValues(kep::db::Dialect dialect, int parameter);

// The value at `path` of the JSON text in the SQL expression `json`, NULL when absent. `path` is
// SQLite's JSON path of members and array indices ("$.f.procedure_id[0]"). On PostgreSQL the
// value is text (a nested object or array as its JSON text); compare it with text.
std::string jsonValue(kep::db::Dialect dialect, std::string_view json, std::string_view path);

// The greater of two SQL expressions that are never NULL (SQLite's two-argument max()).
std::string greaterOf(kep::db::Dialect dialect, std::string_view first, std::string_view second);

// True when the database holds a table of this name (in the connection's schema search path).
bool hasTable(kep::db::Database& db, std::string_view name);

}  // namespace kep::server::storage
