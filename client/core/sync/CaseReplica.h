// A case as the server knows it, written into desk.db's kase, citizen and case_history rows: how
// pulled changes and a conflict resolved at this desk reach the tables the desk's screens read.
#pragma once

#include "db/Database.h"
#include "shared/cases/CaseHistory.h"
#include "shared/sync/SyncMessages.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace kep::desk::sync {

// The case fields the server holds: those CaseStore puts in its create op, and those the
// server's core sets itself (status, status_reason, requires_approval, filed_by).
namespace case_field {
inline constexpr const char* kProtocolNumber = "protocol_number";
inline constexpr const char* kProcedureId = "procedure_id";
inline constexpr const char* kCatalogueVersion = "catalogue_version";
inline constexpr const char* kCitizen = "citizen";
inline constexpr const char* kEvidence = "evidence";
inline constexpr const char* kFeeCents = "fee_cents";
inline constexpr const char* kDueDate = "due_date";
inline constexpr const char* kNotes = "notes";
inline constexpr const char* kFiledBy = "filed_by";
inline constexpr const char* kStatus = "status";
inline constexpr const char* kStatusReason = "status_reason";
inline constexpr const char* kRequiresApproval = "requires_approval";
inline constexpr const char* kStatusActor = "status_actor";  // who made the status change
inline constexpr const char* kStatusRole = "status_role";    // in which role
inline constexpr const char* kStatusAt = "status_at";        // when: server ms since the epoch
// Issue 7 (shared/cases/CaseFields.h): how the case came, and the authority's result document.
inline constexpr const char* kChannel = "channel";
inline constexpr const char* kResultSha256 = "result_sha256";
}  // namespace case_field

struct CaseWrite {
    std::string caseId;
    std::string office;                   // the office code of the case's bucket
    kep::sync::FieldMap fields;           // only these columns change; the others keep theirs
    std::optional<std::int64_t> version;  // the server's version after the fields; none: kept
};

enum class CaseWriteOutcome {
    Written,
    StatusChanged,  // written, and a history row records the step
    NotACaseYet,    // new to this desk and without the citizen: no kase row can hold it
};

// Writes cases into desk.db with its statements prepared once, on first use, and kept for the
// object's life: a replica applying a pull page of hundreds of cases parses no SQL per case.
// The free functions below do the same through a CaseReplica of their own.
class CaseReplica {
public:
    explicit CaseReplica(kep::db::Database& db);
    ~CaseReplica();
    CaseReplica(const CaseReplica&) = delete;
    CaseReplica& operator=(const CaseReplica&) = delete;

    // As writeCase(), deleteCase() and caseVersion().
    CaseWriteOutcome write(const CaseWrite& write, kep::cases::Instant now);
    void remove(const std::string& caseId);
    std::optional<std::int64_t> version(const std::string& caseId);

private:
    struct Statements;
    kep::db::Database& db_;
    std::unique_ptr<Statements> sql_;
};

// Runs inside the caller's transaction and queues nothing: these rows are the server's already.
// A citizen already on this desk (by ΑΦΜ, else ΑΜΚΑ, else travel document) is updated rather than
// added again. A status change writes a history row with the server's who, role and when (an
// older server's change carries none: the row then has no actor, and the time the desk learnt it).
CaseWriteOutcome writeCase(kep::db::Database& db, const CaseWrite& write, kep::cases::Instant now);

// The case, its history and its attachment rows (the citizen stays: other cases may be theirs).
void deleteCase(kep::db::Database& db, const std::string& caseId);

// The server version this desk has of the case; none when the case is not on this desk.
std::optional<std::int64_t> caseVersion(kep::db::Database& db, const std::string& caseId);

}  // namespace kep::desk::sync
