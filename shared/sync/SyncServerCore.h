// The server's side of sync with no I/O: applies a device's push batch exactly once, merges and
// records conflicts, runs status changes through the case lifecycle, and answers bucketed pulls.
#pragma once

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "shared/cases/Actor.h"
#include "shared/domain/HybridLogicalClock.h"
#include "shared/sync/SyncMessages.h"
#include "shared/sync/SyncServerStore.h"

namespace kep::sync {

// The fields of a case the core itself reads and writes. A desk sets every other field freely;
// these change only through a create (status) or a transition.
namespace case_fields {
inline constexpr std::string_view kStatus = "status";
inline constexpr std::string_view kStatusReason = "status_reason";
inline constexpr std::string_view kFiledBy = "filed_by";
inline constexpr std::string_view kRequiresApproval = "requires_approval";  // "true" / "false"
// Who made the last status change, in which role, and when (milliseconds since the epoch, the
// server's clock): pulled desks record the case's history with them.
inline constexpr std::string_view kStatusActor = "status_actor";
inline constexpr std::string_view kStatusRole = "status_role";
inline constexpr std::string_view kStatusAt = "status_at";
}  // namespace case_fields

// A same-field clash becomes an entity of this type in the case's bucket, so that it reaches the
// office manager's conflict inbox by the ordinary pull. Its id is "<clashing op id>/<n>", its
// fields: entity_type, entity_id, field, kept_value, kept_device, kept_actor, kept_hlc,
// lost_value, lost_device, lost_actor, lost_hlc, op, state ("open"). A person resolves it with a
// set_fields on state / resolution / resolved_by (the only fields a desk may write on it), and
// with an ordinary set_fields on the case if the lost value should win after all.
inline constexpr std::string_view kConflictType = "conflict";
inline constexpr std::string_view kCaseType = "case";

// Who may write where. Both are asked for every op; the real server answers from the device's
// enrolment (its office) and the office's users. Reading is checked before pull() is called:
// the route refuses (403) any bucket the caller may not read.
struct WriteAuthority {
    std::function<bool(std::string_view deviceId, std::string_view bucket)> mayWriteBucket;
    // The op's actor is one of the users who may work at this device (empty: anyone may).
    std::function<bool(std::string_view deviceId, const cases::Actor& actor)> mayActAs;
};

// A push refused whole before anything was written: what() names the part at fault
// ("push: audit[2]: workstation: not the pushing device"); the route answers 400.
class PushRefused : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Rules for a push batch (DESIGN.md decision 2), all in one store transaction:
//   - Only the device's next sequence number is applied. A seq at or below the last applied one
//     is a duplicate: it is answered with the result stored when it was applied (or rejected as
//     "sequence_reused" when the opId differs). A seq above the next one is a gap: it and every
//     op after it in the batch are "deferred" and nothing of them is applied.
//   - A rejected op still consumes its seq: it is answered, stored and never applied.
//   - set_fields merges per field. A field that the op's device wrote last, or that did not
//     change since the op's baseVersion, takes the op's value. Otherwise it is a clash: the
//     higher (HLC, deviceId) wins — the result does not depend on the order the clashing ops
//     arrive in — and the losing value is kept in a conflict entity; the op's outcome is
//     "conflict". An op's HLC more than 60 s ahead of the server's clock is clamped first.
//   - create of a case: the filing in one op. Its status is draft, submitted or pending_approval
//     (else "bad_initial_status"); cases::fileAs() takes the steps from draft with the op's actor
//     and the case's requires_approval, and a refusal is "rejected" with the lifecycle's code.
//     Each step is a history entry (a draft gets one that says who opened it).
//   - transition: checked by cases::check() against the case's status now (not the one the desk
//     saw); a refusal is "rejected" with the lifecycle's code and message. Desks of the previous
//     protocol file as a create (draft) followed by transitions, which still works.
//   - Audit (issue 9): every op that consumes a sequence (applied, rejected, conflict; not a
//     duplicate or a deferred op) gets one audit entry (auditEntryFor()); an op whose entry would
//     not be well formed (an id with characters the log does not allow) is rejected as
//     "unauditable_op" and gets none. The desk's own entries (request.audit) must be from the
//     pushing device as workstation, by a "user" in a case role, for the device's office
//     (mayWriteBucket of "office:<office>"); otherwise PushRefused is thrown before the
//     transaction begins. Which user is not checked against today's users (mayActAs): a read
//     made offline by a clerk disabled since is still recorded, and never blocks the desk. The op
//     entries and the desk's go to the store in one appendAudit() call, before commit.
//   - Answers are written in the protocol version of the request.
//   - Results are returned only after the store's commit() returned. If it throws, push()
//     rethrows and the caller answers an error: the desk sends the same ops again.
// Not thread-safe: one core per store connection (the server's routes serialise pushes per
// connection; the store's transactions serialise writers).
class SyncServerCore {
public:
    static constexpr int kMaxPullLimit = 1000;

    SyncServerCore(
        SyncServerStore& store, WriteAuthority authority,
        domain::HybridLogicalClock::PhysicalClock clock = domain::HybridLogicalClock::systemClock);

    // `deviceId` is the authenticated device (from its certificate). Throws std::invalid_argument
    // if the request names another device (the route answers 403), and whatever the store throws.
    PushResponse push(std::string_view deviceId, const PushRequest& request);

    // The bucket's changes after the request's cursor, never beyond the store's safe high-water
    // mark; the new cursor is the last change returned, or the mark when the bucket is exhausted
    // (a bucket with no changes still moves on). A cursor above the mark (a store restored from
    // an older backup) is answered unchanged with no changes: a cursor never goes back.
    PullResponse pull(const PullRequest& request);

    // Ops whose HLC was more than 60 s ahead and was clamped: a desk with a wrong clock.
    std::uint64_t clampedOps() const { return clampedOps_; }

private:
    void checkDeskAudit(std::string_view deviceId, const PushRequest& request) const;
    OpResult apply(const OutboxOp& op);
    OpResult create(const OutboxOp& op, const domain::HlcTimestamp& hlc);
    OpResult setFields(const OutboxOp& op, const domain::HlcTimestamp& hlc);
    OpResult transition(const OutboxOp& op, const domain::HlcTimestamp& hlc);
    cases::Instant now() const;  // the server's clock, for history entries

    SyncServerStore& store_;
    WriteAuthority authority_;
    domain::HybridLogicalClock::PhysicalClock physical_;
    domain::HybridLogicalClock hlc_;
    std::uint64_t clampedOps_ = 0;
};

}  // namespace kep::sync
