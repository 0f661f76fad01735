// WorkstationCredential: the key made here and the certificate the CA issued for it are stored
// together (key 0600), read back as enrolled, and a certificate for another key is refused.
#include "../support/TestCertificateAuthority.h"
#include "WorkstationCredential.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace kep::desk;
using kep::desk::test::TestCertificateAuthority;

namespace {
int modeOf(const QString& path) {
    struct stat info {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 0777) : -1;
}
}  // namespace

class tst_WorkstationCredential : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    TestCertificateAuthority ca_;

    std::unique_ptr<WorkstationCredential> credentialIn(const QString& name) {
        QDir().mkpath(dir_.filePath(name));
        return std::make_unique<WorkstationCredential>(
            std::make_unique<FileKeyStore>(dir_.filePath(name + "/workstation-key.pem")),
            dir_.filePath(name + "/workstation.pem"));
    }

private slots:
    void storesKeyAndCertificateTogether() {
        auto credential = credentialIn("ok");
        QString problem;
        QVERIFY(!credential->isEnrolled(&problem));
        QVERIFY(problem.contains("not enrolled"));
        const auto pending = WorkstationCredential::newKeyRequest("counter-3");
        QVERIFY(pending->csrPem.startsWith("-----BEGIN CERTIFICATE REQUEST-----"));
        const QByteArray certificate = ca_.sign(pending->csrPem, "dev-1", "0101");
        const WorkstationCertificateInfo info = credential->store(*pending, certificate);
        QCOMPARE(info.deviceId, QString("dev-1"));
        QCOMPARE(info.officeCode, QString("0101"));
        QVERIFY(info.notAfter > QDateTime::currentDateTimeUtc().addDays(364));
        QVERIFY2(credential->isEnrolled(&problem), qPrintable(problem));
        QCOMPARE(modeOf(credential->tlsKeyFile()), 0600);
        QCOMPARE(modeOf(credential->certificateFile()), 0660);
        QCOMPARE(credential->certificate()->deviceId, QString("dev-1"));

        credential->forget();
        QVERIFY(!credential->isEnrolled());
        QVERIFY(!QFile::exists(credential->tlsKeyFile()));
    }

    void certificateForAnotherKeyIsRefused() {
        auto credential = credentialIn("other");
        const auto mine = WorkstationCredential::newKeyRequest("counter-3");
        const auto theirs = WorkstationCredential::newKeyRequest("counter-4");
        const QByteArray certificate = ca_.sign(theirs->csrPem, "dev-2", "0101");
        QVERIFY_THROWS_EXCEPTION(CredentialError, credential->store(*mine, certificate));
        QVERIFY_THROWS_EXCEPTION(CredentialError, credential->store(*mine, "not a certificate"));
        // Nothing half-stored.
        QVERIFY(!QFile::exists(credential->tlsKeyFile()));
        QVERIFY(!QFile::exists(credential->certificateFile()));
    }

    void swappedFilesReadAsNotEnrolled() {
        auto credential = credentialIn("swapped");
        const auto first = WorkstationCredential::newKeyRequest("counter-3");
        credential->store(*first, ca_.sign(first->csrPem, "dev-3", "0101"));
        const auto second = WorkstationCredential::newKeyRequest("counter-3");
        QFile certificate(credential->certificateFile());
        QVERIFY(certificate.open(QIODevice::WriteOnly | QIODevice::Truncate));
        certificate.write(ca_.sign(second->csrPem, "dev-4", "0101"));
        certificate.close();
        QString problem;
        QVERIFY(!credential->isEnrolled(&problem));
        QVERIFY2(problem.contains("does not belong"), qPrintable(problem));
    }
};

QTEST_GUILESS_MAIN(tst_WorkstationCredential)
#include "tst_workstationcredential.moc"
