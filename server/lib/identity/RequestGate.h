// The middleware in front of every guarded route: which workstation is calling (its verified
// certificate, looked up in devices on every request so a revocation counts at once, or the
// admin tool's admin.pem), which user (a session token bound to that certificate), or which
// system (an API key, looked up the same way), and then AccessPolicy::decide for the route's
// action and scope. One place; no route checks alone.
#pragma once

#include "auth/SessionTokens.h"
#include "http/RouteAccess.h"
#include "identity/ApiKeys.h"
#include "identity/DeviceRegistry.h"
#include "identity/Directory.h"
#include "storage/ServerStore.h"

#include <functional>

namespace kep::server::identity {

class RequestGate final : public http::Gatekeeper {
public:
    // Told of each request the policy refuses, before the 403 goes out, with the principal it
    // refused (the audit of denied reads, issue 9). Set once at start-up, before serving.
    using DenialWitness = std::function<void(const http::Request&, const http::RouteAccess&,
                                             const auth::Principal&, const http::Caller&)>;

    RequestGate(storage::ServerStore& store, Directory& directory, DeviceRegistry& devices,
                ApiKeys& apiKeys, auth::SessionLimits sessions)
        : store_(store)
        , directory_(directory)
        , devices_(devices)
        , apiKeys_(apiKeys)
        , sessions_(sessions) {}

    // 401 workstation_required (no verified certificate, or not an enrolled one), 401
    // workstation_revoked, 401 session_invalid / session_expired, 401 api_key_invalid (none,
    // unknown or revoked, on API-key routes), 403 forbidden.
    std::optional<http::Response> admit(http::Request& request,
                                        const http::RouteAccess& access) const override;

    void setDenialWitness(DenialWitness witness) { denialWitness_ = std::move(witness); }

private:
    // The workstation behind the certificate, or the refusal.
    std::optional<http::Response> identifyWorkstation(const http::PeerCertificate& certificate,
                                                      http::Caller& caller) const;
    std::optional<http::Response> identifyUser(const http::Request& request,
                                               http::Caller& caller) const;
    std::optional<http::Response> identifySystem(const http::Request& request,
                                                 http::Caller& caller) const;
    // decide() for the caller's principal; the 403 (witnessed) when it refuses.
    std::optional<http::Response> authorise(http::Request& request, const http::RouteAccess& access,
                                            const auth::Principal& principal) const;

    storage::ServerStore& store_;
    Directory& directory_;
    DeviceRegistry& devices_;
    ApiKeys& apiKeys_;
    auth::SessionLimits sessions_;
    DenialWitness denialWitness_;
};

// The current second, as identity counts time.
auth::Instant nowInstant();

}  // namespace kep::server::identity
