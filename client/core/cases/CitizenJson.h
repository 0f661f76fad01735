// The stored form of a citizen's record in desk.db and in outbox payloads: one JSON object with
// the shared/cases field names, so that the desk and the server read the same keys.
#pragma once

#include "shared/cases/Citizen.h"

#include <string>
#include <string_view>

namespace kep::desk::cases {

std::string citizenToJson(const kep::cases::Citizen& citizen);
kep::cases::Citizen citizenFromJson(std::string_view json);

}  // namespace kep::desk::cases
