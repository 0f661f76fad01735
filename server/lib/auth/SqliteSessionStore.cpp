#include "auth/SqliteSessionStore.h"

#include "db/Database.h"

#include <stdexcept>

namespace kep::auth {
namespace {

Instant instantOf(const std::string& text) {
    const auto when = fromUtcText(text);
    if (!when) {
        throw std::runtime_error("sessions holds a malformed time");
    }
    return *when;
}

}  // namespace

void SqliteSessionStore::insert(const Session& s) {
    auto stmt = db_.prepare(
        "INSERT INTO sessions (token_hash, user_id, device_fingerprint, created_at, "
        "last_seen_at, revoked_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    stmt.bind(1, s.tokenHash)
        .bind(2, s.userId)
        .bind(3, s.deviceFingerprint)
        .bind(4, toUtcText(s.createdAt))
        .bind(5, toUtcText(s.lastSeenAt));
    if (s.revokedAt) {
        stmt.bind(6, toUtcText(*s.revokedAt));
    } else {
        stmt.bindNull(6);
    }
    stmt.run();
}

std::optional<Session> SqliteSessionStore::find(std::string_view tokenHash) {
    auto stmt = db_.prepare(
        "SELECT token_hash, user_id, device_fingerprint, created_at, last_seen_at, revoked_at "
        "FROM sessions WHERE token_hash = ?1");
    stmt.bind(1, tokenHash);
    if (!stmt.step()) {
        return std::nullopt;
    }
    Session s{
        stmt.text(0), stmt.text(1), stmt.text(2), instantOf(stmt.text(3)), instantOf(stmt.text(4)),
        std::nullopt};
    if (const auto revoked = stmt.optionalText(5)) {
        s.revokedAt = instantOf(*revoked);
    }
    return s;
}

void SqliteSessionStore::touch(std::string_view tokenHash, Instant lastSeenAt) {
    // Never moves last_seen_at backwards (two processes may touch the same session).
    auto stmt = db_.prepare(
        "UPDATE sessions SET last_seen_at = ?2 WHERE token_hash = ?1 AND last_seen_at < ?2");
    stmt.bind(1, tokenHash).bind(2, toUtcText(lastSeenAt)).run();
}

int SqliteSessionStore::revoke(std::string_view tokenHash, Instant when) {
    auto stmt = db_.prepare(
        "UPDATE sessions SET revoked_at = ?2 WHERE token_hash = ?1 AND revoked_at IS NULL");
    stmt.bind(1, tokenHash).bind(2, toUtcText(when)).run();
    return db_.changes();
}

int SqliteSessionStore::revokeAllOfUser(std::string_view userId, Instant when) {
    auto stmt = db_.prepare(
        "UPDATE sessions SET revoked_at = ?2 WHERE user_id = ?1 AND revoked_at IS NULL");
    stmt.bind(1, userId).bind(2, toUtcText(when)).run();
    return db_.changes();
}

int SqliteSessionStore::purgeLastSeenBefore(Instant before) {
    auto stmt = db_.prepare("DELETE FROM sessions WHERE last_seen_at < ?1");
    stmt.bind(1, toUtcText(before)).run();
    return db_.changes();
}

}  // namespace kep::auth
