#include "net/WorkstationKey.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <ctime>
#include <memory>

namespace kep::net {

namespace {

template <auto Free>
struct Deleter {
    template <typename T>
    void operator()(T* p) const noexcept {
        Free(p);
    }
};
using Bio = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using Request = std::unique_ptr<X509_REQ, Deleter<X509_REQ_free>>;
using Certificate = std::unique_ptr<X509, Deleter<X509_free>>;

// The CN of a certificate request is at most 64 characters (RFC 5280 ub-common-name).
constexpr std::size_t kMaxCommonName = 64;

[[noreturn]] void fail(const std::string& what) {
    // OpenSSL's own reason, without any of the data it was given.
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    std::string message = "workstation credential: " + what;
    if (code != 0) {
        char reason[256];
        ERR_error_string_n(code, reason, sizeof reason);
        message += std::string(" (") + reason + ")";
    }
    throw WorkstationKeyError(message);
}

Bio readingBio(std::string_view pem) {
    Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    if (!bio) {
        fail("out of memory");
    }
    return bio;
}

Bio writingBio() {
    Bio bio(BIO_new(BIO_s_mem()));
    if (!bio) {
        fail("out of memory");
    }
    return bio;
}

std::string contentsOf(BIO* bio) {
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<std::size_t>(size));
}

std::string oneLine(const X509_NAME* name) {
    Bio bio = writingBio();
    if (X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253) < 0) {
        fail("cannot print a certificate name");
    }
    return contentsOf(bio.get());
}

Certificate parseCertificate(std::string_view pem) {
    Bio bio = readingBio(pem);
    Certificate certificate(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!certificate) {
        fail("the certificate is not a PEM X.509 certificate");
    }
    return certificate;
}

WorkstationCertificate summarise(const X509* certificate) {
    WorkstationCertificate summary;
    summary.subject = oneLine(X509_get_subject_name(certificate));
    summary.issuer = oneLine(X509_get_issuer_name(certificate));
    std::tm notAfter{};
    if (ASN1_TIME_to_tm(X509_get0_notAfter(certificate), &notAfter) != 1) {
        fail("the certificate's notAfter cannot be read");
    }
    summary.notAfter = std::chrono::system_clock::from_time_t(timegm(&notAfter));
    return summary;
}

}  // namespace

WorkstationKeyRequest makeWorkstationKeyRequest(std::string_view commonName) {
    Key key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!key) {
        fail("cannot generate a P-256 key");
    }
    Request request(X509_REQ_new());
    if (!request || X509_REQ_set_version(request.get(), X509_REQ_VERSION_1) != 1) {
        fail("cannot make a certificate request");
    }
    std::string cn(commonName.substr(0, kMaxCommonName));
    if (cn.empty()) {
        cn = "kep-desk";
    }
    X509_NAME* subject = X509_REQ_get_subject_name(request.get());
    if (X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(cn.data()),
                                   static_cast<int>(cn.size()), -1, 0) != 1) {
        fail("cannot set the request's subject");
    }
    if (X509_REQ_set_pubkey(request.get(), key.get()) != 1 ||
        X509_REQ_sign(request.get(), key.get(), EVP_sha256()) <= 0) {
        fail("cannot sign the certificate request");
    }

    WorkstationKeyRequest out;
    Bio keyBio = writingBio();
    if (PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) !=
        1) {
        fail("cannot write the key as PEM");
    }
    out.privateKeyPem = contentsOf(keyBio.get());
    Bio csrBio = writingBio();
    if (PEM_write_bio_X509_REQ(csrBio.get(), request.get()) != 1) {
        fail("cannot write the request as PEM");
    }
    out.csrPem = contentsOf(csrBio.get());
    return out;
}

WorkstationCertificate readWorkstationCertificate(std::string_view certificatePem) {
    return summarise(parseCertificate(certificatePem).get());
}

WorkstationCertificate checkWorkstationCredential(std::string_view privateKeyPem,
                                                  std::string_view certificatePem) {
    const Certificate certificate = parseCertificate(certificatePem);
    Bio bio = readingBio(privateKeyPem);
    const Key key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    if (!key) {
        fail("the key is not an unencrypted PEM private key");
    }
    if (EVP_PKEY_eq(X509_get0_pubkey(certificate.get()), key.get()) != 1) {
        ERR_clear_error();
        throw WorkstationKeyError(
            "workstation credential: the key does not belong to the certificate");
    }
    return summarise(certificate.get());
}

}  // namespace kep::net
