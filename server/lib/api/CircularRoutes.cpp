#include "api/CircularRoutes.h"

#include "api/IdentityRoutes.h"
#include "api/OfficeActor.h"
#include "circulars/CircularStore.h"
#include "circulars/CircularsBucket.h"
#include "http/HttpError.h"
#include "http/JsonBody.h"
#include "identity/Directory.h"
#include "shared/domain/UtcTime.h"

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <set>

namespace kep::server::api {

namespace {

using circulars::AudienceKind;

constexpr std::size_t kMaxTitleBytes = 512;
constexpr std::size_t kMaxBodyBytes = 32 * 1024;
constexpr std::size_t kMaxCodeBytes = 32;
constexpr std::size_t kMaxRegionBytes = 256;
constexpr std::size_t kMaxOffices = 2000;

struct CircularContext {
    circulars::CircularStore circulars;
    identity::Directory directory;
    sync::NudgeHub& nudges;
};

[[noreturn]] void invalidField(std::string_view field, std::string_view rule) {
    throw http::HttpError(400, "invalid_field",
                          "field '" + std::string(field) + "' " + std::string(rule));
}

const boost::json::object& requireObject(const boost::json::object& body, std::string_view field) {
    const auto* value = body.if_contains(field);
    if (value == nullptr || !value->is_object()) {
        invalidField(field, "must be an object");
    }
    return value->get_object();
}

// {"el":"…","en":"…"?}: Greek required, English optional.
std::pair<std::string, std::string> bilingual(const boost::json::object& body,
                                              std::string_view field, std::size_t maxBytes) {
    const auto& text = requireObject(body, field);
    auto el = http::requireString(text, "el", maxBytes);
    if (el.empty()) {
        invalidField(std::string(field) + ".el", "must not be empty");
    }
    return {std::move(el), http::optionalString(text, "en", maxBytes).value_or("")};
}

// The audience as sent: {"kind":"all"} | {"kind":"region","region":R} |
// {"kind":"offices","offices":[codes]}; offices sorted and unique, each one known.
circulars::Audience readAudience(CircularContext& context, const boost::json::object& body) {
    const auto& audience = requireObject(body, "audience");
    const auto kind = circulars::audienceKindFromString(http::requireString(audience, "kind", 16));
    if (!kind) {
        invalidField("audience.kind", "must be all, region or offices");
    }
    circulars::Audience read{*kind, {}, {}};
    if (*kind == AudienceKind::Region) {
        read.region = http::requireString(audience, "region", kMaxRegionBytes);
        const auto offices = context.directory.offices();
        if (std::none_of(offices.begin(), offices.end(),
                         [&](const auto& office) { return office.region == read.region; })) {
            invalidField("audience.region", "names a region with no office");
        }
    } else if (*kind == AudienceKind::Offices) {
        const auto* codes = audience.if_contains("offices");
        if (codes == nullptr || !codes->is_array() || codes->get_array().empty() ||
            codes->get_array().size() > kMaxOffices) {
            invalidField("audience.offices",
                         "must be an array of 1 to " + std::to_string(kMaxOffices) + " codes");
        }
        std::set<std::string> unique;
        for (const auto& code : codes->get_array()) {
            if (!code.is_string() || code.get_string().empty() ||
                code.get_string().size() > kMaxCodeBytes) {
                invalidField("audience.offices", "must hold office codes");
            }
            unique.emplace(code.get_string());
        }
        read.offices.assign(unique.begin(), unique.end());
    }
    return read;
}

// Where the policy sees a circular: a region when every office of its audience is in that one
// region, else the nation (`known` false when an office named does not exist).
std::string scopeRegionOf(CircularContext& context, const circulars::Audience& audience,
                          bool* known = nullptr) {
    if (known != nullptr) {
        *known = true;
    }
    if (audience.kind == AudienceKind::All) {
        return {};
    }
    if (audience.kind == AudienceKind::Region) {
        return audience.region;
    }
    std::set<std::string> regions;
    for (const auto& code : audience.offices) {
        const auto office = context.directory.officeByCode(code);
        if (!office) {
            if (known != nullptr) {
                *known = false;
            }
            return {};
        }
        regions.insert(office->region);
    }
    return regions.size() == 1 && !regions.begin()->empty() ? *regions.begin() : std::string();
}

auth::ResourceScope sendScope(CircularContext& context, const http::Request& request) {
    const auto body = http::parseJsonObject(request);
    return {{}, scopeRegionOf(context, readAudience(context, body)), {}};
}

// An unknown circular is national: only national rules reach it, and its 404 tells nothing.
auth::ResourceScope circularScope(CircularContext& context, const http::Request& request) {
    const auto circular = context.circulars.find(request.pathParams.at("id"));
    return circular ? auth::ResourceScope{{}, circular->scopeRegion, {}} : auth::ResourceScope{};
}

boost::json::object circularJson(const circulars::Circular& circular) {
    boost::json::object audience{{"kind", circulars::toString(circular.audience.kind)}};
    if (circular.audience.kind == AudienceKind::Region) {
        audience["region"] = circular.audience.region;
    } else if (circular.audience.kind == AudienceKind::Offices) {
        boost::json::array codes;
        for (const auto& code : circular.audience.offices) {
            codes.emplace_back(code);
        }
        audience["offices"] = std::move(codes);
    }
    return {
        {"id", circular.id},
        {"seq", circular.seq},
        {"kind", circular.kind},
        {"title", {{"el", circular.text.titleEl}, {"en", circular.text.titleEn}}},
        {"body", {{"el", circular.text.bodyEl}, {"en", circular.text.bodyEn}}},
        {"audience", std::move(audience)},
        {"sender", circular.senderRegion.empty() ? std::string("national") : circular.senderRegion},
        {"sentAt", circular.sentAt}};
}

http::Response send(CircularContext& context, const http::Request& request) {
    const auto body = http::parseJsonObject(request);
    circulars::NewCircular circular;
    circular.kind = http::requireString(body, "kind", 32);
    if (!circulars::isCircularKind(circular.kind)) {
        invalidField("kind", "must be procedure_change, new_rule, outage or announcement");
    }
    auto [titleEl, titleEn] = bilingual(body, "title", kMaxTitleBytes);
    auto [bodyEl, bodyEn] = bilingual(body, "body", kMaxBodyBytes);
    circular.text = {std::move(titleEl), std::move(titleEn), std::move(bodyEl), std::move(bodyEn)};
    circular.audience = readAudience(context, body);
    bool known = true;
    circular.scopeRegion = scopeRegionOf(context, circular.audience, &known);
    if (!known) {
        invalidField("audience.offices", "names an office that does not exist");
    }
    const auto& user = *request.caller->user;
    circular.senderUserId = user.userId;
    // A region's IT staff send as their region; the central administration as the nation.
    circular.senderRegion = user.role == auth::Role::It ? user.region : std::string();
    const auto sent = context.circulars.send(circular);
    context.nudges.publish(
        {kep::sync::kProtocolVersion, std::string(sync::kCircularsBucket), sent.seq});
    return http::jsonResponse(boost::json::object{{"circular", circularJson(sent)}}, 201);
}

http::Response acknowledge(CircularContext& context, const http::Request& request) {
    const auto body = http::parseJsonObject(request);
    const auto& workstation = request.caller->workstation;
    const auto circular = context.circulars.find(request.pathParams.at("id"));
    // A circular for other offices is as unknown to this one as one never sent.
    if (!circular ||
        !circulars::reaches(circular->audience, workstation.officeCode, workstation.region)) {
        throw http::HttpError(404, "not_found", "no such circular for this office");
    }
    const auto userId = requireOfficeUser(context.directory, request, body);
    auto readAt = http::optionalString(body, "readAt", 32);
    if (readAt && !kep::domain::fromUtcText(*readAt)) {
        invalidField("readAt", "must be a UTC time as YYYY-MM-DDTHH:MM:SSZ");
    }
    const auto when = readAt.value_or(storage::isoUtc(std::chrono::system_clock::now()));
    const bool recorded =
        context.circulars.recordReceipt(circular->id, userId, workstation.officeCode, when);
    return http::jsonResponse(
        boost::json::object{{"circular", circular->id}, {"user", userId}, {"recorded", recorded}});
}

http::Response receipts(CircularContext& context, const http::Request& request) {
    const auto circular = context.circulars.find(request.pathParams.at("id"));
    if (!circular) {
        throw http::HttpError(404, "not_found", "no such circular");
    }
    const auto read = context.circulars.receipts(circular->id);
    // Every user of an office, once; grouped by office below.
    std::map<std::string, std::vector<identity::UserAccount>> staff;
    for (auto& user : context.directory.users(std::nullopt)) {
        if (user.office) {
            staff[user.office->code].push_back(std::move(user));
        }
    }
    boost::json::array offices;
    std::int64_t users = 0;
    std::int64_t readers = 0;
    for (const auto& office : context.directory.offices()) {
        if (!circulars::reaches(circular->audience, office.code, office.region)) {
            continue;
        }
        boost::json::array haveRead;
        boost::json::array notYet;
        for (const auto& user : staff[office.code]) {
            const auto receipt = read.find(user.id);
            if (receipt != read.end()) {
                haveRead.push_back({{"user_id", user.id},
                                    {"display_name", user.displayName},
                                    {"read_at", receipt->second}});
            } else if (!user.disabled) {
                notYet.push_back({{"user_id", user.id}, {"display_name", user.displayName}});
            }
        }
        users += static_cast<std::int64_t>(haveRead.size() + notYet.size());
        readers += static_cast<std::int64_t>(haveRead.size());
        offices.push_back({{"code", office.code},
                           {"name", office.name},
                           {"region", office.region},
                           {"read", std::move(haveRead)},
                           {"not_yet", std::move(notYet)}});
    }
    return http::jsonResponse(boost::json::object{{"circular", circularJson(*circular)},
                                                  {"users", users},
                                                  {"read", readers},
                                                  {"offices", std::move(offices)}});
}

}  // namespace

void registerCircularRoutes(http::Router& router, storage::ServerStore& store,
                            sync::NudgeHub& nudges) {
    auto context = std::make_shared<CircularContext>(
        CircularContext{circulars::CircularStore(store), identity::Directory(store), nudges});
    router.add(
        http::Method::Post, "/api/v1/circulars",
        http::RouteAccess::session(
            "circular.send", [context](const http::Request& r) { return sendScope(*context, r); }),
        [context](http::Request& request) { return send(*context, request); });
    router.add(http::Method::Post, "/api/v1/circulars/{id}/read",
               http::RouteAccess::workstation("circular.acknowledge", workstationOffice),
               [context](http::Request& request) { return acknowledge(*context, request); });
    router.add(http::Method::Get, "/api/v1/circulars/{id}/receipts",
               http::RouteAccess::session(
                   "circular.send",
                   [context](const http::Request& r) { return circularScope(*context, r); }),
               [context](http::Request& request) { return receipts(*context, request); });
}

}  // namespace kep::server::api
