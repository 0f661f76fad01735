// SQL text written for kep::db, made PostgreSQL's: SQLite's parameter markers (`?`, `?NNN`,
// `:name`, `@name`, `$name`) become $N with SQLite's numbering; multi-statement text is split.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kep::server::pg {

// One statement with its parameter markers numbered as SQLite numbers them: `?NNN` is NNN, a bare
// `?` and each new name take the highest number so far plus one, and a name used again keeps its
// number. PostgreSQL's `$N` stays N (SQLite would take it for a name: write `?N` in SQL that
// both back-ends run). Literals ('...', E'...', "...", $tag$...$tag$) and comments are copied
// untouched, and so is the `::` cast.
struct PgStatementText {
    std::string sql;
    int parameterCount = 0;
    // Each name with its prefix (":office") and its number.
    std::vector<std::pair<std::string, int>> names;
};

// Throws kep::db::Error (SQLITE_RANGE) for a number above SQLite's limit of 32766.
PgStatementText translateParameters(std::string_view sql);

// The statements of `sql`, split at top-level semicolons, each without its semicolon; those
// holding only blanks or comments are left out.
std::vector<std::string_view> splitStatements(std::string_view sql);

// The first keyword of a statement, upper-cased ("BEGIN", "COMMIT"); empty when there is none.
std::string leadingKeyword(std::string_view statement);

}  // namespace kep::server::pg
