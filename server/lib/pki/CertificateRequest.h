// A workstation's certificate signing request, checked before the internal CA signs anything:
// PEM that parses as one CSR, a self-signature that verifies (the desk holds the key), and a key
// the project accepts — ECDSA P-256, or RSA of at least 2048 bits.
#pragma once

#include "pki/OpenSslHandles.h"

#include <stdexcept>
#include <string_view>

namespace kep::pki {

// Why a CSR was refused, in words fit for the 400 answer (no key material).
class InvalidCertificateRequest : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

inline constexpr int kMinimumRsaBits = 2048;

class CertificateRequest {
public:
    // Throws InvalidCertificateRequest naming the fault. The subject is read but never used:
    // the CA writes its own.
    static CertificateRequest fromPem(std::string_view pem);

    // The public key the certificate will certify (owned by the request).
    EVP_PKEY* publicKey() const noexcept { return key_.get(); }

private:
    explicit CertificateRequest(KeyHandle key) : key_(std::move(key)) {}
    KeyHandle key_;
};

}  // namespace kep::pki
