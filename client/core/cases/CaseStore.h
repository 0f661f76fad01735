// The desk's cases in desk.db: returning citizens found again, cases filed with a leased
// protocol number, every lifecycle step recorded, each change queued in the outbox with it.
#pragma once

#include "cases/CaseChannel.h"
#include "cases/DeskOutboxStore.h"
#include "cases/FilingDraft.h"
#include "db/Database.h"
#include "shared/cases/CaseLifecycle.h"
#include "shared/cases/Citizen.h"
#include "shared/cases/EvidenceChecklist.h"
#include "shared/cases/ProtocolNumber.h"
#include "shared/cases/ValidationIssue.h"
#include "shared/domain/HybridLogicalClock.h"
#include "shared/domain/Uuid.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kep::desk::cases {

using kep::cases::Instant;

struct StoredCitizen {
    std::string id;
    kep::cases::Citizen citizen;
};

// What the filing form hands over: the procedure as pinned now, the citizen, the checklist.
struct CaseFiling {
    std::string procedureId;
    std::int64_t catalogueVersion = 0;
    std::string procedureTitle;  // as shown on the receipt (Greek)
    bool requiresApproval = true;
    kep::cases::Citizen citizen;
    kep::cases::CitizenRequirements requirements;
    std::vector<std::pair<std::string, kep::cases::EvidenceState>> evidence;  // procedure order
    std::int64_t feeCents = 0;
    std::chrono::year_month_day dueDate{};
    std::string notes;
    std::string draftId;  // the form's autosaved draft, deleted in the filing's transaction
    // Already stored content-addressed (AttachmentImport); filing links them to the case.
    std::vector<DraftAttachment> attachments;
    // Remote only for procedures offered remotely (the form offers it for those alone).
    CaseChannel channel = CaseChannel::Counter;
    // The competent authority the case goes to: the catalogue's competent authority when the
    // central administration set one, else the register's owning organisation. "" when unknown.
    std::string authorityId;
};

struct CaseSummary {
    std::string id;
    std::string protocolNumber;
    kep::cases::CaseStatus status = kep::cases::CaseStatus::Draft;
    std::string procedureTitle;
    std::string surname;  // Greek, else Latin, as stored
    std::string dueDate;  // ISO date
    std::string filedBy;
    Instant filedAt{};
    CaseChannel channel = CaseChannel::Counter;
    std::string resultSha256;  // the authority's result document; "" until completed
    std::string procedureId;
    bool requiresApproval = true;  // the procedure's option as pinned at filing
};

struct FilingResult {
    enum class Refusal { None, InvalidCitizen, NoProtocolNumber, Lifecycle };
    Refusal refusal = Refusal::None;
    kep::cases::ValidationIssues issues;  // InvalidCitizen: every field problem
    std::string message;                  // English; no personal data
    std::optional<CaseSummary> filed;
    bool ok() const { return refusal == Refusal::None; }
};

class CaseStore {
public:
    // office: this desk's office code; deviceId: the workstation's id (stamped on every op).
    CaseStore(kep::db::Database& db, std::string office, std::string deviceId);

    const std::string& office() const { return office_; }

    // Returning citizens by ΑΦΜ, ΑΜΚΑ (exact) or surname (folded prefix), newest first.
    std::vector<StoredCitizen> findCitizens(std::string_view typed, int limit = 10) const;

    // Validates the citizen (shared/cases), draws the next protocol number from the lease held
    // in desk.db, and in ONE transaction stores the citizen, the case, its history (a row per
    // lifecycle step: submitted, and pending_approval where the procedure needs it), the lease
    // and ONE outbox op: the case's create, carrying the status it was filed in.
    // No lease left: refused, nothing stored — a number is never invented.
    FilingResult file(const CaseFiling& filing, const kep::cases::Actor& clerk, Instant now);

    // Moves a case through the lifecycle (shared/cases decides); the history row and the
    // outbox op are written with the new status or not at all. `withFields`, when given, are
    // what the counter learnt with the step (the citizen's rating at delivery): queued as a
    // set_fields op right after the transition's, in the same transaction, so that a crash
    // keeps both or neither.
    kep::cases::TransitionResult transition(const std::string& caseId, kep::cases::CaseStatus to,
                                            const kep::cases::Actor& actor, std::string_view reason,
                                            Instant now,
                                            const kep::sync::FieldMap& withFields = {});

    std::optional<CaseSummary> caseById(const std::string& caseId) const;
    std::vector<kep::cases::HistoryEntry> history(const std::string& caseId) const;

    // Search by protocol number, ΑΦΜ, ΑΜΚΑ, procedure id (exact) or surname (folded prefix).
    // `channel` set: only the cases that came by it (each look-up filters before it is cut).
    std::vector<CaseSummary> search(std::string_view typed, int limit = 50,
                                    std::optional<CaseChannel> channel = std::nullopt) const;
    std::vector<CaseSummary> withStatus(kep::cases::CaseStatus status, int limit, int offset = 0,
                                        std::optional<CaseChannel> channel = std::nullopt) const;
    std::vector<CaseSummary> filedBy(const std::string& userId, int limit, int offset = 0,
                                     std::optional<CaseChannel> channel = std::nullopt) const;
    // The cases the office sends on next: approved, or submitted under a procedure that needs
    // no approval (the lifecycle's two ways into forwarded), by due date.
    std::vector<CaseSummary> readyToForward(
        int limit, int offset = 0, std::optional<CaseChannel> channel = std::nullopt) const;
    std::int64_t caseCount() const;

    kep::sync::OutboxStore& outbox() { return outbox_; }

private:
    std::optional<std::string> returningCitizen(const kep::cases::PersonIdentity& person) const;
    std::string saveCitizen(const kep::cases::Citizen& citizen, std::int64_t nowMs);
    void queue(kep::sync::OutboxOp op, Instant now);
    void recordStep(const std::string& caseId, const kep::cases::HistoryEntry& entry);

    kep::db::Database& db_;
    std::string office_;
    std::string deviceId_;
    kep::domain::HybridLogicalClock clock_;
    kep::domain::UuidV7Generator ids_;
    DeskOutboxStore outbox_;
};

}  // namespace kep::desk::cases
