#include "sync/PgSyncServerStore.h"

#include <libpq-fe.h>

#include <charconv>
#include <limits>
#include <memory>
#include <set>
#include <stdexcept>

#include "shared/audit/MerkleTree.h"
#include "shared/cases/CaseStatus.h"
#include "shared/sync/JsonWriter.h"
#include "storage/pg/CopyText.h"
#include "sync/SyncRowJson.h"

namespace kep::server::sync {

using kep::server::pg::CopyText;
using kep::server::pg::Params;
using kep::sync::Change;
using kep::sync::EntityRef;
using kep::sync::EntityRow;
using kep::sync::JsonWriter;
using kep::sync::LoggedChange;
using kep::sync::StoredResult;

namespace {

kep::domain::Uuid uuidFromBlob(const std::vector<std::uint8_t>& bytes) {
    kep::domain::Uuid::Bytes raw{};
    if (bytes.size() != raw.size()) {
        throw std::runtime_error("sync store: a stored op id is not 16 bytes");
    }
    std::copy(bytes.begin(), bytes.end(), raw.begin());
    return kep::domain::Uuid{raw};
}

void optionalText(CopyText& rows, const std::optional<std::string>& value) {
    if (value) {
        rows.text(*value);
    } else {
        rows.null();
    }
}

void optionalMember(JsonWriter& json, std::string_view name,
                    const std::optional<std::string>& value) {
    if (value) {
        json.stringMember(name, *value);
    }
}

// The statements, prepared once per connection. The writes take a JSON array of rows
// (json_to_recordset): one round trip per table per batch, whatever the batch's size.
struct Sql {
    const char* name;
    const char* text;
};

// A writer's transaction in one round trip: BEGIN, the sync writers' lock (waits for the writer
// holding it to COMMIT), then the counter as that writer committed it — a statement of its own,
// so that READ COMMITTED reads it with a snapshot taken after the lock was granted. The key is a
// constant of this file (PgSyncServerStore.h), not input.
const std::string kBegin = "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(" +
                           std::to_string(kSyncWriterLockKey) +
                           "); SELECT last_seq, last_result FROM sync_counter";
// The audit log's leaves are shared with AuditLog (the reads' entries), which locks this row for
// its own commits: read and locked at flush(), just before they are taken.
constexpr Sql kLeaf{"sync_leaf", "SELECT last_leaf FROM sync_counter FOR UPDATE"};
constexpr Sql kMark{"sync_mark", "SELECT last_seq FROM sync_counter"};
constexpr Sql kSetCounter{
    "sync_set_counter", "UPDATE sync_counter SET last_seq = $1, last_result = $2, last_leaf = $3"};
constexpr Sql kDeviceSeq{
    "sync_device_seq", "SELECT device_no, last_applied_seq FROM sync_device WHERE device_id = $1"};
constexpr Sql kFindResult{
    "sync_find_result",
    "SELECT l.op_id, l.outcome, l.server_version, r.reason FROM sync_result l "
    "JOIN sync_device d ON d.device_no = l.device_no "
    "LEFT JOIN sync_result_reason r ON r.device_no = l.device_no AND r.device_seq = l.device_seq "
    "WHERE d.device_id = $1 AND l.device_seq = $2"};
constexpr Sql kFindEntity{"sync_find_entity",
                          "SELECT bucket, version, state FROM sync_entity "
                          "WHERE entity_type = $1 AND entity_id = $2"};
constexpr Sql kFindEntities{
    "sync_find_entities",
    "SELECT e.entity_type, e.entity_id, e.bucket, e.version, e.state FROM sync_entity e "
    "JOIN json_to_recordset($1::json) AS r(t text, i text) "
    "ON e.entity_type = r.t AND e.entity_id = r.i"};
constexpr Sql kChangesAfter{
    "sync_changes_after",
    "SELECT seq, entity_type, entity_id, version, deleted, fields FROM sync_change "
    "WHERE bucket = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT $4"};
// The devices new to the log, with their numbers (no other writer adds one meanwhile: the lock).
constexpr Sql kAddDevices{"sync_add_devices",
                          "INSERT INTO sync_device (device_id) "
                          "SELECT value FROM json_array_elements_text($1::json) "
                          "ON CONFLICT (device_id) DO NOTHING RETURNING device_id, device_no"};
constexpr Sql kDeviceNos{"sync_device_nos",
                         "SELECT device_id, device_no FROM sync_device "
                         "WHERE device_id IN (SELECT json_array_elements_text($1::json))"};
constexpr Sql kSetDeviceSeqs{
    "sync_set_device_seqs",
    "UPDATE sync_device d SET last_applied_seq = r.s "
    "FROM json_to_recordset($1::json) AS r(d text, s bigint) WHERE d.device_id = r.d"};
// An entity written twice in a batch is sent once, as it ended. k: keep the stored authority
// (see EntityColumns); the update reports which rows existed, the insert adds the others.
constexpr Sql kPutEntities{
    "sync_put_entities",
    "WITH r AS (SELECT * FROM json_to_recordset($1::json) AS x(t text, i text, b text, "
    "v bigint, st text, s text, p text, a text, k boolean)), "
    "u AS (UPDATE sync_entity e SET bucket = r.b, version = r.v, status = r.st, state = r.s, "
    "protocol_number = r.p, authority_id = CASE WHEN r.k THEN e.authority_id ELSE r.a END "
    "FROM r WHERE e.entity_type = r.t AND e.entity_id = r.i "
    "RETURNING e.entity_type, e.entity_id) "
    "INSERT INTO sync_entity (entity_type, entity_id, bucket, version, status, state, "
    "protocol_number, authority_id) SELECT r.t, r.i, r.b, r.v, r.st, r.s, r.p, r.a FROM r "
    "WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.entity_type = r.t AND u.entity_id = r.i)"};
constexpr Sql kKnownEntries{"sync_known_entries",
                            "SELECT entry_id FROM audit_entry "
                            "WHERE entry_id IN (SELECT json_array_elements_text($1::json))"};

// The append-only tables take their rows by COPY: the cheapest insert PostgreSQL has.
constexpr const char* kCopyHistory =
    "COPY sync_case_history (entity_type, entity_id, from_status, to_status, actor_id, "
    "actor_role, at_ms, reason) FROM STDIN";
constexpr const char* kCopyChanges =
    "COPY sync_change (seq, bucket, entity_type, entity_id, version, deleted, fields, caused_by) "
    "FROM STDIN";
// Entities the transaction found absent: inserted outright, the upsert being for the others.
constexpr const char* kCopyEntities =
    "COPY sync_entity (entity_type, entity_id, bucket, version, status, state, protocol_number, "
    "authority_id) FROM STDIN";
constexpr const char* kCopyResults =
    "COPY sync_result (result_no, device_no, device_seq, op_id, outcome, server_version, "
    "first_seq, last_seq, entry_sha256) FROM STDIN";
constexpr const char* kCopyReasons =
    "COPY sync_result_reason (device_no, device_seq, reason) FROM STDIN";
constexpr const char* kCopyEntries =
    "COPY audit_entry (leaf_index, entry_id, at, actor_kind, actor_id, role, office, workstation, "
    "action, record_type, record_id, purpose, outcome, leaf_hash) FROM STDIN";

constexpr const Sql* kStatements[] = {&kLeaf,        &kMark,       &kSetCounter,    &kDeviceSeq,
                                      &kFindResult,  &kFindEntity, &kFindEntities,  &kChangesAfter,
                                      &kAddDevices,  &kDeviceNos,  &kSetDeviceSeqs, &kPutEntities,
                                      &kKnownEntries};

std::string jsonOf(const std::vector<std::string>& texts) {
    JsonWriter json;
    json.beginArray();
    for (const auto& text : texts) {
        json.string(text);
    }
    json.endArray();
    return json.take();
}

using ResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;

bool returnedOneRowOfTwo(const ResultPtr& result) {
    return result && PQresultStatus(result.get()) == PGRES_TUPLES_OK &&
           PQntuples(result.get()) == 1 && PQnfields(result.get()) == 2;
}

// Runs `sql` (a BEGIN and more statements, the last a one-row query of two bigints) in one round
// trip and returns the row: libpq's simple protocol, as pg::Connection's query() and run() send
// only one statement a message. It keeps Connection's recovery protocol (PgConnection.h), as the
// kep::db driver does: a connection that broke since its last use is made again first, and a
// BEGIN that met a connection which had died before it is sent once more on the new one.
std::pair<std::int64_t, std::int64_t> beginLocked(kep::server::pg::Connection& db,
                                                  const std::string& sql) {
    using kep::server::pg::StatementRole;
    ResultPtr result(nullptr, &PQclear);
    for (int attempt = 0; attempt < 2; ++attempt) {
        db.beforeStatement(StatementRole::Begin);
        result.reset(PQexec(db.native(), sql.c_str()));
        if (returnedOneRowOfTwo(result)) {
            break;
        }
        db.afterFailure(result.get());
        if (!db.mayResend()) {
            break;
        }
    }
    if (!returnedOneRowOfTwo(result)) {
        const char* state = result ? PQresultErrorField(result.get(), PG_DIAG_SQLSTATE) : nullptr;
        throw kep::server::pg::PgError(
            state != nullptr ? state : "",
            std::string{"sync store: begin: "} + PQerrorMessage(db.native()));
    }
    const auto number = [&](int column) {
        std::int64_t value = 0;
        const char* text = PQgetvalue(result.get(), 0, column);
        const char* end = text + PQgetlength(result.get(), 0, column);
        if (std::from_chars(text, end, value).ptr != end) {
            throw kep::server::pg::PgError("", "sync store: begin: the counter is not a number");
        }
        return value;
    };
    return {number(0), number(1)};
}

}  // namespace

PgSyncServerStore::PgSyncServerStore(kep::server::pg::Connection& db) : db_(db) {
    for (const Sql* statement : kStatements) {
        db_.prepare(statement->name, statement->text);
    }
}

PgSyncServerStore::~PgSyncServerStore() {
    if (open_) {
        rollback();
    }
}

void PgSyncServerStore::requireOpen() const {
    if (!open_) {
        throw std::logic_error("sync store: no open transaction");
    }
}

void PgSyncServerStore::begin() {
    if (open_) {
        throw std::logic_error("sync store: a transaction is already open");
    }
    open_ = true;
    try {
        const auto [seq, result] = beginLocked(db_, kBegin);
        committedSeq_ = lastSeq_ = seq;
        committedResult_ = lastResult_ = result;
    } catch (...) {
        rollback();
        throw;
    }
    opRecord_.clear();
}

void PgSyncServerStore::commit() {
    requireOpen();
    try {
        flush();
        // COMMIT of a failed transaction answers ROLLBACK: never to be taken for a commit.
        if (db_.query("COMMIT").commandTag() != "COMMIT") {
            throw kep::server::pg::PgError("40000", "sync store: the transaction was rolled back");
        }
    } catch (...) {
        rollback();
        throw;
    }
    open_ = false;
    committedSeq_ = lastSeq_;
    committedResult_ = lastResult_;
    committedLeaf_ = lastLeaf_;
    forgetTransaction();
}

void PgSyncServerStore::rollback() {
    if (db_.inTransaction()) {
        try {
            db_.exec("ROLLBACK");
        } catch (const kep::server::pg::PgError&) {
            // The connection is gone: the server has rolled the transaction back itself.
        }
    }
    open_ = false;
    forgetTransaction();
}

void PgSyncServerStore::markPush() {
    requireOpen();
    PushMark mark;
    mark.changes = pendingChanges_.size();
    mark.history = pendingHistory_.size();
    mark.audit = pendingAudit_.size();
    mark.lastSeq = lastSeq_;
    mark.lastResult = lastResult_;
    mark_ = std::move(mark);
    opRecord_.clear();
}

void PgSyncServerStore::keepPush() {
    requireOpen();
    mark_.reset();
}

void PgSyncServerStore::dropPush() {
    requireOpen();
    if (!mark_) {
        throw std::logic_error("sync store: no push to drop");
    }
    // Undone newest first, so that a key written twice ends as it was before the push.
    for (auto it = mark_->seqs.rbegin(); it != mark_->seqs.rend(); ++it) {
        if (it->second) {
            pendingSeqs_.insert_or_assign(it->first, *it->second);
        } else {
            pendingSeqs_.erase(it->first);
        }
    }
    for (const auto& key : mark_->results) {
        pendingResults_.erase(key);
    }
    for (auto it = mark_->entities.rbegin(); it != mark_->entities.rend(); ++it) {
        if (it->second) {
            pendingEntities_.insert_or_assign(it->first, std::move(*it->second));
        } else {
            pendingEntities_.erase(it->first);
        }
    }
    for (auto entry = pendingAudit_.begin() + static_cast<std::ptrdiff_t>(mark_->audit);
         entry != pendingAudit_.end(); ++entry) {
        pendingAuditIds_.erase(entry->entryId);
    }
    pendingChanges_.resize(mark_->changes);
    pendingHistory_.resize(mark_->history);
    pendingAudit_.resize(mark_->audit);
    lastSeq_ = mark_->lastSeq;
    lastResult_ = mark_->lastResult;
    opRecord_.clear();
    mark_.reset();
}

void PgSyncServerStore::forgetTransaction() {
    pendingSeqs_.clear();
    pendingResults_.clear();
    pendingEntities_.clear();
    fetched_.clear();
    deviceNos_.clear();
    pendingChanges_.clear();
    pendingHistory_.clear();
    pendingAudit_.clear();
    pendingAuditIds_.clear();
    opRecord_.clear();
    mark_.reset();
    lastSeq_ = committedSeq_;
    lastResult_ = committedResult_;
    lastLeaf_ = committedLeaf_;
}

void PgSyncServerStore::numberDevices() {
    std::set<std::string, std::less<>> unknown;
    for (const auto& [device, seq] : pendingSeqs_) {
        if (!deviceNos_.contains(device)) {
            unknown.insert(device);
        }
    }
    for (const auto& [key, pending] : pendingResults_) {
        if (!deviceNos_.contains(pending.deviceId)) {
            unknown.insert(pending.deviceId);
        }
    }
    if (unknown.empty()) {
        return;
    }
    const std::string ids = jsonOf(std::vector<std::string>(unknown.begin(), unknown.end()));
    const auto learn = [this](const kep::server::pg::Result& rows) {
        for (int i = 0; i < rows.rows(); ++i) {
            deviceNos_.insert_or_assign(rows.text(i, 0), rows.int64(i, 1));
        }
    };
    const auto added = db_.run(kAddDevices.name, Params().add(ids));
    learn(added);
    if (static_cast<std::size_t>(added.rows()) != unknown.size()) {
        // Some were there already, though this transaction never read their sequence.
        learn(db_.run(kDeviceNos.name, Params().add(ids)));
    }
}

std::int64_t PgSyncServerStore::deviceNo(std::string_view deviceId) const {
    const auto found = deviceNos_.find(deviceId);
    if (found == deviceNos_.end()) {
        throw std::logic_error("sync store: a device without a number");
    }
    return found->second;
}

// Where the time goes (bench_server_sync_pg): the server parsing JSON and hash-joining it was a
// third of the backend's work, COPY's text the cheapest input it has. So every row known to be
// new goes by COPY — the results and reasons (the device numbers are read with the device's
// sequence), the entities the transaction found absent — and only updates of existing entities
// and devices go through a set-based statement.
void PgSyncServerStore::flush() {
    numberDevices();
    if (!pendingSeqs_.empty()) {
        JsonWriter json;
        json.beginArray();
        for (const auto& [device, seq] : pendingSeqs_) {
            json.beginObject().stringMember("d", device).numberMember("s", seq).endObject();
        }
        db_.run(kSetDeviceSeqs.name, Params().add(json.endArray().take()));
    }
    if (!pendingEntities_.empty()) {
        flushEntities();
    }
    if (!pendingHistory_.empty()) {
        // COPY keeps the rows' order, hence entry_no's.
        CopyText rows(pendingHistory_.size() * 96);
        for (const auto& [ref, entry] : pendingHistory_) {
            rows.text(ref.type)
                .text(ref.id)
                .text(kep::cases::toString(entry.from))
                .text(kep::cases::toString(entry.to))
                .text(entry.actorId)
                .text(kep::cases::toString(entry.role))
                .number(static_cast<std::int64_t>(entry.at.time_since_epoch().count()))
                .text(entry.reason)
                .endRow();
        }
        db_.copyIn(kCopyHistory, rows.data());
    }
    if (!pendingChanges_.empty()) {
        CopyText rows(pendingChanges_.size() * 256);
        for (const auto& pending : pendingChanges_) {
            const Change& change = pending.logged.change;
            rows.number(pending.seq)
                .text(pending.logged.bucket)
                .text(change.entity.type)
                .text(change.entity.id)
                .number(change.version)
                .number(change.deleted ? 1 : 0)
                .text(pending.fields);
            if (pending.logged.causedBy) {
                const auto& id = pending.logged.causedBy->bytes();
                rows.bytes(id.data(), id.size());
            } else {
                rows.null();
            }
            rows.endRow();
        }
        db_.copyIn(kCopyChanges, rows.data());
    }
    if (!pendingResults_.empty()) {
        flushResults();
    }
    if (lastSeq_ == committedSeq_ && lastResult_ == committedResult_ && pendingAudit_.empty()) {
        return;  // nothing numbered: the counter's row is left alone
    }
    // The row is locked from here to COMMIT only: an audited read waits for this flush, not for
    // the whole transaction (a commit group's stays open while its pushes run).
    committedLeaf_ = lastLeaf_ = db_.run(kLeaf.name).int64(0, 0);
    if (!pendingAudit_.empty()) {
        flushAudit();
    }
    db_.run(kSetCounter.name, Params().add(lastSeq_).add(lastResult_).add(lastLeaf_));
}

void PgSyncServerStore::flushEntities() {
    CopyText fresh(pendingEntities_.size() * 1024);
    JsonWriter stored;
    stored.beginArray();
    bool anyStored = false;
    for (const auto& [key, pending] : pendingEntities_) {
        const EntityRow& row = pending.row;
        const std::string state = encodeEntityState(row.fields);
        if (const auto known = fetched_.find(key); known != fetched_.end() && !known->second) {
            fresh.text(row.ref.type).text(row.ref.id).text(row.bucket).number(row.version);
            optionalText(fresh, pending.columns.status);
            fresh.text(state);
            optionalText(fresh, pending.columns.protocolNumber);
            optionalText(fresh, pending.columns.authorityId);
            fresh.endRow();
            continue;
        }
        anyStored = true;
        stored.beginObject()
            .stringMember("t", row.ref.type)
            .stringMember("i", row.ref.id)
            .stringMember("b", row.bucket)
            .numberMember("v", row.version)
            .stringMember("s", state)
            .booleanMember("k", pending.columns.keepAuthority);
        optionalMember(stored, "st", pending.columns.status);
        optionalMember(stored, "p", pending.columns.protocolNumber);
        optionalMember(stored, "a", pending.columns.authorityId);
        stored.endObject();
    }
    if (anyStored) {
        db_.run(kPutEntities.name, Params().add(stored.endArray().take()));
    }
    if (!fresh.empty()) {
        db_.copyIn(kCopyEntities, fresh.data());
    }
}

void PgSyncServerStore::flushAudit() {
    std::set<std::string, std::less<>> known;
    const auto found =
        db_.run(kKnownEntries.name, Params().add(jsonOf(std::vector<std::string>(
                                        pendingAuditIds_.begin(), pendingAuditIds_.end()))));
    for (int i = 0; i < found.rows(); ++i) {
        known.insert(found.text(i, 0));
    }
    CopyText rows(pendingAudit_.size() * 300);
    for (const auto& entry : pendingAudit_) {
        // Known already (a desk sending its entries again): skipped, and the leaf indices stay
        // dense, taken here in the order the entries came.
        if (known.contains(entry.entryId)) {
            continue;
        }
        const auto leaf = kep::audit::leafHash(kep::audit::canonicalBytes(entry));
        rows.number(++lastLeaf_)
            .text(entry.entryId)
            .text(entry.at)
            .text(entry.actorKind)
            .text(entry.actorId)
            .text(entry.role)
            .text(entry.office)
            .text(entry.workstation)
            .text(entry.action)
            .text(entry.recordType)
            .text(entry.recordId)
            .text(entry.purpose)
            .text(entry.outcome)
            .bytes(leaf.data(), leaf.size())
            .endRow();
    }
    if (!rows.empty()) {
        db_.copyIn(kCopyEntries, rows.data());
    }
}

void PgSyncServerStore::flushResults() {
    CopyText results(pendingResults_.size() * 160);
    CopyText reasons;
    for (const auto& [key, pending] : pendingResults_) {
        const std::int64_t device = deviceNo(pending.deviceId);
        const auto& opId = pending.result.opId.bytes();
        results.number(pending.resultNo)
            .number(device)
            .number(pending.deviceSeq)
            .bytes(opId.data(), opId.size())
            .number(outcomeCode(pending.result.outcome));
        if (pending.result.serverVersion) {
            results.number(*pending.result.serverVersion);
        } else {
            results.null();
        }
        if (pending.firstSeq != 0) {
            results.number(pending.firstSeq).number(pending.lastSeq);
        } else {
            results.null().null();
        }
        results.bytes(pending.digest.data(), pending.digest.size()).endRow();
        if (!pending.result.reason.empty()) {
            reasons.number(device).number(pending.deviceSeq).text(pending.result.reason).endRow();
        }
    }
    db_.copyIn(kCopyResults, results.data());
    if (!reasons.empty()) {
        db_.copyIn(kCopyReasons, reasons.data());
    }
}

std::int64_t PgSyncServerStore::lastAppliedSeq(std::string_view deviceId) {
    requireOpen();
    if (const auto pending = pendingSeqs_.find(deviceId); pending != pendingSeqs_.end()) {
        return pending->second;
    }
    const auto row = db_.run(kDeviceSeq.name, Params().add(deviceId));
    if (row.rows() == 0) {
        return 0;
    }
    deviceNos_.insert_or_assign(std::string{deviceId}, row.int64(0, 0));
    return row.int64(0, 1);
}

void PgSyncServerStore::setLastAppliedSeq(std::string_view deviceId, std::int64_t seq) {
    requireOpen();
    auto [it, added] = pendingSeqs_.try_emplace(std::string{deviceId}, seq);
    if (mark_) {
        mark_->seqs.emplace_back(it->first, added ? std::nullopt : std::optional{it->second});
    }
    it->second = seq;
}

std::optional<StoredResult> PgSyncServerStore::result(std::string_view deviceId, std::int64_t seq) {
    requireOpen();
    if (const auto pending = pendingResults_.find({std::string{deviceId}, seq});
        pending != pendingResults_.end()) {
        return pending->second.result;
    }
    const auto row = db_.run(kFindResult.name, Params().add(deviceId).add(seq));
    if (row.rows() == 0) {
        return std::nullopt;
    }
    StoredResult stored;
    stored.opId = uuidFromBlob(row.blob(0, 0));
    stored.outcome = outcomeFromCode(row.int64(0, 1));
    stored.serverVersion = row.optionalInt64(0, 2);
    stored.reason = row.optionalText(0, 3).value_or(std::string{});
    return stored;
}

void PgSyncServerStore::putResult(std::string_view deviceId, std::int64_t seq,
                                  const StoredResult& result) {
    requireOpen();
    PendingResult pending;
    pending.deviceId = std::string{deviceId};
    pending.deviceSeq = seq;
    pending.result = result;
    pending.firstSeq = opRecord_.firstSeq();
    pending.lastSeq = opRecord_.lastSeq();
    pending.digest = opRecord_.finish(deviceId, seq, result);  // checks the outcome, too
    const auto [it, added] =
        pendingResults_.try_emplace({pending.deviceId, seq}, std::move(pending));
    if (!added) {
        throw std::logic_error("sync store: a result for this device sequence is already stored");
    }
    it->second.resultNo = ++lastResult_;
    if (mark_) {
        mark_->results.push_back(it->first);
    }
}

std::optional<EntityRow> PgSyncServerStore::entity(const EntityRef& ref) {
    requireOpen();
    if (const auto pending = pendingEntities_.find({ref.type, ref.id});
        pending != pendingEntities_.end()) {
        return pending->second.row;
    }
    if (const auto known = fetched_.find({ref.type, ref.id}); known != fetched_.end()) {
        return known->second;
    }
    const auto found = db_.run(kFindEntity.name, Params().add(ref.type).add(ref.id));
    if (found.rows() == 0) {
        fetched_.try_emplace({ref.type, ref.id});  // known absent: flushEntities() may COPY it
        return std::nullopt;
    }
    EntityRow row;
    row.ref = ref;
    row.bucket = found.text(0, 0);
    row.version = found.int64(0, 1);
    row.fields = decodeEntityState(found.text(0, 2));
    return row;
}

void PgSyncServerStore::prefetchEntities(std::span<const EntityRef> refs) {
    requireOpen();
    if (refs.empty()) {
        return;
    }
    JsonWriter json(refs.size() * 64);
    json.beginArray();
    for (const EntityRef& ref : refs) {
        fetched_.try_emplace({ref.type, ref.id});  // absent unless the query finds it
        json.beginObject().stringMember("t", ref.type).stringMember("i", ref.id).endObject();
    }
    const auto rows = db_.run(kFindEntities.name, Params().add(json.endArray().take()));
    for (int i = 0; i < rows.rows(); ++i) {
        EntityRow row;
        row.ref = EntityRef{rows.text(i, 0), rows.text(i, 1)};
        row.bucket = rows.text(i, 2);
        row.version = rows.int64(i, 3);
        row.fields = decodeEntityState(rows.text(i, 4));
        fetched_[{row.ref.type, row.ref.id}] = std::move(row);
    }
}

void PgSyncServerStore::putEntity(const EntityRow& row) {
    requireOpen();
    EntityColumns columns = entityColumns(row);
    auto [it, added] = pendingEntities_.try_emplace({row.ref.type, row.ref.id});
    if (!added && columns.keepAuthority) {
        // Kept across this batch's earlier write: whatever that one left is what stays.
        columns.authorityId = it->second.columns.authorityId;
        columns.keepAuthority = it->second.columns.keepAuthority;
    }
    if (mark_) {
        mark_->entities.emplace_back(it->first,
                                     added ? std::nullopt : std::optional{std::move(it->second)});
    }
    it->second = PendingEntity{row, std::move(columns)};
}

void PgSyncServerStore::appendHistory(const EntityRef& ref, const kep::cases::HistoryEntry& entry) {
    requireOpen();
    pendingHistory_.push_back({ref, entry});
}

std::int64_t PgSyncServerStore::appendChange(LoggedChange logged) {
    requireOpen();
    const std::int64_t seq = ++lastSeq_;
    std::string fields = encodeFieldMap(logged.change.fields);
    opRecord_.addChange(seq, logged.bucket, logged.change, fields);
    pendingChanges_.push_back({seq, std::move(logged), std::move(fields)});
    return seq;
}

void PgSyncServerStore::appendAudit(std::span<const kep::audit::AuditEntry> entries) {
    requireOpen();
    // Every entry is checked before the first is written: a bad batch leaves no trace.
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (const auto problem = kep::audit::problemWith(entries[i])) {
            throw std::invalid_argument("audit entry " + std::to_string(i + 1) + " of " +
                                        std::to_string(entries.size()) + ": " + *problem);
        }
    }
    if (entries.empty()) {
        return;
    }
    for (const auto& entry : entries) {
        // Twice in this transaction: kept once. Those the log holds already are left out at
        // flushAudit(), in one look-up for the whole transaction.
        if (pendingAuditIds_.insert(entry.entryId).second) {
            pendingAudit_.push_back(entry);
        }
    }
}

