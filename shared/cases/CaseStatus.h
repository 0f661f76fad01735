// The statuses a case passes through, from the counter to the citizen's hands, with the stable
// snake_case codes that the wire protocol and both databases store.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace kep::cases {

enum class CaseStatus {
    Draft,              // being filled at the counter; not yet a filed application
    Submitted,          // filed: has a protocol number and a receipt
    PendingApproval,    // waits for the office manager (procedures that require approval)
    ReturnedToClerk,    // the manager sent it back with a reason; the clerk corrects it
    Approved,           // the manager approved it; not yet sent to the authority
    Forwarded,          // sent to the competent authority
    InProgress,         // the authority works on it
    AwaitingDocuments,  // the authority waits for the citizen: the deadline clock stops
    Completed,          // the authority has decided
    ReadyForPickup,     // the result is at the KEP, waiting for the citizen
    Delivered,          // handed to the citizen
    Rejected,           // refused by the manager or by the authority
    Withdrawn,          // the citizen withdrew the application (through a clerk)
};

// Every status, in lifecycle order (tests and UI filters iterate it).
inline constexpr std::array kAllStatuses{
    CaseStatus::Draft,           CaseStatus::Submitted,         CaseStatus::PendingApproval,
    CaseStatus::ReturnedToClerk, CaseStatus::Approved,          CaseStatus::Forwarded,
    CaseStatus::InProgress,      CaseStatus::AwaitingDocuments, CaseStatus::Completed,
    CaseStatus::ReadyForPickup,  CaseStatus::Delivered,         CaseStatus::Rejected,
    CaseStatus::Withdrawn,
};

// "draft", "submitted", "pending_approval", "returned_to_clerk", "approved", "forwarded",
// "in_progress", "awaiting_documents", "completed", "ready_for_pickup", "delivered",
// "rejected", "withdrawn". Never rename one: SQL rows and queued sync ops carry them.
std::string_view toString(CaseStatus status);
std::optional<CaseStatus> caseStatusFromString(std::string_view code);

// No transition leaves a terminal status: delivered, rejected, withdrawn.
bool isTerminal(CaseStatus status);

// The statutory deadline does not run while the authority waits for the citizen's documents.
inline bool stopsDeadlineClock(CaseStatus status) {
    return status == CaseStatus::AwaitingDocuments;
}

}  // namespace kep::cases
