#include "sync/ConflictStore.h"

#include "cases/DeskOutboxStore.h"
#include "shared/domain/HybridLogicalClock.h"
#include "shared/domain/Uuid.h"
#include "shared/sync/OutboxOpFactory.h"
#include "shared/sync/SyncServerCore.h"
#include "sync/CaseReplica.h"

namespace kep::desk::sync {

namespace {

std::optional<std::string> fieldOf(const kep::sync::FieldMap& fields, const char* name) {
    const auto it = fields.find(name);
    return it == fields.end() ? std::nullopt : std::optional<std::string>(it->second);
}

std::optional<kep::cases::Instant> instantOfHlc(const std::string& text) {
    const auto hlc = kep::domain::HlcTimestamp::parse(text);
    if (!hlc) {
        return std::nullopt;
    }
    return kep::cases::Instant{std::chrono::milliseconds{hlc->wallMs}};
}

// Columns 0..4 of one side in open()'s select: value, device, actor, actor's name, HLC.
ConflictSide sideFrom(const kep::db::Statement& row, int first) {
    return ConflictSide{row.text(first), row.text(first + 1), row.text(first + 2),
                        row.text(first + 3), instantOfHlc(row.text(first + 4))};
}

constexpr std::string_view kOfficePrefix = "office:";

}  // namespace

std::optional<std::int64_t> ConflictStore::version(const std::string& id) const {
    auto st = db_.prepare("SELECT version FROM sync_conflict WHERE id = ?1");
    st.bind(1, id);
    if (!st.step()) {
        return std::nullopt;
    }
    return st.int64(0);
}

void ConflictStore::put(const std::string& id, const std::string& bucket, std::int64_t version,
                        const kep::sync::FieldMap& fields) {
    // A field not sent keeps its stored value (or the column's empty one for a new conflict).
    db_.prepare(
           "INSERT INTO sync_conflict (id, bucket, version, entity_type, entity_id, field, "
           "kept_value, kept_device, kept_actor, kept_hlc, lost_value, lost_device, lost_actor, "
           "lost_hlc, op, state, resolution, resolved_by) VALUES (?1, ?2, ?3, "
           "COALESCE(?4, ''), COALESCE(?5, ''), COALESCE(?6, ''), COALESCE(?7, ''), "
           "COALESCE(?8, ''), COALESCE(?9, ''), COALESCE(?10, ''), COALESCE(?11, ''), "
           "COALESCE(?12, ''), COALESCE(?13, ''), COALESCE(?14, ''), COALESCE(?15, ''), "
           "COALESCE(?16, 'open'), COALESCE(?17, ''), COALESCE(?18, '')) "
           "ON CONFLICT (id) DO UPDATE SET bucket = ?2, version = ?3, "
           "entity_type = COALESCE(?4, entity_type), entity_id = COALESCE(?5, entity_id), "
           "field = COALESCE(?6, field), kept_value = COALESCE(?7, kept_value), "
           "kept_device = COALESCE(?8, kept_device), kept_actor = COALESCE(?9, kept_actor), "
           "kept_hlc = COALESCE(?10, kept_hlc), lost_value = COALESCE(?11, lost_value), "
           "lost_device = COALESCE(?12, lost_device), lost_actor = COALESCE(?13, lost_actor), "
           "lost_hlc = COALESCE(?14, lost_hlc), op = COALESCE(?15, op), "
           "state = COALESCE(?16, state), resolution = COALESCE(?17, resolution), "
           "resolved_by = COALESCE(?18, resolved_by)")
        .bind(1, id)
        .bind(2, bucket)
        .bind(3, version)
        .bind(4, fieldOf(fields, "entity_type"))
        .bind(5, fieldOf(fields, "entity_id"))
        .bind(6, fieldOf(fields, "field"))
        .bind(7, fieldOf(fields, "kept_value"))
        .bind(8, fieldOf(fields, "kept_device"))
        .bind(9, fieldOf(fields, "kept_actor"))
        .bind(10, fieldOf(fields, "kept_hlc"))
        .bind(11, fieldOf(fields, "lost_value"))
        .bind(12, fieldOf(fields, "lost_device"))
        .bind(13, fieldOf(fields, "lost_actor"))
        .bind(14, fieldOf(fields, "lost_hlc"))
        .bind(15, fieldOf(fields, "op"))
        .bind(16, fieldOf(fields, "state"))
        .bind(17, fieldOf(fields, "resolution"))
        .bind(18, fieldOf(fields, "resolved_by"))
        .run();
}

void ConflictStore::forget(const std::string& id) {
    db_.prepare("DELETE FROM sync_conflict WHERE id = ?1").bind(1, id).run();
}

std::vector<OpenConflict> ConflictStore::open(int limit) const {
    auto st = db_.prepare(
        "SELECT c.id, c.bucket, c.version, c.entity_type, c.entity_id, "
        "COALESCE((SELECT k.protocol_number FROM kase k WHERE c.entity_type = 'case' "
        "AND k.id = c.entity_id), ''), c.field, "
        "c.kept_value, c.kept_device, c.kept_actor, COALESCE((SELECT v.display_name FROM "
        "offline_verifier v WHERE v.user_id = c.kept_actor LIMIT 1), ''), c.kept_hlc, "
        "c.lost_value, c.lost_device, c.lost_actor, COALESCE((SELECT v.display_name FROM "
        "offline_verifier v WHERE v.user_id = c.lost_actor LIMIT 1), ''), c.lost_hlc "
        "FROM sync_conflict c WHERE c.state = 'open' ORDER BY c.lost_hlc, c.id LIMIT ?1");
    st.bind(1, limit);
    std::vector<OpenConflict> conflicts;
    while (st.step()) {
        OpenConflict c;
        c.id = st.text(0);
        c.bucket = st.text(1);
        c.version = st.int64(2);
        c.entityType = st.text(3);
        c.entityId = st.text(4);
        c.protocolNumber = st.text(5);
        c.field = st.text(6);
        c.kept = sideFrom(st, 7);
        c.lost = sideFrom(st, 12);
        conflicts.push_back(std::move(c));
    }
    return conflicts;
}

std::int64_t ConflictStore::openCount() const {
    auto st = db_.prepare("SELECT count(*) FROM sync_conflict WHERE state = 'open'");
    st.step();
    return st.int64(0);
}

bool ConflictStore::resolve(const std::string& conflictId, ConflictChoice choice,
                            const kep::cases::Actor& manager, const std::string& deviceId,
                            kep::cases::Instant now) {
    kep::db::Transaction tx(db_);
    auto st = db_.prepare(
        "SELECT bucket, version, entity_type, entity_id, field, lost_value FROM sync_conflict "
        "WHERE id = ?1 AND state = 'open'");
    st.bind(1, conflictId);
    if (!st.step()) {
        return false;
    }
    const std::string bucket = st.text(0);
    const std::int64_t version = st.int64(1);
    const kep::sync::EntityRef entity{st.text(2), st.text(3)};
    const std::string field = st.text(4);
    const std::string lostValue = st.text(5);
    st.reset();

    kep::desk::cases::DeskOutboxStore outbox(db_);
    kep::domain::HybridLogicalClock clock;
    clock.restore(outbox.highestHlc());  // stamped after every op this desk queued
    kep::domain::UuidV7Generator ids;
    kep::sync::OutboxOpFactory ops(deviceId, clock, ids);

    const bool takeLost = choice == ConflictChoice::TakeLost;
    if (takeLost) {
        const kep::sync::FieldMap lost{{field, lostValue}};
        std::int64_t base = 0;
        if (entity.type == kep::sync::kCaseType && bucket.starts_with(kOfficePrefix)) {
            base = caseVersion(db_, entity.id).value_or(0);
            writeCase(db_, {entity.id, bucket.substr(kOfficePrefix.size()), lost, std::nullopt},
                      now);
        }
        auto op = ops.setFields(entity, bucket, manager, base, lost);
        outbox.append(op, now);
    }

    const std::string resolution = takeLost ? "lost_value" : "kept_value";
    db_.prepare(
           "UPDATE sync_conflict SET state = 'resolved', resolution = ?2, resolved_by = ?3 "
           "WHERE id = ?1")
        .bind(1, conflictId)
        .bind(2, resolution)
        .bind(3, manager.id)
        .run();
    auto op = ops.setFields(
        {std::string(kep::sync::kConflictType), conflictId}, bucket, manager, version,
        {{"state", "resolved"}, {"resolution", resolution}, {"resolved_by", manager.id}});
    outbox.append(op, now);
    tx.commit();
    return true;
}

}  // namespace kep::desk::sync
