#include "SyntheticFilings.h"

#include <boost/json.hpp>

#include <chrono>
#include <cstdio>

namespace kep::loadgen {

namespace {

// Given names and surnames in Greek and in ELOT 743 Latin letters, pairwise.
struct Name {
    std::string_view el;
    std::string_view latin;
};

constexpr Name kGivenNames[] = {
    {"Αλκμήνη", "Alkmini"},       {"Θεόκλητος", "Theoklitos"}, {"Ευανθία", "Evanthia"},
    {"Πολύκαρπος", "Polykarpos"}, {"Χαρίκλεια", "Charikleia"}, {"Ερμόλαος", "Ermolaos"},
    {"Ξανθίππη", "Xanthippi"},    {"Αρχέλαος", "Archelaos"},   {"Ιφιγένεια", "Ifigeneia"},
    {"Λυσίμαχος", "Lysimachos"},
};

constexpr Name kSurnames[] = {
    {"Δοκιμαστάκη", "Dokimastaki"},   {"Φανταστόπουλος", "Fantastopoulos"},
    {"Πλασματίδου", "Plasmatidou"},   {"Υποθετικός", "Ypothetikos"},
    {"Επινοημένου", "Epinoimenou"},   {"Σεναριάδης", "Senariadis"},
    {"Παραδειγματά", "Paradeigmata"}, {"Δειγματίδης", "Deigmatidis"},
};

constexpr std::string_view kProcedures[] = {"900013", "900026", "900038", "900041", "900057"};
constexpr std::string_view kEvidence[] = {"identity_document", "application_form",
                                          "proof_of_address", "fee_receipt"};
constexpr std::string_view kEvidenceStates[] = {"provided", "provided", "to_be_obtained_by_kep",
                                                "not_applicable"};

}  // namespace

SyntheticFilings::SyntheticFilings(std::uint64_t seed)
    : engine_(seed)
    , taxIds_(seed ^ 0x9e3779b97f4a7c15ULL) {}

int SyntheticFilings::percent() {
    return static_cast<int>(std::uniform_int_distribution<int>(0, 99)(engine_));
}

std::string SyntheticFilings::citizenJson() {
    const auto& given = kGivenNames[engine_() % std::size(kGivenNames)];
    const auto& surname = kSurnames[engine_() % std::size(kSurnames)];
    using namespace std::chrono;
    const year_month_day born{year{1940 + static_cast<int>(engine_() % 65)},
                              month{1 + static_cast<unsigned>(engine_() % 12)},
                              day{1 + static_cast<unsigned>(engine_() % 28)}};
    char phone[16];
    std::snprintf(phone, sizeof phone, "69%08u", static_cast<unsigned>(engine_() % 100'000'000));
    return boost::json::serialize(boost::json::object{
        {"kind", "greek"},
        {"afm", taxIds_.afm()},
        {"amka", taxIds_.amka(born)},
        {"id_card_number", ""},
        {"document_type", "passport"},
        {"document_number", ""},
        {"nationality", "GR"},
        {"given_name_el", given.el},
        {"surname_el", surname.el},
        {"given_name_latin", given.latin},
        {"surname_latin", surname.latin},
        {"phone", phone},
        {"email", ""},
    });
}

sync::FieldMap SyntheticFilings::nextCase(const std::string& protocolNumber) {
    boost::json::object evidence;
    for (const auto document : kEvidence) {
        evidence[document] = kEvidenceStates[engine_() % std::size(kEvidenceStates)];
    }
    using namespace std::chrono;
    const auto due = year_month_day{floor<days>(system_clock::now()) +
                                    days{10 + static_cast<int>(engine_() % 40)}};
    char dueText[16];
    std::snprintf(dueText, sizeof dueText, "%04d-%02u-%02u", static_cast<int>(due.year()),
                  static_cast<unsigned>(due.month()), static_cast<unsigned>(due.day()));
    return {
        {"protocol_number", protocolNumber},
        {"procedure_id", std::string(kProcedures[engine_() % std::size(kProcedures)])},
        {"catalogue_version", "1"},
        {"citizen", citizenJson()},
        {"evidence", boost::json::serialize(evidence)},
        {"fee_cents", std::to_string((engine_() % 5) * 500)},
        {"due_date", dueText},
        {"notes", ""},
        {"requires_approval", "true"},
    };
}

}  // namespace kep::loadgen
