#include "api/CatalogueAdminRoutes.h"

#include "api/CatalogueRoutes.h"
#include "catalogue/CataloguePublication.h"
#include "catalogue/DifferenceJson.h"
#include "http/HttpError.h"
#include "http/JsonBody.h"

#include <boost/json.hpp>

#include <chrono>
#include <mutex>

namespace kep::server::api {

namespace {

using kep::catalogue::Language;

[[noreturn]] void invalidField(std::string_view field, std::string_view expected) {
    throw http::HttpError(400, "invalid_field",
                          "field '" + std::string(field) + "' must be " + std::string(expected));
}

// Procedure ids are the register's: short, no control characters.
bool isProcedureId(std::string_view id) {
    if (id.empty() || id.size() > kMaxProcedureIdBytes) {
        return false;
    }
    for (const unsigned char c : id) {
        if (c < 0x20 || c == 0x7f) {
            return false;
        }
    }
    return true;
}

std::optional<bool> optionalBool(const boost::json::object& body, std::string_view field) {
    const auto it = body.find(field);
    if (it == body.end() || it->value().is_null()) {
        return std::nullopt;
    }
    if (!it->value().is_bool()) {
        invalidField(field, "true or false");
    }
    return it->value().get_bool();
}

boost::json::value versionOrNull(const std::optional<catalogue::StoredVersion>& version) {
    return version ? boost::json::value(version->version) : boost::json::value(nullptr);
}

boost::json::object optionsJson(const catalogue::KepOptions& options) {
    return {{"requiresApproval", options.requiresApproval},
            {"competentAuthorityId", options.competentAuthorityId
                                         ? boost::json::value(*options.competentAuthorityId)
                                         : boost::json::value(nullptr)},
            {"offeredAtKep", options.offeredAtKep}};
}

http::Response drafts(storage::ServerStore& store, const http::Request& request) {
    const auto offset = integerParameter(request, "offset", 0, 0, 1'000'000);
    const auto limit = integerParameter(request, "limit", 20, 1, kMaxDraftsPage);
    const auto language = languageParameter(request);
    catalogue::DraftReviewPage page;
    std::int64_t seq = 0;
    {
        std::lock_guard lock(store.mutex());
        catalogue::CatalogueStore catalogue(store.database());
        page = catalogue::reviewDrafts(catalogue, static_cast<std::size_t>(offset),
                                       static_cast<std::size_t>(limit));
        seq = catalogue.changeSequence();
    }
    boost::json::array list;
    for (const auto& review : page.drafts) {
        const auto& draft = review.draft;
        list.push_back(boost::json::object{
            {"id", draft.procedureId},
            {"title", {{"el", draft.titleEl}, {"en", draft.titleEn}}},
            {"draftVersion", draft.version},
            {"publishedVersion", versionOrNull(review.published)},
            {"importedAt", draft.importedAt},
            {"kep", optionsJson(review.options)},
            {"changes", catalogue::differenceJson(review.difference)},
            {"summary", kep::catalogue::diffSummary(review.difference, language)}});
    }
    return http::jsonResponse(boost::json::object{{"drafts", std::move(list)},
                                                  {"total", page.total},
                                                  {"offset", offset},
                                                  {"limit", limit},
                                                  {"catalogueSeq", seq}});
}

catalogue::PublishSelection readSelection(const boost::json::object& body) {
    const auto* all = body.if_contains("all");
    const auto* ids = body.if_contains("ids");
    if ((all == nullptr) == (ids == nullptr)) {
        throw http::HttpError(400, "invalid_body", "give either 'ids' or 'all', not both");
    }
    if (all != nullptr) {
        if (!all->is_bool() || !all->get_bool()) {
            invalidField("all", "true");
        }
        return {.all = true, .ids = {}};
    }
    if (!ids->is_array() || ids->get_array().empty() || ids->get_array().size() > kMaxPublishIds) {
        invalidField("ids", "a list of 1 to " + std::to_string(kMaxPublishIds) + " procedure ids");
    }
    catalogue::PublishSelection selection;
    for (const auto& id : ids->get_array()) {
        if (!id.is_string() || !isProcedureId(id.get_string())) {
            invalidField("ids", "procedure ids (strings of 1 to " +
                                    std::to_string(kMaxProcedureIdBytes) + " bytes)");
        }
        selection.ids.emplace_back(id.get_string());
    }
    return selection;
}

http::Response publish(storage::ServerStore& store, const http::Request& request) {
    const auto selection = readSelection(http::parseJsonObject(request));
    catalogue::PublishResult result;
    try {
        std::lock_guard lock(store.mutex());
        result = catalogue::publish(store.database(), selection,
                                    storage::isoUtc(std::chrono::system_clock::now()));
    } catch (const catalogue::NoDraftError& error) {
        throw http::HttpError(
            400, "invalid_field",
            "field 'ids': procedure " + error.id() + " has no draft (nothing was published)");
    }
    // Desks are nudged by CatalogueWatch, which sees the sequence move.
    return http::jsonResponse(
        boost::json::object{{"published", result.published}, {"catalogueSeq", result.lastSeq}});
}

catalogue::KepOptionsChange readOptions(const boost::json::object& body) {
    catalogue::KepOptionsChange change;
    change.requiresApproval = optionalBool(body, "requiresApproval");
    change.offeredAtKep = optionalBool(body, "offeredAtKep");
    if (const auto* authority = body.if_contains("competentAuthorityId")) {
        if (authority->is_null()) {
            change.competentAuthorityId = std::string();  // back to the register's org_owner
        } else if (authority->is_string() &&
                   (authority->get_string().empty() || isProcedureId(authority->get_string()))) {
            change.competentAuthorityId = std::string(authority->get_string());
        } else {
            invalidField("competentAuthorityId", "null or an organisation id of at most " +
                                                     std::to_string(kMaxProcedureIdBytes) +
                                                     " bytes");
        }
    }
    if (!change.requiresApproval && !change.offeredAtKep && !change.competentAuthorityId) {
        throw http::HttpError(
            400, "invalid_body",
            "give at least one of 'requiresApproval', 'competentAuthorityId', 'offeredAtKep'");
    }
    return change;
}

http::Response options(storage::ServerStore& store, const http::Request& request) {
    const auto& id = request.pathParams.at("id");
    if (!isProcedureId(id)) {
        throw http::HttpError(404, "not_found", "no procedure has this id");
    }
    const auto change = readOptions(http::parseJsonObject(request));
    std::optional<catalogue::OptionsOutcome> outcome;
    {
        std::lock_guard lock(store.mutex());
        outcome = catalogue::setOptions(store.database(), id, change);
    }
    if (!outcome) {
        throw http::HttpError(404, "not_found", "no procedure has this id");
    }
    return http::jsonResponse(boost::json::object{{"id", id},
                                                  {"kep", optionsJson(outcome->options)},
                                                  {"catalogueSeq", outcome->catalogueSeq}});
}

}  // namespace

void registerCatalogueAdminRoutes(http::Router& router, storage::ServerStore& store) {
    const auto access = http::RouteAccess::session("catalogue.publish");
    router.add(http::Method::Get, "/api/v1/admin/catalogue/drafts", access,
               [&store](http::Request& request) { return drafts(store, request); });
    router.add(http::Method::Post, "/api/v1/admin/catalogue/publish", access,
               [&store](http::Request& request) { return publish(store, request); });
    router.add(http::Method::Put, "/api/v1/admin/catalogue/procedures/{id}/options", access,
               [&store](http::Request& request) { return options(store, request); });
}

}  // namespace kep::server::api
