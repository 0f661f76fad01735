#include "identity/RequestGate.h"

#include "auth/AccessPolicy.h"
#include "auth/SqliteSessionStore.h"

namespace kep::server::identity {

namespace {

char lowerAscii(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// The credentials after "<scheme> " in the Authorization header; `scheme` is lowercase.
std::optional<std::string_view> credentials(const http::Request& request,
                                            std::string_view kScheme) {
    const auto header = request.header("Authorization");
    if (!header || header->size() <= kScheme.size()) {
        return std::nullopt;
    }
    // The scheme is case-insensitive (RFC 9110); the token is not.
    for (std::size_t i = 0; i < kScheme.size(); ++i) {
        if (lowerAscii((*header)[i]) != kScheme[i]) {
            return std::nullopt;
        }
    }
    return header->substr(kScheme.size());
}

std::optional<std::string_view> bearerToken(const http::Request& request) {
    return credentials(request, "bearer ");
}

}  // namespace

auth::Instant nowInstant() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::optional<http::Response> RequestGate::identifyWorkstation(
    const http::PeerCertificate& certificate, http::Caller& caller) const {
    caller.certificateFingerprint = certificate.sha256Fingerprint;
    if (store_.isAdminCertificate(certificate.sha256Fingerprint)) {
        caller.workstation = {auth::PrincipalKind::AdminTool, auth::Role::Any, {}, {}, {}, {}};
        return std::nullopt;
    }
    const auto device = devices_.byFingerprint(certificate.sha256Fingerprint);
    if (!device) {
        return http::Response::error(401, "workstation_required",
                                     "this route needs an enrolled workstation's certificate");
    }
    if (device->revokedAt) {
        return http::Response::error(401, "workstation_revoked",
                                     "this workstation's certificate has been revoked");
    }
    caller.deviceId = device->id;
    caller.workstation = {auth::PrincipalKind::Workstation,
                          auth::Role::Any,
                          {},
                          device->office.code,
                          device->office.region,
                          {}};
    return std::nullopt;
}

std::optional<http::Response> RequestGate::identifyUser(const http::Request& request,
                                                        http::Caller& caller) const {
    const auto token = bearerToken(request);
    if (!token) {
        return http::Response::error(401, "session_invalid",
                                     "this route needs 'Authorization: Bearer <token>'");
    }
    auth::SessionCheck check;
    {
        std::lock_guard lock(store_.mutex());
        auth::SqliteSessionStore rows(store_.database());
        check = auth::SessionTokens(rows, sessions_)
                    .validate(*token, caller.certificateFingerprint, nowInstant());
    }
    if (check.refusal == auth::SessionRefusal::IdleExpired ||
        check.refusal == auth::SessionRefusal::AbsoluteExpired) {
        return http::Response::error(401, "session_expired", "the session has expired");
    }
    if (!check.valid()) {
        return http::Response::error(401, "session_invalid",
                                     "no valid session for this workstation");
    }
    const auto account = directory_.userById(check.session->userId);
    if (!account || account->disabled) {
        return http::Response::error(401, "session_invalid",
                                     "no valid session for this workstation");
    }
    caller.user = principalOf(*account);
    caller.sessionToken = std::string(*token);
    return std::nullopt;
}

std::optional<http::Response> RequestGate::identifySystem(const http::Request& request,
                                                          http::Caller& caller) const {
    // gov.gr and EU-GO send their key as "Bearer <key>" (issue 7); "ApiKey <key>" is the rest's.
    auto key = credentials(request, "apikey ");
    if (!key) {
        key = bearerToken(request);
    }
    const auto record = key ? apiKeys_.byKey(*key) : std::nullopt;
    // One answer for none, unknown and revoked: a caller learns nothing about which keys exist.
    if (!record || record->revokedAt) {
        return http::Response::error(401, "api_key_invalid",
                                     "this route needs 'Authorization: ApiKey <key>' with a "
                                     "valid key");
    }
    caller.system =
        auth::Principal{auth::PrincipalKind::ApiKey, record->role, {}, {}, {}, record->authorityId};
    caller.systemName = record->name;
    caller.systemKeyId = record->id;
    return std::nullopt;
}

std::optional<http::Response> RequestGate::admit(http::Request& request,
                                                 const http::RouteAccess& access) const {
    if (access.gate == http::Gate::SessionOrApiKey) {
        // The scheme says which: a key is never mistaken for a session token, nor the reverse.
        http::RouteAccess as = access;
        as.gate = credentials(request, "apikey ") ? http::Gate::ApiKey : http::Gate::Session;
        return admit(request, as);
    }
    if (access.gate == http::Gate::ApiKey) {
        // Systems call without a client certificate (DESIGN.md decision 6).
        http::Caller caller;
        if (auto refusal = identifySystem(request, caller)) {
            return refusal;
        }
        request.caller = std::move(caller);
        return authorise(request, access, *request.caller->system);
    }
    if (!request.peerCertificate) {
        return http::Response::error(401, "workstation_required",
                                     "this route needs an enrolled workstation's certificate");
    }
    http::Caller caller;
    if (auto refusal = identifyWorkstation(*request.peerCertificate, caller)) {
        return refusal;
    }
    if (access.gate == http::Gate::Session) {
        if (auto refusal = identifyUser(request, caller)) {
            return refusal;
        }
    }
    request.caller = std::move(caller);
    return authorise(
        request, access,
        access.gate == http::Gate::Session ? *request.caller->user : request.caller->workstation);
}

std::optional<http::Response> RequestGate::authorise(http::Request& request,
                                                     const http::RouteAccess& access,
                                                     const auth::Principal& principal) const {
    const auth::ResourceScope scope = access.scope ? access.scope(request) : auth::ResourceScope{};
    const auto decision = auth::decide(principal, access.action, scope);
    if (decision) {
        return std::nullopt;
    }
    if (denialWitness_) {
        denialWitness_(request, access, principal, *request.caller);
    }
    request.caller.reset();
    return http::Response::error(403, "forbidden", decision.reason);
}

}  // namespace kep::server::identity
