#include "jobs/ChangeFollower.h"

#include "sync/SyncRowJson.h"

#include <algorithm>

namespace kep::server::jobs {

namespace {

constexpr std::string_view kOfficePrefix = "office:";

}  // namespace

ChangeFollower::ChangeFollower(kep::db::Database& db, std::string name, bool fromNow)
    : db_(db)
    , name_(std::move(name)) {
    // A new follower starts at the log's end (or beginning); an existing one keeps its cursor.
    db_.prepare(
           "INSERT INTO change_follower (name, cursor) VALUES (?1, CASE WHEN ?2 THEN "
           "(SELECT coalesce(max(seq), 0) FROM sync_change) ELSE 0 END) "
           "ON CONFLICT (name) DO NOTHING")
        .bind(1, name_)
        .bind(2, fromNow ? 1 : 0)
        .run();
}

std::int64_t ChangeFollower::cursor() {
    auto select = db_.prepare("SELECT cursor FROM change_follower WHERE name = ?1");
    select.bind(1, name_);
    return select.step() ? select.int64(0) : 0;
}

std::size_t ChangeFollower::poll(const std::function<void(const CaseChange&)>& handle, int limit) {
    kep::db::Transaction tx(db_);
    const std::int64_t from = cursor();
    // The last seq read, case or not: other entities' changes are passed over, not re-read.
    auto select = db_.prepare(
        "SELECT seq, entity_type, entity_id, bucket, version, fields FROM sync_change "
        "WHERE seq > ?1 ORDER BY seq LIMIT ?2");
    select.bind(1, from).bind(2, std::clamp(limit, 1, 10000));
    std::int64_t last = from;
    std::size_t read = 0;
    while (select.step()) {
        ++read;
        last = select.int64(0);
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
        handle(change);
    }
    if (last != from) {
        db_.prepare("UPDATE change_follower SET cursor = ?2 WHERE name = ?1")
            .bind(1, name_)
            .bind(2, last)
            .run();
    }
    tx.commit();
    return read;
}

}  // namespace kep::server::jobs
