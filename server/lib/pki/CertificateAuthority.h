// kep-server's internal certificate authority: the development CA that `init` creates, which
// issues the server's TLS certificate, the administrator's client certificate and (later) the
// certificates of enrolled workstations. ECDSA P-256 throughout, OpenSSL 3 EVP/X509 APIs.
#pragma once

#include "pki/CertificateRequest.h"
#include "pki/OpenSslHandles.h"

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace kep::pki {

using Days = std::chrono::duration<long, std::ratio<86400>>;

struct IssuedCertificate {
    std::string certificatePem;
    std::string privateKeyPem;
    std::string sha256Fingerprint;
    std::chrono::system_clock::time_point notAfter;
    std::string serialHex;  // set by issueWorkstation (the devices table keeps it)
};

struct ServerIdentity {
    std::string commonName = "localhost";
    std::vector<std::string> dnsNames{"localhost"};
    std::vector<std::string> ipAddresses{"127.0.0.1", "::1"};
};

class CertificateAuthority {
public:
    // A fresh self-signed CA (basicConstraints CA:TRUE, pathlen 0, keyCertSign + cRLSign).
    static CertificateAuthority create(std::string_view commonName, Days validity);
    // The CA from its PEM files' contents; throws OpenSslError if they do not belong together.
    static CertificateAuthority load(std::string_view certificatePem, std::string_view keyPem);

    // A TLS server certificate (serverAuth) with the identity's names as subjectAltName.
    IssuedCertificate issueServer(const ServerIdentity& identity, Days validity) const;
    // A TLS client certificate (clientAuth) for `commonName`.
    IssuedCertificate issueClient(std::string_view commonName, Days validity) const;
    // An enrolled workstation's certificate for the key of `request` (whose subject is
    // ignored): subject CN=device:<deviceId>, O=<officeCode>; clientAuth only; a random 128-bit
    // serial. privateKeyPem stays empty: the key never left the desk.
    IssuedCertificate issueWorkstation(const CertificateRequest& request, std::string_view deviceId,
                                       std::string_view officeCode, Days validity) const;

    std::string certificatePem() const { return certificateToPem(certificate_.get()); }
    std::string privateKeyPem() const { return privateKeyToPem(key_.get()); }
    X509* certificate() const noexcept { return certificate_.get(); }

    // True when `certificatePem` chains to this CA and is valid now for `purpose`
    // (X509_PURPOSE_SSL_CLIENT or X509_PURPOSE_SSL_SERVER).
    bool verifies(std::string_view certificatePem, int purpose) const;

private:
    CertificateAuthority(CertificateHandle certificate, KeyHandle key)
        : certificate_(std::move(certificate))
        , key_(std::move(key)) {}

    CertificateHandle certificate_;
    KeyHandle key_;
};

// A new ECDSA P-256 key.
KeyHandle generateP256Key();

}  // namespace kep::pki
