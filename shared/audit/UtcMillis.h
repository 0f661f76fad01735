// The one form of instant the audit log stores ("2026-11-27T14:03:05.123Z": UTC, milliseconds),
// checked in one place for audit entries and checkpoints alike.
#pragma once

#include <string_view>

namespace kep::audit {

// True only for a valid calendar instant written exactly as above.
bool isUtcMillis(std::string_view text);

}  // namespace kep::audit
