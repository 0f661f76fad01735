#include "api/AuthorityCaseJson.h"

#include "authorities/InboxCase.h"
#include "shared/cases/Actor.h"
#include "shared/cases/CaseFields.h"
#include "shared/domain/UtcTime.h"
#include "shared/sync/SyncServerCore.h"

#include <boost/json.hpp>

namespace kep::server::api {

namespace {

namespace fields = kep::cases::fields;

boost::json::value textOrNull(const std::string& text) {
    return text.empty() ? boost::json::value(nullptr) : boost::json::value(text);
}

boost::json::value parsedOrNull(const std::string& text) {
    boost::system::error_code error;
    auto value = boost::json::parse(text, error);
    return error ? boost::json::value(nullptr) : value;
}

std::string utc(kep::cases::Instant at) {
    return kep::domain::toUtcTextMillis(std::chrono::system_clock::time_point(at));
}

}  // namespace

boost::json::array historyJson(const std::vector<kep::cases::HistoryEntry>& history) {
    boost::json::array entries;
    for (const auto& entry : history) {
        entries.push_back(boost::json::object{{"from", kep::cases::toString(entry.from)},
                                              {"to", kep::cases::toString(entry.to)},
                                              {"actor", entry.actorId},
                                              {"actor_role", kep::cases::toString(entry.role)},
                                              {"at", utc(entry.at)},
                                              {"reason", entry.reason}});
    }
    return entries;
}

boost::json::object authorityCaseJson(const sync::CaseRecord& record,
                                      const std::vector<kep::cases::HistoryEntry>& history) {
    boost::json::array documents;
    for (const auto& document : authorities::documentsOf(record)) {
        documents.push_back(boost::json::object{{"sha256", document.sha256},
                                                {"media_type", document.mediaType},
                                                {"evidence_id", document.evidenceId}});
    }
    const auto forwarded = authorities::forwardedAt(history);
    const auto& channel = record.field(fields::kChannel);
    const auto& language = record.field(fields::kLanguage);
    return {{"id", record.id},
            {"protocol_number", record.field(fields::kProtocolNumber)},
            {"procedure_id", record.field(fields::kProcedureId)},
            {"office", record.officeCode},
            {"status", kep::cases::toString(record.status)},
            {"status_reason", textOrNull(record.field(kep::sync::case_fields::kStatusReason))},
            {"due_date", textOrNull(record.field(fields::kDueDate))},
            {"channel", channel.empty() ? std::string("counter") : channel},
            {"language", language.empty() ? std::string("el") : language},
            {"forwarded_at", forwarded ? boost::json::value(utc(*forwarded)) : nullptr},
            {"citizen", parsedOrNull(record.field(fields::kCitizen))},
            {"documents", std::move(documents)},
            {"result_sha256", textOrNull(record.field(fields::kResultSha256))},
            {"version", record.version}};
}

}  // namespace kep::server::api
