#include "privacy/CasePurge.h"

#include "privacy/PersonalData.h"
#include "shared/domain/UtcTime.h"
#include "shared/sync/SyncServerCore.h"
#include "storage/PortableSql.h"
#include "sync/SyncRowJson.h"

#include <array>
#include <set>
#include <vector>

namespace kep::server::privacy {

using kep::db::Statement;

namespace {

// The values a conflict recorded are the clashing field's: personal whenever the field is.
constexpr std::array<std::string_view, 2> kConflictValues{"kept_value", "lost_value"};

// Every table a purge writes: what eraseFreedSpace() VACUUMs on PostgreSQL.
constexpr std::array<std::string_view, 7> kPurgedTables{
    "sync_entity",         "sync_change",       "sync_case_history", "intake_requests",
    "notification_outbox", "satisfaction_case", "attachment_content"};

bool conflictKeeps(std::string_view field) {
    return field != kConflictValues[0] && field != kConflictValues[1];
}

struct Statements {
    explicit Statements(kep::db::Database& db)
        : purged(db.prepare("SELECT 1 FROM privacy_purged WHERE case_id = ?1"))
        , entity(db.prepare("SELECT entity_no, bucket, version, state FROM sync_entity "
                            "WHERE entity_type = ?1 AND entity_id = ?2"))
        , conflicts(db.prepare("SELECT entity_id FROM sync_entity WHERE entity_type = 'conflict' "
                               "AND " +
                               storage::jsonValue(db.dialect(), "state", "$.f.entity_id[0]") +
                               " = ?1"))
        , putEntity(db.prepare("UPDATE sync_entity SET version = ?2, state = ?3 "
                               "WHERE entity_no = ?1"))
        , changes(db.prepare("SELECT seq, fields FROM sync_change "
                             "WHERE entity_id = ?2 AND entity_type = ?1 AND deleted = 0"))
        , putChange(db.prepare("UPDATE sync_change SET fields = ?2 WHERE seq = ?1"))
        , history(db.prepare("UPDATE sync_case_history SET reason = '' "
                             "WHERE entity_type = 'case' AND entity_id = ?1 AND reason <> ''"))
        , intake(db.prepare("DELETE FROM intake_requests WHERE case_id = ?1"))
        , notices(db.prepare("DELETE FROM notification_outbox WHERE case_id = ?1"))
        , rating(db.prepare("UPDATE satisfaction_case SET comment = '' "
                            "WHERE case_id = ?1 AND comment <> ''"))
        , markPurged(db.prepare("INSERT INTO privacy_purged (case_id, reason, purged_at) "
                                "VALUES (?1, ?2, ?3)"))
        , caseStates(db.prepare("SELECT state FROM sync_entity WHERE entity_type = 'case'"))
        , dropContent(db.prepare("DELETE FROM attachment_content WHERE sha256 = ?1")) {}

