#include "intake/CitizenRecord.h"

#include <boost/json.hpp>

namespace kep::server::intake {

namespace {

namespace json = boost::json;

std::string_view kindCode(kep::cases::CitizenKind kind) {
    switch (kind) {
        case kep::cases::CitizenKind::Greek:
            return "greek";
        case kep::cases::CitizenKind::EuCitizen:
            return "eu";
        case kep::cases::CitizenKind::ThirdCountry:
            return "third_country";
    }
    return "greek";
}

std::string member(const json::object& object, std::string_view name) {
    const auto* value = object.if_contains(name);
    return value && value->is_string() ? std::string(value->get_string()) : std::string();
}

}  // namespace

std::string citizenRecordJson(const kep::cases::Citizen& citizen) {
    const auto& p = citizen.person;
    const bool passport = p.documentType == kep::cases::TravelDocumentType::Passport;
    return json::serialize(json::object{
        {"kind", kindCode(p.kind)},
        {"afm", p.afm},
        {"amka", p.amka},
        {"id_card_number", p.idCardNumber},
        {"document_type", passport ? "passport" : "national_id_card"},
        {"document_number", p.documentNumber},
        {"nationality", p.nationality},
        {"given_name_el", p.givenNameEl},
        {"surname_el", p.surnameEl},
        {"given_name_latin", p.givenNameLatin},
        {"surname_latin", p.surnameLatin},
        {"phone", citizen.phone},
        {"email", citizen.email},
    });
}

CitizenIdentifiers citizenIdentifiers(std::string_view citizenJson) {
    boost::system::error_code error;
    const json::value value = json::parse(citizenJson, error);
    if (error || !value.is_object()) {
        return {};
    }
    const auto& object = value.get_object();
    return {member(object, "afm"), member(object, "document_number")};
}

}  // namespace kep::server::intake
