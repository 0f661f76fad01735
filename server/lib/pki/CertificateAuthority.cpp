#include "pki/CertificateAuthority.h"

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/rand.h>

#include <array>

namespace kep::pki {

namespace {

using ExtensionHandle = std::unique_ptr<X509_EXTENSION, OpenSslDeleter<X509_EXTENSION_free>>;

void check(int ok, std::string_view what) {
    if (ok != 1) {
        throw OpenSslError(what);
    }
}

// 159 random bits: unique without a counter, positive as RFC 5280 requires.
void setRandomSerial(X509* certificate) {
    std::array<unsigned char, 20> bytes{};
    check(RAND_bytes(bytes.data(), static_cast<int>(bytes.size())), "random serial");
    bytes[0] &= 0x7f;
    bytes[0] |= 0x01;
    std::unique_ptr<BIGNUM, OpenSslDeleter<BN_free>> number(
        BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), nullptr));
    if (!number || !BN_to_ASN1_INTEGER(number.get(), X509_get_serialNumber(certificate))) {
        throw OpenSslError("random serial");
    }
}

// 128 random bits, for workstation certificates (RFC 5280 asks for at least 64 unpredictable
// bits; BN_bin2bn reads them as a positive number, so no bit is sacrificed to the sign).
void setRandom128BitSerial(X509* certificate) {
    std::array<unsigned char, 16> bytes{};
    do {
        check(RAND_bytes(bytes.data(), static_cast<int>(bytes.size())), "random serial");
    } while (bytes[0] == 0);  // keeps the length fixed and the serial non-zero
    std::unique_ptr<BIGNUM, OpenSslDeleter<BN_free>> number(
        BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), nullptr));
    if (!number || !BN_to_ASN1_INTEGER(number.get(), X509_get_serialNumber(certificate))) {
        throw OpenSslError("random serial");
    }
}

void addExtension(X509* certificate, X509* issuer, int nid, const std::string& value) {
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    ExtensionHandle extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value.c_str()));
    if (!extension || X509_add_ext(certificate, extension.get(), -1) != 1) {
        throw OpenSslError("certificate extension " + value);
    }
}

// The common part of every certificate: version 3, serial, validity, subject, public key.
CertificateHandle newCertificate(std::string_view commonName, EVP_PKEY* key, Days validity) {
    CertificateHandle certificate(X509_new());
    if (!certificate) {
        throw OpenSslError("new certificate");
    }
    check(X509_set_version(certificate.get(), X509_VERSION_3), "certificate version");
    setRandomSerial(certificate.get());
    // Back-dated a little so that a peer whose clock lags does not see it as not yet valid.
    if (!X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600) ||
        !X509_time_adj_ex(X509_getm_notAfter(certificate.get()), static_cast<int>(validity.count()),
                          0, nullptr)) {
        throw OpenSslError("certificate validity");
    }
    X509_NAME* subject = X509_get_subject_name(certificate.get());
    check(X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_UTF8,
                                     reinterpret_cast<const unsigned char*>("KEP Back Office"), -1,
                                     -1, 0),
          "certificate subject");
    check(X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                                     reinterpret_cast<const unsigned char*>(commonName.data()),
                                     static_cast<int>(commonName.size()), -1, 0),
          "certificate subject");
    check(X509_set_pubkey(certificate.get(), key), "certificate public key");
    return certificate;
}

std::chrono::system_clock::time_point notAfterOf(X509* certificate) {
    std::tm when{};
    if (ASN1_TIME_to_tm(X509_get0_notAfter(certificate), &when) != 1) {
        throw OpenSslError("certificate expiry");
    }
    return std::chrono::system_clock::from_time_t(timegm(&when));
}

}  // namespace

KeyHandle generateP256Key() {
    KeyHandle key(EVP_EC_gen("P-256"));
    if (!key) {
        throw OpenSslError("generate an ECDSA P-256 key");
    }
    return key;
}

CertificateAuthority CertificateAuthority::create(std::string_view commonName, Days validity) {
    auto key = generateP256Key();
    auto certificate = newCertificate(commonName, key.get(), validity);
    check(X509_set_issuer_name(certificate.get(), X509_get_subject_name(certificate.get())),
          "CA issuer");
    addExtension(certificate.get(), certificate.get(), NID_basic_constraints,
                 "critical,CA:TRUE,pathlen:0");
    addExtension(certificate.get(), certificate.get(), NID_key_usage,
                 "critical,keyCertSign,cRLSign");
    addExtension(certificate.get(), certificate.get(), NID_subject_key_identifier, "hash");
    if (X509_sign(certificate.get(), key.get(), EVP_sha256()) <= 0) {
        throw OpenSslError("sign the CA certificate");
    }
    return CertificateAuthority(std::move(certificate), std::move(key));
}

CertificateAuthority CertificateAuthority::load(std::string_view certificatePem,
                                                std::string_view keyPem) {
    auto certificate = certificateFromPem(certificatePem, "CA certificate");
    auto key = privateKeyFromPem(keyPem, "CA private key");
    if (X509_check_private_key(certificate.get(), key.get()) != 1) {
        throw OpenSslError("the CA key does not match the CA certificate");
    }
    return CertificateAuthority(std::move(certificate), std::move(key));
}