    Statement purged;
    Statement entity;
    Statement conflicts;
    Statement putEntity;
    Statement changes;
    Statement putChange;
    Statement history;
    Statement intake;
    Statement notices;
    Statement rating;
    Statement markPurged;
    Statement caseStates;
    Statement dropContent;
};

bool exists(Statement& statement) {
    const bool found = statement.step();
    statement.reset();
    return found;
}

// Rewrites one entity and every change of it without the fields `keep` refuses, and logs a
// deleted change at the next version in its bucket. Returns the content addresses it named.
template <typename Keep>
std::set<std::string> purgeEntity(Statements& sql, kep::sync::SyncServerStore& store,
                                  const kep::sync::EntityRef& ref, Keep keep, bool& found) {
    std::set<std::string> addresses;
    sql.entity.bind(1, ref.type).bind(2, ref.id);
    found = sql.entity.step();
    if (!found) {
        sql.entity.reset();
        return addresses;
    }
    const std::int64_t entityNo = sql.entity.int64(0);
    const std::string bucket = sql.entity.text(1);
    const std::int64_t version = sql.entity.int64(2) + 1;
    const std::string state = sql.entity.text(3);
    sql.entity.reset();
    addresses = contentAddressesIn(state);

    auto fields = sync::decodeEntityState(state);
    std::erase_if(fields, [&](const auto& field) { return !keep(field.first); });
    sql.putEntity.bind(1, entityNo).bind(2, version).bind(3, sync::encodeEntityState(fields)).run();

    std::vector<std::pair<std::int64_t, std::string>> rewritten;
    sql.changes.bind(1, ref.type).bind(2, ref.id);
    while (sql.changes.step()) {
        auto changed = sync::decodeFieldMap(sql.changes.text(1));
        const auto before = changed.size();
        std::erase_if(changed, [&](const auto& field) { return !keep(field.first); });
        if (changed.size() != before) {
            rewritten.emplace_back(sql.changes.int64(0), sync::encodeFieldMap(changed));
        }
    }
    sql.changes.reset();
    for (const auto& [seq, text] : rewritten) {
        sql.putChange.bind(1, seq).bind(2, text).run();
    }
    store.appendChange({bucket, kep::sync::Change{0, ref, version, {}, true}, std::nullopt});
    return addresses;
}

// The content addresses no case left unpurged names, out of `candidates`.
std::set<std::string> unreferenced(Statements& sql, std::set<std::string> candidates) {
    while (!candidates.empty() && sql.caseStates.step()) {
        for (const auto& address : contentAddressesIn(sql.caseStates.text(0))) {
            candidates.erase(address);
        }
    }
    sql.caseStates.reset();
    return candidates;
}

std::size_t removeContentFiles(const std::filesystem::path& dir,
                               const std::set<std::string>& addresses) {
    std::size_t removed = 0;
    for (const auto& address : addresses) {
        for (const char* extension : {".pdf", ".jpg", ".png"}) {
            std::error_code ignored;
            removed += std::filesystem::remove(dir / (address + extension), ignored) ? 1 : 0;
        }
    }
    return removed;
}

}  // namespace

std::string_view toString(PurgeReason reason) {
    return reason == PurgeReason::Retention ? "retention" : "erasure";
}

CasePurge::CasePurge(PurgeConnection& connection, std::filesystem::path dataDir)
    : connection_(connection)
    , dataDir_(std::move(dataDir)) {}

bool CasePurge::eraseFreedSpace() {
    return connection_.eraseFreedSpace(kPurgedTables);
}

PurgeResult CasePurge::purge(std::span<const std::string> caseIds, PurgeReason reason,
                             const PrivacyActor& actor, std::chrono::system_clock::time_point now,
                             std::span<const kep::audit::AuditEntry> alsoAudit) {
    PurgeResult result;
    Statements sql(connection_.database());
    auto& store = connection_.changeLog();
    const std::string purgedAt = kep::domain::toUtcText(now);
    std::set<std::string> addresses;
    std::set<std::string> removable;
    std::vector<kep::audit::AuditEntry> entries(alsoAudit.begin(), alsoAudit.end());

    connection_.begin();
    try {
        for (const std::string& caseId : caseIds) {
            sql.purged.bind(1, caseId);
            if (exists(sql.purged)) {
                continue;
            }
            bool found = false;
            addresses.merge(purgeEntity(sql, store, {std::string{kep::sync::kCaseType}, caseId},
                                        keptAfterPurge, found));
            if (!found) {
                continue;
            }
            std::vector<std::string> conflictIds;
            sql.conflicts.bind(1, caseId);
            while (sql.conflicts.step()) {
                conflictIds.push_back(sql.conflicts.text(0));
            }
            sql.conflicts.reset();
            for (const auto& conflictId : conflictIds) {
                purgeEntity(sql, store, {std::string{kep::sync::kConflictType}, conflictId},
                            conflictKeeps, found);
            }
            sql.history.bind(1, caseId).run();
            sql.intake.bind(1, caseId).run();
            sql.notices.bind(1, caseId).run();
            sql.rating.bind(1, caseId).run();
            sql.markPurged.bind(1, caseId).bind(2, toString(reason)).bind(3, purgedAt).run();
            entries.push_back(
                auditEntry(actor, "case.purge", "case", caseId, toString(reason), now));
            ++result.cases;
        }
        removable = unreferenced(sql, std::move(addresses));
        for (const auto& address : removable) {
            sql.dropContent.bind(1, address).run();
        }
        store.appendAudit(entries);
        connection_.commit();
    } catch (...) {
        connection_.rollback();
        throw;
    }
    result.contentRemoved = removeContentFiles(dataDir_ / "attachments", removable);
    return result;
}

}  // namespace kep::server::privacy
