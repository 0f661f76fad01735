// WorkstationKey: the desk's P-256 key and CSR, and the checks on the key and certificate it
// keeps (key and certificate belong together; subject and notAfter read back).
#include "net/WorkstationKey.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <QtTest>

#include <memory>

using namespace kep::net;

namespace {

struct BioFree {
    void operator()(BIO* b) const { BIO_free_all(b); }
};
struct KeyFree {
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct ReqFree {
    void operator()(X509_REQ* r) const { X509_REQ_free(r); }
};
struct CertFree {
    void operator()(X509* c) const { X509_free(c); }
};

std::unique_ptr<X509_REQ, ReqFree> parseRequest(const std::string& pem) {
    std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(pem.data(), int(pem.size())));
    return std::unique_ptr<X509_REQ, ReqFree>(
        PEM_read_bio_X509_REQ(bio.get(), nullptr, nullptr, nullptr));
}

std::unique_ptr<EVP_PKEY, KeyFree> parseKey(const std::string& pem) {
    std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(pem.data(), int(pem.size())));
    return std::unique_ptr<EVP_PKEY, KeyFree>(
        PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
}

// A CA's answer to the CSR, played by the key itself: a self-signed certificate with the
// server's subject form and a known validity, as PEM.
std::string issue(const WorkstationKeyRequest& request, long validSeconds) {
    auto req = parseRequest(request.csrPem);
    auto key = parseKey(request.privateKeyPem);
    std::unique_ptr<X509, CertFree> cert(X509_new());
    X509_set_version(cert.get(), X509_VERSION_3);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 7);
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>("0101"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>("device:test-1"), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), validSeconds);
    X509_set_pubkey(cert.get(), X509_REQ_get0_pubkey(req.get()));
    X509_sign(cert.get(), key.get(), EVP_sha256());
    std::unique_ptr<BIO, BioFree> out(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(out.get(), cert.get());
    char* data = nullptr;
    const long size = BIO_get_mem_data(out.get(), &data);
    return std::string(data, std::size_t(size));
}

}  // namespace

class tst_WorkstationKey : public QObject {
    Q_OBJECT

private slots:
    void requestIsSignedByAFreshP256Key() {
        const WorkstationKeyRequest request = makeWorkstationKeyRequest("counter-3");
        QVERIFY(request.privateKeyPem.starts_with("-----BEGIN PRIVATE KEY-----"));
        QVERIFY(request.csrPem.starts_with("-----BEGIN CERTIFICATE REQUEST-----"));
        auto req = parseRequest(request.csrPem);
        QVERIFY(req);
        EVP_PKEY* publicKey = X509_REQ_get0_pubkey(req.get());
        QVERIFY(publicKey);
        QVERIFY(EVP_PKEY_is_a(publicKey, "EC"));
        char group[64] = {};
        size_t groupLength = 0;
        QCOMPARE(EVP_PKEY_get_group_name(publicKey, group, sizeof group, &groupLength), 1);
        QCOMPARE(QByteArray(group), QByteArray("prime256v1"));
        QCOMPARE(X509_REQ_verify(req.get(), publicKey), 1);
        // The CSR carries the public half of exactly the key that is returned.
        auto key = parseKey(request.privateKeyPem);
        QVERIFY(key);
        QCOMPARE(EVP_PKEY_eq(publicKey, key.get()), 1);
        // Each call makes a new key.
        QVERIFY(makeWorkstationKeyRequest("counter-3").privateKeyPem != request.privateKeyPem);
    }

    void commonNameIsTheHintGiven_data() {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("expected");
        QTest::newRow("host name") << "counter-3"
                                   << "counter-3";
        QTest::newRow("empty") << ""
                               << "kep-desk";
        QTest::newRow("too long") << QString(80, 'h') << QString(64, 'h');
    }
    void commonNameIsTheHintGiven() {
        QFETCH(QString, given);
        QFETCH(QString, expected);
        auto req = parseRequest(makeWorkstationKeyRequest(given.toStdString()).csrPem);
        QVERIFY(req);
        char cn[128] = {};
        X509_NAME_get_text_by_NID(X509_REQ_get_subject_name(req.get()), NID_commonName, cn,
                                  sizeof cn);
        QCOMPARE(QString::fromUtf8(cn), expected);
    }

    void matchingKeyAndCertificateAreRead() {
        const WorkstationKeyRequest request = makeWorkstationKeyRequest("counter-3");
        const long validFor = 365L * 24 * 3600;
        const auto before = std::chrono::system_clock::now();
        const std::string certificate = issue(request, validFor);
        const WorkstationCertificate info =
            checkWorkstationCredential(request.privateKeyPem, certificate);
        QCOMPARE(QString::fromStdString(info.subject), QString("CN=device:test-1,O=0101"));
        QCOMPARE(info.issuer, info.subject);
        const auto expected = before + std::chrono::seconds(validFor);
        QVERIFY(std::chrono::abs(info.notAfter - expected) < std::chrono::seconds(5));
        QCOMPARE(readWorkstationCertificate(certificate).subject, info.subject);
    }

    void mismatchedOrUnreadableInputIsRefused_data() {
        QTest::addColumn<int>("keyCase");
        QTest::addColumn<int>("certCase");
        QTest::addColumn<QString>("message");
        // 0 = the right one, 1 = another key's, 2 = garbage
        QTest::newRow("other key") << 1 << 0 << "does not belong";
        QTest::newRow("garbage key") << 2 << 0 << "not an unencrypted PEM private key";
        QTest::newRow("garbage certificate") << 0 << 2 << "not a PEM X.509 certificate";
        QTest::newRow("CSR instead of certificate") << 0 << 3 << "not a PEM X.509 certificate";
    }
    void mismatchedOrUnreadableInputIsRefused() {
        QFETCH(int, keyCase);
        QFETCH(int, certCase);
        QFETCH(QString, message);
        const WorkstationKeyRequest mine = makeWorkstationKeyRequest("counter-3");
        const WorkstationKeyRequest other = makeWorkstationKeyRequest("counter-4");
        const std::string certificate = issue(mine, 3600);
        const std::string keys[] = {mine.privateKeyPem, other.privateKeyPem, "not a key"};
        const std::string certificates[] = {certificate, "", "-----BEGIN CERTIFICATE-----\nAAAA",
                                            mine.csrPem};
        try {
            checkWorkstationCredential(keys[keyCase], certificates[certCase]);
            QFAIL("accepted");
        } catch (const WorkstationKeyError& e) {
            QVERIFY2(QString(e.what()).contains(message), e.what());
            // Never echoes key material.
            QVERIFY(!QString(e.what()).contains("BEGIN"));
        }
    }
};

QTEST_APPLESS_MAIN(tst_WorkstationKey)
#include "tst_workstation_key.moc"
