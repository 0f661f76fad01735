// The attachment routes of kep-server (issue 6, must-have 5): a workstation uploads the files of
// its office's cases in resumable, SHA-256-verified chunks; content is shared by hash.
#pragma once

#include "attachments/AttachmentStore.h"
#include "http/Router.h"

#include <memory>

namespace kep::server::api {

// PUT /api/v1/attachments/{sha256}?size=N&type=application/pdf|image/jpeg|image/png
// PUT /api/v1/attachments/{sha256}/chunks/{index}   body: the chunk (application/octet-stream)
// GET /api/v1/attachments/{sha256}
// Each answers the upload's status (docs/api.md); bad input 400 naming the fault.
void registerAttachmentRoutes(http::Router& router,
                              std::shared_ptr<attachments::AttachmentStore> store);

}  // namespace kep::server::api
