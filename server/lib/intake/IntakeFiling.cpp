#include "intake/IntakeFiling.h"

#include "intake/CitizenRecord.h"
#include "intake/NextStep.h"
#include "shared/cases/CaseFields.h"
#include "shared/cases/DueDate.h"
#include "shared/cases/EvidenceChecklist.h"
#include "shared/sync/SyncServerCore.h"

#include <boost/json.hpp>

#include <cstdio>

namespace kep::server::intake {

namespace {

namespace json = boost::json;
namespace fields = kep::cases::fields;
using kep::cases::CaseStatus;

std::string isoDate(std::chrono::year_month_day date) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

std::optional<std::chrono::year_month_day> dueDateOf(const kep::catalogue::Procedure& procedure,
                                                     std::string_view office,
                                                     kep::cases::Instant filedAt,
                                                     const kep::domain::WorkingCalendar& calendar) {
    if (!procedure.deadline.value) {
        return std::nullopt;
    }
    const auto due =
        kep::cases::dueDate(filedAt, *procedure.deadline.value, {}, calendar, office, filedAt);
    // A deadline too long to count files the case without a date, as the desk does.
    return due.ok() ? std::optional(due.due->date) : std::nullopt;
}

// {"<id>":"missing",…}: the desk's evidence field, every document still to be seen.
std::string evidenceJson(const std::vector<IntakeDocument>& documents) {
    std::vector<kep::cases::EvidenceRequirement> requirements;
    for (const auto& document : documents) {
        requirements.push_back({document.evidenceId, {}, false});
    }
    const kep::cases::EvidenceChecklist checklist(std::move(requirements));
    json::object states;
    for (const auto& item : checklist.items()) {
        states[item.requirement.id] = kep::cases::toString(item.state);
    }
    return json::serialize(states);
}

std::string contactJson(const kep::cases::Citizen& citizen) {
    json::object contact;
    if (!citizen.email.empty()) {
        contact["email"] = citizen.email;
    }
    if (!citizen.phone.empty()) {
        contact["phone"] = citizen.phone;
    }
    return json::serialize(contact);
}

}  // namespace

std::vector<IntakeDocument> intakeDocuments(const kep::catalogue::Procedure& procedure,
                                            kep::catalogue::Language language) {
    std::vector<IntakeDocument> documents;
    auto ids = procedure.evidenceIds();
    documents.reserve(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const auto& evidence = procedure.evidences[i];
        const std::string& described = evidence.description.in(language);
        documents.push_back(
            {std::move(ids[i]), described.empty() ? evidence.type.title.in(language) : described});
    }
    return documents;
}

IntakeFiling planIntakeFiling(const IntakeApplication& application, IntakeChannel channel,
                              const kep::catalogue::Procedure& procedure,
                              const ProcedureTerms& terms, const kep::cases::ProtocolNumber& number,
                              kep::cases::Instant filedAt,
                              const kep::domain::WorkingCalendar& calendar) {
    IntakeFiling filing;
    const auto language = channelLanguage(channel);
    filing.documents = intakeDocuments(procedure, language);
    filing.dueDate = dueDateOf(procedure, application.officeCode, filedAt, calendar);
    auto& f = filing.fields;
    f[std::string(fields::kProtocolNumber)] = number.toString();
    f[std::string(fields::kProcedureId)] = application.procedureId;
    f["catalogue_version"] = std::to_string(terms.catalogueVersion);
    f[std::string(fields::kCitizen)] = citizenRecordJson(application.citizen);
    f[std::string(fields::kContact)] = contactJson(application.citizen);
    f[std::string(fields::kEvidence)] = evidenceJson(filing.documents);
    f[std::string(fields::kDueDate)] = filing.dueDate ? isoDate(*filing.dueDate) : std::string();
    f[std::string(fields::kChannel)] = std::string(channelCode(channel));
    f[std::string(fields::kLanguage)] = std::string(kep::catalogue::languageCode(language));
    f[std::string(fields::kAuthorityId)] = terms.authorityId;
    f["attachments"] = "[]";
    f[std::string(kep::sync::case_fields::kRequiresApproval)] =
        terms.requiresApproval ? "true" : "false";
    // Online applications land in the office's queue as filed; the manager's approval, where
    // the procedure needs it, comes before forwarding.
    f[std::string(kep::sync::case_fields::kStatus)] =
        std::string(kep::cases::toString(CaseStatus::Submitted));
    return filing;
}

std::string intakeAnswerJson(const std::string& caseId, const IntakeFiling& filing,
                             IntakeChannel channel) {
    const auto language = channelLanguage(channel);
    json::array documents;
    for (const auto& document : filing.documents) {
        documents.push_back(json::object{{"id", document.evidenceId}, {"title", document.title}});
    }
    json::object answer{
        {"case_id", caseId},
        {"protocol_number", filing.fields.at(std::string(fields::kProtocolNumber))},
        {"status", kep::cases::toString(CaseStatus::Submitted)},
        {"due_date", filing.dueDate ? json::value(isoDate(*filing.dueDate)) : json::value(nullptr)},
        {"channel", channelCode(channel)},
        {"language", kep::catalogue::languageCode(language)},
        {"next_step", nextStep(CaseStatus::Submitted, language)},
        {"documents", std::move(documents)},
    };
    return json::serialize(answer);
}

}  // namespace kep::server::intake