IssuedCertificate CertificateAuthority::issueServer(const ServerIdentity& identity,
                                                    Days validity) const {
    auto key = generateP256Key();
    auto certificate = newCertificate(identity.commonName, key.get(), validity);
    check(X509_set_issuer_name(certificate.get(), X509_get_subject_name(certificate_.get())),
          "certificate issuer");
    std::string names;
    for (const auto& dns : identity.dnsNames) {
        names += (names.empty() ? "DNS:" : ",DNS:") + dns;
    }
    for (const auto& ip : identity.ipAddresses) {
        names += (names.empty() ? "IP:" : ",IP:") + ip;
    }
    addExtension(certificate.get(), certificate_.get(), NID_basic_constraints, "critical,CA:FALSE");
    addExtension(certificate.get(), certificate_.get(), NID_key_usage, "critical,digitalSignature");
    addExtension(certificate.get(), certificate_.get(), NID_ext_key_usage, "serverAuth");
    addExtension(certificate.get(), certificate_.get(), NID_subject_alt_name, names);
    addExtension(certificate.get(), certificate_.get(), NID_authority_key_identifier,
                 "keyid:always");
    if (X509_sign(certificate.get(), key_.get(), EVP_sha256()) <= 0) {
        throw OpenSslError("sign a server certificate");
    }
    return {certificateToPem(certificate.get()), privateKeyToPem(key.get()),
            sha256Fingerprint(certificate.get()), notAfterOf(certificate.get()),
            serialHex(certificate.get())};
}

IssuedCertificate CertificateAuthority::issueClient(std::string_view commonName,
                                                    Days validity) const {
    auto key = generateP256Key();
    auto certificate = newCertificate(commonName, key.get(), validity);
    check(X509_set_issuer_name(certificate.get(), X509_get_subject_name(certificate_.get())),
          "certificate issuer");
    addExtension(certificate.get(), certificate_.get(), NID_basic_constraints, "critical,CA:FALSE");
    addExtension(certificate.get(), certificate_.get(), NID_key_usage, "critical,digitalSignature");
    addExtension(certificate.get(), certificate_.get(), NID_ext_key_usage, "clientAuth");
    addExtension(certificate.get(), certificate_.get(), NID_authority_key_identifier,
                 "keyid:always");
    if (X509_sign(certificate.get(), key_.get(), EVP_sha256()) <= 0) {
        throw OpenSslError("sign a client certificate");
    }
    return {certificateToPem(certificate.get()), privateKeyToPem(key.get()),
            sha256Fingerprint(certificate.get()), notAfterOf(certificate.get()),
            serialHex(certificate.get())};
}

IssuedCertificate CertificateAuthority::issueWorkstation(const CertificateRequest& request,
                                                         std::string_view deviceId,
                                                         std::string_view officeCode,
                                                         Days validity) const {
    CertificateHandle certificate(X509_new());
    if (!certificate) {
        throw OpenSslError("new certificate");
    }
    check(X509_set_version(certificate.get(), X509_VERSION_3), "certificate version");
    setRandom128BitSerial(certificate.get());
    if (!X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600) ||
        !X509_time_adj_ex(X509_getm_notAfter(certificate.get()), static_cast<int>(validity.count()),
                          0, nullptr)) {
        throw OpenSslError("certificate validity");
    }
    const std::string commonName = "device:" + std::string(deviceId);
    X509_NAME* subject = X509_get_subject_name(certificate.get());
    check(X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_UTF8,
                                     reinterpret_cast<const unsigned char*>(officeCode.data()),
                                     static_cast<int>(officeCode.size()), -1, 0),
          "certificate subject");
    check(X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                                     reinterpret_cast<const unsigned char*>(commonName.data()),
                                     static_cast<int>(commonName.size()), -1, 0),
          "certificate subject");
    check(X509_set_issuer_name(certificate.get(), X509_get_subject_name(certificate_.get())),
          "certificate issuer");
    check(X509_set_pubkey(certificate.get(), request.publicKey()), "certificate public key");
    addExtension(certificate.get(), certificate_.get(), NID_basic_constraints, "critical,CA:FALSE");
    addExtension(certificate.get(), certificate_.get(), NID_key_usage, "critical,digitalSignature");
    addExtension(certificate.get(), certificate_.get(), NID_ext_key_usage, "clientAuth");
    addExtension(certificate.get(), certificate_.get(), NID_subject_key_identifier, "hash");
    addExtension(certificate.get(), certificate_.get(), NID_authority_key_identifier,
                 "keyid:always");
    if (X509_sign(certificate.get(), key_.get(), EVP_sha256()) <= 0) {
        throw OpenSslError("sign a workstation certificate");
    }
    return {certificateToPem(certificate.get()),
            {},
            sha256Fingerprint(certificate.get()),
            notAfterOf(certificate.get()),
            serialHex(certificate.get())};
}

bool CertificateAuthority::verifies(std::string_view certificatePem, int purpose) const {
    CertificateHandle leaf;
    try {
        leaf = certificateFromPem(certificatePem, "certificate");
    } catch (const OpenSslError&) {
        return false;
    }
    StoreHandle store(X509_STORE_new());
    StoreContextHandle context(X509_STORE_CTX_new());
    if (!store || !context || X509_STORE_add_cert(store.get(), certificate_.get()) != 1 ||
        X509_STORE_CTX_init(context.get(), store.get(), leaf.get(), nullptr) != 1 ||
        X509_STORE_CTX_set_purpose(context.get(), purpose) != 1) {
        throw OpenSslError("set up certificate verification");
    }
    return X509_verify_cert(context.get()) == 1;
}

}  // namespace kep::pki
