// GET /api/v1/public/status: a citizen asks how their case stands, by protocol number and ΑΦΜ
// or passport number, without signing in — rate-limited per address, and answering a wrong
// identifier exactly as an unknown number, so the route is no oracle for either.
#pragma once

#include "audit/ReadAudit.h"
#include "auth/AddressRateLimit.h"
#include "http/Router.h"
#include "storage/ServerStore.h"

namespace kep::server::api {

// A found case is audited before its status goes out (case.status_lookup, actor
// server:public_status). `store` and `reads` must outlive the router's use.
void registerPublicStatusRoutes(http::Router& router, storage::ServerStore& store,
                                audit::ReadAudit& reads, auth::AddressRate rate = {});

}  // namespace kep::server::api
