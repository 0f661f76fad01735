// The sync protocol's messages (DESIGN.md decision 2): the ops a desk queues and pushes, the
// server's result for each op, pulled changes and nudges — plain values, encoded by SyncProtocol.
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/audit/AuditEntry.h"
#include "shared/cases/Actor.h"
#include "shared/domain/HybridLogicalClock.h"
#include "shared/domain/Uuid.h"

namespace kep::sync {

// Every message carries the version it was written in; a server accepts the current one and the
// one before it, so that desks can be upgraded office by office (issue 6); the server is upgraded
// first. Version 1 filed a case as three ops (create as draft, submitted, pending_approval).
// Version 2 files it as one create carrying the filed status, which a version-1 server would
// reject op by op ("bad_initial_status"); it refuses the whole request (unsupported_protocol)
// instead, and the ops wait in the outbox until it is upgraded.
// A push's "audit" array (issue 9: the desk's own audit entries) is an optional member of
// version 2, not a new version: servers are upgraded first, and a request without it is read as
// before.
inline constexpr int kProtocolVersion = 2;
inline constexpr int kOldestAcceptedProtocolVersion = 1;

// Field values travel as text: a structured value is carried as its JSON text, so that the merge
// rules compare fields without knowing what they mean.
using FieldMap = std::map<std::string, std::string>;

struct EntityRef {
    std::string type;  // "case", "conflict", … ([a-z_], at most 32 bytes)
    std::string id;    // usually a UUIDv7's text

    friend auto operator<=>(const EntityRef&, const EntityRef&) = default;
};

// The intents a desk queues. A status change is never a field write: it goes through the case
// state machine on the server, against the case's status at the time it is applied.
enum class OpKind { Create, SetFields, Transition };

std::string_view toString(OpKind kind);  // "create", "set_fields", "transition"
std::optional<OpKind> opKindFromString(std::string_view text);

struct OutboxOp {
    domain::Uuid opId;             // UUIDv7, made when the edit was made
    std::string deviceId;          // the workstation that queued it
    std::int64_t deviceSeq = 0;    // per device, contiguous from 1: the server's idempotency key
    domain::HlcTimestamp hlc;      // when, by the desk's hybrid logical clock
    std::int64_t baseVersion = 0;  // the entity version the desk had when it made the edit
    OpKind kind = OpKind::SetFields;
    EntityRef entity;
    std::string bucket;    // "office:0101": where the entity lives and who may see it
    cases::Actor actor;    // the signed-in user who made the edit (several clerks share a desk)
    FieldMap fields;       // create and set_fields
    std::string toStatus;  // transition: the target status code ("approved")
    std::string reason;    // transition: the reason the lifecycle may ask for

    // Member by member (cases::Actor has no comparison of its own).
    friend bool operator==(const OutboxOp& a, const OutboxOp& b);
};

// Deferred: not applied because an earlier sequence number is missing (a gap) — send again from
// lastAppliedSeq + 1. Duplicate: the op was applied before; `original` holds what happened then.
enum class OpOutcome { Applied, Duplicate, Rejected, Conflict, Deferred };

std::string_view toString(OpOutcome outcome);  // "applied", "duplicate", …
std::optional<OpOutcome> opOutcomeFromString(std::string_view text);

struct OpResult {
    domain::Uuid opId;
    std::int64_t deviceSeq = 0;
    OpOutcome outcome = OpOutcome::Applied;
    std::optional<OpOutcome> original;  // set exactly when outcome is Duplicate
    std::string reason;                 // code first ("own_case: …"), English after the colon
    std::optional<std::int64_t> serverVersion;  // the entity's version after the op

    // What finally happened to the op: the original outcome for a duplicate.
    OpOutcome settledOutcome() const { return original.value_or(outcome); }

    friend bool operator==(const OpResult&, const OpResult&) = default;
};

struct PushRequest {
    int protocol = kProtocolVersion;
    std::string deviceId;
    std::vector<OutboxOp> ops;  // ascending deviceSeq
    // What the desk itself recorded (reads at the counter: a case opened, a receipt printed, a
    // search), written to the server's audit log in the push's transaction. The server's own
    // entries for the ops are not sent: it makes them as it settles each op.
    std::vector<audit::AuditEntry> audit{};

    friend bool operator==(const PushRequest&, const PushRequest&) = default;
};

struct PushResponse {
    int protocol = kProtocolVersion;
    std::vector<OpResult> results;    // one per op of the request, in the same order
    std::int64_t lastAppliedSeq = 0;  // the device's highest applied sequence, after this push
    domain::HlcTimestamp serverHlc;   // lets a desk whose clock is behind catch up

    friend bool operator==(const PushResponse&, const PushResponse&) = default;
};

struct PullRequest {
    int protocol = kProtocolVersion;
    std::string bucket;
    std::int64_t cursor = 0;  // every change of the bucket at or below it has been received
    int limit = 500;

    friend bool operator==(const PullRequest&, const PullRequest&) = default;
};

// One change of an entity: the fields it wrote (a create writes all of them). Applied in seq
// order on top of the previous ones, they rebuild the server's rows.
struct Change {
    std::int64_t seq = 0;  // the server's global change sequence
    EntityRef entity;
    std::int64_t version = 0;  // the entity's version after the change
    FieldMap fields;
    bool deleted = false;  // the entity is gone: the desk removes its row

    friend bool operator==(const Change&, const Change&) = default;
};

struct PullResponse {
    int protocol = kProtocolVersion;
    std::string bucket;
    std::vector<Change> changes;  // ascending seq
    std::int64_t cursor = 0;      // the new cursor: never below the request's
    bool hasMore = false;         // pull again right away
    domain::HlcTimestamp serverHlc;

    friend bool operator==(const PullResponse&, const PullResponse&) = default;
};

// Sent over the WebSocket: "changes of this bucket up to this seq are available". A hint only:
// data always moves by pull, so a lost or late nudge delays a desk and loses nothing.
struct Nudge {
    int protocol = kProtocolVersion;
    std::string bucket;
    std::int64_t upTo = 0;

    friend bool operator==(const Nudge&, const Nudge&) = default;
};

}  // namespace kep::sync
