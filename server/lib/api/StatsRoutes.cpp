#include "api/StatsRoutes.h"

#include "api/CatalogueRoutes.h"
#include "api/IdentityRoutes.h"
#include "api/QueryPeriod.h"
#include "http/HttpError.h"
#include "http/JsonBody.h"
#include "identity/DeviceRegistry.h"
#include "identity/Directory.h"
#include "shared/domain/TextFold.h"
#include "stats/CaseContribution.h"
#include "stats/CivilDate.h"
#include "stats/StatsJson.h"

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>

namespace kep::server::api {

namespace {

constexpr int kMaxProcedures = 100;

struct StatsContext {
    identity::Directory directory;
    identity::DeviceRegistry devices;
    std::shared_ptr<stats::StatsQueries> queries;
};

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// What a figure is of: one office, a region's offices, or the nation.
struct StatsTarget {
    boost::json::object scope;  // as answered
    stats::ScopeKeys keys;
};

StatsTarget targetOf(StatsContext& context, const http::Request& request) {
    const auto office = queryParameter(request, "office");
    const auto region = queryParameter(request, "region");
    if (office && region) {
        http::throwInvalidParameter("region", "cannot be given with 'office'");
    }
    if (office) {
        const auto found = context.directory.officeByCode(*office);
        if (!found) {
            throw http::HttpError(404, "not_found", "no such office");
        }
        return {{{"kind", "office"},
                 {"office", found->code},
                 {"name", found->name},
                 {"region", found->region}},
                {found->code}};
    }
    if (region) {
        const auto offices = context.directory.offices();
        const auto count = std::count_if(offices.begin(), offices.end(),
                                         [&](const auto& each) { return each.region == *region; });
        if (count == 0) {
            throw http::HttpError(404, "not_found", "no office is in this region");
        }
        return {{{"kind", "region"}, {"region", *region}, {"offices", count}},
                {stats::regionScope(*region)}};
    }
    return {{{"kind", "national"}}, {""}};
}

// The policy's view of the figures asked for: an office's, a region's or the nation's.
auth::ResourceScope figuresScope(StatsContext& context, const http::Request& request) {
    if (const auto office = queryParameter(request, "office")) {
        return officeScope(context.directory, *office);
    }
    if (const auto region = queryParameter(request, "region")) {
        return {{}, *region, {}};
    }
    return {};
}

void addPeriod(boost::json::object& scope, const stats::Period& period) {
    scope["from"] = stats::civilDateText(period.from);
    scope["to"] = stats::civilDateText(period.to);
}

http::Response overview(StatsContext& context, const http::Request& request) {
    auto target = targetOf(context, request);
    const auto period = queryPeriod(request);
    auto body =
        stats::overviewJson(context.queries->overview(target.keys, period, stats::greekToday()));
    addPeriod(target.scope, period);
    body["scope"] = std::move(target.scope);
    return http::jsonResponse(body);
}

http::Response procedures(StatsContext& context, const http::Request& request) {
    auto target = targetOf(context, request);
    const auto period = queryPeriod(request);
    const auto orderText = queryParameter(request, "order").value_or("top");
    if (orderText != "top" && orderText != "slowest") {
        http::throwInvalidParameter("order", "must be top or slowest");
    }
    const auto order =
        orderText == "top" ? stats::ProcedureOrder::Top : stats::ProcedureOrder::Slowest;
    const auto limit = integerParameter(request, "limit", 20, 1, kMaxProcedures);
    boost::json::array list;
    for (const auto& figures :
         context.queries->procedures(target.keys, period, order, static_cast<int>(limit))) {
        list.push_back(stats::procedureJson(figures));
    }
    addPeriod(target.scope, period);
    return http::jsonResponse(
        boost::json::object{{"scope", std::move(target.scope)}, {"procedures", std::move(list)}});
}

// Seconds since the office's slowest desk last pushed or pulled, by office code: enrolled,
// unrevoked workstations that ever synced (an office with none has no entry).
std::map<std::string, std::int64_t> syncLagSeconds(StatsContext& context) {
    const auto lastSeen = context.queries->desksLastSeen();
    const auto now = nowMs();
    std::map<std::string, std::int64_t> lag;
    for (const auto& device : context.devices.devices(std::nullopt)) {
        const auto seen = lastSeen.find(device.id);
        if (device.revokedAt || seen == lastSeen.end()) {
            continue;
        }
        const auto seconds = std::max<std::int64_t>(now - seen->second, 0) / 1000;
        auto& slowest = lag[device.office.code];
        slowest = std::max(slowest, seconds);
    }
    return lag;
}

http::Response offices(StatsContext& context, const http::Request& request) {
    const auto region = queryParameter(request, "region");
    const auto period = queryPeriod(request);
    std::vector<identity::Office> listed;
    stats::ScopeKeys codes;
    for (auto& office : context.directory.offices()) {
        if (!region || office.region == *region) {
            codes.push_back(office.code);
            listed.push_back(std::move(office));
        }
    }
    if (region && listed.empty()) {
        throw http::HttpError(404, "not_found", "no office is in this region");
    }
    const auto figures = context.queries->offices(codes, period, stats::greekToday());
    const auto lag = syncLagSeconds(context);
    boost::json::array list;
    for (const auto& office : listed) {
        auto entry = stats::officeFiguresJson(figures.at(office.code));
        entry["code"] = office.code;
        entry["name"] = office.name;
        entry["region"] = office.region;
        const auto officeLag = lag.find(office.code);
        entry["sync_lag_seconds"] = officeLag == lag.end() ? boost::json::value(nullptr)
                                                           : boost::json::value(officeLag->second);
        list.push_back(std::move(entry));
    }
    boost::json::object scope{{"kind", region ? "region" : "national"}};
    if (region) {
        scope["region"] = *region;
    }
    addPeriod(scope, period);
    return http::jsonResponse(
        boost::json::object{{"scope", std::move(scope)}, {"offices", std::move(list)}});
}

// The office's people in alphabetical order (folded, so that accents and case do not reorder
// them): a workload, never a ranking.
http::Response clerks(StatsContext& context, const http::Request& request) {
    // The policy let the request through, so it names an office: the manager's own.
    const auto office = queryParameter(request, "office");
    if (!office || !context.directory.officeByCode(*office)) {
        throw http::HttpError(404, "not_found", "no such office");
    }
    const auto month = stats::civilMonthText(stats::greekToday());
    const auto workload = context.queries->clerks(*office, month);
    auto people = context.directory.users(*office);
    std::erase_if(people, [](const auto& account) { return account.disabled; });
    std::vector<std::pair<std::string, const identity::UserAccount*>> sorted;
    for (const auto& account : people) {
        sorted.emplace_back(kep::domain::foldForSearch(account.displayName), &account);
    }
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second->id < b.second->id;
    });
    boost::json::array list;
    for (const auto& [folded, account] : sorted) {
        const auto it = workload.find(account->id);
        const auto figures = it == workload.end() ? stats::ClerkWorkload{} : it->second;
        list.push_back({{"user_id", account->id},
                        {"display_name", account->displayName},
                        {"open_cases", figures.openCases},
                        {"filed_this_month", figures.filedThisMonth}});
    }
    return http::jsonResponse(
        boost::json::object{{"office", *office}, {"month", month}, {"clerks", std::move(list)}});
}

}  // namespace

