// The durable outbox of citizens' notifications (migration 0013): messages are queued in the
// change follower's transaction, and leave it as sent, or failed after the retries ran out.
#pragma once

#include "db/Database.h"
#include "notify/NotificationMessage.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kep::server::notify {

struct OutboxCounts {
    std::int64_t queued = 0;
    std::int64_t sent = 0;
    std::int64_t failed = 0;
};

// Runs on the caller's connection and thread; each call is one statement or one transaction of
// its own, except enqueue() and hasNotice(), which run inside the caller's (the follower's).
// Throws kep::db::Error.
class NotificationOutbox {
public:
    using Clock = std::function<std::int64_t()>;  // milliseconds since the epoch
    static std::int64_t systemClock();

    explicit NotificationOutbox(kep::db::Database& db, Clock now = systemClock);

    // Queues the message (its id, attempts and state are the outbox's), due at once. False when
    // the change already queued a message on this channel.
    bool enqueue(const NotificationMessage& message);
    // Whether the case was ever given this notice, on any channel and in any state.
    bool hasNotice(std::string_view caseId, StatusNotice notice);

    // Queued messages due now, oldest due first, at most `limit`.
    std::vector<NotificationMessage> due(int limit);
    // After the sender took the message: its contact and text are blanked.
    void markSent(const std::string& id);
    // After a failed attempt: tried again after `delay`.
    void scheduleRetry(const std::string& id, std::chrono::milliseconds delay,
                       const std::string& error);
    // Given up (a permanent refusal, or no attempts left): kept whole for support.
    void markFailed(const std::string& id, const std::string& error);

    OutboxCounts counts();

private:
    kep::db::Database& db_;
    Clock now_;
};

// The counts of a database that may predate migration 0013 (all zero then); for
// `kep-server notifications`, on a read-only connection.
OutboxCounts countNotifications(kep::db::Database& db);

}  // namespace kep::server::notify
