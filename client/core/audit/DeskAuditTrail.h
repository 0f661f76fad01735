// What the desk itself writes to the audit log (issue 9): reads of personal data at the counter
// — a case opened, a receipt printed or reprinted, an attachment opened, a citizen searched by
// ΑΦΜ or ΑΜΚΑ — queued in desk.db and sent with the next push, online or later.
#pragma once

#include "audit/AuditOutbox.h"
#include "shared/domain/Uuid.h"

#include <optional>
#include <string>
#include <string_view>

namespace kep::db {
class Database;
}

namespace kep::desk {
class Clock;
}

namespace kep::desk::audit {

// Who is reading: the signed-in user, the role they signed in with, and their office.
struct AuditActor {
    std::string userId;
    std::string role;  // clerk, manager, … (UserSession::role)
    std::string officeCode;
};

// Entries name records by id only; a search is named by a fresh id, never by what was searched.
// Nothing is recorded while no one who works at an office is signed in (the server accepts
// desk entries only from its office's users). Each call returns whether it recorded an entry.
class DeskAuditTrail {
public:
    // `clock` must outlive the trail; `deviceId` is the workstation's enrolled id.
    DeskAuditTrail(kep::db::Database& db, const kep::desk::Clock& clock, std::string deviceId);

    void signedIn(AuditActor actor);
    void signedOut();

    bool caseOpened(std::string_view caseId);
    bool receiptPrinted(std::string_view caseId, bool reprint);
    bool attachmentOpened(std::string_view attachmentId);
    // As-you-type search: recorded once the text is a whole, valid ΑΦΜ or ΑΜΚΑ, and once per
    // identifier in a row (typing on past it, or the same search again, adds nothing).
    bool citizenSearched(std::string_view typed);

private:
    bool record(std::string action, std::string recordType, std::string recordId);

    AuditOutbox outbox_;
    const kep::desk::Clock& clock_;
    std::string deviceId_;
    std::optional<AuditActor> actor_;
    std::string lastSearch_;  // in memory only, so that a repeat is not recorded twice
    kep::domain::UuidV7Generator ids_;
};

}  // namespace kep::desk::audit
