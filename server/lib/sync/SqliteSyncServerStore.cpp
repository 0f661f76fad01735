#include "sync/SqliteSyncServerStore.h"

#include <sqlite3.h>

#include <limits>
#include <stdexcept>

#include "audit/AuditLog.h"
#include "shared/cases/CaseStatus.h"
#include "shared/sync/SyncServerCore.h"
#include "sync/SyncRowJson.h"
#include "sync/SyncStoreRows.h"

namespace kep::server::sync {

using kep::db::Statement;
using kep::sync::Change;
using kep::sync::EntityRef;
using kep::sync::EntityRow;
using kep::sync::LoggedChange;
using kep::sync::OpOutcome;
using kep::sync::StoredResult;

namespace {

kep::db::Blob uuidBlob(const kep::domain::Uuid& id) {
    return {id.bytes().data(), id.bytes().size()};
}

kep::domain::Uuid uuidFromBlob(const std::vector<std::uint8_t>& bytes) {
    kep::domain::Uuid::Bytes raw{};
    if (bytes.size() != raw.size()) {
        throw std::runtime_error("sync store: a stored op id is not 16 bytes");
    }
    std::copy(bytes.begin(), bytes.end(), raw.begin());
    return kep::domain::Uuid{raw};
}

}  // namespace

// Prepared once for the store's life: preparing costs more than running most of these.
struct SqliteSyncServerStore::Statements {
    explicit Statements(kep::db::Database& db)
        : begin(db.prepare("BEGIN IMMEDIATE"))
        , commit(db.prepare("COMMIT"))
        , rollback(db.prepare("ROLLBACK"))
        , lastSeq(db.prepare("SELECT coalesce(max(seq), 0) FROM sync_change"))
        , lastResult(db.prepare("SELECT coalesce(max(result_no), 0) FROM sync_result"))
        , findDevice(db.prepare("SELECT device_no FROM sync_device WHERE device_id = ?1"))
        , addDevice(db.prepare("INSERT INTO sync_device (device_id) VALUES (?1)"))
        , deviceSeq(db.prepare("SELECT last_applied_seq FROM sync_device WHERE device_no = ?1"))
        , setDeviceSeq(
              db.prepare("UPDATE sync_device SET last_applied_seq = ?2 WHERE device_no = ?1"))
        , findResult(
              db.prepare("SELECT l.op_id, l.outcome, l.server_version, r.reason FROM sync_result l "
                         "LEFT JOIN sync_result_reason r "
                         "ON r.device_no = l.device_no AND r.device_seq = l.device_seq "
                         "WHERE l.device_no = ?1 AND l.device_seq = ?2"))
        , addResult(db.prepare(
              "INSERT INTO sync_result (result_no, device_no, device_seq, op_id, outcome, "
              "server_version, first_seq, last_seq, entry_sha256) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"))
        , addReason(db.prepare(
              "INSERT INTO sync_result_reason (device_no, device_seq, reason) VALUES (?1, ?2, ?3)"))
        , findEntity(db.prepare("SELECT bucket, version, state FROM sync_entity "
                                "WHERE entity_type = ?1 AND entity_id = ?2"))
        , putEntity(db.prepare(
              "INSERT INTO sync_entity (entity_type, entity_id, bucket, version, status, state, "
              "protocol_number, authority_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
              "ON CONFLICT (entity_type, entity_id) DO UPDATE "
              "SET bucket = excluded.bucket, version = excluded.version, "
              "status = excluded.status, state = excluded.state, "
              "protocol_number = excluded.protocol_number, "
              // Rejected or withdrawn after reaching the authority: the authority still sees it.
              "authority_id = CASE WHEN excluded.authority_id IS NOT NULL "
              "THEN excluded.authority_id WHEN excluded.status IN ('rejected', 'withdrawn') "
              "THEN sync_entity.authority_id END"))
        , addHistory(db.prepare(
              "INSERT INTO sync_case_history (entity_type, entity_id, from_status, to_status, "
              "actor_id, actor_role, at_ms, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"))
        , addChange(db.prepare(
              "INSERT INTO sync_change (seq, bucket, entity_type, entity_id, version, deleted, "
              "fields, caused_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"))
        , changesAfter(db.prepare(
              "SELECT seq, entity_type, entity_id, version, deleted, fields FROM sync_change "
              "WHERE bucket = ?1 AND seq > ?2 AND seq <= ?3 ORDER BY seq LIMIT ?4")) {}

