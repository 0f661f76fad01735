// The sync routes of kep-server (issue 6, DESIGN.md decision 2): a workstation pushes its outbox
// and pulls its buckets by its certificate alone, and listens for nudges on a WebSocket.
#pragma once

#include "audit/ReadAudit.h"
#include "http/Router.h"
#include "sync/SyncServices.h"

#include <string>

namespace kep::server::api {

// POST /api/v1/sync/push          body: SyncProtocol PushRequest
// GET  /api/v1/sync/pull?protocol=&bucket=&cursor=&limit=
// GET  /api/v1/sync/ws?protocol=  (WebSocket: SyncProtocol Nudges)
// A pull that hands a desk its office's cases is audited first (bucket.pull, ReadAuditing.h).
// `sync` and `reads` must outlive the router's use.
void registerSyncRoutes(http::Router& router, sync::SyncServices& sync, audit::ReadAudit& reads);

// The protocol query parameter of a pull or WebSocket request. Throws HttpError 400
// "unsupported_protocol" (naming the accepted versions) when it is absent or not accepted.
int protocolParameter(const http::Request& request);

}  // namespace kep::server::api
