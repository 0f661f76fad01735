#include "pki/OpenSslHandles.h"

#include <openssl/err.h>
#include <openssl/pem.h>

#include <array>
#include <cstdio>

namespace kep::pki {

namespace {

std::string drainErrorQueue() {
    std::string reasons;
    while (const unsigned long code = ERR_get_error()) {
        std::array<char, 256> text{};
        ERR_error_string_n(code, text.data(), text.size());
        reasons += reasons.empty() ? "" : "; ";
        reasons += text.data();
    }
    return reasons;
}

std::string toHex(const unsigned char* bytes, std::size_t size) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        hex += kDigits[bytes[i] >> 4];
        hex += kDigits[bytes[i] & 0x0f];
    }
    return hex;
}

std::string bioText(BIO* bio) {
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<std::size_t>(size));
}

}  // namespace

OpenSslError::OpenSslError(std::string_view what)
    : std::runtime_error([&] {
        auto reasons = drainErrorQueue();
        return std::string(what) + (reasons.empty() ? "" : " (" + reasons + ")");
    }()) {}

CertificateHandle certificateFromPem(std::string_view pem, std::string_view what) {
    BioHandle bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    CertificateHandle certificate(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)
                                      : nullptr);
    if (!certificate) {
        throw OpenSslError("cannot read " + std::string(what));
    }
    return certificate;
}

KeyHandle privateKeyFromPem(std::string_view pem, std::string_view what) {
    BioHandle bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    KeyHandle key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!key) {
        throw OpenSslError("cannot read " + std::string(what));
    }
    return key;
}

std::string certificateToPem(X509* certificate) {
    BioHandle bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), certificate) != 1) {
        throw OpenSslError("cannot encode a certificate");
    }
    return bioText(bio.get());
}

std::string privateKeyToPem(EVP_PKEY* key) {
    BioHandle bio(BIO_new(BIO_s_mem()));
    if (!bio ||
        PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        throw OpenSslError("cannot encode a private key");
    }
    return bioText(bio.get());
}

std::string sha256Fingerprint(X509* certificate) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    if (X509_digest(certificate, EVP_sha256(), digest.data(), &size) != 1) {
        throw OpenSslError("cannot fingerprint a certificate");
    }
    return toHex(digest.data(), size);
}

std::string serialHex(X509* certificate) {
    const ASN1_INTEGER* serial = X509_get0_serialNumber(certificate);
    return toHex(serial->data, static_cast<std::size_t>(serial->length));
}

std::string subjectCommonName(X509* certificate) {
    X509_NAME* subject = X509_get_subject_name(certificate);
    const int index = X509_NAME_get_index_by_NID(subject, NID_commonName, -1);
    if (index < 0) {
        return {};
    }
    const ASN1_STRING* data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, index));
    unsigned char* utf8 = nullptr;
    const int size = ASN1_STRING_to_UTF8(&utf8, data);
    if (size < 0) {
        return {};
    }
    std::string name(reinterpret_cast<char*>(utf8), static_cast<std::size_t>(size));
    OPENSSL_free(utf8);
    return name;
}

}  // namespace kep::pki
