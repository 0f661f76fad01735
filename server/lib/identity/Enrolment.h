// Enrolling a workstation: a one-time code for an office and a CSR made on the desk become a
// client certificate from the internal CA and a row in devices. Rate-limited per address; one
// answer for an unknown, used or expired code, so the route is no oracle for codes.
#pragma once

#include "auth/UtcText.h"
#include "identity/DeviceRegistry.h"
#include "pki/CertificateAuthority.h"
#include "storage/ServerStore.h"

#include <chrono>
#include <mutex>
#include <string>
#include <string_view>

namespace kep::server::identity {

inline constexpr pki::Days kWorkstationCertificateValidity{365};

struct EnrolmentSettings {
    int attemptsPerAddress = 10;  // per window, counted whether the code was right or not
    std::chrono::seconds window{60};
};

struct EnrolmentRequest {
    std::string_view code;
    std::string_view csrPem;
    std::string_view hostname;
    std::string_view remoteAddress;
    auth::Instant now;
};

struct EnrolledWorkstation {
    Device device;
    std::string certificatePem;
};

class Enrolment {
public:
    Enrolment(storage::ServerStore& store, DeviceRegistry& devices,
              const pki::CertificateAuthority& ca, EnrolmentSettings settings = {})
        : store_(store)
        , devices_(devices)
        , ca_(ca)
        , settings_(settings) {}

    // Throws HttpError: 429 too_many_attempts (Retry-After in the message's header by the
    // route), 403 enrolment_code_invalid, 400 invalid_csr. Thread-safe.
    EnrolledWorkstation enrol(const EnrolmentRequest& request);

    // Seconds until this address may try again, or 0 when it may now (and counts the try).
    std::chrono::seconds countAttempt(std::string_view remoteAddress, auth::Instant now);

private:
    storage::ServerStore& store_;
    DeviceRegistry& devices_;
    const pki::CertificateAuthority& ca_;
    EnrolmentSettings settings_;
    std::mutex signing_;
};

}  // namespace kep::server::identity
