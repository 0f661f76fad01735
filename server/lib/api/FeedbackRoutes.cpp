#include "api/FeedbackRoutes.h"

#include "api/CatalogueRoutes.h"
#include "api/OfficeActor.h"
#include "feedback/ProcedureFeedback.h"
#include "http/HttpError.h"
#include "http/JsonBody.h"
#include "identity/Directory.h"
#include "shared/domain/UtcTime.h"
#include "shared/domain/Uuid.h"

#include <boost/json.hpp>

#include <chrono>
#include <memory>

namespace kep::server::api {

namespace {

constexpr std::size_t kMaxTextBytes = 4000;
constexpr std::size_t kMaxNoteBytes = 4000;
constexpr std::size_t kMaxProcedureIdBytes = 64;
constexpr std::int64_t kMaxListed = 1000;

struct FeedbackContext {
    feedback::ProcedureFeedback flags;
    identity::Directory directory;
};

[[noreturn]] void invalidField(std::string_view field, std::string_view rule) {
    throw http::HttpError(400, "invalid_field",
                          "field '" + std::string(field) + "' " + std::string(rule));
}

boost::json::object flagJson(const feedback::Flag& flag) {
    boost::json::object json{{"id", flag.raised.id},
                             {"procedure_id", flag.raised.procedureId},
                             {"kind", flag.raised.kind},
                             {"text", flag.raised.text},
                             {"office", flag.raised.officeCode},
                             {"user_id", flag.raised.userId},
                             {"flagged_at", flag.raised.flaggedAt},
                             {"received_at", flag.receivedAt},
                             {"state", flag.open ? "open" : "closed"}};
    if (!flag.open) {
        json["closed_by"] = flag.closedBy;
        json["closed_at"] = flag.closedAt;
        json["note"] = flag.closeNote;
    }
    return json;
}

http::Response raise(FeedbackContext& context, const http::Request& request) {
    const auto body = http::parseJsonObject(request);
    feedback::NewFlag flag;
    flag.id = http::requireString(body, "id", 64);
    if (!kep::domain::Uuid::parse(flag.id)) {
        invalidField("id", "must be a UUID made by the desk");
    }
    flag.procedureId = request.pathParams.at("id");
    if (flag.procedureId.size() > kMaxProcedureIdBytes) {
        throw http::HttpError(404, "not_found", "no such procedure");
    }
    flag.kind = http::requireString(body, "kind", 32);
    if (!feedback::isFeedbackKind(flag.kind)) {
        invalidField("kind", "must be outdated_fee, missing_document, wrong_authority or other");
    }
    flag.text = http::optionalString(body, "text", kMaxTextBytes).value_or("");
    if (flag.kind == "other" && flag.text.find_first_not_of(" \t\r\n") == std::string::npos) {
        invalidField("text", "must say what is wrong when the kind is other");
    }
    flag.userId = requireOfficeUser(context.directory, request, body);
    flag.officeCode = request.caller->workstation.officeCode;
    const auto flaggedAt = http::optionalString(body, "flaggedAt", 32);
    if (flaggedAt && !kep::domain::fromUtcText(*flaggedAt)) {
        invalidField("flaggedAt", "must be a UTC time as YYYY-MM-DDTHH:MM:SSZ");
    }
    flag.flaggedAt = flaggedAt.value_or(storage::isoUtc(std::chrono::system_clock::now()));
    const auto stored = context.flags.raise(flag);
    if (!stored) {
        throw http::HttpError(409, "flag_id_taken",
                              "the id belongs to another procedure's or office's flag");
    }
    return http::jsonResponse(boost::json::object{{"flag", flagJson(*stored)}}, 201);
}

http::Response list(FeedbackContext& context, const http::Request& request) {
    const auto state = request.query.count("state") ? request.query.at("state") : "open";
    if (state != "open" && state != "closed") {
        throw http::HttpError(400, "invalid_query", "parameter 'state' must be open or closed");
    }
    const auto procedure = request.query.count("procedure") ? request.query.at("procedure") : "";
    const auto limit = integerParameter(request, "limit", 200, 1, kMaxListed);
    boost::json::array procedures;
    for (const auto& flag :
         context.flags.list(state == "open", procedure, static_cast<int>(limit))) {
        // The store orders by procedure: a new procedure starts a new group.
        if (procedures.empty() ||
            procedures.back().as_object().at("id").as_string() != flag.raised.procedureId) {
            procedures.push_back(
                {{"id", flag.raised.procedureId}, {"flags", boost::json::array()}});
        }
        procedures.back().as_object().at("flags").as_array().push_back(flagJson(flag));
    }
    return http::jsonResponse(
        boost::json::object{{"state", state}, {"procedures", std::move(procedures)}});
}

http::Response close(FeedbackContext& context, const http::Request& request) {
    const auto body = http::parseJsonObject(request);
    const auto note = http::requireString(body, "note", kMaxNoteBytes);
    const auto& id = request.pathParams.at("flag");
    const auto flag = context.flags.find(id);
    if (!flag) {
        throw http::HttpError(404, "not_found", "no such flag");
    }
    if (!context.flags.close(id, request.caller->user->userId, note)) {
        throw http::HttpError(409, "already_closed", "the flag is closed already");
    }
    return http::jsonResponse(boost::json::object{{"flag", flagJson(*context.flags.find(id))}});
}

}  // namespace

void registerFeedbackRoutes(http::Router& router, storage::ServerStore& store) {
    auto context = std::make_shared<FeedbackContext>(
        FeedbackContext{feedback::ProcedureFeedback(store), identity::Directory(store)});
    router.add(http::Method::Post, "/api/v1/catalogue/procedures/{id}/feedback",
               http::RouteAccess::workstation("catalogue.feedback", workstationOffice),
               [context](http::Request& request) { return raise(*context, request); });
    router.add(http::Method::Get, "/api/v1/catalogue/feedback",
               http::RouteAccess::session("catalogue.feedback_review"),
               [context](http::Request& request) { return list(*context, request); });
    router.add(http::Method::Post, "/api/v1/catalogue/feedback/{flag}/close",
               http::RouteAccess::session("catalogue.feedback_review"),
               [context](http::Request& request) { return close(*context, request); });
}

}  // namespace kep::server::api
