// `kep-server backup --data DIR --to FILE` (while the server serves) and `kep-server restore
// --from FILE --data DIR [--force]`: the command lines over ops/Backup and ops/Restore.
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>

namespace kep::server::cli {

bool isBackupCommand(std::string_view name);  // "backup" or "restore"

// `arguments` starts with the command's name. One line of outcome on `out`; returns 0, 2 for a
// usage error (reason and backupUsage() on `err`), 1 when the backup or restore failed (the
// reason on `err`; nothing is left half-written).
int runBackupCommandLine(std::span<const std::string_view> arguments, std::ostream& out,
                         std::ostream& err);

std::string backupUsage();

}  // namespace kep::server::cli
