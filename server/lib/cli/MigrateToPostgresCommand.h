// `kep-server migrate-to-postgres --data DIR --dsn DSN`: moves a stopped SQLite installation to
// an empty PostgreSQL database — schema by the PG migrations, every table copied, verified by
// row counts per table and by the audit log's tree head and signed checkpoints on both sides.
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>

namespace kep::server::cli {

bool isMigrateToPostgresCommand(std::string_view name);  // "migrate-to-postgres"

// `arguments` starts with the command's name. The tables' counts and the audit check on `out`;
// returns 0 when everything matched, 2 for a usage error (reason and usage on `err`), 1 when the
// move was refused or failed or did not verify (the reason on `err`; the DSN's password is never
// written).
int runMigrateToPostgresCommandLine(std::span<const std::string_view> arguments, std::ostream& out,
                                    std::ostream& err);

std::string migrateToPostgresUsage();

}  // namespace kep::server::cli
