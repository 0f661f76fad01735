// A case as a competent authority sees it in its inbox (issue 7, must-have 2): found only when
// the KEP has forwarded it to that authority, with the documents the authority may fetch.
#pragma once

#include "db/Database.h"
#include "shared/cases/CaseHistory.h"
#include "sync/CaseRecords.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kep::server::authorities {

// One attached file of a case (its `attachments` field): content address, media type, and the
// checklist item it evidences.
struct CaseDocument {
    std::string sha256;
    std::string mediaType;
    std::string evidenceId;
};

// The case, when it has reached `authorityId` (sync_entity.authority_id, set once forwarded);
// nullopt for an unknown case and for one that is not this authority's alike, so that a caller
// cannot tell them apart. The caller serialises use of `db`.
std::optional<sync::CaseRecord> findInboxCase(kep::db::Database& db, std::string_view caseId,
                                              std::string_view authorityId);

// The case's attached files; entries that are not well-formed are left out (the field is the
// desk's JSON text).
std::vector<CaseDocument> documentsOf(const sync::CaseRecord& record);

// When the case was last forwarded, from its history; nullopt if it never was.
std::optional<kep::cases::Instant> forwardedAt(
    const std::vector<kep::cases::HistoryEntry>& history);

}  // namespace kep::server::authorities