    Statement begin;
    Statement commit;
    Statement rollback;
    Statement lastSeq;
    Statement lastResult;
    Statement findDevice;
    Statement addDevice;
    Statement deviceSeq;
    Statement setDeviceSeq;
    Statement findResult;
    Statement addResult;
    Statement addReason;
    Statement findEntity;
    Statement putEntity;
    Statement addHistory;
    Statement addChange;
    Statement changesAfter;
};

namespace {

std::int64_t singleInt(Statement& statement) {
    statement.step();
    const std::int64_t value = statement.int64(0);
    statement.reset();
    return value;
}

}  // namespace

SqliteSyncServerStore::SqliteSyncServerStore(kep::db::Database& db)
    : db_(db)
    , sql_(std::make_unique<Statements>(db))
    , audit_(std::make_unique<kep::server::audit::AuditLog>(db)) {
    // A push batch writes a megabyte or more of pages: at SQLite's default (1,000 pages) every
    // second or third commit also checkpointed the WAL into the database file, inside the push
    // and under the sync lock, rewriting the same index pages each time. Checkpointing every
    // ~40 MB instead writes each page once per many batches.
    db_.exec("PRAGMA wal_autocheckpoint = " + std::to_string(kWalCheckpointPages));
    committedSeq_ = singleInt(sql_->lastSeq);
    committedResult_ = singleInt(sql_->lastResult);
}

SqliteSyncServerStore::~SqliteSyncServerStore() {
    if (open_) {
        rollback();
    }
}

void SqliteSyncServerStore::requireOpen() const {
    if (!open_) {
        throw std::logic_error("sync store: no open transaction");
    }
}

void SqliteSyncServerStore::begin() {
    if (open_) {
        throw std::logic_error("sync store: a transaction is already open");
    }
    sql_->begin.run();
    open_ = true;
    try {
        // Read inside the write lock: another writer may have committed since the last look.
        lastSeq_ = singleInt(sql_->lastSeq);
        lastResult_ = singleInt(sql_->lastResult);
    } catch (...) {
        rollback();
        throw;
    }
    opRecord_.clear();
}

void SqliteSyncServerStore::commit() {
    requireOpen();
    try {
        flushDeviceSeqs();
        sql_->commit.run();
    } catch (...) {
        // A failed COMMIT (SQLITE_BUSY, I/O) leaves the transaction open: end it, so that none
        // of its writes can survive, as the contract asks.
        rollback();
        throw;
    }
    open_ = false;
    committedSeq_ = lastSeq_;
    committedResult_ = lastResult_;
    devices_.merge(newDevices_);
    forgetTransaction();
}

void SqliteSyncServerStore::rollback() {
    if (sqlite3_get_autocommit(db_.handle()) == 0) {
        try {
            sql_->rollback.run();
        } catch (const kep::db::Error&) {
            // SQLite has rolled back by itself (after an I/O error, say); nothing is left open.
        }
    }
    open_ = false;
    forgetTransaction();
}

void SqliteSyncServerStore::forgetTransaction() {
    newDevices_.clear();
    pendingSeqs_.clear();
    opRecord_.clear();
    lastSeq_ = committedSeq_;
    lastResult_ = committedResult_;
}

std::optional<std::int64_t> SqliteSyncServerStore::knownDeviceNo(std::string_view deviceId) {
    if (const auto it = devices_.find(deviceId); it != devices_.end()) {
        return it->second;
    }
    if (const auto it = newDevices_.find(deviceId); it != newDevices_.end()) {
        return it->second;
    }
    auto& find = sql_->findDevice;
    find.bind(1, deviceId);
    if (!find.step()) {
        find.reset();
        return std::nullopt;
    }
    const std::int64_t number = find.int64(0);
    find.reset();
    devices_.emplace(std::string{deviceId}, number);
    return number;
}

std::int64_t SqliteSyncServerStore::deviceNo(std::string_view deviceId) {
    if (const auto known = knownDeviceNo(deviceId)) {
        return *known;
    }
    sql_->addDevice.bind(1, deviceId).run();
    const std::int64_t number = db_.lastInsertRowId();
    newDevices_.emplace(std::string{deviceId}, number);
    return number;
}

std::int64_t SqliteSyncServerStore::lastAppliedSeq(std::string_view deviceId) {
    requireOpen();
    const auto device = knownDeviceNo(deviceId);
    if (!device) {
        return 0;
    }
    if (const auto pending = pendingSeqs_.find(*device); pending != pendingSeqs_.end()) {
        return pending->second;
    }
    auto& select = sql_->deviceSeq;
    select.bind(1, *device);
    const std::int64_t seq = select.step() ? select.int64(0) : 0;
    select.reset();
    return seq;
}

void SqliteSyncServerStore::setLastAppliedSeq(std::string_view deviceId, std::int64_t seq) {
    requireOpen();
    pendingSeqs_[deviceNo(deviceId)] = seq;
}

void SqliteSyncServerStore::flushDeviceSeqs() {
    for (const auto& [device, seq] : pendingSeqs_) {
        sql_->setDeviceSeq.bind(1, device).bind(2, seq).run();
    }
}

std::optional<StoredResult> SqliteSyncServerStore::result(std::string_view deviceId,
                                                          std::int64_t seq) {
    requireOpen();
    const auto device = knownDeviceNo(deviceId);
    if (!device) {
        return std::nullopt;
    }
    auto& select = sql_->findResult;
    select.bind(1, *device).bind(2, seq);
    if (!select.step()) {
        select.reset();
        return std::nullopt;
    }
    StoredResult stored;
    stored.opId = uuidFromBlob(select.blob(0));
    stored.outcome = outcomeFromCode(select.int64(1));
    stored.serverVersion = select.optionalInt64(2);
    stored.reason = select.optionalText(3).value_or(std::string{});
    select.reset();
    return stored;
}

void SqliteSyncServerStore::putResult(std::string_view deviceId, std::int64_t seq,
                                      const StoredResult& result) {
    requireOpen();
    const std::int64_t device = deviceNo(deviceId);
    const int outcome = outcomeCode(result.outcome);
    const std::int64_t firstSeq = opRecord_.firstSeq();
    const std::int64_t lastSeq = opRecord_.lastSeq();
    const auto digest = opRecord_.finish(deviceId, seq, result);

    auto& row = sql_->addResult;
    row.bind(1, lastResult_ + 1)
        .bind(2, device)
        .bind(3, seq)
        .bindBlob(4, uuidBlob(result.opId))
        .bind(5, outcome)
        .bind(6, result.serverVersion);
    if (firstSeq != 0) {
        row.bind(7, firstSeq).bind(8, lastSeq);
    } else {
        row.bindNull(7).bindNull(8);
    }
    row.bindBlob(9, {digest.data(), digest.size()}).run();
    ++lastResult_;
    if (!result.reason.empty()) {
        sql_->addReason.bind(1, device).bind(2, seq).bind(3, result.reason).run();
    }
    opRecord_.clear();
}

std::optional<EntityRow> SqliteSyncServerStore::entity(const EntityRef& ref) {
    requireOpen();
    auto& select = sql_->findEntity;
    select.bind(1, ref.type).bind(2, ref.id);
    if (!select.step()) {
        select.reset();
        return std::nullopt;
    }
    EntityRow row;
    row.ref = ref;
    row.bucket = select.text(0);
    row.version = select.int64(1);
    const std::string state = select.text(2);
    select.reset();
    row.fields = decodeEntityState(state);
    return row;
}

void SqliteSyncServerStore::putEntity(const EntityRow& row) {
    requireOpen();
    // keepAuthority is the statement's own CASE: it keeps the stored authority itself.
    const auto columns = entityColumns(row);
    sql_->putEntity.bind(1, row.ref.type)
        .bind(2, row.ref.id)
        .bind(3, row.bucket)
        .bind(4, row.version)
        .bind(5, columns.status)
        .bind(6, encodeEntityState(row.fields))
        .bind(7, columns.protocolNumber)
        .bind(8, columns.authorityId)
        .run();
}

void SqliteSyncServerStore::appendHistory(const EntityRef& ref,
                                          const kep::cases::HistoryEntry& entry) {
    requireOpen();
    sql_->addHistory.bind(1, ref.type)
        .bind(2, ref.id)
        .bind(3, kep::cases::toString(entry.from))
        .bind(4, kep::cases::toString(entry.to))
        .bind(5, entry.actorId)
        .bind(6, kep::cases::toString(entry.role))
        .bind(7, static_cast<std::int64_t>(entry.at.time_since_epoch().count()))
        .bind(8, entry.reason)
        .run();
}

std::int64_t SqliteSyncServerStore::appendChange(LoggedChange logged) {
    requireOpen();
    const std::int64_t seq = lastSeq_ + 1;
    const Change& change = logged.change;
    const std::string fields = encodeFieldMap(change.fields);
    auto& insert = sql_->addChange;
    insert.bind(1, seq)
        .bind(2, logged.bucket)
        .bind(3, change.entity.type)
        .bind(4, change.entity.id)
        .bind(5, change.version)
        .bind(6, change.deleted ? 1 : 0)
        .bind(7, fields);
    if (logged.causedBy) {
        insert.bindBlob(8, uuidBlob(*logged.causedBy));
    } else {
        insert.bindNull(8);
    }
    insert.run();
    lastSeq_ = seq;

    // The op's part of its stored result: the next putResult() hashes it.
    opRecord_.addChange(seq, logged.bucket, change, fields);
    return seq;
}

void SqliteSyncServerStore::appendAudit(std::span<const kep::audit::AuditEntry> entries) {
    requireOpen();
    audit_->append(entries);
}

std::int64_t SqliteSyncServerStore::safeHighWaterMark() {
    // One writer at a time (BEGIN IMMEDIATE), seqs assigned inside it: commit order is seq
    // order, so the highest committed seq is safe. Read afresh, in case another connection
    // committed; inside this store's own transaction, the last commit it made.
    if (!open_) {
        committedSeq_ = singleInt(sql_->lastSeq);
    }
    return committedSeq_;
}

std::vector<Change> SqliteSyncServerStore::changesAfter(std::string_view bucket, std::int64_t after,
                                                        std::int64_t upTo, std::size_t limit) {
    std::vector<Change> out;
    const auto bound = static_cast<std::int64_t>(
        std::min<std::size_t>(limit, std::numeric_limits<std::int64_t>::max()));
    if (bound == 0) {
        return out;
    }
    auto& select = sql_->changesAfter;
    select.bind(1, bucket).bind(2, after).bind(3, upTo).bind(4, bound);
    try {
        while (select.step()) {
            Change change;
            change.seq = select.int64(0);
            change.entity = EntityRef{select.text(1), select.text(2)};
            change.version = select.int64(3);
            change.deleted = select.int64(4) != 0;
            change.fields = decodeFieldMap(select.text(5));
            out.push_back(std::move(change));
        }
    } catch (...) {
        select.reset();
        throw;
    }
    select.reset();
    return out;
}

std::vector<kep::cases::HistoryEntry> SqliteSyncServerStore::history(const EntityRef& ref) {
    auto select = db_.prepare(
        "SELECT from_status, to_status, actor_id, actor_role, at_ms, reason "
        "FROM sync_case_history WHERE entity_type = ?1 AND entity_id = ?2 ORDER BY entry_no");
    select.bind(1, ref.type).bind(2, ref.id);
    std::vector<kep::cases::HistoryEntry> out;
    while (select.step()) {
        kep::cases::HistoryEntry entry;
        entry.from = kep::cases::caseStatusFromString(select.text(0)).value();
        entry.to = kep::cases::caseStatusFromString(select.text(1)).value();
        entry.actorId = select.text(2);
        entry.role = kep::cases::actorRoleFromString(select.text(3)).value();
        entry.at = kep::cases::Instant{std::chrono::milliseconds{select.int64(4)}};
        entry.reason = select.text(5);
        out.push_back(std::move(entry));
    }
    return out;
}

std::vector<EntityRow> SqliteSyncServerStore::entitiesIn(std::string_view bucket) {
    auto select = db_.prepare(
        "SELECT entity_type, entity_id, version, state FROM sync_entity WHERE bucket = ?1 "
        "ORDER BY entity_type, entity_id");
    select.bind(1, bucket);
    std::vector<EntityRow> out;
    while (select.step()) {
        EntityRow row;
        row.ref = EntityRef{select.text(0), select.text(1)};
        row.bucket = std::string{bucket};
        row.version = select.int64(2);
        row.fields = decodeEntityState(select.text(3));
        out.push_back(std::move(row));
    }
    return out;
}

std::int64_t SqliteSyncServerStore::storedResultCount() {
    auto select = db_.prepare("SELECT count(*) FROM sync_result");
    return singleInt(select);
}

}  // namespace kep::server::sync
