#include "identity/Enrolment.h"

#include "auth/AddressRateLimit.h"
#include "auth/SqliteSignInThrottleStore.h"
#include "http/HttpError.h"
#include "identity/EnrolmentCode.h"
#include "shared/domain/Uuid.h"

namespace kep::server::identity {

namespace {

[[noreturn]] void codeInvalid() {
    throw http::HttpError(403, "enrolment_code_invalid",
                          "the enrolment code is unknown, used or expired");
}

}  // namespace

std::chrono::seconds Enrolment::countAttempt(std::string_view remoteAddress, auth::Instant now) {
    std::lock_guard lock(store_.mutex());
    auth::SqliteSignInThrottleStore counters(store_.database());
    // The sign-in throttle's address counters, under their own key, so enrolment and sign-in
    // attempts are limited separately.
    return auth::countAddressRequest(counters, "enrol:" + std::string(remoteAddress),
                                     {settings_.attemptsPerAddress, settings_.window}, now);
}

EnrolledWorkstation Enrolment::enrol(const EnrolmentRequest& request) {
    const auto code = normaliseEnrolmentCode(request.code);
    if (!code) {
        codeInvalid();
    }
    const auto codeHash = enrolmentCodeHash(*code);
    const auto office = devices_.officeOfLiveCode(codeHash, request.now);
    if (!office) {
        codeInvalid();
    }
    std::optional<pki::CertificateRequest> csr;
    try {
        csr.emplace(pki::CertificateRequest::fromPem(request.csrPem));
    } catch (const pki::InvalidCertificateRequest& refusal) {
        throw http::HttpError(400, "invalid_csr", refusal.what());
    }

    Device device;
    device.id = kep::domain::newUuidV7().toString();
    device.office = *office;
    device.hostname = std::string(request.hostname);
    pki::IssuedCertificate issued;
    {
        std::lock_guard lock(signing_);
        issued =
            ca_.issueWorkstation(*csr, device.id, office->code, kWorkstationCertificateValidity);
    }
    device.certificateFingerprint = issued.sha256Fingerprint;
    device.certificateSerial = issued.serialHex;
    // The code is spent only here, with the device row, in one transaction: two desks racing
    // with one code get one certificate that works and one 403.
    if (!devices_.enrol(codeHash, request.now, device)) {
        codeInvalid();
    }
    return {*devices_.byId(device.id), std::move(issued.certificatePem)};
}

}  // namespace kep::server::identity
