// Sessions in the server database (table sessions, migration 0002): every kep-server process
// reads the same rows, so a sign-out on one is seen by all on the next request.
#pragma once

#include "auth/SessionStore.h"

namespace kep::db {
class Database;
}

namespace kep::auth {

// Uses the given connection, which must outlive it; one thread at a time (as the connection).
class SqliteSessionStore final : public SessionStore {
public:
    explicit SqliteSessionStore(kep::db::Database& db) : db_(db) {}

    void insert(const Session& session) override;
    std::optional<Session> find(std::string_view tokenHash) override;
    void touch(std::string_view tokenHash, Instant lastSeenAt) override;
    int revoke(std::string_view tokenHash, Instant when) override;
    int revokeAllOfUser(std::string_view userId, Instant when) override;
    int purgeLastSeenBefore(Instant before) override;

private:
    kep::db::Database& db_;
};

}  // namespace kep::auth
