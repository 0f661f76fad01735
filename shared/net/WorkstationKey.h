// A workstation's own credential, made on the desk: an ECDSA P-256 key and the CSR that asks the
// server's CA for a client certificate; and the checks on the key and certificate PEM kept after.
#pragma once

#include <chrono>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kep::net {

// A key, CSR or certificate that cannot be made, read or paired. The message names the fault
// (never key material).
class WorkstationKeyError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct WorkstationKeyRequest {
    std::string privateKeyPem;  // PKCS#8, unencrypted: the caller stores it with owner-only access
    std::string csrPem;         // signed with that key (SHA-256)
};

// A fresh P-256 key and a CSR for it. The subject's CN is `commonName` (the host name); the
// server ignores the subject and sets its own, so it is only a hint for whoever reads the CSR.
WorkstationKeyRequest makeWorkstationKeyRequest(std::string_view commonName);

struct WorkstationCertificate {
    std::string subject;  // one line, RFC 2253 ("O=0101,CN=device:0190…")
    std::string issuer;
    std::chrono::system_clock::time_point notAfter;
};

// Reads a PEM certificate.
WorkstationCertificate readWorkstationCertificate(std::string_view certificatePem);

// Reads the certificate and checks that the key is the private half of its public key (so a
// stray or swapped file is caught at start, not as a failed TLS handshake later).
WorkstationCertificate checkWorkstationCredential(std::string_view privateKeyPem,
                                                  std::string_view certificatePem);

}  // namespace kep::net
