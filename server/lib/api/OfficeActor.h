// The person behind a desk's queued report (a circular's read receipt, a catalogue flag): sent
// later by the workstation alone, it names its user, who must be an active user of that
// workstation's office — the rule sync applies to the actor of every pushed op.
#pragma once

#include "auth/AccessPolicy.h"
#include "http/HttpMessage.h"
#include "identity/Directory.h"

#include <boost/json/object.hpp>

#include <string>

namespace kep::server::api {

// The calling workstation's own office (with its region): the scope of the routes it reports by.
auth::ResourceScope workstationOffice(const http::Request& request);

// The body's "user" (a user id): throws HttpError 400 invalid_field when it is missing, and 403
// "actor_forbidden" unless it is an enabled user of the calling workstation's office.
std::string requireOfficeUser(identity::Directory& directory, const http::Request& request,
                              const boost::json::object& body);

}  // namespace kep::server::api
