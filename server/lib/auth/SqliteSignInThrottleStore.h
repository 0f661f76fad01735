// The sign-in throttle's counters in the server database (table sign_in_failures, migration
// 0002), so that every kep-server process sees the same failures and lock-outs.
#pragma once

#include "auth/SignInThrottleStore.h"

namespace kep::db {
class Database;
}

namespace kep::auth {

// Uses the given connection, which must outlive it; one thread at a time (as the connection).
// update() runs in its own BEGIN IMMEDIATE transaction, so concurrent processes serialise on it:
// call it outside any other transaction.
class SqliteSignInThrottleStore final : public SignInThrottleStore {
public:
    explicit SqliteSignInThrottleStore(kep::db::Database& db) : db_(db) {}

    std::optional<ThrottleCounter> update(ThrottleSubject subject, std::string_view key,
                                          const Change& change) override;
    std::optional<ThrottleCounter> find(ThrottleSubject subject, std::string_view key) override;
    int purgeIdle(Instant before, Instant now) override;

private:
    kep::db::Database& db_;
};

}  // namespace kep::auth
