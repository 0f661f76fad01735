// When each workstation last pushed and pulled, noted in memory by the sync routes on every
// request and written to stats_desk_sync by the stats job: the sync lag of an office's desks.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kep::server::stats {

struct DeskSeen {
    std::string deviceId;
    std::optional<std::int64_t> pushedAtMs;  // milliseconds since the epoch
    std::optional<std::int64_t> pulledAtMs;
};

// Thread-safe; noting costs a map update under a lock, never a database write.
class DeskActivity {
public:
    void pushed(std::string_view deviceId);
    void pulled(std::string_view deviceId);
    void pushed(std::string_view deviceId, std::int64_t atMs);
    void pulled(std::string_view deviceId, std::int64_t atMs);

    // What was noted since the last drain, one entry per device, the latest times.
    std::vector<DeskSeen> drain();

private:
    void note(std::string_view deviceId, std::int64_t atMs,
              std::optional<std::int64_t> DeskSeen::*slot);

    std::mutex mutex_;
    std::map<std::string, DeskSeen, std::less<>> pending_;
};

}  // namespace kep::server::stats
