// How an online application becomes a case: the fields desks read (shared/cases/CaseFields.h),
// the due date in Greek working days from the filing date, and the procedure's documents
// checklist with its titles in the channel's language. Pure: number, time and calendar come in.
#pragma once

#include "intake/IntakeApplication.h"
#include "intake/IntakeChannel.h"
#include "shared/cases/CaseHistory.h"
#include "shared/cases/ProtocolNumber.h"
#include "shared/catalogue/Procedure.h"
#include "shared/domain/WorkingCalendar.h"
#include "shared/sync/SyncMessages.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kep::server::intake {

// What the published catalogue says about the procedure besides the register's text.
struct ProcedureTerms {
    std::int64_t catalogueVersion = 0;
    bool requiresApproval = true;
    std::string authorityId;  // the KEP option competent_authority_id, else the register's owner
};

// One document the procedure asks for, as the applicant is told about it.
struct IntakeDocument {
    std::string evidenceId;  // the checklist's id (the register's num_id, else its position)
    std::string title;       // in the channel's language (the other one when untranslated)
};

struct IntakeFiling {
    kep::sync::FieldMap fields;  // the create op's fields, status "submitted" included
    std::optional<std::chrono::year_month_day> dueDate;  // none when the register states none
    std::vector<IntakeDocument> documents;
};

// The procedure's documents in its order, numbered as the desk numbers them (numId, else the
// position; a repeated id gets "#<position>"), every one missing: nothing was seen yet.
std::vector<IntakeDocument> intakeDocuments(const kep::catalogue::Procedure& procedure,
                                            kep::catalogue::Language language);

// `filedAt` is the server's clock; the due date counts from its Greek civil date at the office.
IntakeFiling planIntakeFiling(const IntakeApplication& application, IntakeChannel channel,
                              const kep::catalogue::Procedure& procedure,
                              const ProcedureTerms& terms, const kep::cases::ProtocolNumber& number,
                              kep::cases::Instant filedAt,
                              const kep::domain::WorkingCalendar& calendar);

// The 201 answer, sent again byte for byte to a repeat:
// {"case_id","protocol_number","status","due_date"|null,"channel","language","next_step",
//  "documents":[{"id","title"}]}.
std::string intakeAnswerJson(const std::string& caseId, const IntakeFiling& filing,
                             IntakeChannel channel);

}  // namespace kep::server::intake
