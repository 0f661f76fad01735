#include "api/CatalogueRoutes.h"

#include "api/CatalogueAdminRoutes.h"
#include "catalogue/CatalogueStore.h"
#include "catalogue/PublishedRecord.h"
#include "http/HttpError.h"
#include "http/JsonBody.h"
#include "shared/catalogue/SearchWords.h"

#include <boost/json.hpp>

#include <charconv>
#include <limits>
#include <mutex>

namespace kep::server::api {

namespace {

using kep::catalogue::Language;

[[noreturn]] void invalidQuery(std::string_view parameter, std::string_view expected) {
    throw http::HttpError(
        400, "invalid_query",
        "parameter '" + std::string(parameter) + "' must be " + std::string(expected));
}

const std::string* parameter(const http::Request& request, const std::string& name) {
    const auto it = request.query.find(name);
    return it == request.query.end() ? nullptr : &it->second;
}

std::string_view fieldName(kep::catalogue::MatchField field) {
    switch (field) {
        case kep::catalogue::MatchField::Title:
            return "title";
        case kep::catalogue::MatchField::AlternativeTitle:
            return "alternativeTitle";
        case kep::catalogue::MatchField::Description:
            return "description";
    }
    return "description";
}

http::Response search(catalogue::PublishedCatalogue& catalogue, const http::Request& request) {
    const auto* query = parameter(request, "q");
    if (query == nullptr) {
        invalidQuery("q", "given (the text to search for)");
    }
    if (kep::catalogue::codePointCount(*query) > kMaxCatalogueQueryCharacters) {
        invalidQuery("q",
                     "at most " + std::to_string(kMaxCatalogueQueryCharacters) + " characters");
    }
    const auto language = languageParameter(request);
    const auto limit = integerParameter(request, "limit", 20, 1, kMaxCatalogueLimit);

    boost::json::array results;
    for (const auto& found : catalogue.search(*query, language, static_cast<std::size_t>(limit))) {
        results.push_back({{"id", found.id},
                           {"title", {{"el", found.title.el}, {"en", found.title.en}}},
                           {"score", found.score},
                           {"field", fieldName(found.field)},
                           {"version", found.version},
                           {"offeredRemotely", found.offeredRemotely}});
    }
    return http::jsonResponse(boost::json::object{{"results", std::move(results)}});
}

http::Response procedure(storage::ServerStore& store, const http::Request& request) {
    const auto& id = request.pathParams.at("id");
    std::optional<catalogue::PublishedProcedure> found;
    {
        std::lock_guard lock(store.mutex());
        found = catalogue::CatalogueStore(store.database()).publishedProcedure(id);
    }
    if (!found) {
        throw http::HttpError(404, "not_found", "no published procedure has this id");
    }
    return http::Response::json(200, catalogue::publishedRecordJson(*found));
}

http::Response changes(storage::ServerStore& store, const http::Request& request) {
    const auto since =
        integerParameter(request, "since", 0, 0, std::numeric_limits<std::int64_t>::max());
    const auto limit =
        integerParameter(request, "limit", kMaxCatalogueLimit, 1, kMaxCatalogueLimit);
    std::vector<catalogue::PublishedProcedure> page;
    {
        std::lock_guard lock(store.mutex());
        // One more than asked: whether there is more is known without a second query.
        page = catalogue::CatalogueStore(store.database())
                   .publishedSince(since, static_cast<std::size_t>(limit) + 1);
    }
    const bool hasMore = page.size() > static_cast<std::size_t>(limit);
    if (hasMore) {
        page.pop_back();
    }
    // Built as text: each record splices its stored documents without parsing them.
    std::string body = "{\"changes\":[";
    for (std::size_t i = 0; i < page.size(); ++i) {
        const auto& entry = page[i];
        if (i > 0) {
            body += ',';
        }
        body += boost::json::serialize(boost::json::object{{"seq", entry.changeSeq},
                                                           {"id", entry.version.procedureId},
                                                           {"version", entry.version.version}});
        body.pop_back();
        if (!entry.options.offeredAtKep) {
            // Withdrawn from KEPs: desks delete their copy (and bring it back when re-offered).
            body += ",\"removed\":true}";
            continue;
        }
        body += ",\"record\":";
        body += catalogue::publishedRecordJson(entry);
        body += '}';
    }
    const auto next = page.empty() ? since : page.back().changeSeq;
    body +=
        "],\"next\":" + std::to_string(next) + ",\"hasMore\":" + (hasMore ? "true" : "false") + "}";
    return http::Response::json(200, std::move(body));
}

}  // namespace

std::int64_t integerParameter(const http::Request& request, const std::string& name,
                              std::int64_t fallback, std::int64_t min, std::int64_t max) {
    const auto* text = parameter(request, name);
    if (text == nullptr) {
        return fallback;
    }
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (text->empty() || error != std::errc() || end != text->data() + text->size() ||
        value < min || value > max) {
        invalidQuery(name,
                     "a whole number from " + std::to_string(min) + " to " +
                         (max == std::numeric_limits<std::int64_t>::max() ? std::string("any")
                                                                          : std::to_string(max)));
    }
    return value;
}

kep::catalogue::Language languageParameter(const http::Request& request) {
    const auto* text = parameter(request, "lang");
    if (text == nullptr || *text == "el") {
        return Language::El;
    }
    if (*text == "en") {
        return Language::En;
    }
    invalidQuery("lang", "el or en");
}

void registerCatalogueRoutes(http::Router& router, storage::ServerStore& store,
                             std::shared_ptr<catalogue::PublishedCatalogue> catalogue) {
    // Anyone may read the catalogue, at a rate per address (RequestRateLimiter, "public").
    const auto limited = [] { return http::RouteAccess::publicRoute().withRateLimit("public"); };
    router.add(http::Method::Get, "/api/v1/catalogue/search", limited(),
               [catalogue](http::Request& request) { return search(*catalogue, request); });
    router.add(http::Method::Get, "/api/v1/catalogue/procedures/{id}", limited(),
               [&store](http::Request& request) { return procedure(store, request); });
    router.add(http::Method::Get, "/api/v1/catalogue/changes", limited(),
               [&store](http::Request& request) { return changes(store, request); });
    registerCatalogueAdminRoutes(router, store);
}

}  // namespace kep::server::api
