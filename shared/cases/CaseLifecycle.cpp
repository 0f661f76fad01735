#include "shared/cases/CaseLifecycle.h"

#include <array>

namespace kep::cases {

namespace {

using enum CaseStatus;

constexpr RoleSet kCounter{ActorRole::Clerk, ActorRole::Manager};
constexpr RoleSet kManager{ActorRole::Manager};
constexpr RoleSet kAuthority{ActorRole::Authority, ActorRole::AuthoritySystem};
// Documents the authority asked for reach it either directly or through the KEP counter.
constexpr RoleSet kDocumentCarriers{ActorRole::Clerk, ActorRole::Manager, ActorRole::Authority,
                                    ActorRole::AuthoritySystem};

// Applications filed online (gov.gr, EU-GO) are submitted by the channel itself.
constexpr RoleSet kSubmitters{ActorRole::Clerk, ActorRole::Manager, ActorRole::GovChannel};

constexpr bool kReason = true;
constexpr bool kNoReason = false;

// A draft has no protocol number yet, so it is deleted rather than withdrawn; withdrawal is
// the citizen's statement (hence its reason) and is possible until the authority has decided.
constexpr std::array kTable{
    Transition{Draft, Submitted, "submit", kSubmitters, kNoReason},
    Transition{Submitted, PendingApproval, "request_approval", kCounter, kNoReason,
               TransitionGuard::ApprovalRequired},
    Transition{Submitted, Forwarded, "forward", kCounter, kNoReason,
               TransitionGuard::ApprovalNotRequired},
    Transition{Submitted, Withdrawn, "withdraw", kCounter, kReason},
    Transition{PendingApproval, Approved, "approve", kManager, kNoReason,
               TransitionGuard::NotByFiler},
    Transition{PendingApproval, ReturnedToClerk, "return_to_clerk", kManager, kReason},
    Transition{PendingApproval, Rejected, "reject", kManager, kReason},
    Transition{PendingApproval, Withdrawn, "withdraw", kCounter, kReason},
    Transition{ReturnedToClerk, Submitted, "resubmit", kCounter, kNoReason},
    Transition{ReturnedToClerk, Withdrawn, "withdraw", kCounter, kReason},
    Transition{Approved, Forwarded, "forward", kCounter, kNoReason},
    Transition{Approved, Withdrawn, "withdraw", kCounter, kReason},
    Transition{Forwarded, InProgress, "accept", kAuthority, kNoReason},
    Transition{Forwarded, Withdrawn, "withdraw", kCounter, kReason},
    Transition{InProgress, AwaitingDocuments, "request_documents", kAuthority, kReason},
    Transition{InProgress, Completed, "complete", kAuthority, kNoReason},
    Transition{InProgress, Rejected, "reject", kAuthority, kReason},
    Transition{InProgress, Withdrawn, "withdraw", kCounter, kReason},
    Transition{AwaitingDocuments, InProgress, "documents_received", kDocumentCarriers, kNoReason},
    Transition{AwaitingDocuments, Withdrawn, "withdraw", kCounter, kReason},
    Transition{Completed, ReadyForPickup, "ready_for_pickup", kCounter, kNoReason},
    Transition{ReadyForPickup, Delivered, "deliver", kCounter, kNoReason},
};

bool isBlank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string pairText(CaseStatus from, CaseStatus to) {
    return std::string{toString(from)} + " -> " + std::string{toString(to)};
}

TransitionResult refuse(Refusal refusal, const Transition* row, std::string message) {
    return {refusal, row, std::move(message)};
}

}  // namespace

std::span<const Transition> transitions() {
    return kTable;
}

const Transition* findTransition(CaseStatus from, CaseStatus to) {
    for (const Transition& row : kTable) {
        if (row.from == from && row.to == to) {
            return &row;
        }
    }
    return nullptr;
}

std::string_view toString(Refusal refusal) {
    switch (refusal) {
        case Refusal::None:
            return "ok";
        case Refusal::UnknownActor:
            return "unknown_actor";
        case Refusal::TerminalStatus:
            return "terminal_status";
        case Refusal::NoSuchTransition:
            return "no_such_transition";
        case Refusal::ApprovalRequired:
            return "approval_required";
        case Refusal::ApprovalNotRequired:
            return "approval_not_required";
        case Refusal::RoleNotAllowed:
            return "role_not_allowed";
        case Refusal::OwnCase:
            return "own_case";
        case Refusal::ReasonRequired:
            return "reason_required";
        case Refusal::ReasonTooLong:
            return "reason_too_long";
    }
    return "?";
}

bool fourEyesHold(std::string_view approverId, std::string_view filedBy) {
    return !approverId.empty() && approverId != filedBy;
}

TransitionResult check(const Case& c, CaseStatus to, const Actor& actor, std::string_view reason) {
    if (actor.id.empty()) {
        return refuse(Refusal::UnknownActor, nullptr, "the actor has no id");
    }
    if (isTerminal(c.status)) {
        return refuse(Refusal::TerminalStatus, nullptr,
                      "a case that is " + std::string{toString(c.status)} + " is closed");
    }
    const Transition* row = findTransition(c.status, to);
    if (row == nullptr) {
        return refuse(Refusal::NoSuchTransition, nullptr,
                      "no transition " + pairText(c.status, to));
    }
    if (row->guard == TransitionGuard::ApprovalRequired && !c.requiresApproval) {
        return refuse(Refusal::ApprovalNotRequired, row,
                      "the procedure does not require approval; forward the case instead");
    }
    if (row->guard == TransitionGuard::ApprovalNotRequired && c.requiresApproval) {
        return refuse(Refusal::ApprovalRequired, row,
                      "the procedure requires the manager's approval before forwarding");
    }
    if (!row->roles.contains(actor.role)) {
        return refuse(Refusal::RoleNotAllowed, row,
                      "role " + std::string{toString(actor.role)} + " may not " +
                          std::string{row->action} + " (" + pairText(c.status, to) + ")");
    }
    if (row->guard == TransitionGuard::NotByFiler && !fourEyesHold(actor.id, c.filedBy)) {
        return refuse(Refusal::OwnCase, row,
                      "four eyes: a case cannot be approved by the person who filed it");
    }
    if (row->needsReason && isBlank(reason)) {
        return refuse(Refusal::ReasonRequired, row, std::string{row->action} + " needs a reason");
    }
    if (reason.size() > kMaxReasonBytes) {
        return refuse(Refusal::ReasonTooLong, row,
                      "the reason is longer than " + std::to_string(kMaxReasonBytes) + " bytes");
    }
    return {Refusal::None, row, {}};
}

AppliedTransition apply(Case& c, CaseStatus to, const Actor& actor, std::string_view reason,
                        Instant at) {
    AppliedTransition applied{check(c, to, actor, reason), std::nullopt};
    if (applied.result.ok()) {
        applied.entry = HistoryEntry{c.status, to, actor.id, actor.role, at, std::string{reason}};
        c.status = to;
    }
    return applied;
}

std::vector<const Transition*> availableTransitions(const Case& c, const Actor& actor) {
    std::vector<const Transition*> rows;
    for (const Transition& row : kTable) {
        if (row.from != c.status) {
            continue;
        }
        // Any non-blank reason: the menu offers the action, and its dialog then asks for the
        // reason.
        const TransitionResult result = check(c, row.to, actor, row.needsReason ? "-" : "");
        if (result.ok()) {
            rows.push_back(&row);
        }
    }
    return rows;
}

CaseStatus filedStatusFor(bool requiresApproval) {
    return requiresApproval ? PendingApproval : Submitted;
}

FilingSteps fileAs(Case& c, const Actor& actor, CaseStatus filedStatus, Instant at) {
    FilingSteps filing;
    const bool onPath =
        filedStatus == Draft || filedStatus == Submitted || filedStatus == PendingApproval;
    if (c.status != Draft || !onPath) {
        filing.result = refuse(Refusal::NoSuchTransition, nullptr,
                               "filing takes a draft to submitted or pending_approval, not " +
                                   pairText(c.status, filedStatus));
        return filing;
    }
    Case moving = c;
    for (const CaseStatus next : {Submitted, PendingApproval}) {
        if (moving.status == filedStatus) {
            break;
        }
        AppliedTransition step = apply(moving, next, actor, {}, at);
        filing.result = std::move(step.result);
        if (!filing.ok()) {
            filing.entries.clear();
            return filing;
        }
        filing.entries.push_back(std::move(*step.entry));
    }
    c = std::move(moving);
    return filing;
}

}  // namespace kep::cases
