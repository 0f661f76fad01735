// Turns a case's status change from the change log into the citizen's messages in the outbox:
// which notice, to which contacts, in which language, with the case's protocol number and its
// procedure's title.
#pragma once

#include "db/Database.h"
#include "jobs/ChangeFollower.h"
#include "notify/NotificationOutbox.h"

#include <cstddef>

namespace kep::server::notify {

// Not thread-safe: runs on the notification job's connection, inside the follower's transaction.
class CaseNotices {
public:
    CaseNotices(kep::db::Database& db, NotificationOutbox& outbox) : db_(db), outbox_(outbox) {}

    // Queues one message per contact channel when the change wrote a status the citizen hears
    // about (StatusNotice.h), unless it is a once-per-case notice the case already had. The case
    // is read as it is now (its filing fields do not change); the reason is the change's own.
    // Returns how many messages it queued.
    std::size_t handle(const kep::server::jobs::CaseChange& change);

private:
    kep::db::Database& db_;
    NotificationOutbox& outbox_;
};

}  // namespace kep::server::notify