std::int64_t PgSyncServerStore::safeHighWaterMark() {
    // Inside this store's own transaction: the counter as it was committed when it began.
    if (open_) {
        return committedSeq_;
    }
    return db_.run(kMark.name).int64(0, 0);
}

std::vector<Change> PgSyncServerStore::changesAfter(std::string_view bucket, std::int64_t after,
                                                    std::int64_t upTo, std::size_t limit) {
    std::vector<Change> out;
    const auto bound = static_cast<std::int64_t>(
        std::min<std::size_t>(limit, std::numeric_limits<std::int64_t>::max()));
    if (bound == 0) {
        return out;
    }
    const auto rows =
        db_.run(kChangesAfter.name, Params().add(bucket).add(after).add(upTo).add(bound));
    out.reserve(static_cast<std::size_t>(rows.rows()));
    for (int i = 0; i < rows.rows(); ++i) {
        Change change;
        change.seq = rows.int64(i, 0);
        change.entity = EntityRef{rows.text(i, 1), rows.text(i, 2)};
        change.version = rows.int64(i, 3);
        change.deleted = rows.int64(i, 4) != 0;
        change.fields = decodeFieldMap(rows.text(i, 5));
        out.push_back(std::move(change));
    }
    return out;
}

std::vector<kep::cases::HistoryEntry> PgSyncServerStore::history(const EntityRef& ref) {
    const auto rows = db_.query(
        "SELECT from_status, to_status, actor_id, actor_role, at_ms, reason "
        "FROM sync_case_history WHERE entity_type = $1 AND entity_id = $2 ORDER BY entry_no",
        Params().add(ref.type).add(ref.id));
    std::vector<kep::cases::HistoryEntry> out;
    for (int i = 0; i < rows.rows(); ++i) {
        kep::cases::HistoryEntry entry;
        entry.from = kep::cases::caseStatusFromString(rows.text(i, 0)).value();
        entry.to = kep::cases::caseStatusFromString(rows.text(i, 1)).value();
        entry.actorId = rows.text(i, 2);
        entry.role = kep::cases::actorRoleFromString(rows.text(i, 3)).value();
        entry.at = kep::cases::Instant{std::chrono::milliseconds{rows.int64(i, 4)}};
        entry.reason = rows.text(i, 5);
        out.push_back(std::move(entry));
    }
    return out;
}

std::vector<EntityRow> PgSyncServerStore::entitiesIn(std::string_view bucket) {
    const auto rows = db_.query(
        "SELECT entity_type, entity_id, version, state FROM sync_entity WHERE bucket = $1 "
        "ORDER BY entity_type, entity_id",
        Params().add(bucket));
    std::vector<EntityRow> out;
    for (int i = 0; i < rows.rows(); ++i) {
        EntityRow row;
        row.ref = EntityRef{rows.text(i, 0), rows.text(i, 1)};
        row.bucket = std::string{bucket};
        row.version = rows.int64(i, 2);
        row.fields = decodeEntityState(rows.text(i, 3));
        out.push_back(std::move(row));
    }
    return out;
}

std::int64_t PgSyncServerStore::storedResultCount() {
    return db_.query("SELECT count(*) FROM sync_result").int64(0, 0);
}

std::int64_t PgSyncServerStore::auditEntryCount() {
    return db_.query("SELECT count(*) FROM audit_entry").int64(0, 0);
}

}  // namespace kep::server::sync
