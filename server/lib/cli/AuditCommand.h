// `kep-server audit verify --data DIR` (proves the audit log whole, naming every problem) and
// `kep-server audit checkpoint --data DIR` (signs the entries written since the last checkpoint).
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>

namespace kep::server::cli {

bool isAuditCommand(std::string_view name);  // "audit"
// `arguments` starts with "audit". verify: 0 and a summary (entries, checkpoints, newest tree
// head) when the log is intact, 1 and one line per problem when it is not. checkpoint: 0 and
// the checkpoint written (or "nothing new"), 1 when the log is damaged. Both: 2 for a usage
// error (reason and auditUsage() on `err`), 3 when the data folder cannot be read.
int runAuditCommandLine(std::span<const std::string_view> arguments, std::ostream& out,
                        std::ostream& err);
std::string auditUsage();

}  // namespace kep::server::cli
