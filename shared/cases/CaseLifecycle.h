// The one case state machine, enforced by kep-desk before it queues an op and by kep-server
// when it applies one: the transition table as data, and the check that refuses with a reason.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "shared/cases/Actor.h"
#include "shared/cases/CaseHistory.h"
#include "shared/cases/CaseStatus.h"

namespace kep::cases {

class RoleSet {
public:
    constexpr RoleSet(std::initializer_list<ActorRole> roles) {
        for (const ActorRole role : roles) {
            bits_ |= bit(role);
        }
    }
    constexpr bool contains(ActorRole role) const { return (bits_ & bit(role)) != 0; }

private:
    static constexpr std::uint32_t bit(ActorRole role) {
        return std::uint32_t{1} << static_cast<unsigned>(role);
    }
    std::uint32_t bits_ = 0;
};

// A condition on the case, beyond the actor's role, that a transition needs.
enum class TransitionGuard {
    None,
    ApprovalRequired,     // the procedure requires the manager's approval
    ApprovalNotRequired,  // … and the reverse: a case skips approval only when it may
    NotByFiler,           // four eyes: the actor did not file the case
};

struct Transition {
    CaseStatus from;
    CaseStatus to;
    std::string_view action;  // stable snake_case name: op names and UI commands use it
    RoleSet roles;
    bool needsReason = false;
    TransitionGuard guard = TransitionGuard::None;
};

// The whole table, one row per (from, to) pair; every pair not listed is illegal. Scope (whose
// office, which authority) is the server's access policy, not this table.
std::span<const Transition> transitions();

// The row for a pair, or nullptr when the pair is not a transition.
const Transition* findTransition(CaseStatus from, CaseStatus to);

// What the rules read of a case. The desk store and the server fill it from their own rows.
struct Case {
    CaseStatus status = CaseStatus::Draft;
    std::string filedBy;           // the user id of the clerk who filed it (empty: filed online)
    bool requiresApproval = true;  // the procedure's option as pinned at filing (default on)
};

// Why a transition was refused. The UI translates by code(); message() is English for logs.
enum class Refusal {
    None,
    UnknownActor,         // "unknown_actor": no actor id, so the history could not say who
    TerminalStatus,       // "terminal_status": delivered, rejected and withdrawn are final
    NoSuchTransition,     // "no_such_transition": the table has no row for the pair
    ApprovalRequired,     // "approval_required": the procedure needs the manager first
    ApprovalNotRequired,  // "approval_not_required": nothing to approve for this procedure
    RoleNotAllowed,       // "role_not_allowed": the actor's role may not do this
    OwnCase,              // "own_case": four eyes — nobody approves a case they filed
    ReasonRequired,       // "reason_required": this transition needs a reason
    ReasonTooLong,        // "reason_too_long": more than kMaxReasonBytes
};

inline constexpr std::size_t kMaxReasonBytes = 2000;

std::string_view toString(Refusal refusal);

struct TransitionResult {
    Refusal refusal = Refusal::None;
    const Transition* transition = nullptr;  // the row, when the pair is in the table
    std::string message;                     // English; names statuses and roles, no personal data

    bool ok() const { return refusal == Refusal::None; }
    std::string_view code() const { return toString(refusal); }
};

// Four eyes, the one rule desk and server share: nobody approves a case they filed. A case
// filed online (gov.gr, EU-GO) has no KEP filer (`filedBy` empty), and any approver is a
// second pair of eyes for it. An approver without an id cannot be shown to be someone else.
bool fourEyesHold(std::string_view approverId, std::string_view filedBy);

// May `actor` move `c` to `to`, giving `reason`? Checks, in order: an actor id, a non-terminal
// current status, a row in the table, the approval guard, the role, four eyes, the reason (not
// blank when required; at most kMaxReasonBytes always).
TransitionResult check(const Case& c, CaseStatus to, const Actor& actor,
                       std::string_view reason = {});

struct AppliedTransition {
    TransitionResult result;
    std::optional<HistoryEntry> entry;  // set when the transition was made
};

// check(), and when it passes: sets c.status and returns the history entry to store with it.
AppliedTransition apply(Case& c, CaseStatus to, const Actor& actor, std::string_view reason,
                        Instant at);

// The rows this actor could take from the case's status now (reasons aside): the actions a
// desk menu offers.
std::vector<const Transition*> availableTransitions(const Case& c, const Actor& actor);

// Filing is one intent with a fixed path: a draft is submitted and, when the case is filed for
// the manager's approval, then sent for approval. The desk that files and the server that
// receives the filing both take the path step by step through apply(), so that one table
// decides, and each step is a history entry on both sides.
struct FilingSteps {
    TransitionResult result;            // ok, or the first step's refusal (c is then unchanged)
    std::vector<HistoryEntry> entries;  // one per step taken, in order; empty when refused
    bool ok() const { return result.ok(); }
};

// The status a clerk's filing ends in: pending_approval where the procedure needs the manager's
// approval, submitted otherwise.
CaseStatus filedStatusFor(bool requiresApproval);

// Moves `c` from draft to `filedStatus` (draft: no step; submitted: submit; pending_approval:
// submit, then request_approval), each step checked as apply() checks it, all at `at`. Any other
// target, or a case that is not a draft, is refused with no_such_transition.
FilingSteps fileAs(Case& c, const Actor& actor, CaseStatus filedStatus, Instant at);

}  // namespace kep::cases
