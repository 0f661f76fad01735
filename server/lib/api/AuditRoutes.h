// The audit log over HTTPS (issue 9): the newest signed checkpoint and the public key, for
// anyone to witness; a record's entries for its office's manager or the central
// administration; inclusion and consistency proofs against signed tree heads.
#pragma once

#include "http/Router.h"
#include "stats/ReadConnections.h"
#include "storage/ServerStore.h"

#include <memory>
#include <string>

namespace kep::server::api {

// GET /api/v1/audit/checkpoint — public: a tree size and hash, no personal data, published so
// that others can keep it and later hold the server to it (RFC 6962's signed tree head).
// GET /api/v1/audit/entries?record_type=&record_id=[&office=][&after=][&limit=] — audit.read
//   (a manager for their own office's entries, central_admin any).
// GET /api/v1/audit/proof?index=[&size=] — audit.read, scoped by the entry's office.
// GET /api/v1/audit/consistency?first=[&second=] — audit.read, national.
// `publicPem` is the audit signing key's public half; reads run on `reads`, never under the
// store's lock. Bad parameters answer 400 "invalid_query" naming the parameter.
void registerAuditRoutes(http::Router& router, storage::ServerStore& store,
                         std::shared_ptr<stats::ReadConnections> reads, std::string publicPem);

}  // namespace kep::server::api
