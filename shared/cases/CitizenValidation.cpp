#include "shared/cases/CitizenValidation.h"

#include <variant>

#include "shared/cases/ContactDetails.h"
#include "shared/cases/Countries.h"
#include "shared/cases/IdentityDocument.h"
#include "shared/cases/PersonName.h"
#include "shared/domain/TaxId.h"

namespace kep::cases {

namespace {

// What is mandatory for one person, after the citizen's kind and the procedure are applied.
struct PersonRules {
    bool afm = false;
    bool amka = false;
    bool idCard = false;
    bool document = false;  // document number and nationality
    bool greekNames = false;
    bool latinNames = false;
};

std::string_view taxIdCode(domain::TaxIdError error) {
    switch (error) {
        case domain::TaxIdError::None:
            return "ok";
        case domain::TaxIdError::WrongLength:
            return "wrong_length";
        case domain::TaxIdError::NotDigits:
            return "not_digits";
        case domain::TaxIdError::AllZeros:
            return "all_zeros";
        case domain::TaxIdError::InvalidBirthDate:
            return "invalid_birth_date";
        case domain::TaxIdError::CheckDigitMismatch:
            return "check_digit_mismatch";
    }
    return "invalid";
}

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

class IssueList {
public:
    explicit IssueList(std::string prefix) : prefix_(std::move(prefix)) {}

