// libFuzzer target: the rules a clerk's typing goes through — ΑΦΜ/ΑΜΚΑ, ISO 8601 durations,
// search folding and Greeklish keys on any UTF-8 garbage, protocol numbers, citizen records.
#include "FuzzCheck.h"

#include "shared/cases/CitizenValidation.h"
#include "shared/cases/ContactDetails.h"
#include "shared/cases/Countries.h"
#include "shared/cases/ProtocolNumber.h"
#include "shared/domain/IsoDuration.h"
#include "shared/domain/PhoneticKey.h"
#include "shared/domain/TaxId.h"
#include "shared/domain/TextFold.h"
#include "shared/domain/Utf8.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace {

using kep::fuzz::expect;
using namespace std::chrono_literals;

bool isDigits(std::string_view text) {
    return text.find_first_not_of("0123456789") == std::string_view::npos;
}

// Decoding and re-encoding gives back the same bytes exactly when the text is valid UTF-8: an
// ill-formed byte decodes to U+FFFD, whose encoding differs from it.
bool isValidUtf8(std::string_view text) {
    std::string again;
    for (std::size_t pos = 0; pos < text.size();) {
        kep::domain::utf8::append(again, kep::domain::utf8::decode(text, pos));
    }
    return again == text;
}

void checkTaxIds(std::string_view text) {
    const auto afm = kep::domain::validateAfm(text);
    expect(!afm.ok() || (text.size() == 9 && isDigits(text)), "a valid ΑΦΜ is 9 digits");
    expect(!afm.message().empty(), "every ΑΦΜ check has a message");

    const auto amka = kep::domain::validateAmka(text);
    expect(!amka.ok() || (text.size() == 11 && isDigits(text)), "a valid ΑΜΚΑ is 11 digits");
    const auto born = kep::domain::amkaBirthDate(text, 2026y / 1 / 15d);
    expect(!amka.ok() || (born && born->ok() &&
                          std::chrono::sys_days(*born) <= std::chrono::sys_days(2026y / 1 / 15d)),
           "a valid ΑΜΚΑ has a birth date not after today");
}

void checkDuration(std::string_view text) {
    const auto parsed = kep::domain::IsoDuration::parse(text);
    if (!parsed.ok()) {
        expect(parsed.error != kep::domain::DurationError::None, "a rejection names its reason");
        expect(parsed.errorOffset <= text.size(), "the error offset lies within the text");
        return;
    }
    const auto canonical = parsed.duration->toString();
    const auto again = kep::domain::IsoDuration::parse(canonical);
    expect(again.ok() && *again.duration == *parsed.duration,
           "a duration's canonical text parses back to the same duration");
    // The header promises the largest duration stays within std::chrono::year's range up to
    // year 9999.
    expect(parsed.duration->addTo(9999y / 12 / 31d).ok(), "adding a duration gives a real date");
    (void)parsed.duration->addTo(std::chrono::sys_seconds{std::chrono::seconds{1767225600}});
}

void checkTextRules(std::string_view text) {
    const auto folded = kep::domain::foldForSearch(text);
    expect(isValidUtf8(folded), "folded text is valid UTF-8");
    expect(kep::domain::foldForSearch(folded) == folded, "folding is idempotent");

    const auto key = kep::domain::phoneticKey(text);
    expect(isValidUtf8(key), "a phonetic key is valid UTF-8");
    (void)kep::domain::matchesPrefix(key,
                                     kep::domain::phoneticKey(text.substr(0, text.size() / 2)));
}

void checkProtocolNumber(std::string_view text) {
    const auto parsed = kep::cases::ProtocolNumber::parse(text);
    expect(parsed.ok() == (parsed.error == kep::cases::ProtocolNumberError::None),
           "a protocol number parses or names its reason");
    if (parsed.ok()) {
        const auto again = kep::cases::ProtocolNumber::parse(parsed.number->toString());
        expect(again.ok() && *again.number == *parsed.number,
               "a protocol number's canonical text parses back to the same number");
    }
}

void checkContactDetails(std::string_view text) {
    for (auto normalise : {kep::cases::normalisePhone, kep::cases::normaliseEmail}) {
        const auto once = normalise(text);
        if (const auto* value = std::get_if<std::string>(&once)) {
            const auto twice = normalise(*value);
            expect(std::holds_alternative<std::string>(twice) &&
                       std::get<std::string>(twice) == *value,
                   "normalised contact details stay valid and unchanged");
        }
    }
}

// A nationality an EU-GO application or the desk names: a normalised one is an ISO code that
// normalises to itself, and free movement covers every EU member state.
void checkNationality(std::string_view text) {
    const auto code = kep::cases::normaliseNationality(text);
    if (!code) {
        return;
    }
    expect(kep::cases::isIso3166Alpha2(*code) && kep::cases::normaliseNationality(*code) == code,
           "a normalised nationality is an ISO 3166-1 code and a fixed point");
    expect(!kep::cases::isEuMemberState(*code) || kep::cases::hasEuFreeMovement(*code),
           "an EU member state's citizens have free movement");
}

kep::cases::PersonIdentity person(FuzzedDataProvider& in) {
    kep::cases::PersonIdentity identity;
    identity.kind =
        in.PickValueInArray({kep::cases::CitizenKind::Greek, kep::cases::CitizenKind::EuCitizen,
                             kep::cases::CitizenKind::ThirdCountry});
    identity.documentType = in.ConsumeBool() ? kep::cases::TravelDocumentType::Passport
                                             : kep::cases::TravelDocumentType::NationalIdCard;
    for (auto* field : {&identity.afm, &identity.amka, &identity.idCardNumber,
                        &identity.documentNumber, &identity.nationality, &identity.givenNameEl,
                        &identity.surnameEl, &identity.givenNameLatin, &identity.surnameLatin}) {
        *field = in.ConsumeRandomLengthString(64);
    }
    return identity;
}

void checkCitizen(FuzzedDataProvider& in) {
    kep::cases::CitizenRequirements required;
    for (auto* flag : {&required.amka, &required.idCard, &required.latinNames, &required.greekNames,
                       &required.afm, &required.phone, &required.email, &required.representative}) {
        *flag = in.ConsumeBool();
    }
    kep::cases::Citizen citizen;
    citizen.person = person(in);
    citizen.phone = in.ConsumeRandomLengthString(32);
    citizen.email = in.ConsumeRandomLengthString(64);
    if (in.ConsumeBool()) {
        citizen.representative = person(in);
    }
    const auto issues = kep::cases::validateCitizen(citizen, required);
    for (const auto& issue : issues) {
        expect(!issue.field.empty() && !issue.code.empty() && !issue.message.empty(),
               "every issue names its field, code and message");
    }
    const auto stored = kep::cases::normaliseCitizen(citizen);
    if (issues.empty()) {
        expect(kep::cases::validateCitizen(stored, required).empty(),
               "a valid citizen stays valid once normalised");
        expect(kep::cases::normaliseCitizen(stored).person.surnameEl == stored.person.surnameEl,
               "normalising is idempotent");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    checkTaxIds(text);
    checkDuration(text);
    checkTextRules(text);
    checkProtocolNumber(text);
    checkContactDetails(text);
    checkNationality(text);
    FuzzedDataProvider in(data, size);
    checkCitizen(in);
    return 0;
}
