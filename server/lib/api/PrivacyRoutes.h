// The personal-data routes (issue 9, must-have 3; docs/privacy.md): erasure on request and the
// Art. 15 export of one citizen, and the procedures' retention rules. The ΑΦΜ travels in the
// body, never in the URL (URLs reach logs).
#pragma once

#include "http/Router.h"
#include "privacy/RetentionRules.h"
#include "storage/ServerStore.h"

#include <string>

namespace kep::server::api {

// POST /api/v1/privacy/erasure (citizen.erase), POST /api/v1/privacy/export (citizen.export,
// scoped to an office holding a case of the citizen), GET /api/v1/privacy/retention and
// PUT|DELETE /api/v1/privacy/retention/{procedure} (privacy.retention). `store` must outlive
// the router; `database` is the one the server serves from (storage/DatabaseLocation.h),
// `dataDir` its data folder.
void registerPrivacyRoutes(http::Router& router, storage::ServerStore& store,
                           const std::string& database, const std::string& dataDir,
                           const privacy::RetentionSettings& settings);

}  // namespace kep::server::api
