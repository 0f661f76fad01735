// `kep-server serve`: checks the data folder, opens the store, builds the routing table and runs
// the HTTPS server until SIGTERM/SIGINT.
#pragma once

#include "cli/CommandLine.h"

#include <ostream>

namespace kep::server::cli {

// Prints "listening on https://HOST:PORT" on `out` once accepting; one line on `err` and a
// non-zero result if it cannot start. Logs (JSON lines) go to `log`.
int runServe(const ServeOptions& options, std::ostream& out, std::ostream& err, std::ostream& log);

}  // namespace kep::server::cli
