// `kep-server init`: creates a data folder from nothing — database, development CA, server and
// administrator certificates, the first central administrator — and refuses to touch one that
// already holds any of it.
#pragma once

#include "cli/CommandLine.h"

#include <functional>
#include <optional>
#include <ostream>
#include <string>

namespace kep::server::cli {

// Where the administrator's password comes from: KEP_ADMIN_PASSWORD, else the terminal.
using PasswordSource = std::function<std::optional<std::string>()>;
PasswordSource environmentOrTerminalPassword();

// Returns the process exit code; messages go to `out` (what was made) and `err` (one line on
// failure). On failure every file it created is removed again.
int runInit(const InitOptions& options, const PasswordSource& adminPassword, std::ostream& out,
            std::ostream& err);

}  // namespace kep::server::cli
