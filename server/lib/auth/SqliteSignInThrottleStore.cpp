#include "auth/SqliteSignInThrottleStore.h"

#include "db/Database.h"

#include <stdexcept>

namespace kep::auth {
namespace {

std::string_view kindName(ThrottleSubject subject) {
    return subject == ThrottleSubject::User ? "user" : "address";
}

Instant instantOf(const std::string& text) {
    const auto when = fromUtcText(text);
    if (!when) {
        throw std::runtime_error("sign_in_failures holds a malformed time");
    }
    return *when;
}

std::optional<ThrottleCounter> select(kep::db::Database& db, ThrottleSubject subject,
                                      std::string_view key) {
    auto stmt = db.prepare(
        "SELECT count, window_start, last_at, locked_until FROM sign_in_failures "
        "WHERE subject_kind = ?1 AND subject = ?2");
    stmt.bind(1, kindName(subject)).bind(2, key);
    if (!stmt.step()) {
        return std::nullopt;
    }
    ThrottleCounter c;
    c.count = stmt.int64(0);
    c.windowStart = instantOf(stmt.text(1));
    c.lastAt = instantOf(stmt.text(2));
    if (const auto locked = stmt.optionalText(3)) {
        c.lockedUntil = instantOf(*locked);
    }
    return c;
}

}  // namespace

std::optional<ThrottleCounter> SqliteSignInThrottleStore::update(ThrottleSubject subject,
                                                                 std::string_view key,
                                                                 const Change& change) {
    kep::db::Transaction tx(db_);
    const auto next = change(select(db_, subject, key));
    if (next) {
        auto stmt = db_.prepare(
            "INSERT INTO sign_in_failures "
            "(subject_kind, subject, count, window_start, last_at, locked_until) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
            "ON CONFLICT (subject_kind, subject) DO UPDATE SET count = excluded.count, "
            "window_start = excluded.window_start, last_at = excluded.last_at, "
            "locked_until = excluded.locked_until");
        stmt.bind(1, kindName(subject))
            .bind(2, key)
            .bind(3, next->count)
            .bind(4, toUtcText(next->windowStart))
            .bind(5, toUtcText(next->lastAt));
        if (next->lockedUntil) {
            stmt.bind(6, toUtcText(*next->lockedUntil));
        } else {
            stmt.bindNull(6);
        }
        stmt.run();
    } else {
        auto stmt =
            db_.prepare("DELETE FROM sign_in_failures WHERE subject_kind = ?1 AND subject = ?2");
        stmt.bind(1, kindName(subject)).bind(2, key).run();
    }
    tx.commit();
    return next;
}

std::optional<ThrottleCounter> SqliteSignInThrottleStore::find(ThrottleSubject subject,
                                                               std::string_view key) {
    return select(db_, subject, key);
}

int SqliteSignInThrottleStore::purgeIdle(Instant before, Instant now) {
    auto stmt = db_.prepare(
        "DELETE FROM sign_in_failures WHERE last_at < ?1 "
        "AND (locked_until IS NULL OR locked_until <= ?2)");
    stmt.bind(1, toUtcText(before)).bind(2, toUtcText(now)).run();
    return db_.changes();
}

}  // namespace kep::auth
