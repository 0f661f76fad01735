// The central administration's catalogue routes (session, central_admin): the drafts with their
// differences, publishing some or all of them, and a procedure's KEP-side options.
#pragma once

#include "http/Router.h"
#include "storage/ServerStore.h"

#include <cstddef>
#include <cstdint>

namespace kep::server::api {

inline constexpr std::int64_t kMaxDraftsPage = 100;
inline constexpr std::size_t kMaxPublishIds = 1000;
inline constexpr std::size_t kMaxProcedureIdBytes = 64;  // as catalogue_procedures.id allows

// GET  /api/v1/admin/catalogue/drafts?offset=&limit=&lang=el|en
// POST /api/v1/admin/catalogue/publish               {"ids":[…]} or {"all":true}
// PUT  /api/v1/admin/catalogue/procedures/{id}/options
//      {"requiresApproval"?,"competentAuthorityId"?,"offeredAtKep"?}
// Action catalogue.publish; bad input answers 400 naming the field or parameter.
void registerCatalogueAdminRoutes(http::Router& router, storage::ServerStore& store);

}  // namespace kep::server::api
