// Which of a case's status changes the citizen is told about, and the stable codes the outbox
// stores them under: filed, more documents needed, result ready, rejected.
#pragma once

#include "shared/cases/CaseStatus.h"

#include <optional>
#include <string_view>

namespace kep::server::notify {

enum class StatusNotice {
    Filed,            // submitted (or filed straight for approval): "your application was filed"
    DocumentsNeeded,  // awaiting_documents: "more documents are needed: <reason>"
    ResultReady,      // completed or ready_for_pickup: "your result is ready at the KEP"
    Rejected,         // rejected: "… was rejected: <reason>"
};

// The notice a case entering `status` gives, or none: drafts, the KEP's internal steps
// (approval, forwarding, in progress), delivery (the citizen is at the counter) and withdrawal
// (the citizen asked for it) are not announced.
std::optional<StatusNotice> noticeFor(kep::cases::CaseStatus status);

// "filed", "documents_needed", "result_ready", "rejected".
std::string_view toString(StatusNotice notice);
std::optional<StatusNotice> statusNoticeFromString(std::string_view code);

// Filed and ResultReady are sent once per case, whatever path it takes: a resubmission after the
// manager returned a case, or completed followed by ready_for_pickup, is not news to the
// citizen. Each request for documents and the rejection are.
bool oncePerCase(StatusNotice notice);

}  // namespace kep::server::notify
