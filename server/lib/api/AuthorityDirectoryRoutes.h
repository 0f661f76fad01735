// The central administration's view of the competent authorities (issue 7, must-have 1):
// list them and add one, as `kep-server authority list|add` do on the server's host.
#pragma once

#include "http/Router.h"
#include "storage/ServerStore.h"

namespace kep::server::api {

// GET  /api/v1/admin/authorities — session, authority.read (national)
// POST /api/v1/admin/authorities — session, authority.manage: {"id","name_el","name_en"} → 201
// `store` must outlive the router.
void registerAuthorityDirectoryRoutes(http::Router& router, storage::ServerStore& store);

}  // namespace kep::server::api
