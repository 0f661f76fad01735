#include "notify/NotificationOutbox.h"

#include "shared/domain/Uuid.h"
#include "storage/PortableSql.h"

#include <algorithm>

namespace kep::server::notify {

std::int64_t NotificationOutbox::systemClock() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

NotificationOutbox::NotificationOutbox(kep::db::Database& db, Clock now)
    : db_(db)
    , now_(std::move(now)) {}

bool NotificationOutbox::enqueue(const NotificationMessage& message) {
    const std::int64_t now = now_();
    db_.prepare(
           "INSERT INTO notification_outbox (id, case_id, change_seq, notice, channel, language, "
           "protocol_number, recipient, subject, body, state, next_attempt_ms, created_ms) "
           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'queued', ?11, ?11) "
           "ON CONFLICT (change_seq, channel) DO NOTHING")
        .bind(1, kep::domain::newUuidV7().toString())
        .bind(2, message.caseId)
        .bind(3, message.changeSeq)
        .bind(4, toString(message.notice))
        .bind(5, toString(message.channel))
        .bind(6, toString(message.language))
        .bind(7, message.protocolNumber)
        .bind(8, message.recipient)
        .bind(9, message.subject)
        .bind(10, message.body)
        .bind(11, now)
        .run();
    return db_.changes() > 0;
}

bool NotificationOutbox::hasNotice(std::string_view caseId, StatusNotice notice) {
    auto select =
        db_.prepare("SELECT 1 FROM notification_outbox WHERE case_id = ?1 AND notice = ?2 LIMIT 1");
    select.bind(1, caseId).bind(2, toString(notice));
    return select.step();
}

std::vector<NotificationMessage> NotificationOutbox::due(int limit) {
    auto select = db_.prepare(
        "SELECT id, case_id, change_seq, notice, channel, language, protocol_number, recipient, "
        "subject, body, attempts FROM notification_outbox "
        "WHERE state = 'queued' AND next_attempt_ms <= ?1 ORDER BY next_attempt_ms, id LIMIT ?2");
    select.bind(1, now_()).bind(2, std::clamp(limit, 1, 1000));
    std::vector<NotificationMessage> out;
    while (select.step()) {
        NotificationMessage message;
        message.id = select.text(0);
        message.caseId = select.text(1);
        message.changeSeq = select.int64(2);
        message.notice = statusNoticeFromString(select.text(3)).value_or(StatusNotice::Filed);
        message.channel = channelFromString(select.text(4)).value_or(Channel::Email);
        message.language = languageOf(select.text(5));
        message.protocolNumber = select.text(6);
        message.recipient = select.text(7);
        message.subject = select.text(8);
        message.body = select.text(9);
        message.attempts = static_cast<int>(select.int64(10));
        out.push_back(std::move(message));
    }
    return out;
}

void NotificationOutbox::markSent(const std::string& id) {
    db_.prepare(
           "UPDATE notification_outbox SET state = 'sent', attempts = attempts + 1, "
           "finished_ms = ?2, recipient = '', subject = '', body = '', last_error = NULL "
           "WHERE id = ?1 AND state = 'queued'")
        .bind(1, id)
        .bind(2, now_())
        .run();
}

void NotificationOutbox::scheduleRetry(const std::string& id, std::chrono::milliseconds delay,
                                       const std::string& error) {
    db_.prepare(
           "UPDATE notification_outbox SET attempts = attempts + 1, next_attempt_ms = ?2, "
           "last_error = ?3 WHERE id = ?1 AND state = 'queued'")
        .bind(1, id)
        .bind(2, now_() + delay.count())
        .bind(3, error)
        .run();
}

void NotificationOutbox::markFailed(const std::string& id, const std::string& error) {
    db_.prepare(
           "UPDATE notification_outbox SET state = 'failed', attempts = attempts + 1, "
           "finished_ms = ?2, last_error = ?3 WHERE id = ?1 AND state = 'queued'")
        .bind(1, id)
        .bind(2, now_())
        .bind(3, error)
        .run();
}

OutboxCounts NotificationOutbox::counts() {
    return countNotifications(db_);
}

OutboxCounts countNotifications(kep::db::Database& db) {
    OutboxCounts counts;
    if (!storage::hasTable(db, "notification_outbox")) {
        return counts;
    }
    auto select = db.prepare("SELECT state, count(*) FROM notification_outbox GROUP BY state");
    while (select.step()) {
        const std::string state = select.text(0);
        const std::int64_t n = select.int64(1);
        (state == "sent" ? counts.sent : state == "failed" ? counts.failed : counts.queued) = n;
    }
    return counts;
}

}  // namespace kep::server::notify
