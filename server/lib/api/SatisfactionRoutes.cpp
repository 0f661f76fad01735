#include "api/SatisfactionRoutes.h"

#include "api/IdentityRoutes.h"
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

using std::chrono::sys_days;

constexpr int kDefaultDays = 30;
constexpr int kMaxDays = 366;
constexpr int kCommentLimit = 20;
constexpr std::size_t kMaxProcedureIdBytes = 64;

std::optional<std::string> parameter(const http::Request& request, const std::string& name) {
    const auto it = request.query.find(name);
    return it == request.query.end() ? std::nullopt : std::optional<std::string>(it->second);
}

[[noreturn]] void badParameter(const std::string& name, std::string_view rule) {
    throw http::HttpError(400, "invalid_query", "parameter '" + name + "' " + std::string(rule));
}

std::chrono::year_month_day dateOr(const http::Request& request, const std::string& name,
                                   std::chrono::year_month_day fallback) {
    const auto text = parameter(request, name);
    if (!text) {
        return fallback;
    }
    const auto date = stats::parseCivilDate(*text);
    if (!date) {
        badParameter(name, "must be a date as YYYY-MM-DD");
    }
    return *date;
}

auth::ResourceScope figuresScope(identity::Directory& directory, const http::Request& request) {
    if (const auto office = parameter(request, "office")) {
        return officeScope(directory, *office);
    }
    if (const auto region = parameter(request, "region")) {
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
    const auto office = parameter(request, "office");
    const auto region = parameter(request, "region");
    if (office && region) {
        badParameter("region", "cannot be given with 'office'");
    }
    feedback::SatisfactionQuery query;
    query.procedureId = parameter(request, "procedure").value_or("");
    if (query.procedureId.size() > kMaxProcedureIdBytes) {
        badParameter("procedure", "is too long");
    }
    const auto nowMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
    const auto to = dateOr(request, "to", stats::greekMoment(nowMs).date);
    const auto from =
        dateOr(request, "from",
               std::chrono::year_month_day{sys_days{to} - std::chrono::days{kDefaultDays - 1}});
    if (sys_days{from} > sys_days{to}) {
        badParameter("from", "must not be after 'to'");
    }
    if (sys_days{to} - sys_days{from} >= std::chrono::days{kMaxDays}) {
        badParameter("from", "must be at most " + std::to_string(kMaxDays) + " days before 'to'");
    }
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
