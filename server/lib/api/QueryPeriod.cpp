#include "api/QueryPeriod.h"

#include "http/HttpError.h"
#include "stats/CivilDate.h"

#include <chrono>

namespace kep::server::api {

namespace {

using std::chrono::sys_days;

constexpr int kDefaultDays = 30;
constexpr int kMaxDays = 366;

std::optional<std::chrono::year_month_day> dateParameter(const http::Request& request,
                                                         std::string_view name) {
    const auto text = queryParameter(request, name);
    if (!text) {
        return std::nullopt;
    }
    const auto date = stats::parseCivilDate(*text);
    if (!date) {
        http::throwInvalidParameter(name, "must be a date as YYYY-MM-DD");
    }
    return date;
}

}  // namespace

std::optional<std::string> queryParameter(const http::Request& request, std::string_view name) {
    const auto it = request.query.find(std::string(name));
    if (it == request.query.end()) {
        return std::nullopt;
    }
    return it->second;
}

stats::Period queryPeriod(const http::Request& request) {
    const auto to = dateParameter(request, "to").value_or(stats::greekToday());
    const auto from = dateParameter(request, "from")
                          .value_or(std::chrono::year_month_day{
                              sys_days{to} - std::chrono::days{kDefaultDays - 1}});
    if (sys_days{from} > sys_days{to}) {
        http::throwInvalidParameter("from", "must not be after 'to'");
    }
    if (sys_days{to} - sys_days{from} >= std::chrono::days{kMaxDays}) {
        http::throwInvalidParameter(
            "from", "must be at most " + std::to_string(kMaxDays) + " days before 'to'");
    }
    return {from, to};
}

}  // namespace kep::server::api
