#include "jobs/ChangeFollower.h"

#include "sync/SyncRowJson.h"

#include <algorithm>
#include <vector>

namespace kep::server::jobs {

namespace {

constexpr std::string_view kOfficePrefix = "office:";

}  // namespace

ChangeFollower::ChangeFollower(kep::db::Database& db, std::string name, bool fromNow)
    : db_(db)
    , name_(std::move(name)) {
    // A new follower starts at the log's end (or beginning); an existing one keeps its cursor.
    db_.prepare(
           "INSERT INTO change_follower (name, cursor) VALUES (?1, CASE WHEN ?2 = 1 THEN "
           "(SELECT coalesce(max(seq), 0) FROM sync_change) ELSE 0 END) "
           "ON CONFLICT (name) DO NOTHING")
        .bind(1, name_)
        .bind(2, fromNow ? 1 : 0)
        .run();
    selectCursor_.emplace(db_.prepare("SELECT cursor FROM change_follower WHERE name = ?1"));
    selectChanges_.emplace(
        db_.prepare("SELECT seq, entity_type, entity_id, bucket, version, fields FROM sync_change "
                    "WHERE seq > ?1 ORDER BY seq LIMIT ?2"));
    updateCursor_.emplace(db_.prepare("UPDATE change_follower SET cursor = ?2 WHERE name = ?1"));
}

std::int64_t ChangeFollower::cursor() {
    auto& select = *selectCursor_;
    select.bind(1, name_);
    const std::int64_t at = select.step() ? select.int64(0) : 0;
    select.reset();
    return at;
}

std::size_t ChangeFollower::poll(const std::function<void(const CaseChange&)>& handle, int limit) {
    // The batch is read before the write transaction begins: reading needs no lock (WAL), and
    // the sync pushes of the desks wait for the write lock only while the handling is written.
    const std::int64_t from = cursor();
    std::int64_t last = from;
    std::size_t read = 0;
    std::vector<CaseChange> changes;
    auto& select = *selectChanges_;
    select.bind(1, from).bind(2, std::clamp(limit, 1, 10000));
    try {
        while (select.step()) {
            ++read;
            last = select.int64(0);
            // Other entities' changes (conflicts, …) are passed over, not read again.
            if (select.text(1) != "case") {
                continue;
            }
            CaseChange change;
            change.seq = last;
            change.caseId = select.text(2);
            const std::string bucket = select.text(3);
            if (bucket.starts_with(kOfficePrefix)) {
                change.officeCode = bucket.substr(kOfficePrefix.size());
            }
            change.version = select.int64(4);
            change.fields = sync::decodeFieldMap(select.text(5));
            changes.push_back(std::move(change));
        }
    } catch (...) {
        select.reset();
        throw;
    }
    select.reset();
    if (read == 0) {
        return 0;
    }
    {
        kep::db::Transaction tx(db_);
        // Read again under the writers' lock: every kep-server process on one PostgreSQL runs
        // the same jobs, and another's follower of this name may have handled this very batch
        // while this one read it. Then the batch is dropped and the log read again from there.
        if (cursor() == from) {
            for (const CaseChange& change : changes) {
                handle(change);
            }
            updateCursor_->bind(1, name_).bind(2, last).run();
            tx.commit();
            return read;
        }
    }
    return poll(handle, limit);
}

}  // namespace kep::server::jobs
