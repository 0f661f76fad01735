// One administrative procedure of the MITOS register as the desk and the server use it: typed
// fields in Greek and English, plus the register's own documents kept verbatim.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "shared/catalogue/LocalizedText.h"
#include "shared/domain/IsoDuration.h"

namespace kep::catalogue {

// The provision org group that marks a procedure served by video call (myKEPlive).
inline constexpr std::string_view kRemoteServiceGroupId = "8256";

// An entry of one of the register's code lists (organisations, document types, submission
// types, fee types): MITOS sends either the bare id or {id, title}.
struct RegistryRef {
    std::string id;
    LocalizedText title;

    bool empty() const { return id.empty() && title.empty(); }
    friend bool operator==(const RegistryRef&, const RegistryRef&) = default;
};

// Statutory deadlines run for days or months; a longer one than this is a slip in the register
// (P99999D) that the importer flags, rather than a due date being counted from it years later.
inline constexpr std::uint32_t kMaxPlausibleDeadlineYears = 10;

// An ISO 8601 duration (deadline_duration, validity_duration). The register's text is kept even
// when it does not parse, so that a clerk still sees what the register says.
struct CatalogueDuration {
    std::string text;
    std::optional<domain::IsoDuration> value;

    bool empty() const { return text.empty(); }
    // True when the value is longer than `years`, measured as a case deadline is counted
    // (shared/cases/DueDate.h): a year is 12 months, 52 weeks or 250 working days (a Greek
    // public-service year without weekends and holidays), and days and the time part (in
    // whole days) are working days. False when there is no value.
    bool longerThanYears(std::uint32_t years) const;
    friend bool operator==(const CatalogueDuration&, const CatalogueDuration&) = default;
};

// An eligibility condition (process_conditions[]).
struct Condition {
    std::string numId;
    LocalizedText name;
    RegistryRef type;
    std::string alternativeGroup;  // conditions that satisfy the requirement together share it
    std::string url;
    friend bool operator==(const Condition&, const Condition&) = default;
};

// A required document (process_evidences[]).
struct Evidence {
    std::string numId;
    RegistryRef type;
    LocalizedText description;
    LocalizedText note;
    std::vector<RegistryRef> submissionTypes;
    std::string alternativeGroup;  // documents that may replace each other share it
    std::string url;
    RegistryRef owner;  // the authority that issues the document
    std::string relatedUrl;
    friend bool operator==(const Evidence&, const Evidence&) = default;
};

// A fee or charge (process_evidences_cost[]), in euro.
struct Fee {
    RegistryRef type;
    LocalizedText description;
    std::optional<double> min;
    std::optional<double> max;
    friend bool operator==(const Fee&, const Fee&) = default;
};

// A step of the procedure at the authority (process_steps[]).
struct Step {
    LocalizedText title;
    LocalizedText description;
    std::string durationMax;  // as the register writes it
    LocalizedText note;
    friend bool operator==(const Step&, const Step&) = default;
};

// A step that can be done online (process_steps_digital[]).
struct DigitalStep {
    std::string numId;
    LocalizedText title;
    LocalizedText description;
    std::string durationMax;
    std::string url;
    friend bool operator==(const DigitalStep&, const DigitalStep&) = default;
};

// A provision of the legal basis (process_rules[]): a law, decree or decision and where the
// Government Gazette (ΦΕΚ) published it.
struct LegalRule {
    RegistryRef type;
    std::string decisionNumber;
    std::string decisionYear;
    std::string article;
    LocalizedText description;
    std::string gazetteDocNumber;  // the register sends a number; kept as its decimal text
    std::string gazetteIssue;      // the ΦΕΚ issue series, e.g. "Α", "Β"
    std::string ada;               // Diavgeia's publication id
    std::string url;

    // "ΦΕΚ Α 123", or "" when the register names no gazette number.
    std::string gazetteReference() const;
    friend bool operator==(const LegalRule&, const LegalRule&) = default;
};

struct UsefulLink {
    LocalizedText title;
    std::string url;
    friend bool operator==(const UsefulLink&, const UsefulLink&) = default;
};

// The register's documents this procedure was read from: the `data` object of
// services-extended, one per language, verbatim (fields this model does not know included).
// A null value means that language's document was not imported.
struct MitosDocuments {
    boost::json::value el;
    boost::json::value en;

    const boost::json::value& in(Language language) const {
        return language == Language::El ? el : en;
    }
    boost::json::value& slot(Language language) { return language == Language::El ? el : en; }
    friend bool operator==(const MitosDocuments&, const MitosDocuments&) = default;
};

struct Procedure {
    std::string id;  // the register's id, e.g. "900012"
    LocalizedText title;
    std::string url;
    std::string lastUpdated;  // as the register writes it
    std::string status;

    LocalizedText officialTitle;
    std::vector<LocalizedText> alternativeTitles;
    LocalizedText description;
    LocalizedText remarks;
    LocalizedText applicationNote;

    RegistryRef orgOwner;  // the competent authority
    std::vector<RegistryRef> provisionOrgGroups;
    std::vector<RegistryRef> provisionOrgGroupsRemote;

    CatalogueDuration deadline;  // statutory time to complete
    CatalogueDuration validity;  // how long the result stays valid
    std::optional<double> costMin;
    std::optional<double> costMax;

    std::vector<Condition> conditions;
    std::vector<Evidence> evidences;
    std::vector<Fee> fees;
    std::vector<Step> steps;
    std::vector<DigitalStep> digitalSteps;
    std::vector<LegalRule> rules;
    std::vector<UsefulLink> usefulLinks;

    MitosDocuments documents;

    // Served by video call (myKEPlive): group kRemoteServiceGroupId in either provision list.
    bool offeredRemotely() const;
    // The title to show: title, else official title, in `language` or else the other one.
    const std::string& displayTitle(Language language) const;
    // The id a case's documents checklist gives each of `evidences`, in order: the register's
    // number, else the position (from 1); a number the register repeats gets "#<position>",
    // since a checklist refuses repeats and a register slip must not stop a filing. The desk and
    // the server's online intake both name documents by it.
    std::vector<std::string> evidenceIds() const;

    friend bool operator==(const Procedure&, const Procedure&) = default;
};

}  // namespace kep::catalogue
