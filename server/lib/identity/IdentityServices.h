// Everything identity and access needs while kep-server serves, built once at start-up over the
// server's store and CA: the directory, the devices, the API keys, sign-in, enrolment,
// administration, and the request gate the router hands every guarded request to.
#pragma once

#include "auth/SessionTokens.h"
#include "auth/SignInThrottle.h"
#include "identity/Administration.h"
#include "identity/ApiKeys.h"
#include "identity/DeviceRegistry.h"
#include "identity/Directory.h"
#include "identity/Enrolment.h"
#include "identity/RequestGate.h"
#include "identity/SignIn.h"
#include "pki/CertificateAuthority.h"
#include "storage/ServerStore.h"

#include <memory>

namespace kep::server::identity {

struct IdentitySettings {
    auth::ThrottleSettings throttle;
    auth::SessionLimits sessions;
    EnrolmentSettings enrolment;
};

struct IdentityServices {
    // `store` and `ca` must outlive the services.
    IdentityServices(storage::ServerStore& serverStore, const pki::CertificateAuthority& authority,
                     const IdentitySettings& settings)
        : store(serverStore)
        , ca(authority)
        , directory(serverStore)
        , devices(serverStore)
        , apiKeys(serverStore)
        , administration(serverStore, directory, devices)
        , signIn(serverStore, directory, settings.throttle, settings.sessions)
        , enrolment(serverStore, devices, authority, settings.enrolment)
        , gate(std::make_shared<RequestGate>(serverStore, directory, devices, apiKeys,
                                             settings.sessions)) {}

    storage::ServerStore& store;
    const pki::CertificateAuthority& ca;
    Directory directory;
    DeviceRegistry devices;
    ApiKeys apiKeys;
    Administration administration;
    SignIn signIn;
    Enrolment enrolment;
    std::shared_ptr<RequestGate> gate;
};

}  // namespace kep::server::identity
