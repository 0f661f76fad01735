// RAII owners for the OpenSSL objects the PKI code juggles, and the one way it reports an OpenSSL
// failure (the library's error queue, drained into the exception text).
#pragma once

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kep::pki {

template <auto Free>
struct OpenSslDeleter {
    template <typename T>
    void operator()(T* p) const noexcept {
        Free(p);
    }
};

using KeyHandle = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY_free>>;
using CertificateHandle = std::unique_ptr<X509, OpenSslDeleter<X509_free>>;
using BioHandle = std::unique_ptr<BIO, OpenSslDeleter<BIO_free_all>>;
using StoreHandle = std::unique_ptr<X509_STORE, OpenSslDeleter<X509_STORE_free>>;
using StoreContextHandle = std::unique_ptr<X509_STORE_CTX, OpenSslDeleter<X509_STORE_CTX_free>>;

class OpenSslError : public std::runtime_error {
public:
    // `what` says what was being done; OpenSSL's queued reasons are appended and the queue cleared.
    explicit OpenSslError(std::string_view what);
};

// PEM text ⇄ objects. Parsing throws OpenSslError naming `what` (e.g. "CA certificate").
CertificateHandle certificateFromPem(std::string_view pem, std::string_view what);
KeyHandle privateKeyFromPem(std::string_view pem, std::string_view what);
std::string certificateToPem(X509* certificate);
std::string privateKeyToPem(EVP_PKEY* key);  // PKCS#8, unencrypted (the file is mode 0600)

// Lowercase hex of SHA-256 over the DER encoding, as PeerCertificate::sha256Fingerprint.
std::string sha256Fingerprint(X509* certificate);
std::string serialHex(X509* certificate);
std::string subjectCommonName(X509* certificate);

}  // namespace kep::pki
