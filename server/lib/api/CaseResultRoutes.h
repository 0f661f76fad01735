// The KEP's side of a completed case (issue 7, must-have 2): the competent authority's result
// document, fetched by a workstation of the case's office so that the desk can print it.
#pragma once

#include "attachments/AttachmentStore.h"
#include "audit/ReadAudit.h"
#include "http/Router.h"
#include "storage/ServerStore.h"

#include <memory>

namespace kep::server::api {

// GET /api/v1/cases/{id}/result — workstation, attachment.read, scope: the case's office. 200
// with the PDF (audited first: case.read_result); 404 no_result while the case has none.
// `store` and `reads` must outlive the router.
void registerCaseResultRoutes(http::Router& router, storage::ServerStore& store,
                              std::shared_ptr<attachments::AttachmentStore> files,
                              audit::ReadAudit& reads);

}  // namespace kep::server::api
