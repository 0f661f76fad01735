// Where the workstation key goes: the OS key store when there is one, else an owner-only file;
// a desk enrolled with a file keeps it; and a key from the key store reaches the TLS client in
// memory (no file). Under the tests there is no key store: the detection must say so.
#include "HttpsTransport.h"
#include "WorkstationCredential.h"
#include "net/HttpsClient.h"
#include "platform/KeyStore.h"
#include "platform/KeychainKeyStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace kep::desk;

namespace {

// A key store that keeps the key in memory, as the OS key store does for the TLS client.
class MemoryKeyStore final : public KeyStore {
public:
    bool hasKey() const override { return !key_.isEmpty(); }
    QByteArray loadKey() const override { return key_; }
    void storeKey(const QByteArray& pem) override { key_ = pem; }
    void removeKey() override { key_.clear(); }
    QString tlsKeyFile() const override { return {}; }

private:
    QByteArray key_;
};

mode_t modeOf(const QString& path) {
    struct stat info {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? (info.st_mode & 07777) : 0;
}

}  // namespace

class tst_KeyStoreChoice : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;

    QString certificateFile() const { return dir_.filePath(QStringLiteral("workstation.pem")); }

private slots:
    void initTestCase() {
        QFile file(certificateFile());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("-----BEGIN CERTIFICATE-----\n");
    }

    void noKeyStoreUnderTheTests() {
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        QVERIFY(!systemKeychainAvailable());
    }

    void choice_data() {
        QTest::addColumn<bool>("keyFileExists");
        QTest::addColumn<bool>("keychainAvailable");
        QTest::addColumn<bool>("inFile");
        QTest::newRow("no key store: the file") << false << false << true;
        QTest::newRow("a key store: the key store") << false << true << false;
        QTest::newRow("enrolled with a file: the file stays") << true << true << true;
        QTest::newRow("enrolled with a file, no key store") << true << false << true;
    }
    void choice() {
        QFETCH(bool, keyFileExists);
        QFETCH(bool, keychainAvailable);
        QFETCH(bool, inFile);
        const QString keyFile =
            dir_.filePath(QStringLiteral("%1.pem").arg(QTest::currentDataTag()));
        if (keyFileExists) {
            FileKeyStore(keyFile).storeKey("-----BEGIN PRIVATE KEY-----\n");
        }
        const auto store = chooseKeyStore(keyFile, keychainAvailable);
        QCOMPARE(store->tlsKeyFile(), inFile ? keyFile : QString());
        QCOMPARE(dynamic_cast<KeychainKeyStore*>(store.get()) != nullptr, !inFile);
    }

    // Without a key store the key is a file only its owner may read, from the moment it exists.
    void fileStoreIsOwnerOnly() {
        const QString keyFile = dir_.filePath(QStringLiteral("owner-only.pem"));
        const auto store = chooseKeyStore(keyFile, false);
        store->storeKey("-----BEGIN PRIVATE KEY-----\n");
        QCOMPARE(modeOf(keyFile), mode_t(0600));
        QCOMPARE(store->loadKey(), QByteArray("-----BEGIN PRIVATE KEY-----\n"));
    }

    void keyFromTheKeyStoreReachesTlsInMemory() {
        auto memory = std::make_unique<MemoryKeyStore>();
        memory->storeKey("-----BEGIN PRIVATE KEY-----\nin memory\n");
        const QString certificate = certificateFile();
        WorkstationCredential credential(std::move(memory), certificate);
        QVERIFY(credential.tlsKeyFile().isEmpty());
        const auto source = credential.tlsKeySource();
        QVERIFY(source);
        const auto tls = tlsOptionsFor(ServerAddress{QStringLiteral("https://127.0.0.1:1"),
                                                     dir_.filePath(QStringLiteral("ca.pem")),
                                                     certificate,
                                                     {},
                                                     source});
        QCOMPARE(tls.clientKeyPem, std::string("-----BEGIN PRIVATE KEY-----\nin memory\n"));
        QVERIFY(tls.clientKeyFile.empty());
        QCOMPARE(tls.clientCertFile, QFile::encodeName(certificate).toStdString());
    }

    void fileKeyReachesTlsAsAPath() {
        const QString keyFile = dir_.filePath(QStringLiteral("path.pem"));
        FileKeyStore(keyFile).storeKey("-----BEGIN PRIVATE KEY-----\n");
        const QString certificate = certificateFile();
        WorkstationCredential credential(std::make_unique<FileKeyStore>(keyFile), certificate);
        QVERIFY(!credential.tlsKeySource());
        const auto tls = tlsOptionsFor(ServerAddress{QStringLiteral("https://127.0.0.1:1"),
                                                     dir_.filePath(QStringLiteral("ca.pem")),
                                                     certificate,
                                                     keyFile,
                                                     {}});
        QCOMPARE(tls.clientKeyFile, QFile::encodeName(keyFile).toStdString());
        QVERIFY(tls.clientKeyPem.empty());
    }
};

QTEST_GUILESS_MAIN(tst_KeyStoreChoice)
#include "tst_keystorechoice.moc"
