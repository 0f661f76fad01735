// The JSON of a case as the authority routes answer it: what the competent authority needs to
// decide — references, status, deadline, the citizen, the documents — and, in detail, history.
#pragma once

#include "shared/cases/CaseHistory.h"
#include "sync/CaseRecords.h"

#include <boost/json/object.hpp>

#include <vector>

namespace kep::server::api {

// {"id","protocol_number","procedure_id","office","status","status_reason","due_date","channel",
//  "language","forwarded_at","citizen","documents":[{"sha256","media_type","evidence_id"}],
//  "result_sha256","version"}; "citizen" is the filed JSON (null when it does not parse).
boost::json::object authorityCaseJson(const sync::CaseRecord& record,
                                      const std::vector<kep::cases::HistoryEntry>& history);

// [{"from","to","actor","actor_role","at","reason"}], oldest first.
boost::json::array historyJson(const std::vector<kep::cases::HistoryEntry>& history);

}  // namespace kep::server::api
