// Who an application is for: a Greek, EU or third-country citizen with names in Greek and
// Latin letters, contact details, and an optional authorised representative.
#pragma once

#include <optional>
#include <string>

namespace kep::cases {

enum class CitizenKind {
    Greek,         // identified by ΑΦΜ
    EuCitizen,     // of another EU / EEA state or Switzerland (hasEuFreeMovement)
    ThirdCountry,  // any other nationality
};

enum class TravelDocumentType { Passport, NationalIdCard };

// The identity of one person: the citizen, or their representative.
struct PersonIdentity {
    CitizenKind kind = CitizenKind::Greek;
    std::string afm;           // mandatory for Greek citizens; optional for others
    std::string amka;          // optional unless the procedure needs it
    std::string idCardNumber;  // Greek police identity card
    // EU and third-country citizens: the document shown, its number and the nationality
    // (ISO 3166-1 alpha-2).
    TravelDocumentType documentType = TravelDocumentType::Passport;
    std::string documentNumber;
    std::string nationality;
    std::string givenNameEl;
    std::string surnameEl;
    std::string givenNameLatin;
    std::string surnameLatin;
};

struct Citizen {
    PersonIdentity person;
    std::string phone;
    std::string email;
    // Someone acting for the citizen with an authorisation; identified with their own document.
    std::optional<PersonIdentity> representative;
};

// What a procedure makes mandatory beyond the base: a Greek citizen always needs the ΑΦΜ and
// the Greek names, another citizen always needs the document number, the nationality and the
// Latin names. A field that is not mandatory is still checked when filled in.
struct CitizenRequirements {
    bool amka = false;
    bool idCard = false;      // Greek citizens' identity card number
    bool latinNames = false;  // for Greek citizens (e.g. for an English certificate)
    bool greekNames = false;  // for EU and third-country citizens
    bool afm = false;         // for EU and third-country citizens
    bool phone = false;
    bool email = false;
    bool representative = false;  // the procedure is filed by a representative only
};

}  // namespace kep::cases
