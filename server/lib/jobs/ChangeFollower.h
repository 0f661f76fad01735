// A server job's reading of the case change log (sync_change) in order, from a durable cursor of
// its own: what notifications and registry requests are made from, exactly once.
#pragma once

#include "db/Database.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "shared/sync/SyncMessages.h"

namespace kep::server::jobs {

// One change of a case, as the change log holds it.
struct CaseChange {
    std::int64_t seq = 0;
    std::string caseId;
    std::string officeCode;      // from the bucket "office:<code>"
    std::int64_t version = 0;    // the case's version after the change (1: created)
    kep::sync::FieldMap fields;  // the fields the change wrote ("status" for a transition)
};

// Not thread-safe: one follower per job, on the job's thread, with a connection of its own.
class ChangeFollower {
public:
    // `name` identifies the cursor in change_follower (migration 0010); a new name starts at the
    // current end of the log when `fromNow`, else at its beginning.
    ChangeFollower(kep::db::Database& db, std::string name, bool fromNow = true);

    // Reads up to `limit` case changes after the cursor (no lock held), then in one write
    // transaction calls `handle` for each in order (it writes what the change produces through the
    // same connection — quickly: desks' pushes wait for the lock meanwhile), advances the cursor
    // past them and commits. If `handle` throws, nothing is kept and the same
    // changes come again next time. Followers of one name on several connections (one per
    // kep-server process) share the cursor: each change is handled by one of them, once.
    // Returns how many changes of the log it read (other entities' changes are read and passed
    // over): 0 when the job is up to date.
    std::size_t poll(const std::function<void(const CaseChange&)>& handle, int limit = 500);

    std::int64_t cursor();

private:
    kep::db::Database& db_;
    std::string name_;
    // Prepared once: a job polls every second for the server's life.
    std::optional<kep::db::Statement> selectCursor_;
    std::optional<kep::db::Statement> selectChanges_;
    std::optional<kep::db::Statement> updateCursor_;
};

}  // namespace kep::server::jobs
