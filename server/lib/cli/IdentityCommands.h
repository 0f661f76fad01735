// The administration commands run on the server's host against its data folder: `office add`,
// `user add`, `user disable`, `enrol-code`, `revoke-device`, `api-key add|revoke`, `channel-key`
// and `authority add|list`. They write the database the running server reads, so a disable or a
// revocation counts from its next request.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

namespace kep::server::cli {

// Where `user add` gets the new user's password: KEP_USER_PASSWORD, else the terminal (twice,
// without echo). nullopt when neither is available.
using NewPasswordSource = std::function<std::optional<std::string>()>;
NewPasswordSource environmentOrTerminalUserPassword();

// True for "office", "user", "enrol-code", "revoke-device", "api-key", "channel-key" and
// "authority".
bool isIdentityCommand(std::string_view name);

// Parses and runs one of them (`arguments` starts with the command's name). Returns 0 on
// success, 2 for a usage error (reason and identityUsage() on `err`), 1 when refused (one line
// on `err`: a weak password, an unknown office, …).
int runIdentityCommandLine(std::span<const std::string_view> arguments,
                           const NewPasswordSource& password, std::ostream& out, std::ostream& err);

std::string identityUsage();

}  // namespace kep::server::cli
