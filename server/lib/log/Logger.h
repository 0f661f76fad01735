// kep-server's log: one JSON object per line (ts, level, event, then the event's fields), so
// that operators can filter it with jq. Callers pass identifiers and figures, never personal data
// or bodies.
#pragma once

#include <boost/json/object.hpp>

#include <mutex>
#include <ostream>
#include <string_view>

namespace kep::log {

enum class Level { Debug, Info, Warning, Error };

class Logger {
public:
    explicit Logger(std::ostream& out, Level minimum = Level::Info)
        : out_(out)
        , minimum_(minimum) {}

    // Thread-safe; each call writes and flushes one whole line.
    void write(Level level, std::string_view event, const boost::json::object& fields = {});
    void info(std::string_view event, const boost::json::object& fields = {}) {
        write(Level::Info, event, fields);
    }
    void warning(std::string_view event, const boost::json::object& fields = {}) {
        write(Level::Warning, event, fields);
    }
    void error(std::string_view event, const boost::json::object& fields = {}) {
        write(Level::Error, event, fields);
    }
    bool enabled(Level level) const noexcept { return level >= minimum_; }

private:
    std::ostream& out_;
    Level minimum_;
    std::mutex mutex_;
};

}  // namespace kep::log
