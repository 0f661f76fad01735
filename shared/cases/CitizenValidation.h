// Validation of a citizen's record against what the procedure needs, every problem at once and
// by field: the desk flags the fields, the server refuses the same record for the same reasons.
#pragma once

#include "shared/cases/Citizen.h"
#include "shared/cases/ValidationIssue.h"

namespace kep::cases {

// Field names (the representative's prefixed with "representative."): afm, amka,
// id_card_number, document_number, nationality, given_name_el, surname_el, given_name_latin,
// surname_latin, phone, email, representative. Codes: "required", the ΑΦΜ/ΑΜΚΑ codes
// (wrong_length, not_digits, all_zeros, invalid_birth_date, check_digit_mismatch), those of
// PersonName.h, IdentityDocument.h and ContactDetails.h, "unknown_country", and
// "kind_mismatch" when the nationality contradicts the kind (a Greek as an EU citizen, an EU
// citizen as a third-country one). Values are checked as typed, before normaliseCitizen().
//
// A representative always needs a document (ID card number, or document number and
// nationality) and the names of their kind, because the clerk identifies them in person.
ValidationIssues validateCitizen(const Citizen& citizen, const CitizenRequirements& required);

// The stored form: names trimmed and single-spaced, ID card and document numbers, nationality,
// phone and e-mail normalised where they are valid (an invalid value is left as typed).
Citizen normaliseCitizen(const Citizen& citizen);

}  // namespace kep::cases
