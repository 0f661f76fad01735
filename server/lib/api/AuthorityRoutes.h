// A competent authority's inbox over REST (issue 7, must-have 2): its staff (session) and its
// own system (API key) list the cases forwarded to it, read one with its history and documents,
// and accept, ask for documents, reject or complete it with a result PDF.
#pragma once

#include "attachments/AttachmentStore.h"
#include "audit/ReadAudit.h"
#include "http/Router.h"
#include "storage/ServerStore.h"
#include "sync/SyncService.h"

#include <memory>

namespace kep::server::api {

// GET  /api/v1/authority/inbox?status=&limit=
// GET  /api/v1/authority/cases/{id}
// GET  /api/v1/authority/cases/{id}/documents/{sha256}
// POST /api/v1/authority/cases/{id}/accept | request-documents | reject | complete
// A case that has not reached the caller's authority is 404 on every route (docs/api.md).
// Decisions are ops of the server device "server:authority" through `service`; reads use
// `store`'s connection under its lock. Every answer that shows a case is audited first through
// `reads` (ReadAuditing.h). Everything passed must outlive the router.
void registerAuthorityRoutes(http::Router& router, storage::ServerStore& store,
                             sync::SyncService& service,
                             std::shared_ptr<attachments::AttachmentStore> files,
                             audit::ReadAudit& reads);

}  // namespace kep::server::api
