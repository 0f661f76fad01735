// The internal CA: its own certificate, the server certificate's names and usage, client
// certificates that verify against it and only against it.
#include "pki/CertificateAuthority.h"

#include <openssl/x509v3.h>

#include <QTest>

using kep::pki::CertificateAuthority;
using kep::pki::Days;

namespace {

// The subjectAltName entries as "DNS:x" / "IP:1.2.3.4" strings.
QStringList subjectAltNames(X509* certificate) {
    QStringList names;
    auto* general = static_cast<GENERAL_NAMES*>(
        X509_get_ext_d2i(certificate, NID_subject_alt_name, nullptr, nullptr));
    for (int i = 0; general && i < sk_GENERAL_NAME_num(general); ++i) {
        const GENERAL_NAME* name = sk_GENERAL_NAME_value(general, i);
        if (name->type == GEN_DNS) {
            names << "DNS:" + QString::fromLatin1(reinterpret_cast<const char*>(
                                  ASN1_STRING_get0_data(name->d.dNSName)));
        } else if (name->type == GEN_IPADD) {
            names << "IP:" + QString::number(ASN1_STRING_length(name->d.iPAddress)) + "bytes";
        }
    }
    GENERAL_NAMES_free(general);
    return names;
}

bool matchesIp(X509* certificate, const char* ip) {
    return X509_check_ip_asc(certificate, ip, 0) == 1;
}

}  // namespace

class tst_CertificateAuthority : public QObject {
    Q_OBJECT

private:
    CertificateAuthority ca_ = CertificateAuthority::create("Test CA", Days(3650));

private slots:
    void caIsAnEcdsaP256CertificateAuthorityForTenYears() {
        X509* certificate = ca_.certificate();
        QCOMPARE(X509_check_ca(certificate), 1);
        EVP_PKEY* key = X509_get0_pubkey(certificate);
        QCOMPARE(EVP_PKEY_get_base_id(key), EVP_PKEY_EC);
        char group[64] = {};
        size_t length = 0;
        QVERIFY(EVP_PKEY_get_group_name(key, group, sizeof group, &length) == 1);
        QCOMPARE(QString::fromLatin1(group), QStringLiteral("prime256v1"));
        int days = 0;
        int seconds = 0;
        QVERIFY(ASN1_TIME_diff(&days, &seconds, X509_get0_notBefore(certificate),
                               X509_get0_notAfter(certificate)));
        QVERIFY(days >= 3650 && days <= 3651);
        QCOMPARE(QString::fromStdString(kep::pki::subjectCommonName(certificate)),
                 QStringLiteral("Test CA"));
    }

    void serverCertificateNamesLocalhostAndLoopback() {
        const auto issued = ca_.issueServer({}, Days(825));
        auto certificate = kep::pki::certificateFromPem(issued.certificatePem, "server");
        QCOMPARE(X509_check_host(certificate.get(), "localhost", 0, 0, nullptr), 1);
        QVERIFY(matchesIp(certificate.get(), "127.0.0.1"));
        QVERIFY(matchesIp(certificate.get(), "::1"));
        QVERIFY(!matchesIp(certificate.get(), "10.0.0.1"));
        QCOMPARE(X509_check_host(certificate.get(), "kep.example", 0, 0, nullptr), 0);
        QCOMPARE(subjectAltNames(certificate.get()),
                 QStringList({"DNS:localhost", "IP:4bytes", "IP:16bytes"}));
        QVERIFY(ca_.verifies(issued.certificatePem, X509_PURPOSE_SSL_SERVER));
        // A server certificate is no client certificate.
        QVERIFY(!ca_.verifies(issued.certificatePem, X509_PURPOSE_SSL_CLIENT));
        QCOMPARE(X509_check_ca(certificate.get()), 0);
    }

    void keyBelongsToTheCertificate() {
        const auto issued = ca_.issueServer({}, Days(30));
        auto certificate = kep::pki::certificateFromPem(issued.certificatePem, "server");
        auto key = kep::pki::privateKeyFromPem(issued.privateKeyPem, "key");
        QCOMPARE(X509_check_private_key(certificate.get(), key.get()), 1);
        QCOMPARE(QString::fromStdString(issued.sha256Fingerprint),
                 QString::fromStdString(kep::pki::sha256Fingerprint(certificate.get())));
        QCOMPARE(issued.sha256Fingerprint.size(), std::size_t(64));
    }

    void clientCertificateVerifiesOnlyAgainstItsCa() {
        const auto admin = ca_.issueClient("kep-admin", Days(825));
        QVERIFY(ca_.verifies(admin.certificatePem, X509_PURPOSE_SSL_CLIENT));
        QVERIFY(!ca_.verifies(admin.certificatePem, X509_PURPOSE_SSL_SERVER));
        const auto other = CertificateAuthority::create("Other CA", Days(10));
        QVERIFY(!other.verifies(admin.certificatePem, X509_PURPOSE_SSL_CLIENT));
        QVERIFY(!ca_.verifies("not a certificate", X509_PURPOSE_SSL_CLIENT));
        auto certificate = kep::pki::certificateFromPem(admin.certificatePem, "admin");
        QCOMPARE(QString::fromStdString(kep::pki::subjectCommonName(certificate.get())),
                 QStringLiteral("kep-admin"));
    }

    void serialsAreRandomAndPositive() {
        const auto a = ca_.issueClient("a", Days(1));
        const auto b = ca_.issueClient("b", Days(1));
        auto first = kep::pki::certificateFromPem(a.certificatePem, "a");
        auto second = kep::pki::certificateFromPem(b.certificatePem, "b");
        QVERIFY(kep::pki::serialHex(first.get()) != kep::pki::serialHex(second.get()));
        QVERIFY(X509_get0_serialNumber(first.get())->type == V_ASN1_INTEGER);
    }

    void loadRoundTripsAndRefusesAForeignKey() {
        const auto loaded = CertificateAuthority::load(ca_.certificatePem(), ca_.privateKeyPem());
        const auto issued = loaded.issueClient("desk", Days(1));
        QVERIFY(ca_.verifies(issued.certificatePem, X509_PURPOSE_SSL_CLIENT));
        const auto other = CertificateAuthority::create("Other CA", Days(10));
        QVERIFY_THROWS_EXCEPTION(
            kep::pki::OpenSslError,
            CertificateAuthority::load(ca_.certificatePem(), other.privateKeyPem()));
    }
};

QTEST_GUILESS_MAIN(tst_CertificateAuthority)
#include "tst_certificate_authority.moc"
