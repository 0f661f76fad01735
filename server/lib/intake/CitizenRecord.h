// The `citizen` field of a case as the server writes and reads it: the JSON object with the keys
// the desk uses (client/core/cases/CitizenJson.cpp), so a desk shows an online applicant as its
// own.
#pragma once

#include "shared/cases/Citizen.h"

#include <string>
#include <string_view>

namespace kep::server::intake {

// {"kind","afm","amka","id_card_number","document_type","document_number","nationality",
//  "given_name_el","surname_el","given_name_latin","surname_latin","phone","email"}.
std::string citizenRecordJson(const kep::cases::Citizen& citizen);

// The identifiers a citizen may look a case up with: the ΑΦΜ and the passport (document) number
// of the record; "" for one it lacks or for a record that does not parse.
struct CitizenIdentifiers {
    std::string afm;
    std::string documentNumber;
};
CitizenIdentifiers citizenIdentifiers(std::string_view citizenJson);

}  // namespace kep::server::intake
