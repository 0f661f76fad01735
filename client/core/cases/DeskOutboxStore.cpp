#include "cases/DeskOutboxStore.h"

#include "audit/AuditOutbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kep::desk::cases {

namespace {

using kep::sync::OpState;
using kep::sync::OutboxOp;

std::string_view stateCode(OpState state) {
    switch (state) {
        case OpState::Pending:
            return "pending";
        case OpState::Applied:
            return "applied";
        case OpState::Rejected:
            return "rejected";
        case OpState::Conflict:
            return "conflict";
    }
    return "pending";
}

OpState stateFromCode(std::string_view code) {
    if (code == "applied")
        return OpState::Applied;
    if (code == "rejected")
        return OpState::Rejected;
    if (code == "conflict")
        return OpState::Conflict;
    return OpState::Pending;
}

QString q(const std::string& s) {
    return QString::fromStdString(s);
}
std::string s(const QJsonValue& v) {
    return v.toString().toStdString();
}

// Everything of the op that has no column of its own.
std::string payloadOf(const OutboxOp& op) {
    QJsonObject fields;
    for (const auto& [name, value] : op.fields) {
        fields.insert(q(name), q(value));
    }
    const QJsonObject payload{
        {"device", q(op.deviceId)},
        {"base_version", static_cast<qint64>(op.baseVersion)},
        {"bucket", q(op.bucket)},
        {"actor_id", q(op.actor.id)},
        {"actor_role", q(std::string(kep::cases::toString(op.actor.role)))},
        {"fields", fields},
        {"to_status", q(op.toStatus)},
        {"reason", q(op.reason)},
    };
    return QJsonDocument(payload).toJson(QJsonDocument::Compact).toStdString();
}

constexpr std::string_view kSelectOp =
    "SELECT device_seq, op_id, hlc, kind, entity_type, entity_id, payload, state, queued_at, "
    "reason, server_version FROM outbox ";

OutboxOp opFromRow(const kep::db::Statement& row) {
    OutboxOp op;
    op.deviceSeq = row.int64(0);
    op.opId = kep::domain::Uuid::parse(row.text(1)).value_or(kep::domain::Uuid{});
    op.hlc = kep::domain::HlcTimestamp::parse(row.text(2)).value_or(kep::domain::HlcTimestamp{});
    op.kind = kep::sync::opKindFromString(row.text(3)).value_or(kep::sync::OpKind::SetFields);
    op.entity = {row.text(4), row.text(5)};
    const QJsonObject payload =
        QJsonDocument::fromJson(QByteArray::fromStdString(row.text(6))).object();
    op.deviceId = s(payload["device"]);
    op.baseVersion = payload["base_version"].toInteger();
    op.bucket = s(payload["bucket"]);
    op.actor.id = s(payload["actor_id"]);
    op.actor.role = kep::cases::actorRoleFromString(s(payload["actor_role"]))
                        .value_or(kep::cases::ActorRole::Clerk);
    const QJsonObject fields = payload["fields"].toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        op.fields.emplace(it.key().toStdString(), s(it.value()));
    }
    op.toStatus = s(payload["to_status"]);
    op.reason = s(payload["reason"]);
    return op;
}

kep::sync::Instant instantOf(std::int64_t ms) {
    return kep::sync::Instant{std::chrono::milliseconds{ms}};
}

}  // namespace

std::int64_t DeskOutboxStore::append(OutboxOp& op, kep::sync::Instant queuedAt) {
    auto next = db_.prepare("UPDATE outbox_seq SET highest = highest + 1 RETURNING highest");
    next.step();
    op.deviceSeq = next.int64(0);
    next.reset();
    db_.prepare(
           "INSERT INTO outbox (device_seq, op_id, hlc, kind, entity_type, entity_id, "
           "payload, queued_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .bind(1, op.deviceSeq)
        .bind(2, op.opId.toString())
        .bind(3, op.hlc.toString())
        .bind(4, kep::sync::toString(op.kind))
        .bind(5, op.entity.type)
        .bind(6, op.entity.id)
        .bind(7, payloadOf(op))
        .bind(8, static_cast<std::int64_t>(queuedAt.time_since_epoch().count()))
        .run();
    return op.deviceSeq;
}

std::vector<OutboxOp> DeskOutboxStore::pendingOps(std::size_t limit) const {
    auto st = db_.prepare(std::string(kSelectOp) +
                          "WHERE state = 'pending' ORDER BY device_seq LIMIT ?1");
    st.bind(1, static_cast<std::int64_t>(limit));
    std::vector<OutboxOp> ops;
    while (st.step()) {
        ops.push_back(opFromRow(st));
    }
    return ops;
}

std::size_t DeskOutboxStore::pendingCount() const {
    auto st = db_.prepare("SELECT count(*) FROM outbox WHERE state = 'pending'");
    st.step();
    return static_cast<std::size_t>(st.int64(0));
}

std::optional<kep::sync::Instant> DeskOutboxStore::oldestPendingQueuedAt() const {
    auto st = db_.prepare("SELECT min(queued_at) FROM outbox WHERE state = 'pending'");
    st.step();
    if (st.isNull(0)) {
        return std::nullopt;
    }
    return instantOf(st.int64(0));
}

void DeskOutboxStore::settle(std::span<const kep::sync::Settlement> settlements) {
    kep::db::Transaction tx(db_);
    auto st = db_.prepare(
        "UPDATE outbox SET state = ?2, reason = ?3, server_version = ?4 WHERE device_seq = ?1");
    for (const auto& settlement : settlements) {
        st.bind(1, settlement.deviceSeq)
            .bind(2, stateCode(settlement.state))
            .bind(3, settlement.reason)
            .bind(4, settlement.serverVersion)
            .run();
    }
    tx.commit();
}

std::vector<kep::sync::OutboxEntry> DeskOutboxStore::needsAttention() const {
    auto st = db_.prepare(std::string(kSelectOp) +
                          "WHERE state IN ('rejected', 'conflict') ORDER BY device_seq");
    std::vector<kep::sync::OutboxEntry> entries;
    while (st.step()) {
        kep::sync::OutboxEntry entry;
        entry.op = opFromRow(st);
        entry.state = stateFromCode(st.text(7));
        entry.queuedAt = instantOf(st.int64(8));
        entry.reason = st.text(9);
        entry.serverVersion = st.optionalInt64(10);
        entries.push_back(std::move(entry));
    }
    return entries;
}

kep::domain::HlcTimestamp DeskOutboxStore::highestHlc() const {
    // The text form sorts in time order, so max() of the column is the latest timestamp.
    auto st = db_.prepare("SELECT max(hlc) FROM outbox");
    st.step();
    if (st.isNull(0)) {
        return {};
    }
    return kep::domain::HlcTimestamp::parse(st.text(0)).value_or(kep::domain::HlcTimestamp{});
}

std::vector<kep::audit::AuditEntry> DeskOutboxStore::pendingAudit(std::size_t limit) const {
    return audit::AuditOutbox(db_).oldest(limit);
}

std::size_t DeskOutboxStore::pendingAuditCount() const {
    return audit::AuditOutbox(db_).count();
}

void DeskOutboxStore::auditDelivered(std::span<const kep::audit::AuditEntry> entries) {
    audit::AuditOutbox(db_).remove(entries);
}

}  // namespace kep::desk::cases
