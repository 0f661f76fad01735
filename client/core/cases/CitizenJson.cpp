#include "cases/CitizenJson.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace kep::desk::cases {

namespace {

using kep::cases::CitizenKind;
using kep::cases::PersonIdentity;

QString q(const std::string& s) {
    return QString::fromStdString(s);
}
std::string s(const QJsonValue& v) {
    return v.toString().toStdString();
}

std::string_view kindCode(CitizenKind kind) {
    switch (kind) {
        case CitizenKind::Greek:
            return "greek";
        case CitizenKind::EuCitizen:
            return "eu";
        case CitizenKind::ThirdCountry:
            return "third_country";
    }
    return "greek";
}

QJsonObject personToJson(const PersonIdentity& p) {
    return {
        {"kind", q(std::string(kindCode(p.kind)))},
        {"afm", q(p.afm)},
        {"amka", q(p.amka)},
        {"id_card_number", q(p.idCardNumber)},
        {"document_type", p.documentType == kep::cases::TravelDocumentType::Passport
                              ? "passport"
                              : "national_id_card"},
        {"document_number", q(p.documentNumber)},
        {"nationality", q(p.nationality)},
        {"given_name_el", q(p.givenNameEl)},
        {"surname_el", q(p.surnameEl)},
        {"given_name_latin", q(p.givenNameLatin)},
        {"surname_latin", q(p.surnameLatin)},
    };
}

PersonIdentity personFromJson(const QJsonObject& o) {
    PersonIdentity p;
    const std::string kind = s(o["kind"]);
    p.kind = kind == "eu"              ? CitizenKind::EuCitizen
             : kind == "third_country" ? CitizenKind::ThirdCountry
                                       : CitizenKind::Greek;
    p.afm = s(o["afm"]);
    p.amka = s(o["amka"]);
    p.idCardNumber = s(o["id_card_number"]);
    p.documentType = s(o["document_type"]) == "national_id_card"
                         ? kep::cases::TravelDocumentType::NationalIdCard
                         : kep::cases::TravelDocumentType::Passport;
    p.documentNumber = s(o["document_number"]);
    p.nationality = s(o["nationality"]);
    p.givenNameEl = s(o["given_name_el"]);
    p.surnameEl = s(o["surname_el"]);
    p.givenNameLatin = s(o["given_name_latin"]);
    p.surnameLatin = s(o["surname_latin"]);
    return p;
}

}  // namespace

std::string citizenToJson(const kep::cases::Citizen& citizen) {
    QJsonObject o = personToJson(citizen.person);
    o.insert("phone", q(citizen.phone));
    o.insert("email", q(citizen.email));
    if (citizen.representative) {
        o.insert("representative", personToJson(*citizen.representative));
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

kep::cases::Citizen citizenFromJson(std::string_view json) {
    const QJsonObject o =
        QJsonDocument::fromJson(QByteArray(json.data(), static_cast<qsizetype>(json.size())))
            .object();
    kep::cases::Citizen citizen;
    citizen.person = personFromJson(o);
    citizen.phone = s(o["phone"]);
    citizen.email = s(o["email"]);
    if (o.contains("representative")) {
        citizen.representative = personFromJson(o["representative"].toObject());
    }
    return citizen;
}

}  // namespace kep::desk::cases
