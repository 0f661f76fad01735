#include "shared/cases/CaseStatus.h"

#include <utility>

namespace kep::cases {

namespace {

constexpr std::array kCodes{
    std::pair{CaseStatus::Draft, std::string_view{"draft"}},
    std::pair{CaseStatus::Submitted, std::string_view{"submitted"}},
    std::pair{CaseStatus::PendingApproval, std::string_view{"pending_approval"}},
    std::pair{CaseStatus::ReturnedToClerk, std::string_view{"returned_to_clerk"}},
    std::pair{CaseStatus::Approved, std::string_view{"approved"}},
    std::pair{CaseStatus::Forwarded, std::string_view{"forwarded"}},
    std::pair{CaseStatus::InProgress, std::string_view{"in_progress"}},
    std::pair{CaseStatus::AwaitingDocuments, std::string_view{"awaiting_documents"}},
    std::pair{CaseStatus::Completed, std::string_view{"completed"}},
    std::pair{CaseStatus::ReadyForPickup, std::string_view{"ready_for_pickup"}},
    std::pair{CaseStatus::Delivered, std::string_view{"delivered"}},
    std::pair{CaseStatus::Rejected, std::string_view{"rejected"}},
    std::pair{CaseStatus::Withdrawn, std::string_view{"withdrawn"}},
};
static_assert(kCodes.size() == kAllStatuses.size());

}  // namespace

std::string_view toString(CaseStatus status) {
    for (const auto& [value, code] : kCodes) {
        if (value == status) {
            return code;
        }
    }
    return "?";
}

std::optional<CaseStatus> caseStatusFromString(std::string_view code) {
    for (const auto& [value, name] : kCodes) {
        if (name == code) {
            return value;
        }
    }
    return std::nullopt;
}

bool isTerminal(CaseStatus status) {
    return status == CaseStatus::Delivered || status == CaseStatus::Rejected ||
           status == CaseStatus::Withdrawn;
}

}  // namespace kep::cases
