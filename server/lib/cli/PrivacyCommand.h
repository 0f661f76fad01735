// `kep-server retention …` and `kep-server privacy …` (issue 9, must-have 3; docs/privacy.md):
// the retention rule run by hand and the procedures' own rules, erasure on request and the
// Art. 15 export, on the server's host. The ΑΦΜ is read from standard input, never taken as an
// argument (arguments show in process lists and shell histories).
#pragma once

#include <istream>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

namespace kep::server::cli {

bool isPrivacyCommand(std::string_view name);  // "retention" or "privacy"

// `arguments` starts with "retention" or "privacy". Returns 0; 1 when an erasure is refused
// (the cases named on `err`); 2 for a usage error (with privacyUsage() on `err`); 3 when the
// data folder cannot be used.
int runPrivacyCommandLine(std::span<const std::string_view> arguments, std::istream& in,
                          std::ostream& out, std::ostream& err);
std::string privacyUsage();

}  // namespace kep::server::cli
