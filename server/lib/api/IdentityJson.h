// The JSON shapes of offices, users and devices in the identity routes' answers, written once
// so every route (and docs/api.md) agrees. Never the password hash.
#pragma once

#include "auth/UtcText.h"
#include "identity/DeviceRegistry.h"
#include "identity/Directory.h"

#include <boost/json/object.hpp>

namespace kep::server::api {

// {"code","name","region"}
boost::json::object officeJson(const identity::Office& office);
// {"code","name"}: how an office appears inside a user
boost::json::object officeRefJson(const identity::Office& office);
// {"id","username","displayName","role","office":{"code","name"}|null,"region"?,"disabled"}
boost::json::object userJson(const identity::UserAccount& account);
// {"id","office","hostname","enrolledAt","revokedAt"|null}
boost::json::object deviceJson(const identity::Device& device);

}  // namespace kep::server::api
