// Instants as identity stores them: whole seconds of UTC, written and read as ISO 8601 UTC text
// ("2025-01-31T08:15:02Z") by the project's one formatter (shared/domain/UtcTime.h).
#pragma once

#include "shared/domain/UtcTime.h"

#include <chrono>

namespace kep::auth {

// Identity's clock: whole seconds of UTC. Every time-dependent rule takes `now` as a parameter.
using Instant = std::chrono::sys_seconds;

using kep::domain::fromUtcText;
using kep::domain::toUtcText;

}  // namespace kep::auth
