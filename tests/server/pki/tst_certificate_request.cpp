// Workstation enrolment on the CA's side: which CSRs are signed at all (P-256 or RSA ≥ 2048,
// a signature that verifies, PEM that parses), and what the issued certificate says — the
// subject the server chose, client authentication only, one year, a random 128-bit serial.
#include "pki/CertificateAuthority.h"
#include "pki/CertificateRequest.h"

#include <openssl/bn.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <QTest>

#include <set>

using kep::pki::CertificateAuthority;
using kep::pki::CertificateRequest;
using kep::pki::Days;
using kep::pki::InvalidCertificateRequest;

namespace {

enum class Tamper { None, Signature };

// A CSR for a fresh key of the given kind ("P-256", "P-384", "RSA-1024", "RSA-2048",
// "Ed25519"), with a subject the CA must ignore.
std::string csrPem(const std::string& kind, Tamper tamper = Tamper::None) {
    EVP_PKEY* key = nullptr;
    if (kind.rfind("RSA-", 0) == 0) {
        key = EVP_RSA_gen(static_cast<unsigned>(std::stoi(kind.substr(4))));
    } else if (kind == "Ed25519") {
        key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
    } else {
        key = EVP_EC_gen(kind.c_str());
    }
    X509_REQ* request = X509_REQ_new();
    X509_NAME_add_entry_by_txt(X509_REQ_get_subject_name(request), "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>("admin"), -1, -1, 0);
    X509_REQ_set_pubkey(request, key);
    X509_REQ_sign(request, key, kind == "Ed25519" ? nullptr : EVP_sha256());
    if (tamper == Tamper::Signature) {
        const ASN1_BIT_STRING* signature = nullptr;
        X509_REQ_get0_signature(request, &signature, nullptr);
        auto* bytes = const_cast<unsigned char*>(ASN1_STRING_get0_data(signature));
        bytes[ASN1_STRING_length(signature) - 3] ^= 0x01;
    }
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509_REQ(bio, request);
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    std::string pem(data, static_cast<std::size_t>(size));
    BIO_free(bio);
    X509_REQ_free(request);
    EVP_PKEY_free(key);
    return pem;
}

QString nameEntry(X509_NAME* name, int nid) {
    const int index = X509_NAME_get_index_by_NID(name, nid, -1);
    if (index < 0) {
        return {};
    }
    const ASN1_STRING* text = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
    return QString::fromUtf8(reinterpret_cast<const char*>(ASN1_STRING_get0_data(text)),
                             ASN1_STRING_length(text));
}

}  // namespace

class tst_CertificateRequest : public QObject {
    Q_OBJECT

private slots:
    void keysAndSignatures_data() {
        QTest::addColumn<QString>("pem");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("reason");
        QTest::newRow("P-256") << QString::fromStdString(csrPem("P-256")) << true << "";
        QTest::newRow("RSA 2048") << QString::fromStdString(csrPem("RSA-2048")) << true << "";
        QTest::newRow("RSA 1024") << QString::fromStdString(csrPem("RSA-1024")) << false << "2048";
        QTest::newRow("P-384") << QString::fromStdString(csrPem("P-384")) << false << "P-256";
        QTest::newRow("Ed25519") << QString::fromStdString(csrPem("Ed25519")) << false << "P-256";
        QTest::newRow("bad signature")
            << QString::fromStdString(csrPem("P-256", Tamper::Signature)) << false << "signature";
        QTest::newRow("a certificate, not a request")
            << "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
            << false << "PEM";
        QTest::newRow("truncated")
            << QString::fromStdString(csrPem("P-256").substr(0, 200)) << false << "readable";
        QTest::newRow("empty") << "" << false << "PEM";
    }
    void keysAndSignatures() {
        QFETCH(QString, pem);
        QFETCH(bool, accepted);
        QFETCH(QString, reason);
        try {
            const auto request = CertificateRequest::fromPem(pem.toStdString());
            QVERIFY2(accepted, "a CSR that must be refused was accepted");
            QVERIFY(request.publicKey() != nullptr);
        } catch (const InvalidCertificateRequest& error) {
            QVERIFY2(!accepted, error.what());
            QVERIFY2(QString(error.what()).contains(reason), error.what());
        }
    }

    void issuedCertificateCarriesTheServersChoices() {
        const auto ca = CertificateAuthority::create("Test CA", Days(30));
        const auto request = CertificateRequest::fromPem(csrPem("P-256"));
        const auto issued =
            ca.issueWorkstation(request, "0190a3c2-7d1e-7000-8000-00000000d001", "0101", Days(365));
        QVERIFY(issued.privateKeyPem.empty());
        QCOMPARE(issued.sha256Fingerprint.size(), std::size_t(64));

        BIO* bio = BIO_new_mem_buf(issued.certificatePem.data(),
                                   static_cast<int>(issued.certificatePem.size()));
        X509* certificate = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
        BIO_free(bio);
        QVERIFY(certificate);
        // The CSR asked for CN=admin: the server's subject replaces it.
        QCOMPARE(nameEntry(X509_get_subject_name(certificate), NID_commonName),
                 QStringLiteral("device:0190a3c2-7d1e-7000-8000-00000000d001"));
        QCOMPARE(nameEntry(X509_get_subject_name(certificate), NID_organizationName),
                 QStringLiteral("0101"));
        QCOMPARE(X509_get_extended_key_usage(certificate), std::uint32_t(XKU_SSL_CLIENT));
        QCOMPARE(X509_check_ca(certificate), 0);
        const auto days = std::chrono::duration_cast<std::chrono::hours>(
                              issued.notAfter - std::chrono::system_clock::now())
                              .count() /
                          24;
        QVERIFY2(days >= 364 && days <= 365, qPrintable(QString::number(days)));
        BIGNUM* serial = ASN1_INTEGER_to_BN(X509_get_serialNumber(certificate), nullptr);
        QCOMPARE(BN_num_bits(serial) > 120, true);
        QCOMPARE(BN_num_bits(serial) <= 128, true);
        BN_free(serial);
        X509_free(certificate);

        QVERIFY(ca.verifies(issued.certificatePem, X509_PURPOSE_SSL_CLIENT));
        QVERIFY(!ca.verifies(issued.certificatePem, X509_PURPOSE_SSL_SERVER));
        const auto otherCa = CertificateAuthority::create("Other CA", Days(30));
        QVERIFY(!otherCa.verifies(issued.certificatePem, X509_PURPOSE_SSL_CLIENT));
    }

    void serialsDiffer() {
        const auto ca = CertificateAuthority::create("Test CA", Days(30));
        const auto request = CertificateRequest::fromPem(csrPem("P-256"));
        std::set<std::string> serials;
        for (int i = 0; i < 20; ++i) {
            serials.insert(ca.issueWorkstation(request, "d", "0101", Days(365)).serialHex);
        }
        QCOMPARE(serials.size(), std::size_t(20));
    }
};

QTEST_GUILESS_MAIN(tst_CertificateRequest)
#include "tst_certificate_request.moc"