    void add(std::string_view field, std::string_view code, std::string_view message) {
        issues_.push_back({prefix_ + std::string{field}, std::string{code}, std::string{message}});
    }
    void add(std::string_view field, const FieldProblem& problem) {
        add(field, problem.code, problem.message);
    }
    void required(std::string_view field, std::string_view what) {
        add(field, "required", std::string{what} + " is required");
    }
    ValidationIssues take() { return std::move(issues_); }

private:
    std::string prefix_;
    ValidationIssues issues_;
};

void checkTaxId(IssueList& issues, std::string_view field, std::string_view value, bool mandatory,
                domain::TaxIdCheck (*validate)(std::string_view), std::string_view what) {
    value = trim(value);
    if (value.empty()) {
        if (mandatory) {
            issues.required(field, what);
        }
        return;
    }
    const domain::TaxIdCheck check = validate(value);
    if (!check.ok()) {
        issues.add(field, taxIdCode(check.error), check.message());
    }
}

void checkName(IssueList& issues, std::string_view field, std::string_view value, bool mandatory,
               NameScript script) {
    const std::string name = normalisePersonName(value);
    if (name.empty() && !mandatory) {
        return;
    }
    if (const auto problem = checkPersonName(name, script)) {
        issues.add(field, *problem);
    }
}

template <typename Normaliser>
void checkNormalised(IssueList& issues, std::string_view field, std::string_view value,
                     bool mandatory, Normaliser normalise) {
    if (trim(value).empty() && !mandatory) {
        return;
    }
    const auto result = normalise(value);
    if (const auto* problem = std::get_if<FieldProblem>(&result)) {
        issues.add(field, *problem);
    }
}

void checkNationality(IssueList& issues, const PersonIdentity& person, bool mandatory) {
    if (trim(person.nationality).empty()) {
        if (mandatory) {
            issues.required("nationality", "the nationality");
        }
        return;
    }
    const auto code = normaliseNationality(person.nationality);
    if (!code) {
        issues.add("nationality", "unknown_country",
                   "the nationality is a two-letter ISO 3166 country code, e.g. DE, AL, UA");
        return;
    }
    const bool greek = *code == "GR";
    const bool euRights = hasEuFreeMovement(*code);
    if (person.kind == CitizenKind::Greek && !greek) {
        issues.add("nationality", "kind_mismatch",
                   "a Greek citizen's nationality is GR; choose EU or third-country citizen");
    } else if (person.kind == CitizenKind::EuCitizen && (greek || !euRights)) {
        issues.add("nationality", "kind_mismatch",
                   greek ? "a Greek national is served as a Greek citizen"
                         : "this nationality is not of an EU or EEA state or Switzerland");
    } else if (person.kind == CitizenKind::ThirdCountry && euRights) {
        issues.add("nationality", "kind_mismatch",
                   greek ? "a Greek national is served as a Greek citizen"
                         : "this nationality is of an EU or EEA state or Switzerland; choose EU "
                           "citizen");
    }
}

void validatePerson(IssueList& issues, const PersonIdentity& person, const PersonRules& rules) {
    const bool greek = person.kind == CitizenKind::Greek;
    checkTaxId(issues, "afm", person.afm, rules.afm, domain::validateAfm, "the ΑΦΜ");
    checkTaxId(issues, "amka", person.amka, rules.amka, domain::validateAmka, "the ΑΜΚΑ");
    if (greek) {
        checkNormalised(issues, "id_card_number", person.idCardNumber, rules.idCard,
                        normaliseGreekIdCardNumber);
    } else {
        checkNormalised(issues, "document_number", person.documentNumber, rules.document,
                        normaliseTravelDocumentNumber);
    }
    checkNationality(issues, person, rules.document);
    checkName(issues, "given_name_el", person.givenNameEl, rules.greekNames, NameScript::Greek);
    checkName(issues, "surname_el", person.surnameEl, rules.greekNames, NameScript::Greek);
    checkName(issues, "given_name_latin", person.givenNameLatin, rules.latinNames,
              NameScript::Latin);
    checkName(issues, "surname_latin", person.surnameLatin, rules.latinNames, NameScript::Latin);
}

PersonRules rulesFor(const PersonIdentity& person, const CitizenRequirements& required) {
    const bool greek = person.kind == CitizenKind::Greek;
    return PersonRules{
        .afm = greek || required.afm,
        .amka = required.amka,
        .idCard = greek && required.idCard,
        .document = !greek,
        .greekNames = greek || required.greekNames,
        .latinNames = !greek || required.latinNames,
    };
}

template <typename Normaliser>
std::string normalisedOrAsTyped(const std::string& value, Normaliser normalise) {
    const auto result = normalise(value);
    if (const auto* text = std::get_if<std::string>(&result)) {
        return *text;
    }
    return value;
}

PersonIdentity normalisePerson(const PersonIdentity& person) {
    PersonIdentity out = person;
    out.afm = std::string{trim(person.afm)};
    out.amka = std::string{trim(person.amka)};
    if (!trim(person.idCardNumber).empty()) {
        out.idCardNumber = normalisedOrAsTyped(person.idCardNumber, normaliseGreekIdCardNumber);
    }
    if (!trim(person.documentNumber).empty()) {
        out.documentNumber =
            normalisedOrAsTyped(person.documentNumber, normaliseTravelDocumentNumber);
    }
    if (const auto code = normaliseNationality(person.nationality)) {
        out.nationality = *code;
    }
    out.givenNameEl = normalisePersonName(person.givenNameEl);
    out.surnameEl = normalisePersonName(person.surnameEl);
    out.givenNameLatin = normalisePersonName(person.givenNameLatin);
    out.surnameLatin = normalisePersonName(person.surnameLatin);
    return out;
}

}  // namespace

ValidationIssues validateCitizen(const Citizen& citizen, const CitizenRequirements& required) {
    IssueList issues{""};
    validatePerson(issues, citizen.person, rulesFor(citizen.person, required));
    checkNormalised(issues, "phone", citizen.phone, required.phone, normalisePhone);
    checkNormalised(issues, "email", citizen.email, required.email, normaliseEmail);
    if (required.representative && !citizen.representative) {
        issues.required("representative", "a representative");
    }
    ValidationIssues all = issues.take();
    if (citizen.representative) {
        IssueList representative{"representative."};
        PersonRules rules = rulesFor(*citizen.representative, CitizenRequirements{});
        rules.idCard = citizen.representative->kind == CitizenKind::Greek;
        validatePerson(representative, *citizen.representative, rules);
        for (ValidationIssue& issue : representative.take()) {
            all.push_back(std::move(issue));
        }
    }
    return all;
}

Citizen normaliseCitizen(const Citizen& citizen) {
    Citizen out = citizen;
    out.person = normalisePerson(citizen.person);
    if (!trim(citizen.phone).empty()) {
        out.phone = normalisedOrAsTyped(citizen.phone, normalisePhone);
    }
    if (!trim(citizen.email).empty()) {
        out.email = normalisedOrAsTyped(citizen.email, normaliseEmail);
    }
    if (citizen.representative) {
        out.representative = normalisePerson(*citizen.representative);
    }
    return out;
}

}  // namespace kep::cases
