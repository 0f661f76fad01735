#include "api/CalendarRoutes.h"

#include "http/HttpError.h"
#include "http/JsonBody.h"

#include <boost/json.hpp>

#include <cstdio>

namespace kep::server::api {

namespace {

bool isDigits(std::string_view text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// Strict YYYY-MM-DD (ISO 8601 calendar date) naming a real day.
std::chrono::year_month_day parseDate(std::string_view text, std::string_view field) {
    const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                        isDigits(text.substr(0, 4)) && isDigits(text.substr(5, 2)) &&
                        isDigits(text.substr(8, 2));
    if (shaped) {
        const std::chrono::year_month_day date{
            std::chrono::year(std::stoi(std::string(text.substr(0, 4)))),
            std::chrono::month(static_cast<unsigned>(std::stoi(std::string(text.substr(5, 2))))),
            std::chrono::day(static_cast<unsigned>(std::stoi(std::string(text.substr(8, 2)))))};
        if (date.ok() && date.year() >= std::chrono::year(1900)) {
            return date;
        }
    }
    throw http::HttpError(400, "invalid_field",
                          "field '" + std::string(field) + "' must be a date as YYYY-MM-DD");
}

std::string formatDate(std::chrono::year_month_day date) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

}  // namespace

void registerCalendarRoutes(http::Router& router,
                            std::shared_ptr<const kep::domain::WorkingCalendar> calendar) {
    router.add(http::Method::Post, "/api/v1/calendar/due-date",
               http::RouteAccess::publicRoute().withRateLimit("public"),
               [calendar](http::Request& request) {
                   const auto body = http::parseJsonObject(request);
                   const auto from = parseDate(http::requireString(body, "from"), "from");
                   const auto workingDays = http::requireInteger(body, "workingDays");
                   if (workingDays < 0 || workingDays > kMaxDueDateWorkingDays) {
                       throw http::HttpError(400, "invalid_field",
                                             "field 'workingDays' must be from 0 to " +
                                                 std::to_string(kMaxDueDateWorkingDays));
                   }
                   const auto office = http::optionalString(body, "office").value_or("");
                   const auto due =
                       calendar->addWorkingDays(from, static_cast<int>(workingDays), office);
                   return http::jsonResponse(boost::json::object{{"due", formatDate(due)}});
               });
}

}  // namespace kep::server::api
