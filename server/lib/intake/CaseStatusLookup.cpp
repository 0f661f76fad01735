#include "intake/CaseStatusLookup.h"

#include "intake/CitizenRecord.h"
#include "shared/cases/CaseFields.h"
#include "shared/catalogue/CanonicalForm.h"
#include "sync/CaseRecords.h"

#include <openssl/crypto.h>

#include <string>

namespace kep::server::intake {

namespace {

// What the identifier is compared as: letters upper-cased, spaces and hyphens dropped (a
// passport number is printed in groups; an ΑΦΜ has digits only).
std::string comparable(std::string_view identifier) {
    std::string out;
    for (const char c : identifier) {
        if (c == ' ' || c == '-') {
            continue;
        }
        out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    }
    return out;
}

// Digests have one length whatever was typed, so the comparison's time says nothing either.
bool sameDigest(const std::string& a, const std::string& b) {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

// Stands in for the citizen of a number that does not exist: parsed and compared like a real
// one (and never equal to a typed identifier, whose digest is never of the empty string).
constexpr std::string_view kNoCitizen =
    R"({"kind":"greek","afm":"","amka":"","id_card_number":"","document_type":"passport",)"
    R"("document_number":"","nationality":"","given_name_el":"","surname_el":"",)"
    R"("given_name_latin":"","surname_latin":"","phone":"","email":""})";

}  // namespace

std::optional<kep::cases::CaseStatus> CaseStatusLookup::find(std::string_view protocolNumber,
                                                             std::string_view identifier) {
    std::optional<sync::CaseRecord> found;
    {
        std::lock_guard lock(store_.mutex());
        found = sync::findCaseByProtocol(store_.database(), protocolNumber);
    }
    const std::string typed = comparable(identifier);
    const auto known = citizenIdentifiers(
        found ? std::string_view(found->field(kep::cases::fields::kCitizen)) : kNoCitizen);
    const std::string typedDigest = kep::catalogue::sha256Hex(typed);
    // Both digests and both comparisons always run (no short-circuit), on both paths.
    const bool byAfm = sameDigest(typedDigest, kep::catalogue::sha256Hex(comparable(known.afm))) &
                       !known.afm.empty();
    const bool byDocument =
        sameDigest(typedDigest, kep::catalogue::sha256Hex(comparable(known.documentNumber))) &
        !known.documentNumber.empty();
    if (!found || typed.empty() || !(byAfm | byDocument)) {
        return std::nullopt;
    }
    return found->status;
}

}  // namespace kep::server::intake
