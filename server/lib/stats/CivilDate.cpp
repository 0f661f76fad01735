#include "stats/CivilDate.h"

#include "shared/cases/GreekCivilTime.h"

#include <charconv>
#include <cstdio>

namespace kep::server::stats {

namespace {

// The unsigned number in text[from, from + length), or -1 when it is not all digits.
int digitsAt(std::string_view text, std::size_t from, std::size_t length) {
    int value = 0;
    const char* first = text.data() + from;
    const char* last = first + length;
    const auto [end, error] = std::from_chars(first, last, value);
    return error == std::errc{} && end == last && *first != '-' && *first != '+' ? value : -1;
}

}  // namespace

std::optional<std::chrono::year_month_day> parseCivilDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    const int year = digitsAt(text, 0, 4);
    const int month = digitsAt(text, 5, 2);
    const int day = digitsAt(text, 8, 2);
    if (year < 1900 || month < 0 || day < 0) {
        return std::nullopt;
    }
    const std::chrono::year_month_day date{std::chrono::year{year},
                                           std::chrono::month{static_cast<unsigned>(month)},
                                           std::chrono::day{static_cast<unsigned>(day)}};
    return date.ok() ? std::optional{date} : std::nullopt;
}

std::string civilDateText(std::chrono::year_month_day date) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

std::string civilMonthText(std::chrono::year_month_day date) {
    return civilDateText(date).substr(0, 7);
}

GreekMoment greekMoment(std::int64_t epochMs) {
    using namespace std::chrono;
    const sys_seconds instant{floor<seconds>(milliseconds{epochMs})};
    const auto local = instant + kep::cases::greekUtcOffset(instant);
    const auto day = floor<days>(local);
    return {year_month_day{day}, static_cast<int>(floor<hours>(local - day).count())};
}

std::chrono::year_month_day greekToday() {
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now().time_since_epoch());
    return greekMoment(now.count()).date;
}

}  // namespace kep::server::stats
