#include "pki/CertificateRequest.h"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/pem.h>

#include <array>
#include <memory>

namespace kep::pki {

namespace {

using RequestHandle = std::unique_ptr<X509_REQ, OpenSslDeleter<X509_REQ_free>>;

[[noreturn]] void refuse(const char* why) {
    ERR_clear_error();  // OpenSSL's reasons may quote input; the answer names ours only
    throw InvalidCertificateRequest(why);
}

bool isP256(EVP_PKEY* key) {
    std::array<char, 64> curve{};
    std::size_t length = 0;
    return EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, curve.data(),
                                          curve.size(), &length) == 1 &&
           (std::string_view(curve.data(), length) == "prime256v1" ||
            std::string_view(curve.data(), length) == "P-256");
}

}  // namespace

CertificateRequest CertificateRequest::fromPem(std::string_view pem) {
    if (pem.find("-----BEGIN CERTIFICATE REQUEST-----") == std::string_view::npos) {
        refuse("csr is not a PEM certificate request");
    }
    BioHandle bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    RequestHandle request(bio ? PEM_read_bio_X509_REQ(bio.get(), nullptr, nullptr, nullptr)
                              : nullptr);
    if (!request) {
        refuse("csr is not a readable PEM certificate request");
    }
    KeyHandle key(X509_REQ_get_pubkey(request.get()));
    if (!key) {
        refuse("csr carries no readable public key");
    }
    switch (EVP_PKEY_get_base_id(key.get())) {
        case EVP_PKEY_EC:
            if (!isP256(key.get())) {
                refuse("csr key must be ECDSA P-256 or RSA of at least 2048 bits");
            }
            break;
        case EVP_PKEY_RSA:
            if (EVP_PKEY_get_bits(key.get()) < kMinimumRsaBits) {
                refuse("csr key must be ECDSA P-256 or RSA of at least 2048 bits");
            }
            break;
        default:
            refuse("csr key must be ECDSA P-256 or RSA of at least 2048 bits");
    }
    // Proves that whoever sent the CSR holds the private key.
    if (X509_REQ_verify(request.get(), key.get()) != 1) {
        refuse("csr signature does not verify");
    }
    return CertificateRequest(std::move(key));
}

}  // namespace kep::pki
