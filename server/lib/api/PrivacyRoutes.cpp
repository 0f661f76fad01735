#include "api/PrivacyRoutes.h"

#include "api/IdentityRoutes.h"
#include "http/HttpError.h"
#include "http/JsonBody.h"
#include "identity/Directory.h"
#include "privacy/CitizenCases.h"
#include "privacy/CitizenErasure.h"
#include "privacy/CitizenExport.h"
#include "shared/domain/TaxId.h"
#include "shared/domain/UtcTime.h"
#include "storage/DatabaseLocation.h"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

namespace kep::server::api {

namespace json = boost::json;

namespace {

struct PrivacyContext {
    storage::ServerStore& store;
    identity::Directory directory;
    std::string database;
    std::string dataDir;
    privacy::RetentionSettings settings;
    audit::CitizenRef refs;
};

std::string taxIdOf(const json::object& body) {
    auto taxId = http::requireString(body, "tax_id", 16);
    if (!kep::domain::validateAfm(taxId).ok()) {
        // The value is never quoted back: it is personal data.
        throw http::HttpError(400, "invalid_field", "field 'tax_id' is not a valid ΑΦΜ");
    }
    return taxId;
}

privacy::PrivacyActor actorOf(const http::Request& request) {
    const auto& caller = *request.caller;
    const auto& user = *caller.user;
    return {"user", user.userId, std::string(auth::toString(user.role)), user.officeCode,
            caller.deviceId};
}

// An audit purpose is an identifier: the reason is a code, never a sentence about a person.
std::string reasonOf(const json::object& body) {
    auto reason = http::requireString(body, "reason", 64);
    const bool code = !reason.empty() && std::all_of(reason.begin(), reason.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == ':' ||
               c == '/' || c == '@' || c == '-';
    });
    if (!code) {
        throw http::HttpError(400, "invalid_field",
                              "field 'reason' must be a code: letters, digits and . _ : / @ -");
    }
    return reason;
}

http::Response erase(PrivacyContext& context, const http::Request& request) {
    const auto body = http::parseJsonObject(request);
    const auto taxId = taxIdOf(body);
    const auto reason = reasonOf(body);
    const auto outcome =
        privacy::eraseCitizen(context.database, context.dataDir, taxId, reason, actorOf(request),
                              context.settings, context.refs, std::chrono::system_clock::now());
    if (outcome.refused()) {
        json::array cases;
        std::string message = "erasure refused:";
        for (const auto& blocked : outcome.blocked) {
            cases.push_back(json::object{{"id", blocked.caseId}, {"why", blocked.why}});
            message += " case " + blocked.caseId +
                       (blocked.why == "open" ? " is open;" : " is within its legal retention;");
        }
        message.pop_back();
        return http::jsonResponse(
            json::object{{"error", json::object{{"code", "erasure_refused"}, {"message", message}}},
                         {"cases", std::move(cases)}},
            409);
    }
    json::array erased(outcome.erased.begin(), outcome.erased.end());
    return http::jsonResponse(json::object{{"erased", std::move(erased)},
                                           {"content_removed", outcome.purge.contentRemoved}});
}

// The office of the caller's, if it holds a case of the citizen; else the national scope, which
// only the central administration's rule reaches.
auth::ResourceScope exportScope(PrivacyContext& context, const http::Request& request) {
    if (!request.caller || !request.caller->user) {
        return {};
    }
    json::object body;
    try {
        body = http::parseJsonObject(request);
    } catch (const http::HttpError&) {
        return {};  // the handler answers the fault
    }
    const auto* taxId = body.if_contains("tax_id");
    const auto& office = request.caller->user->officeCode;
    if (!taxId || !taxId->is_string() || office.empty()) {
        return {};
    }
    auto db = storage::openConnection(context.database, {.mode = kep::db::OpenMode::ReadOnly});
    for (const auto& c : privacy::casesOfCitizen(db, std::string(taxId->as_string()))) {
        if (c.officeCode == office) {
            return officeScope(context.directory, office);
        }
    }
    return {};
}

http::Response exportCitizen(PrivacyContext& context, const http::Request& request) {
    const auto body = http::parseJsonObject(request);
    const auto taxId = taxIdOf(body);
    const auto format = http::optionalString(body, "format", 8).value_or("json");
    const auto lang = http::optionalString(body, "lang", 8).value_or("el");
    if (format != "json" && format != "pdf") {
        throw http::HttpError(400, "invalid_field", "field 'format' must be json or pdf");
    }
    if (lang != "el" && lang != "en") {
        throw http::HttpError(400, "invalid_field", "field 'lang' must be el or en");
    }
    const auto now = std::chrono::system_clock::now();
    const auto exported = privacy::gatherCitizenExport(context.database, taxId, context.refs, now);
    // Audited before it is handed out: an export nobody can prove is one too many.
    privacy::auditCitizenExport(context.database, actorOf(request),
                                exported.document.at("citizen_ref").as_string().c_str(), now);
    http::Response response;
    if (format == "json") {
        response.body = json::serialize(exported.document);
    } else {
        response.contentType = "application/pdf";
        response.body =
            privacy::citizenExportPdf(exported, lang == "el" ? privacy::ExportLanguage::Greek
                                                             : privacy::ExportLanguage::English);
    }
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

json::object ruleJson(const privacy::RetentionRule& rule) {
    return {{"procedure_id", rule.procedureId},
            {"purge_after_years", rule.purgeAfterYears},
            {"keep_at_least_years", rule.keepAtLeastYears},
            {"set_at", rule.setAt},
            {"set_by", rule.setBy}};
}

http::Response listRules(PrivacyContext& context) {
    json::array rules;
    {
        const std::lock_guard lock(context.store.mutex());
        for (const auto& rule : privacy::retentionRules(context.store.database())) {
            rules.push_back(ruleJson(rule));
        }
    }
    return http::jsonResponse(json::object{{"default_years", context.settings.defaultYears},
                                           {"rules", std::move(rules)}});
}

http::Response putRule(PrivacyContext& context, const http::Request& request) {
    const auto body = http::parseJsonObject(request);
    privacy::RetentionRule rule;
    rule.procedureId = request.pathParams.at("procedure");
    rule.purgeAfterYears = static_cast<int>(std::clamp<std::int64_t>(
        http::requireInteger(body, "purge_after_years"), -1, privacy::kMaxRetentionYears + 1));
    rule.keepAtLeastYears = body.contains("keep_at_least_years")
                                ? static_cast<int>(std::clamp<std::int64_t>(
                                      http::requireInteger(body, "keep_at_least_years"), -1,
                                      privacy::kMaxRetentionYears + 1))
                                : 0;
    rule.setAt = kep::domain::toUtcText(std::chrono::system_clock::now());
    rule.setBy = request.caller->user->userId;
    if (const auto problem = privacy::problemWith(rule)) {
        throw http::HttpError(400, "invalid_field", *problem);
    }
    {
        const std::lock_guard lock(context.store.mutex());
        privacy::putRetentionRule(context.store.database(), rule);
    }
    return http::jsonResponse(ruleJson(rule));
}

http::Response removeRule(PrivacyContext& context, const http::Request& request) {
    bool removed = false;
    {
        const std::lock_guard lock(context.store.mutex());
        removed = privacy::removeRetentionRule(context.store.database(),
                                               request.pathParams.at("procedure"));
    }
    if (!removed) {
        throw http::HttpError(404, "not_found", "the procedure has no retention rule of its own");
    }
    http::Response response;
    response.status = 204;
    response.contentType.clear();
    return response;
}

}  // namespace

void registerPrivacyRoutes(http::Router& router, storage::ServerStore& store,
                           const std::string& database, const std::string& dataDir,
                           const privacy::RetentionSettings& settings) {
    auto context = std::make_shared<PrivacyContext>(
        PrivacyContext{store, identity::Directory(store), database, dataDir, settings,
                       privacy::citizenRefsOf(dataDir)});
    router.add(http::Method::Post, "/api/v1/privacy/erasure",
               http::RouteAccess::session("citizen.erase"),
               [context](http::Request& request) { return erase(*context, request); });
    router.add(http::Method::Post, "/api/v1/privacy/export",
               http::RouteAccess::session("citizen.export",
                                          [context](const http::Request& request) {
                                              return exportScope(*context, request);
                                          }),
               [context](http::Request& request) { return exportCitizen(*context, request); });
    router.add(http::Method::Get, "/api/v1/privacy/retention",
               http::RouteAccess::session("privacy.retention"),
               [context](http::Request&) { return listRules(*context); });
    router.add(http::Method::Put, "/api/v1/privacy/retention/{procedure}",
               http::RouteAccess::session("privacy.retention"),
               [context](http::Request& request) { return putRule(*context, request); });
    router.add(http::Method::Delete, "/api/v1/privacy/retention/{procedure}",
               http::RouteAccess::session("privacy.retention"),
               [context](http::Request& request) { return removeRule(*context, request); });
}

}  // namespace kep::server::api
