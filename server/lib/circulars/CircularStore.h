// Circulars in kep.db (migration 0016): sending one, finding it, the changes an office pulls
// through the `circulars` sync bucket, and the read receipts its users send back.
#pragma once

#include "circulars/Circular.h"
#include "storage/ServerStore.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kep::server::circulars {

// Circulars sent after a cursor that reach one office, oldest first.
struct CircularPage {
    std::vector<Circular> circulars;
    std::int64_t cursor = 0;  // where the next pull starts: past every circular looked at
    bool hasMore = false;
};

// Every method takes the store's lock for its own statements; thread-safe.
class CircularStore {
public:
    explicit CircularStore(storage::ServerStore& store) : store_(store) {}

    // Stores the circular with the next sequence number, in one transaction.
    Circular send(const NewCircular& circular);
    std::optional<Circular> find(std::string_view id);

    // The circulars after `cursor` whose audience holds the office, at most `limit`. Read in one
    // transaction; the cursor passes over circulars for other offices.
    CircularPage pageFor(std::string_view officeCode, std::string_view officeRegion,
                         std::int64_t cursor, int limit);

    // Records that the user read the circular; a repeat keeps the first time. Returns false when
    // it had been recorded already.
    bool recordReceipt(std::string_view circularId, std::string_view userId,
                       std::string_view officeCode, std::string_view readAt);
    // user id → when they read it (ISO 8601 UTC).
    std::map<std::string, std::string> receipts(std::string_view circularId);

private:
    storage::ServerStore& store_;
};

}  // namespace kep::server::circulars
