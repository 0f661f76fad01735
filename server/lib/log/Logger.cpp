#include "log/Logger.h"

#include "shared/domain/UtcTime.h"

#include <boost/json.hpp>

#include <chrono>

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
    return kep::domain::toUtcTextMillis(std::chrono::system_clock::now());
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
