#include "circulars/CircularStore.h"

namespace kep::desk::circulars {

namespace {

QString text(const kep::sync::FieldMap& fields, const char* name) {
    const auto it = fields.find(name);
    return it == fields.end() ? QString() : QString::fromStdString(it->second);
}

std::string utcText(const QDateTime& at) {
    return at.toUTC().toString(Qt::ISODate).toStdString();
}

}  // namespace

QString DeskCircular::title(const QString& language) const {
    return language == QLatin1String("en") && !titleEn.isEmpty() ? titleEn : titleEl;
}

QString DeskCircular::body(const QString& language) const {
    return language == QLatin1String("en") && !bodyEn.isEmpty() ? bodyEn : bodyEl;
}

std::int64_t CircularStore::cursor() const {
    auto st = db_.prepare("SELECT seq FROM sync_cursor WHERE bucket = ?1");
    st.bind(1, kCircularsBucket);
    return st.step() ? st.int64(0) : 0;
}

void CircularStore::applyPage(std::span<const kep::sync::Change> changes, std::int64_t cursor) {
    kep::db::Transaction tx(db_);
    auto put = db_.prepare(
        "INSERT INTO circular (id, kind, title_el, title_en, body_el, body_en, sender, sent_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (id) DO UPDATE SET "
        "kind = excluded.kind, title_el = excluded.title_el, title_en = excluded.title_en, "
        "body_el = excluded.body_el, body_en = excluded.body_en, sender = excluded.sender, "
        "sent_at = excluded.sent_at");
    for (const auto& change : changes) {
        if (change.entity.type != "circular" || change.deleted) {
            continue;
        }
        const auto& f = change.fields;
        put.bind(1, change.entity.id)
            .bind(2, text(f, "kind").toStdString())
            .bind(3, text(f, "title_el").toStdString())
            .bind(4, text(f, "title_en").toStdString())
            .bind(5, text(f, "body_el").toStdString())
            .bind(6, text(f, "body_en").toStdString())
            .bind(7, f.count("sender") ? f.at("sender") : std::string("national"))
            .bind(8, text(f, "sent_at").toStdString())
            .run();
    }
    db_.prepare(
           "INSERT INTO sync_cursor (bucket, seq) VALUES (?1, ?2) "
           "ON CONFLICT (bucket) DO UPDATE SET seq = max(seq, excluded.seq)")
        .bind(1, kCircularsBucket)
        .bind(2, cursor)
        .run();
    tx.commit();
}

std::vector<DeskCircular> CircularStore::unreadBy(const QString& userId) const {
    auto st = db_.prepare(
        "SELECT id, kind, title_el, title_en, body_el, body_en, sender, sent_at FROM circular c "
        "WHERE NOT EXISTS (SELECT 1 FROM circular_read r WHERE r.circular_id = c.id "
        "AND r.user_id = ?1) ORDER BY sent_at, id");
    st.bind(1, userId.toStdString());
    std::vector<DeskCircular> unread;
    while (st.step()) {
        auto q = [&st](int column) { return QString::fromStdString(st.text(column)); };
        unread.push_back(
            {q(0), q(1), q(2), q(3), q(4), q(5), q(6), QDateTime::fromString(q(7), Qt::ISODate)});
    }
    return unread;
}

int CircularStore::unreadCount(const QString& userId) const {
    auto st = db_.prepare(
        "SELECT COUNT(*) FROM circular c WHERE NOT EXISTS (SELECT 1 FROM circular_read r "
        "WHERE r.circular_id = c.id AND r.user_id = ?1)");
    st.bind(1, userId.toStdString());
    return st.step() ? static_cast<int>(st.int64(0)) : 0;
}

void CircularStore::markRead(const QString& circularId, const QString& userId,
                             const QDateTime& at) {
    db_.prepare(
           "INSERT INTO circular_read (circular_id, user_id, read_at) VALUES (?1, ?2, ?3) "
           "ON CONFLICT (circular_id, user_id) DO NOTHING")
        .bind(1, circularId.toStdString())
        .bind(2, userId.toStdString())
        .bind(3, utcText(at))
        .run();
}

std::vector<ReadReceipt> CircularStore::unsentReceipts(int limit) const {
    auto st = db_.prepare(
        "SELECT circular_id, user_id, read_at FROM circular_read WHERE sent = 0 LIMIT ?1");
    st.bind(1, limit);
    std::vector<ReadReceipt> receipts;
    while (st.step()) {
        receipts.push_back({QString::fromStdString(st.text(0)), QString::fromStdString(st.text(1)),
                            QString::fromStdString(st.text(2))});
    }
    return receipts;
}

void CircularStore::receiptSent(const ReadReceipt& receipt) {
    db_.prepare("UPDATE circular_read SET sent = 1 WHERE circular_id = ?1 AND user_id = ?2")
        .bind(1, receipt.circularId.toStdString())
        .bind(2, receipt.userId.toStdString())
        .run();
}

}  // namespace kep::desk::circulars
