// Instants as text, the one formatter of the project: ISO 8601 UTC to the second
// ("2025-01-31T08:15:02Z", what every *_at column holds and sorts by) or the millisecond (logs).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kep::domain {

// "2025-01-31T08:15:02Z"; a finer instant is truncated to its second.
std::string toUtcText(std::chrono::sys_seconds when);
std::string toUtcText(std::chrono::system_clock::time_point when);
// "2025-01-31T08:15:02.123Z".
std::string toUtcTextMillis(std::chrono::system_clock::time_point when);
// Accepts exactly the form toUtcText writes (to the second); nullopt for anything else.
std::optional<std::chrono::sys_seconds> fromUtcText(std::string_view text);

}  // namespace kep::domain
