#include "api/IdentityJson.h"

namespace kep::server::api {

boost::json::object officeJson(const identity::Office& office) {
    return {{"code", office.code}, {"name", office.name}, {"region", office.region}};
}

boost::json::object officeRefJson(const identity::Office& office) {
    return {{"code", office.code}, {"name", office.name}};
}

boost::json::object userJson(const identity::UserAccount& account) {
    boost::json::object user{{"id", account.id},
                             {"username", account.username},
                             {"displayName", account.displayName},
                             {"role", account.role}};
    user["office"] =
        account.office ? boost::json::value(officeRefJson(*account.office)) : boost::json::value();
    if (!account.region.empty()) {
        user["region"] = account.region;
    }
    if (!account.authorityId.empty()) {
        user["authority"] = account.authorityId;
    }
    user["disabled"] = account.disabled;
    return user;
}

boost::json::object deviceJson(const identity::Device& device) {
    boost::json::object json{{"id", device.id},
                             {"office", device.office.code},
                             {"hostname", device.hostname},
                             {"enrolledAt", device.enrolledAt}};
    json["revokedAt"] =
        device.revokedAt ? boost::json::value(*device.revokedAt) : boost::json::value();
    return json;
}

}  // namespace kep::server::api
