#include "shared/domain/UtcTime.h"

#include <cstdio>

namespace kep::domain {

using namespace std::chrono;

namespace {

// Civil fields from the instant itself (no gmtime: thread-safe, and no time_t range limits).
std::string format(sys_time<milliseconds> when, bool withMillis) {
    const sys_days day = floor<days>(when);
    const year_month_day ymd{day};
    const hh_mm_ss<milliseconds> time{when - day};
    char text[40];
    if (withMillis) {
        std::snprintf(
            text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", int{ymd.year()},
            unsigned{ymd.month()}, unsigned{ymd.day()}, static_cast<int>(time.hours().count()),
            static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()),
            static_cast<int>(time.subseconds().count()));
    } else {
        std::snprintf(
            text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ", int{ymd.year()},
            unsigned{ymd.month()}, unsigned{ymd.day()}, static_cast<int>(time.hours().count()),
            static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
    }
    return text;
}

}  // namespace

std::string toUtcText(sys_seconds when) {
    return format(when, false);
}

std::string toUtcText(system_clock::time_point when) {
    return format(floor<seconds>(when), false);
}

std::string toUtcTextMillis(system_clock::time_point when) {
    return format(floor<milliseconds>(when), true);
}

std::optional<sys_seconds> fromUtcText(std::string_view text) {
    // YYYY-MM-DDTHH:MM:SSZ
    if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
        text[13] != ':' || text[16] != ':' || text[19] != 'Z') {
        return std::nullopt;
    }
    auto number = [&](std::size_t pos, std::size_t len) -> int {
        int value = 0;
        for (std::size_t i = pos; i < pos + len; ++i) {
            if (text[i] < '0' || text[i] > '9') {
                return -1;
            }
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    const int y = number(0, 4), mo = number(5, 2), d = number(8, 2);
    const int h = number(11, 2), mi = number(14, 2), s = number(17, 2);
    if (y < 0 || mo < 0 || d < 0 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) {
        return std::nullopt;
    }
    const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)},
                             day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) {
        return std::nullopt;
    }
    return sys_days{ymd} + hours{h} + minutes{mi} + seconds{s};
}

}  // namespace kep::domain
