#include "sync/DeskReplicaStore.h"

#include "shared/sync/SyncServerCore.h"
#include "sync/CaseReplica.h"
#include "sync/ConflictStore.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <set>
#include <stdexcept>
#include <vector>

namespace kep::desk::sync {

namespace {

using kep::sync::Change;
using kep::sync::EntityRef;
using kep::sync::FieldMap;

constexpr std::string_view kOfficePrefix = "office:";

// Where this desk keeps an entity of a bucket: cases and conflicts of its office in their own
// tables, anything else as sent.
enum class Kept { Case, Conflict, AsSent };

// One entity's changes of a batch, folded in order.
struct Folded {
    EntityRef ref;
    Kept kept = Kept::AsSent;
    std::int64_t version = 0;
    FieldMap fields;
    bool deleted = false;
    bool changed = false;
};

// The statement, reset with its bindings cleared: ready for this use.
kep::db::Statement& fresh(kep::db::Statement& st) {
    st.reset();
    return st;
}

Kept keptAs(bool office, const EntityRef& ref) {
    if (office && ref.type == kep::sync::kCaseType) {
        return Kept::Case;
    }
    if (office && ref.type == kep::sync::kConflictType) {
        return Kept::Conflict;
    }
    return Kept::AsSent;
}

QJsonObject jsonOf(const FieldMap& fields) {
    QJsonObject object;
    for (const auto& [name, value] : fields) {
        object.insert(QString::fromStdString(name), QString::fromStdString(value));
    }
    return object;
}

}  // namespace

struct DeskReplicaStore::Statements {
    explicit Statements(kep::db::Database& db)
        : cases(db)
        , cursor(db.prepare("SELECT seq FROM sync_cursor WHERE bucket = ?1"))
        , putCursor(db.prepare("INSERT INTO sync_cursor (bucket, seq) VALUES (?1, ?2) "
                               "ON CONFLICT (bucket) DO UPDATE SET seq = excluded.seq"))
        , anyPending(db.prepare("SELECT EXISTS (SELECT 1 FROM outbox WHERE state = 'pending')"))
        , pendingOps(db.prepare("SELECT kind, payload FROM outbox WHERE entity_type = ?1 "
                                "AND entity_id = ?2 AND state = 'pending'"))
        , keptVersion(db.prepare("SELECT version FROM replica_entity WHERE entity_type = ?1 "
                                 "AND entity_id = ?2"))
        , keptFields(db.prepare("SELECT fields FROM replica_entity WHERE entity_type = ?1 "
                                "AND entity_id = ?2"))
        , keep(db.prepare(
              "INSERT INTO replica_entity (entity_type, entity_id, bucket, version, fields) "
              "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (entity_type, entity_id) DO UPDATE SET "
              "bucket = excluded.bucket, version = excluded.version, fields = excluded.fields")) {}

    CaseReplica cases;
    kep::db::Statement cursor;
    kep::db::Statement putCursor;
    kep::db::Statement anyPending;
    kep::db::Statement pendingOps;
    kep::db::Statement keptVersion;
    kep::db::Statement keptFields;
    kep::db::Statement keep;

    bool outboxHasPending() {
        auto& st = fresh(anyPending);
        const bool any = st.step() && st.int64(0) != 0;
        st.reset();
        return any;
    }

    // The fields that ops still waiting in the outbox write on the entity: a transition writes
    // the status (and its reason).
    std::set<std::string> pendingFields(const EntityRef& ref) {
        auto& st = fresh(pendingOps);
        st.bind(1, ref.type).bind(2, ref.id);
        std::set<std::string> fields;
        while (st.step()) {
            if (st.text(0) == kep::sync::toString(kep::sync::OpKind::Transition)) {
                fields.insert(case_field::kStatus);
                fields.insert(case_field::kStatusReason);
                continue;
            }
            const QJsonObject payload =
                QJsonDocument::fromJson(QByteArray::fromStdString(st.text(1))).object();
            const QJsonObject written = payload.value(QStringLiteral("fields")).toObject();
            for (auto it = written.begin(); it != written.end(); ++it) {
                fields.insert(it.key().toStdString());
            }
        }
        st.reset();
        return fields;
    }