void registerStatsRoutes(http::Router& router, storage::ServerStore& store,
                         std::shared_ptr<stats::StatsQueries> queries) {
    auto context = std::make_shared<StatsContext>(StatsContext{
        identity::Directory(store), identity::DeviceRegistry(store), std::move(queries)});
    const auto scoped = [context](const http::Request& request) {
        return figuresScope(*context, request);
    };
    router.add(http::Method::Get, "/api/v1/stats/overview",
               http::RouteAccess::session("stats.office", scoped),
               [context](http::Request& request) { return overview(*context, request); });
    router.add(http::Method::Get, "/api/v1/stats/procedures",
               http::RouteAccess::session("stats.office", scoped),
               [context](http::Request& request) { return procedures(*context, request); });
    router.add(http::Method::Get, "/api/v1/stats/offices",
               http::RouteAccess::session("stats.national"),
               [context](http::Request& request) { return offices(*context, request); });
    router.add(http::Method::Get, "/api/v1/stats/clerks",
               http::RouteAccess::session("stats.workload",
                                          [context](const http::Request& request) {
                                              return officeScope(
                                                  context->directory,
                                                  queryParameter(request, "office").value_or(""));
                                          }),
               [context](http::Request& request) { return clerks(*context, request); });
}

}  // namespace kep::server::api
