// What gov.gr or EU-GO sends for one online application, read from the request body and checked
// as the counter checks a citizen (shared/cases): the first fault is named by its path in the body.
#pragma once

#include "shared/cases/Citizen.h"

#include <boost/json/object.hpp>

#include <string>
#include <variant>

namespace kep::server::intake {

// Every text of the body is at most this long; a whole application fits in a few KiB.
inline constexpr std::size_t kMaxIntakeText = 256;

// A refused field: its path in the body ("citizen.afm", "contact.email", "procedure_id"), a
// stable code ("required", "check_digit_mismatch", "wrong_type", …) and an English message
// that never repeats the value.
struct IntakeFieldFault {
    std::string field;
    std::string code;
    std::string message;
};

struct IntakeApplication {
    std::string procedureId;
    std::string officeCode;  // upper case, ProtocolNumber::isValidOfficeCode
    // Normalised (normaliseCitizen); the contact's phone and e-mail are its phone and email.
    kep::cases::Citizen citizen;
};

// The body: {"procedure_id","office","citizen":{"afm" | "passport" + "nationality", "amka"?,
// "surname","given_name"},"contact":{"email"?,"phone"?}} (one contact at least). Members not
// listed are ignored. A citizen with an ΑΦΜ and no passport is Greek (names in Greek letters);
// one with a passport of another country is an EU or third-country citizen (names in Latin).
std::variant<IntakeApplication, IntakeFieldFault> readIntakeApplication(
    const boost::json::object& body);

}  // namespace kep::server::intake
