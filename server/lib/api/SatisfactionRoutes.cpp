#include "api/SatisfactionRoutes.h"

#include "api/IdentityRoutes.h"
#include "api/QueryPeriod.h"
#include "feedback/SatisfactionFigures.h"
#include "http/HttpError.h"
#include "http/JsonBody.h"
#include "identity/Directory.h"
#include "stats/CivilDate.h"

#include <boost/json.hpp>

#include <chrono>
#include <memory>

namespace kep::server::api {

namespace {

constexpr int kCommentLimit = 20;
constexpr std::size_t kMaxProcedureIdBytes = 64;

auth::ResourceScope figuresScope(identity::Directory& directory, const http::Request& request) {
    if (const auto office = queryParameter(request, "office")) {
        return officeScope(directory, *office);
    }
    if (const auto region = queryParameter(request, "region")) {
        return {{}, *region, {}};
    }
    return {};
}

boost::json::value averageJson(const feedback::RatingCounts& counts) {
    const auto average = counts.average();
    return average ? boost::json::value(*average) : boost::json::value(nullptr);
}

boost::json::object countsJson(const feedback::RatingCounts& counts) {
    boost::json::object distribution;
    for (std::size_t i = 0; i < counts.byRating.size(); ++i) {
        distribution[std::to_string(i + 1)] = counts.byRating[i];
    }
    return {{"rated", counts.rated()},
            {"average", averageJson(counts)},
            {"distribution", std::move(distribution)}};
}

http::Response satisfaction(storage::ServerStore& store, identity::Directory& directory,
                            const http::Request& request) {
    const auto office = queryParameter(request, "office");
    const auto region = queryParameter(request, "region");
    if (office && region) {
        http::throwInvalidParameter("region", "cannot be given with 'office'");
    }
    feedback::SatisfactionQuery query;
    query.procedureId = queryParameter(request, "procedure").value_or("");
    if (query.procedureId.size() > kMaxProcedureIdBytes) {
        http::throwInvalidParameter("procedure", "is too long");
    }
    const auto [from, to] = queryPeriod(request);
    query.from = stats::civilDateText(from);
    query.to = stats::civilDateText(to);

    boost::json::object scope{{"from", query.from}, {"to", query.to}};
    if (office) {
        const auto found = directory.officeByCode(*office);
        if (!found) {
            throw http::HttpError(404, "not_found", "no such office");
        }
        scope["kind"] = "office";
        scope["office"] = found->code;
        query.scopes = {found->code};
        query.commentLimit = kCommentLimit;
    } else if (region) {
        scope["kind"] = "region";
        scope["region"] = *region;
        for (const auto& each : directory.offices()) {
            if (each.region == *region) {
                query.scopes.push_back(each.code);
            }
        }
        if (query.scopes.empty()) {
            throw http::HttpError(404, "not_found", "no office is in this region");
        }
    } else {
        scope["kind"] = "national";
        query.scopes = {""};
    }
    if (!query.procedureId.empty()) {
        scope["procedure"] = query.procedureId;
    }

    const auto figures = feedback::satisfactionFigures(store, query);
    auto body = countsJson(figures.counts);
    body["scope"] = std::move(scope);
    boost::json::array procedures;
    for (const auto& each : figures.procedures) {
        auto entry = countsJson(each.counts);
        entry["id"] = each.procedureId;
        procedures.push_back(std::move(entry));
    }
    body["procedures"] = std::move(procedures);
    if (office) {
        boost::json::array comments;
        for (const auto& each : figures.comments) {
            comments.push_back({{"date", each.day},
                                {"procedure_id", each.procedureId},
                                {"rating", each.rating},
                                {"comment", each.comment}});
        }
        body["comments"] = std::move(comments);
    }
    return http::jsonResponse(body);
}

}  // namespace

void registerSatisfactionRoutes(http::Router& router, storage::ServerStore& store) {
    auto directory = std::make_shared<identity::Directory>(store);
    router.add(http::Method::Get, "/api/v1/stats/satisfaction",
               http::RouteAccess::session("stats.office",
                                          [directory](const http::Request& request) {
                                              return figuresScope(*directory, request);
                                          }),
               [&store, directory](http::Request& request) {
                   return satisfaction(store, *directory, request);
               });
}

}  // namespace kep::server::api
