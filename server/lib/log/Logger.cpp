#include "log/Logger.h"

#include <boost/json.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>

namespace kep::log {

namespace {

std::string_view levelName(Level level) {
    switch (level) {
        case Level::Debug:
            return "debug";
        case Level::Info:
            return "info";
        case Level::Warning:
            return "warning";
        case Level::Error:
            return "error";
    }
    return "info";
}

// UTC with milliseconds, "2025-01-31T08:15:02.123Z".
std::string timestamp() {
    const auto now = std::chrono::system_clock::now();
    const auto seconds = std::chrono::system_clock::to_time_t(now);
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() %
        1000;
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                  utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                  static_cast<int>(millis));
    return text;
}

}  // namespace

void Logger::write(Level level, std::string_view event, const boost::json::object& fields) {
    if (!enabled(level)) {
        return;
    }
    boost::json::object line;
    line["ts"] = timestamp();
    line["level"] = levelName(level);
    line["event"] = event;
    for (const auto& field : fields) {
        line[field.key()] = field.value();
    }
    const auto text = boost::json::serialize(line);
    std::lock_guard lock(mutex_);
    out_ << text << '\n';
    out_.flush();
}

}  // namespace kep::log
