#include "api/OfficeActor.h"

#include "http/HttpError.h"
#include "http/JsonBody.h"

namespace kep::server::api {

namespace {

constexpr std::size_t kMaxUserIdBytes = 128;

}  // namespace

auth::ResourceScope workstationOffice(const http::Request& request) {
    if (!request.caller) {
        return {};
    }
    return {request.caller->workstation.officeCode, request.caller->workstation.region, {}};
}

std::string requireOfficeUser(identity::Directory& directory, const http::Request& request,
                              const boost::json::object& body) {
    auto userId = http::requireString(body, "user", kMaxUserIdBytes);
    const auto account = directory.userById(userId);
    if (!account || account->disabled || !account->office ||
        account->office->code != request.caller->workstation.officeCode) {
        throw http::HttpError(403, "actor_forbidden",
                              "'user' is not an active user of this workstation's office");
    }
    return userId;
}

}  // namespace kep::server::api
