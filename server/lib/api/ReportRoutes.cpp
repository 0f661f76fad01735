#include "api/ReportRoutes.h"

#include "api/IdentityRoutes.h"
#include "http/HttpError.h"
#include "identity/Directory.h"
#include "reports/MonthlyReport.h"
#include "stats/CivilDate.h"

#include <chrono>

namespace kep::server::api {

namespace {

struct ReportContext {
    identity::Directory directory;
    std::shared_ptr<stats::StatsQueries> queries;
};

struct ReportFile {
    std::chrono::year_month month;
    std::string format;  // "csv" or "pdf"
};

// "2027-05.csv": a real month, not after this one, and a format.
ReportFile reportFileOf(const std::string& name) {
    const auto dot = name.rfind('.');
    const auto format = dot == std::string::npos ? std::string{} : name.substr(dot + 1);
    if (format != "csv" && format != "pdf") {
        http::throwInvalidParameter("format", "must be csv or pdf");
    }
    const auto day = stats::parseCivilDate(name.substr(0, dot) + "-01");
    if (dot != 7 || !day) {
        http::throwInvalidParameter("month", "must be a month as YYYY-MM");
    }
    const auto today = stats::greekToday();
    const std::chrono::year_month month{day->year(), day->month()};
    if (month > std::chrono::year_month{today.year(), today.month()}) {
        http::throwInvalidParameter("month", "must not be in the future");
    }
    return {month, format};
}

http::Response report(ReportContext& context, const http::Request& request) {
    const auto& office = request.pathParams.at("office");
    const auto file = reportFileOf(request.pathParams.at("file"));
    const auto lang = request.query.contains("lang") ? request.query.at("lang") : "el";
    const auto language = reports::parseReportLanguage(lang);
    if (!language) {
        http::throwInvalidParameter("lang", "must be el or en");
    }
    if (!context.directory.officeByCode(office)) {
        throw http::HttpError(404, "not_found", "no such office");
    }
    const auto monthly = reports::gatherMonthlyReport(*context.queries, office, file.month,
                                                      *language, stats::greekToday());
    http::Response response;
    if (file.format == "csv") {
        response.contentType = "text/csv; charset=utf-8";
        response.body = reports::toCsv(monthly);
    } else {
        response.contentType = "application/pdf";
        response.body = reports::toPdf(monthly);
    }
    const auto name = "kep-" + office + "-" + stats::civilMonthText(file.month / 1) + "." + lang +
                      "." + file.format;
    response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
    return response;
}

}  // namespace

void registerReportRoutes(http::Router& router, storage::ServerStore& store,
                          std::shared_ptr<stats::StatsQueries> queries) {
    auto context = std::make_shared<ReportContext>(
        ReportContext{identity::Directory(store), std::move(queries)});
    router.add(http::Method::Get, "/api/v1/stats/reports/{office}/{file}",
               http::RouteAccess::session("stats.office",
                                          [context](const http::Request& request) {
                                              return officeScope(context->directory,
                                                                 request.pathParams.at("office"));
                                          }),
               [context](http::Request& request) { return report(*context, request); });
}

}  // namespace kep::server::api