    std::int64_t storedVersion(kep::db::Database& db, Kept kept, const EntityRef& ref) {
        switch (kept) {
            case Kept::Case:
                return cases.version(ref.id).value_or(0);
            case Kept::Conflict:
                return ConflictStore(db).version(ref.id).value_or(0);
            case Kept::AsSent:
                break;
        }
        auto& st = fresh(keptVersion);
        st.bind(1, ref.type).bind(2, ref.id);
        const std::int64_t version = st.step() ? st.int64(0) : 0;
        st.reset();
        return version;
    }

    // An entity this build keeps only as sent: its fields merged into the stored ones.
    void keepAsSent(std::string_view bucket, const Folded& entity) {
        auto& st = fresh(keptFields);
        st.bind(1, entity.ref.type).bind(2, entity.ref.id);
        QJsonObject fields;
        if (st.step()) {
            fields = QJsonDocument::fromJson(QByteArray::fromStdString(st.text(0))).object();
        }
        st.reset();
        const QJsonObject sent = jsonOf(entity.fields);
        for (auto it = sent.begin(); it != sent.end(); ++it) {
            fields.insert(it.key(), it.value());
        }
        fresh(keep)
            .bind(1, entity.ref.type)
            .bind(2, entity.ref.id)
            .bind(3, bucket)
            .bind(4, entity.version)
            .bind(5, QJsonDocument(fields).toJson(QJsonDocument::Compact).toStdString())
            .run();
    }
};

DeskReplicaStore::DeskReplicaStore(kep::db::Database& db, Clock clock)
    : db_(db)
    , clock_(std::move(clock))
    , sql_(std::make_unique<Statements>(db)) {}

DeskReplicaStore::~DeskReplicaStore() = default;

std::int64_t DeskReplicaStore::cursor(std::string_view bucket) const {
    auto& st = fresh(sql_->cursor);
    st.bind(1, bucket);
    const std::int64_t seq = st.step() ? st.int64(0) : 0;
    st.reset();
    return seq;
}

void DeskReplicaStore::applyPulled(std::string_view bucket, std::span<const Change> changes,
                                   std::int64_t newCursor) {
    kep::db::Transaction tx(db_);
    if (newCursor < cursor(bucket)) {
        throw std::logic_error("replica: a pull may not move the cursor of " + std::string(bucket) +
                               " back");
    }
    const bool office = bucket.starts_with(kOfficePrefix);
    const std::string officeCode(office ? bucket.substr(kOfficePrefix.size()) : "");
    std::vector<Folded> entities;
    std::map<EntityRef, std::size_t> index;
    for (const Change& change : changes) {
        auto [at, added] = index.try_emplace(change.entity, entities.size());
        if (added) {
            Folded folded;
            folded.ref = change.entity;
            folded.kept = keptAs(office, change.entity);
            folded.version = sql_->storedVersion(db_, folded.kept, change.entity);
            entities.push_back(std::move(folded));
        }
        Folded& folded = entities[at->second];
        if (change.version <= folded.version) {
            continue;  // this desk has it already
        }
        folded.version = change.version;
        folded.changed = true;
        if (change.deleted) {
            folded.deleted = true;
            folded.fields.clear();
            continue;
        }
        folded.deleted = false;
        for (const auto& [name, value] : change.fields) {
            folded.fields[name] = value;
        }
    }

    const kep::cases::Instant now = clock_();
    ConflictStore conflicts(db_);
    // A desk that waits on nothing (a fresh one bootstrapping) skips the per-entity look-up.
    const bool outboxHasPending = sql_->outboxHasPending();
    for (Folded& entity : entities) {
        if (!entity.changed) {
            continue;
        }
        if (outboxHasPending) {
            for (const std::string& field : sql_->pendingFields(entity.ref)) {
                entity.fields.erase(field);
            }
        }
        if (entity.kept == Kept::AsSent) {
            sql_->keepAsSent(bucket, entity);
        } else if (entity.kept == Kept::Conflict) {
            if (entity.deleted) {
                conflicts.forget(entity.ref.id);
            } else {
                conflicts.put(entity.ref.id, std::string(bucket), entity.version, entity.fields);
            }
        } else if (entity.deleted) {
            sql_->cases.remove(entity.ref.id);
        } else if (sql_->cases.write({entity.ref.id, officeCode, entity.fields, entity.version},
                                     now) == CaseWriteOutcome::NotACaseYet) {
            sql_->keepAsSent(bucket, entity);
        }
    }

    fresh(sql_->putCursor).bind(1, bucket).bind(2, newCursor).run();
    tx.commit();
}

}  // namespace kep::desk::sync
