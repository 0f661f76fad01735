// Instants as the database stores them: ISO 8601 UTC text to the second ("2025-01-31T08:15:02Z"),
// which also sorts and compares correctly as text.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kep::auth {

// Identity's clock: whole seconds of UTC. Every time-dependent rule takes `now` as a parameter.
using Instant = std::chrono::sys_seconds;

std::string toUtcText(Instant when);
// Accepts exactly the form toUtcText writes; nullopt for anything else.
std::optional<Instant> fromUtcText(std::string_view text);

}  // namespace kep::auth
