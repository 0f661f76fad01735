#include "shared/sync/SyncServerCore.h"

#include <algorithm>
#include <stdexcept>
#include <tuple>

#include "shared/cases/CaseLifecycle.h"
#include "shared/cases/CaseStatus.h"
#include "shared/sync/OpAuditEntry.h"

namespace kep::sync {

namespace {

namespace cf = case_fields;

OpResult rejected(const OutboxOp& op, std::string reason) {
    OpResult r;
    r.opId = op.opId;
    r.deviceSeq = op.deviceSeq;
    r.outcome = OpOutcome::Rejected;
    r.reason = std::move(reason);
    return r;
}

OpResult done(const OutboxOp& op, OpOutcome outcome, std::int64_t version,
              std::string reason = {}) {
    OpResult r;
    r.opId = op.opId;
    r.deviceSeq = op.deviceSeq;
    r.outcome = outcome;
    r.serverVersion = version;
    r.reason = std::move(reason);
    return r;
}

FieldState written(const OutboxOp& op, const domain::HlcTimestamp& hlc, std::string value,
                   std::int64_t version) {
    return FieldState{std::move(value), version, hlc, op.deviceId, op.actor.id};
}

bool isCaseOwnedField(std::string_view name) {
    return name == cf::kStatus || name == cf::kStatusReason || name == cf::kFiledBy ||
           name == cf::kStatusActor || name == cf::kStatusRole || name == cf::kStatusAt;
}

// The fields a status change writes besides the status: what pulled desks need for the history.
void recordStatusChange(FieldMap& fields, const cases::HistoryEntry& entry) {
    fields[std::string{cf::kStatusActor}] = entry.actorId;
    fields[std::string{cf::kStatusRole}] = std::string{cases::toString(entry.role)};
    fields[std::string{cf::kStatusAt}] = std::to_string(entry.at.time_since_epoch().count());
}

bool isConflictWritableField(std::string_view name) {
    return name == "state" || name == "resolution" || name == "resolved_by";
}

std::string valueOr(const EntityRow& row, std::string_view name, std::string fallback) {
    const auto it = row.fields.find(std::string{name});
    return it == row.fields.end() ? fallback : it->second.value;
}

}  // namespace

SyncServerCore::SyncServerCore(SyncServerStore& store, WriteAuthority authority,
                               domain::HybridLogicalClock::PhysicalClock clock)
    : store_(store)
    , authority_(std::move(authority))
    , physical_(clock)
    , hlc_(std::move(clock)) {}

PushResponse SyncServerCore::push(std::string_view deviceId, const PushRequest& request) {
    if (request.deviceId != deviceId) {
        throw std::invalid_argument("sync push: the request names another device");
    }
    checkDeskAudit(deviceId, request);
    PushResponse response;
    response.protocol = request.protocol;
    response.results.reserve(request.ops.size());
    std::vector<audit::AuditEntry> entries;
    entries.reserve(request.ops.size() + request.audit.size());
    store_.begin();
    try {
        const std::int64_t before = store_.lastAppliedSeq(deviceId);
        std::vector<EntityRef> named;
        named.reserve(request.ops.size());
        for (const OutboxOp& op : request.ops) {
            if (op.deviceSeq > before) {
                named.push_back(op.entity);
            }
        }
        store_.prefetchEntities(named);
        std::int64_t last = before;
        bool gap = false;
        for (const OutboxOp& op : request.ops) {
            if (op.deviceId != deviceId) {
                throw std::invalid_argument("sync push: an op names another device");
            }
            if (gap) {
                OpResult r = rejected(op, "after_gap: an earlier op of this batch was not applied");
                r.outcome = OpOutcome::Deferred;
                response.results.push_back(std::move(r));
                continue;
            }
            if (op.deviceSeq <= last) {
                const auto stored = store_.result(deviceId, op.deviceSeq);
                if (!stored || stored->opId != op.opId) {
                    response.results.push_back(rejected(
                        op, "sequence_reused: this device applied another op with this sequence"));
                    continue;
                }
                OpResult r;
                r.opId = op.opId;
                r.deviceSeq = op.deviceSeq;
                r.outcome = OpOutcome::Duplicate;
                r.original = stored->outcome;
                r.reason = stored->reason;
                r.serverVersion = stored->serverVersion;
                response.results.push_back(std::move(r));
                continue;
            }
            if (op.deviceSeq > last + 1) {
                OpResult r = rejected(
                    op, "sequence_gap: expected sequence " + std::to_string(last + 1) + " first");
                r.outcome = OpOutcome::Deferred;
                response.results.push_back(std::move(r));
                gap = true;
                continue;
            }
            audit::AuditEntry entry = auditEntryFor(op, OpOutcome::Applied, physical_());
            const auto unauditable = audit::problemWith(entry);
            OpResult r = unauditable ? rejected(op, "unauditable_op: " + *unauditable) : apply(op);
            store_.putResult(deviceId, op.deviceSeq,
                             StoredResult{op.opId, r.outcome, r.reason, r.serverVersion});
            if (!unauditable) {
                entry.outcome = toString(r.outcome);
                entries.push_back(std::move(entry));
            }
            last = op.deviceSeq;
            response.results.push_back(std::move(r));
        }
        if (last != before) {
            store_.setLastAppliedSeq(deviceId, last);
        }
        entries.insert(entries.end(), request.audit.begin(), request.audit.end());
        if (!entries.empty()) {
            store_.appendAudit(entries);
        }
        store_.commit();
        response.lastAppliedSeq = last;
    } catch (...) {
        store_.rollback();
        throw;
    }
    response.serverHlc = hlc_.now();
    return response;
}

void SyncServerCore::checkDeskAudit(std::string_view deviceId, const PushRequest& request) const {
    for (std::size_t i = 0; i < request.audit.size(); ++i) {
        const audit::AuditEntry& entry = request.audit[i];
        const std::string where = "push: audit[" + std::to_string(i) + "]: ";
        if (entry.workstation != deviceId) {
            throw PushRefused(where + "workstation: not the pushing device");
        }
        if (entry.actorKind != "user") {
            throw PushRefused(where + "actorKind: a desk records what its users do (user)");
        }
        const auto role = cases::actorRoleFromString(entry.role);
        if (!role) {
            throw PushRefused(where + "role: not a role that works at a desk");
        }
        // Who the entry names is not checked against today's users: a read made offline by a
        // clerk disabled since is still a fact to record, and refusing it would block that desk's
        // pushes for good. The entry is bound to the authenticated device and its office instead.
        const std::string bucket = "office:" + entry.office;
        if (entry.office.empty() ||
            (authority_.mayWriteBucket && !authority_.mayWriteBucket(deviceId, bucket))) {
            throw PushRefused(where + "office: not the device's office");
        }
    }
}

OpResult SyncServerCore::apply(const OutboxOp& op) {
    if (authority_.mayWriteBucket && !authority_.mayWriteBucket(op.deviceId, op.bucket)) {
        return rejected(op, "bucket_forbidden: this device may not write to " + op.bucket);
    }
    if (authority_.mayActAs && !authority_.mayActAs(op.deviceId, op.actor)) {
        return rejected(op, "actor_forbidden: the op's user may not work at this device");
    }
    // A desk clock far ahead must not win every clash: its HLC is clamped to 60 s ahead.
    const auto received = hlc_.update(op.hlc);
    domain::HlcTimestamp hlc = op.hlc;
    if (received.clamped) {
        hlc = received.timestamp;
        ++clampedOps_;
    }
    switch (op.kind) {
        case OpKind::Create:
            return create(op, hlc);
        case OpKind::SetFields:
            return setFields(op, hlc);
        case OpKind::Transition:
            return transition(op, hlc);
    }
    return rejected(op, "unknown_kind");
}

OpResult SyncServerCore::create(const OutboxOp& op, const domain::HlcTimestamp& hlc) {
    if (op.entity.type == kConflictType) {
        return rejected(op, "server_owned_type: conflicts are made by the server only");
    }
    if (store_.entity(op.entity)) {
        return rejected(op, "entity_exists: an entity with this id exists");
    }
    EntityRow row;
    row.ref = op.entity;
    row.bucket = op.bucket;
    row.version = 1;
    FieldMap fields = op.fields;
    std::vector<cases::HistoryEntry> history;
    if (op.entity.type == kCaseType) {
        for (const auto& [name, value] : fields) {
            if (name != cf::kStatus && isCaseOwnedField(name)) {
                return rejected(op, "reserved_field: " + name + " is set by the server");
            }
        }
        auto& status = fields[std::string{cf::kStatus}];
        if (status.empty()) {
            status = cases::toString(cases::CaseStatus::Draft);
        }
        const auto parsed = cases::caseStatusFromString(status);
        if (parsed != cases::CaseStatus::Draft && parsed != cases::CaseStatus::Submitted &&
            parsed != cases::CaseStatus::PendingApproval) {
            return rejected(op,
                            "bad_initial_status: a case starts as draft, submitted or "
                            "pending_approval");
        }
        auto& approval = fields[std::string{cf::kRequiresApproval}];
        if (approval.empty()) {
            approval = "true";
        }
        if (approval != "true" && approval != "false") {
            return rejected(op, "bad_field: requires_approval is true or false");
        }
        // Filed in one op: the lifecycle takes the steps a desk of the previous protocol sent
        // as transitions, each checked, each a history entry.
        cases::Case filed{cases::CaseStatus::Draft, op.actor.id, approval == "true"};
        cases::FilingSteps filing = cases::fileAs(filed, op.actor, *parsed, now());
        if (!filing.ok()) {
            return rejected(op, std::string{filing.result.code()} + ": " + filing.result.message);
        }
        history = std::move(filing.entries);
        if (history.empty()) {
            // Kept a draft: the first entry still says who opened the case, and when.
            history.push_back(
                {cases::CaseStatus::Draft, *parsed, op.actor.id, op.actor.role, now(), {}});
        }
        fields[std::string{cf::kFiledBy}] = op.actor.id;
        recordStatusChange(fields, history.back());
    }
    for (const auto& [name, value] : fields) {
        row.fields.emplace(name, written(op, hlc, value, row.version));
    }
    store_.putEntity(row);
    for (const cases::HistoryEntry& entry : history) {
        store_.appendHistory(row.ref, entry);
    }
    // The change's fields are the create's: moved, not copied, as nothing reads them after.
    store_.appendChange(LoggedChange{
        op.bucket, Change{0, op.entity, row.version, std::move(fields), false}, op.opId});
    return done(op, OpOutcome::Applied, row.version);
}

OpResult SyncServerCore::setFields(const OutboxOp& op, const domain::HlcTimestamp& hlc) {
    auto found = store_.entity(op.entity);
    if (!found) {
        return rejected(op, "no_such_entity: the entity does not exist on the server");
    }
    EntityRow& row = *found;
    if (row.bucket != op.bucket) {
        return rejected(op, "wrong_bucket: the entity belongs to another bucket");
    }
    for (const auto& [name, value] : op.fields) {
        if (row.ref.type == kCaseType && isCaseOwnedField(name)) {
            return rejected(op, "reserved_field: " + name + " changes only by a transition");
        }
        if (row.ref.type == kConflictType && !isConflictWritableField(name)) {
            return rejected(op, "reserved_field: a conflict's recorded values are kept as made");
        }
    }

    struct Clash {
        std::string field;
        FieldState kept;
        FieldState lost;
    };
    const std::int64_t version = row.version + 1;
    FieldMap changed;
    std::vector<Clash> clashes;
    for (const auto& [name, value] : op.fields) {
        FieldState incoming = written(op, hlc, value, version);
        const auto it = row.fields.find(name);
        if (it == row.fields.end()) {
            row.fields.emplace(name, std::move(incoming));
            changed.emplace(name, value);
            continue;
        }
        FieldState& current = it->second;
        const bool seen = current.version <= op.baseVersion || current.deviceId == op.deviceId;
        if (seen) {
            if (current.value != value) {
                current = std::move(incoming);
                changed.emplace(name, value);
            }
            continue;
        }
        if (current.value == value) {
            continue;  // both sides wrote the same value: nothing for a person to decide
        }
        const bool opWins = std::tie(hlc, op.deviceId) > std::tie(current.hlc, current.deviceId);
        if (opWins) {
            clashes.push_back({name, incoming, current});
            current = std::move(incoming);
            changed.emplace(name, value);
        } else {
            clashes.push_back({name, current, std::move(incoming)});
        }
    }

    if (!changed.empty()) {
        row.version = version;
        store_.putEntity(row);
        store_.appendChange(
            LoggedChange{row.bucket, Change{0, row.ref, row.version, changed, false}, op.opId});
    }
    if (clashes.empty()) {
        return done(op, OpOutcome::Applied, row.version);
    }

    std::string reason = "field_clash:";
    for (std::size_t i = 0; i < clashes.size(); ++i) {
        const Clash& clash = clashes[i];
        reason += (i == 0 ? " " : ", ") + clash.field;
        EntityRow conflict;
        conflict.ref =
            EntityRef{std::string{kConflictType}, op.opId.toString() + "/" + std::to_string(i + 1)};
        conflict.bucket = row.bucket;
        conflict.version = 1;
        const FieldMap fields{
            {"entity_type", row.ref.type},
            {"entity_id", row.ref.id},
            {"field", clash.field},
            {"kept_value", clash.kept.value},
            {"kept_device", clash.kept.deviceId},
            {"kept_actor", clash.kept.actorId},
            {"kept_hlc", clash.kept.hlc.toString()},
            {"lost_value", clash.lost.value},
            {"lost_device", clash.lost.deviceId},
            {"lost_actor", clash.lost.actorId},
            {"lost_hlc", clash.lost.hlc.toString()},
            {"op", op.opId.toString()},
            {"state", "open"},
        };
        for (const auto& [name, value] : fields) {
            conflict.fields.emplace(name, written(op, hlc, value, 1));
        }
        store_.putEntity(conflict);
        store_.appendChange(
            LoggedChange{row.bucket, Change{0, conflict.ref, 1, fields, false}, op.opId});
    }
    return done(op, OpOutcome::Conflict, row.version, std::move(reason));
}

cases::Instant SyncServerCore::now() const {
    return cases::Instant{std::chrono::milliseconds{physical_()}};
}

OpResult SyncServerCore::transition(const OutboxOp& op, const domain::HlcTimestamp& hlc) {
    auto found = store_.entity(op.entity);
    if (!found) {
        return rejected(op, "no_such_entity: the entity does not exist on the server");
    }
    EntityRow& row = *found;
    if (row.ref.type != kCaseType) {
        return rejected(op, "not_a_case: only a case has a status");
    }
    if (row.bucket != op.bucket) {
        return rejected(op, "wrong_bucket: the entity belongs to another bucket");
    }
    const auto to = cases::caseStatusFromString(op.toStatus);
    if (!to) {
        return rejected(op, "unknown_status: not a case status");
    }
    const auto status = cases::caseStatusFromString(valueOr(row, cf::kStatus, "draft"));
    cases::Case c{status.value_or(cases::CaseStatus::Draft), valueOr(row, cf::kFiledBy, ""),
                  valueOr(row, cf::kRequiresApproval, "true") != "false"};
    const cases::AppliedTransition applied = cases::apply(c, *to, op.actor, op.reason, now());
    if (!applied.result.ok()) {
        return rejected(op, std::string{applied.result.code()} + ": " + applied.result.message);
    }
    row.version += 1;
    FieldMap changed{{std::string{cf::kStatus}, op.toStatus},
                     {std::string{cf::kStatusReason}, op.reason}};
    recordStatusChange(changed, *applied.entry);
    for (const auto& [name, value] : changed) {
        row.fields[name] = written(op, hlc, value, row.version);
    }
    store_.putEntity(row);
    store_.appendHistory(row.ref, *applied.entry);
    store_.appendChange(
        LoggedChange{row.bucket, Change{0, row.ref, row.version, changed, false}, op.opId});
    return done(op, OpOutcome::Applied, row.version);
}

PullResponse SyncServerCore::pull(const PullRequest& request) {
    PullResponse response;
    response.protocol = request.protocol;
    response.bucket = request.bucket;
    response.cursor = request.cursor;
    const std::int64_t mark = store_.safeHighWaterMark();
    if (request.cursor < mark) {
        const auto limit = static_cast<std::size_t>(std::clamp(request.limit, 1, kMaxPullLimit));
        response.changes = store_.changesAfter(request.bucket, request.cursor, mark, limit + 1);
        response.hasMore = response.changes.size() > limit;
        if (response.hasMore) {
            response.changes.resize(limit);
            response.cursor = response.changes.back().seq;
        } else {
            response.cursor = mark;
        }
    }
    response.serverHlc = hlc_.now();
    return response;
}

}  // namespace kep::sync
