#include "notify/StatusNotice.h"

namespace kep::server::notify {

std::optional<StatusNotice> noticeFor(kep::cases::CaseStatus status) {
    using enum kep::cases::CaseStatus;
    switch (status) {
        case Submitted:
        case PendingApproval:
            return StatusNotice::Filed;
        case AwaitingDocuments:
            return StatusNotice::DocumentsNeeded;
        case Completed:
        case ReadyForPickup:
            return StatusNotice::ResultReady;
        case Rejected:
            return StatusNotice::Rejected;
        default:
            return std::nullopt;
    }
}

std::string_view toString(StatusNotice notice) {
    switch (notice) {
        case StatusNotice::Filed:
            return "filed";
        case StatusNotice::DocumentsNeeded:
            return "documents_needed";
        case StatusNotice::ResultReady:
            return "result_ready";
        case StatusNotice::Rejected:
            return "rejected";
    }
    return "filed";
}

std::optional<StatusNotice> statusNoticeFromString(std::string_view code) {
    for (const auto notice : {StatusNotice::Filed, StatusNotice::DocumentsNeeded,
                              StatusNotice::ResultReady, StatusNotice::Rejected}) {
        if (toString(notice) == code) {
            return notice;
        }
    }
    return std::nullopt;
}

bool oncePerCase(StatusNotice notice) {
    return notice == StatusNotice::Filed || notice == StatusNotice::ResultReady;
}

}  // namespace kep::server::notify
