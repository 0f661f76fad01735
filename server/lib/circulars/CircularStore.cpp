#include "circulars/CircularStore.h"

#include "shared/domain/Uuid.h"

#include <algorithm>
#include <chrono>
#include <mutex>

namespace kep::server::circulars {

namespace {

constexpr const char* kColumns =
    "SELECT seq, id, kind, title_el, title_en, body_el, body_en, audience, audience_region, "
    "scope_region, sender_user_id, sender_region, sent_at FROM circulars c ";

Circular readCircular(kep::db::Statement& row) {
    Circular circular;
    circular.seq = row.int64(0);
    circular.id = row.text(1);
    circular.kind = row.text(2);
    circular.text = {row.text(3), row.text(4), row.text(5), row.text(6)};
    circular.audience.kind = audienceKindFromString(row.text(7)).value_or(AudienceKind::Offices);
    circular.audience.region = row.text(8);
    circular.scopeRegion = row.text(9);
    circular.senderUserId = row.text(10);
    circular.senderRegion = row.text(11);
    circular.sentAt = row.text(12);
    return circular;
}

// The chosen offices of an AudienceKind::Offices circular, sorted.
void readOffices(kep::db::Database& db, Circular& circular) {
    if (circular.audience.kind != AudienceKind::Offices) {
        return;
    }
    auto st = db.prepare(
        "SELECT office_code FROM circular_offices WHERE circular_id = ?1 ORDER BY office_code");
    st.bind(1, circular.id);
    while (st.step()) {
        circular.audience.offices.push_back(st.text(0));
    }
}

}  // namespace

Circular CircularStore::send(const NewCircular& circular) {
    Circular sent;
    sent.id = kep::domain::newUuidV7().toString();
    sent.kind = circular.kind;
    sent.text = circular.text;
    sent.audience = circular.audience;
    sent.scopeRegion = circular.scopeRegion;
    sent.senderUserId = circular.senderUserId;
    sent.senderRegion = circular.senderRegion;
    sent.sentAt = storage::isoUtc(std::chrono::system_clock::now());

    std::lock_guard lock(store_.mutex());
    auto& db = store_.database();
    kep::db::Transaction tx(db);
    // RETURNING rather than lastInsertRowId(), which only SQLite has.
    auto insert = db.prepare(
        "INSERT INTO circulars (id, kind, title_el, title_en, body_el, body_en, audience, "
        "audience_region, scope_region, sender_user_id, sender_region, sent_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING seq");
    insert.bind(1, sent.id)
        .bind(2, sent.kind)
        .bind(3, sent.text.titleEl)
        .bind(4, sent.text.titleEn)
        .bind(5, sent.text.bodyEl)
        .bind(6, sent.text.bodyEn)
        .bind(7, toString(sent.audience.kind))
        .bind(8, sent.audience.region)
        .bind(9, sent.scopeRegion)
        .bind(10, sent.senderUserId)
        .bind(11, sent.senderRegion)
        .bind(12, sent.sentAt);
    if (!insert.step()) {
        throw kep::db::Error(0, "circulars: the insert returned no seq");
    }
    sent.seq = insert.int64(0);
    insert.reset();  // SQLite ends the insert only here: a COMMIT before it is refused
    auto office =
        db.prepare("INSERT INTO circular_offices (circular_id, office_code) VALUES (?1, ?2)");
    for (const auto& code : sent.audience.offices) {
        office.bind(1, sent.id).bind(2, code).run();
    }
    tx.commit();
    return sent;
}

std::optional<Circular> CircularStore::find(std::string_view id) {
    std::lock_guard lock(store_.mutex());
    auto& db = store_.database();
    auto st = db.prepare(std::string(kColumns) + "WHERE id = ?1");
    st.bind(1, id);
    if (!st.step()) {
        return std::nullopt;
    }
    auto circular = readCircular(st);
    st.reset();
    readOffices(db, circular);
    return circular;
}

CircularPage CircularStore::pageFor(std::string_view officeCode, std::string_view officeRegion,
                                    std::int64_t cursor, int limit) {
    std::lock_guard lock(store_.mutex());
    auto& db = store_.database();
    kep::db::Transaction tx(db, kep::db::Transaction::Kind::Deferred);
    CircularPage page;
    page.cursor = cursor;
    auto st = db.prepare(
        std::string(kColumns) +
        "WHERE seq > ?1 AND (audience = 'all' OR (audience = 'region' AND audience_region = ?2) "
        "OR (audience = 'offices' AND EXISTS (SELECT 1 FROM circular_offices o "
        "WHERE o.circular_id = c.id AND o.office_code = ?3))) ORDER BY seq LIMIT ?4");
    st.bind(1, cursor).bind(2, officeRegion).bind(3, officeCode).bind(4, limit);
    while (st.step()) {
        page.circulars.push_back(readCircular(st));
    }
    st.reset();
    for (auto& circular : page.circulars) {
        readOffices(db, circular);
    }
    if (static_cast<int>(page.circulars.size()) == limit) {
        page.cursor = page.circulars.back().seq;
        page.hasMore = true;
    } else {
        // Nothing more for this office up to the last circular committed: skip past the others'.
        auto last = db.prepare("SELECT COALESCE(MAX(seq), 0) FROM circulars");
        last.step();
        page.cursor = std::max(cursor, last.int64(0));
    }
    tx.commit();
    return page;
}

bool CircularStore::recordReceipt(std::string_view circularId, std::string_view userId,
                                  std::string_view officeCode, std::string_view readAt) {
    std::lock_guard lock(store_.mutex());
    auto& db = store_.database();
    db.prepare(
          "INSERT INTO circular_receipts (circular_id, user_id, office_code, read_at) "
          "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (circular_id, user_id) DO NOTHING")
        .bind(1, circularId)
        .bind(2, userId)
        .bind(3, officeCode)
        .bind(4, readAt)
        .run();
    return db.changes() > 0;
}

std::map<std::string, std::string> CircularStore::receipts(std::string_view circularId) {
    std::lock_guard lock(store_.mutex());
    auto st = store_.database().prepare(
        "SELECT user_id, read_at FROM circular_receipts WHERE circular_id = ?1");
    st.bind(1, circularId);
    std::map<std::string, std::string> read;
    while (st.step()) {
        read.emplace(st.text(0), st.text(1));
    }
    return read;
}

}  // namespace kep::server::circulars
