#include "intake/IntakeApplication.h"

#include "shared/cases/CitizenValidation.h"
#include "shared/cases/Countries.h"
#include "shared/cases/ProtocolNumber.h"

#include <boost/json.hpp>

#include <map>
#include <optional>

namespace kep::server::intake {

namespace {

namespace json = boost::json;
using kep::cases::CitizenKind;

// Thrown inside this file only, to stop at the first fault; readIntakeApplication returns it.
struct Stop {
    IntakeFieldFault fault;
};

[[noreturn]] void refuse(std::string field, std::string code, std::string message) {
    throw Stop{{std::move(field), std::move(code), std::move(message)}};
}

// A text member: "" when absent or null; refused when of another type or too long.
std::string textOf(const json::object& object, std::string_view name, const std::string& path) {
    const auto* value = object.if_contains(name);
    if (!value || value->is_null()) {
        return {};
    }
    if (!value->is_string()) {
        refuse(path, "wrong_type", path + " must be a string");
    }
    const auto& text = value->get_string();
    if (text.size() > kMaxIntakeText) {
        refuse(path, "too_long",
               path + " must be at most " + std::to_string(kMaxIntakeText) + " bytes");
    }
    return std::string(text);
}

std::string requiredText(const json::object& object, std::string_view name,
                         const std::string& path) {
    std::string text = textOf(object, name, path);
    if (text.find_first_not_of(' ') == std::string::npos) {
        refuse(path, "required", path + " is required");
    }
    return text;
}

const json::object& objectOf(const json::object& body, std::string_view name) {
    const auto* value = body.if_contains(name);
    if (!value || value->is_null()) {
        refuse(std::string(name), "required", std::string(name) + " is required");
    }
    if (!value->is_object()) {
        refuse(std::string(name), "wrong_type", std::string(name) + " must be an object");
    }
    return value->get_object();
}

std::string procedureIdOf(const json::object& body) {
    std::string id = requiredText(body, "procedure_id", "procedure_id");
    const bool shaped = id.size() <= 64 && id.find_first_not_of(
                                               "0123456789"
                                               "abcdefghijklmnopqrstuvwxyz"
                                               "ABCDEFGHIJKLMNOPQRSTUVWXYZ-_") == std::string::npos;
    if (!shaped) {
        refuse("procedure_id", "invalid_format",
               "procedure_id is 1 to 64 letters, digits, '-' or '_'");
    }
    return id;
}

std::string officeOf(const json::object& body) {
    std::string code = requiredText(body, "office", "office");
    for (char& c : code) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
    }
    if (!kep::cases::ProtocolNumber::isValidOfficeCode(code)) {
        refuse("office", "invalid_format",
               "office is a KEP office code (2 to 8 letters or digits)");
    }
    return code;
}

// The identity: Greek by ΑΦΜ, or another country's citizen by passport and nationality.
kep::cases::PersonIdentity personOf(const json::object& citizen) {
    kep::cases::PersonIdentity person;
    person.afm = textOf(citizen, "afm", "citizen.afm");
    person.amka = textOf(citizen, "amka", "citizen.amka");
    const std::string passport = textOf(citizen, "passport", "citizen.passport");
    const std::string nationality = textOf(citizen, "nationality", "citizen.nationality");
    std::optional<std::string> country;
    if (!nationality.empty()) {
        country = kep::cases::normaliseNationality(nationality);
        if (!country) {
            refuse("citizen.nationality", "unknown_country",
                   "citizen.nationality must be an ISO 3166-1 alpha-2 country code");
        }
    }
    const bool foreign = !passport.empty() && country != "GR";
    if (!passport.empty() && !country) {
        refuse("citizen.nationality", "required",
               "citizen.nationality is required with citizen.passport");
    }
    if (!foreign && country && *country != "GR") {
        refuse("citizen.passport", "required",
               "a citizen of another country is identified by citizen.passport");
    }
    if (!foreign && person.afm.empty()) {
        refuse("citizen.afm", "required",
               "citizen.afm is required (or citizen.passport with citizen.nationality)");
    }
    if (foreign) {
        person.kind = kep::cases::hasEuFreeMovement(*country) ? CitizenKind::EuCitizen
                                                              : CitizenKind::ThirdCountry;
        person.documentType = kep::cases::TravelDocumentType::Passport;
        person.documentNumber = passport;
        person.nationality = *country;
    }
    // Greek citizens are written in Greek letters (as on their ID card), others in Latin.
    std::string surname = requiredText(citizen, "surname", "citizen.surname");
    std::string givenName = requiredText(citizen, "given_name", "citizen.given_name");
    if (foreign) {
        person.surnameLatin = std::move(surname);
        person.givenNameLatin = std::move(givenName);
    } else {
        person.surnameEl = std::move(surname);
        person.givenNameEl = std::move(givenName);
    }
    return person;
}

// Where the counter's field names (CitizenValidation.h) are in the intake body.
std::string bodyPathOf(const std::string& field) {
    static const std::map<std::string, std::string, std::less<>> kPaths{
        {"afm", "citizen.afm"},
        {"amka", "citizen.amka"},
        {"document_number", "citizen.passport"},
        {"nationality", "citizen.nationality"},
        {"given_name_el", "citizen.given_name"},
        {"given_name_latin", "citizen.given_name"},
        {"surname_el", "citizen.surname"},
        {"surname_latin", "citizen.surname"},
        {"phone", "contact.phone"},
        {"email", "contact.email"},
    };
    const auto it = kPaths.find(field);
    return it == kPaths.end() ? std::string("citizen") : it->second;
}

IntakeApplication read(const json::object& body) {
    IntakeApplication application;
    application.procedureId = procedureIdOf(body);
    application.officeCode = officeOf(body);
    kep::cases::Citizen citizen;
    citizen.person = personOf(objectOf(body, "citizen"));
    const auto& contact = objectOf(body, "contact");
    citizen.email = textOf(contact, "email", "contact.email");
    citizen.phone = textOf(contact, "phone", "contact.phone");
    if (citizen.email.empty() && citizen.phone.empty()) {
        refuse("contact", "required", "contact needs an email or a phone");
    }
    const auto issues = kep::cases::validateCitizen(citizen, {});
    if (!issues.empty()) {
        const auto& first = issues.front();
        refuse(bodyPathOf(first.field), first.code, first.message);
    }
    application.citizen = kep::cases::normaliseCitizen(citizen);
    return application;
}

}  // namespace

std::variant<IntakeApplication, IntakeFieldFault> readIntakeApplication(
    const boost::json::object& body) {
    try {
        return read(body);
    } catch (Stop& stop) {
        return std::move(stop.fault);
    }
}

}  // namespace kep::server::intake
