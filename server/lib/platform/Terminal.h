// Asking a person for a secret on the controlling terminal without echoing it (termios), for
// `kep-server init` when KEP_ADMIN_PASSWORD is not set.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kep::server::platform {

// Prints `prompt` on /dev/tty and reads one line with echo off. std::nullopt when there is no
// terminal (e.g. run from a script), so the caller can say how else to give the secret.
std::optional<std::string> readSecret(std::string_view prompt);

}  // namespace kep::server::platform
