// A certificate authority in memory for desk tests: signs a workstation's CSR the way kep-server
// does (CN=device:<id>, O=<office>, ECDSA P-256), so enrolment can be tested without a server.
#pragma once

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

namespace kep::desk::test {

class TestCertificateAuthority {
public:
    TestCertificateAuthority() : key_(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256")) {}
    ~TestCertificateAuthority() { EVP_PKEY_free(key_); }
    TestCertificateAuthority(const TestCertificateAuthority&) = delete;
    TestCertificateAuthority& operator=(const TestCertificateAuthority&) = delete;

    // The PEM certificate for the CSR's public key; empty if the CSR cannot be read.
    QByteArray sign(const QByteArray& csrPem, const QByteArray& deviceId, const QByteArray& office,
                    long validSeconds = 365L * 24 * 3600) const {
        BIO* in = BIO_new_mem_buf(csrPem.constData(), int(csrPem.size()));
        X509_REQ* request = PEM_read_bio_X509_REQ(in, nullptr, nullptr, nullptr);
        BIO_free(in);
        if (!request) {
            return {};
        }
        X509* cert = X509_new();
        X509_set_version(cert, X509_VERSION_3);
        ASN1_INTEGER_set(X509_get_serialNumber(cert), ++serial_);
        X509_NAME* subject = X509_get_subject_name(cert);
        const QByteArray cn = "device:" + deviceId;
        X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(cn.constData()), -1, -1,
                                   0);
        X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(office.constData()), -1,
                                   -1, 0);
        X509_NAME* issuer = X509_get_issuer_name(cert);
        X509_NAME_add_entry_by_txt(issuer, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>("KEP Test CA"), -1, -1,
                                   0);
        X509_gmtime_adj(X509_getm_notBefore(cert), 0);
        X509_gmtime_adj(X509_getm_notAfter(cert), validSeconds);
        X509_set_pubkey(cert, X509_REQ_get0_pubkey(request));
        X509_sign(cert, key_, EVP_sha256());
        BIO* out = BIO_new(BIO_s_mem());
        PEM_write_bio_X509(out, cert);
        char* data = nullptr;
        const long size = BIO_get_mem_data(out, &data);
        QByteArray pem(data, int(size));
        BIO_free(out);
        X509_free(cert);
        X509_REQ_free(request);
        return pem;
    }

    // The body of a 201 answer to POST /api/v1/devices/enrol for this request body.
    QJsonObject enrolmentAnswer(const QByteArray& requestBody, const QByteArray& office = "0101") {
        const QJsonObject request = QJsonDocument::fromJson(requestBody).object();
        const QByteArray deviceId = "0190a6c2-0000-7000-8000-0000000000d1";
        return {{"deviceId", QString::fromLatin1(deviceId)},
                {"certificate", QString::fromLatin1(sign(request.value("csr").toString().toLatin1(),
                                                         deviceId, office))},
                {"caCertificate", "-----BEGIN CERTIFICATE-----\n"},
                {"office", QJsonObject{{"code", QString::fromLatin1(office)},
                                       {"name", QString::fromUtf8("ΚΕΠ Δοκιμών")}}}};
    }

private:
    EVP_PKEY* key_;
    mutable long serial_ = 0;
};

}  // namespace kep::desk::test
