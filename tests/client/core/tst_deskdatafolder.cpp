// DeskDataFolder and its platform part: which folder is chosen (configured, machine, per-user
// development), the folder made owner-and-group only, and files written whole with their mode.
#include "DeskDataFolder.h"
#include "platform/DeskFiles.h"
#include "platform/KeyStore.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace kep::desk;

namespace {
int modeOf(const QString& path) {
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0) {
        return -1;
    }
    return int(info.st_mode & 07777);
}
}  // namespace

class tst_DeskDataFolder : public QObject {
    Q_OBJECT

private slots:
    void choice_data() {
        QTest::addColumn<QString>("configured");
        QTest::addColumn<bool>("machineUsable");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("source");
        using S = DataFolderChoice::Source;
        QTest::newRow("configured wins over a usable machine folder")
            << "/srv/kep" << true << "/srv/kep" << int(S::Configured);
        QTest::newRow("machine folder when usable")
            << "" << true << "/var/lib/kep-desk" << int(S::Machine);
        QTest::newRow("development folder otherwise")
            << "" << false << "/home/u/.local/share/KEP/kep-desk" << int(S::Development);
    }
    void choice() {
        QFETCH(QString, configured);
        QFETCH(bool, machineUsable);
        QFETCH(QString, path);
        QFETCH(int, source);
        const DataFolderDefaults defaults{"/var/lib/kep-desk", "/home/u/.local/share/KEP/kep-desk"};
        QStringList asked;
        const DataFolderChoice choice =
            chooseDataFolder(configured, defaults, [&](const QString& candidate) {
                asked.append(candidate);
                return machineUsable;
            });
        QCOMPARE(choice.path, path);
        QCOMPARE(int(choice.source), source);
        // A configured folder is taken as given: the machine folder is not even looked at.
        QCOMPARE(asked.isEmpty(), !configured.isEmpty());
    }

    void platformDefaultsFollowXdg() {
        QTemporaryDir home;
        const QByteArray saved = qgetenv("XDG_DATA_HOME");
        qputenv("XDG_DATA_HOME", QFile::encodeName(home.path()));
        const DataFolderDefaults defaults = platformDataFolders();
        qputenv("XDG_DATA_HOME", saved);
        QCOMPARE(defaults.machine, QString("/var/lib/kep-desk"));
        QCOMPARE(defaults.development, home.path() + "/KEP/kep-desk");
    }

    void usableMeansAWritableExistingFolder() {
        QTemporaryDir dir;
        QVERIFY(isWritableFolder(dir.path()));
        QVERIFY(!isWritableFolder(dir.filePath("missing")));
        QFile file(dir.filePath("file"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(!isWritableFolder(file.fileName()));
    }

    void openCreatesAPrivateFolder() {
        QTemporaryDir dir;
        const QString path = dir.filePath("a/b/kep-desk");
        QString error;
        const auto folder = DeskDataFolder::open(path, &error);
        QVERIFY2(folder, qPrintable(error));
        QCOMPARE(modeOf(path), 0770);
        QCOMPARE(folder->databaseFile(), path + "/desk.db");
        QCOMPARE(folder->keyFile(), path + "/workstation-key.pem");
        QCOMPARE(folder->certificateFile(), path + "/workstation.pem");
    }

    void openTightensAnOwnOpenFolder() {
        QTemporaryDir dir;
        QVERIFY(QFile::setPermissions(
            dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                            QFileDevice::ReadOther | QFileDevice::ExeOther));
        QString error;
        QVERIFY2(DeskDataFolder::open(dir.path(), &error), qPrintable(error));
        QCOMPARE(modeOf(dir.path()), 0770);
    }

    void openRefusesAFile() {
        QTemporaryDir dir;
        QFile file(dir.filePath("desk"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QString error;
        QVERIFY(!DeskDataFolder::open(file.fileName(), &error));
        QVERIFY2(error.contains("not a folder"), qPrintable(error));
    }

    void filesAreWrittenWholeWithTheirMode_data() {
        QTest::addColumn<int>("access");
        QTest::addColumn<int>("mode");
        QTest::newRow("key") << int(FileAccess::OwnerOnly) << 0600;
        QTest::newRow("shared") << int(FileAccess::OwnerAndGroup) << 0660;
    }
    void filesAreWrittenWholeWithTheirMode() {
        QFETCH(int, access);
        QFETCH(int, mode);
        QTemporaryDir dir;
        const QString path = dir.filePath("file.pem");
        QString error;
        QVERIFY2(writeFileAtomically(path, "first", FileAccess(access), &error), qPrintable(error));
        QVERIFY2(writeFileAtomically(path, "second", FileAccess(access), &error),
                 qPrintable(error));
        QCOMPARE(modeOf(path), mode);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("second"));
        QVERIFY(!QFile::exists(path + ".new"));  // no temporary left behind
    }

    void writingIntoAMissingFolderFails() {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!writeFileAtomically(dir.filePath("missing/key.pem"), "x", FileAccess::OwnerOnly,
                                     &error));
        QVERIFY2(error.contains("missing/key.pem"), qPrintable(error));
    }

    void fileKeyStoreKeepsTheKeyOwnerOnly() {
        QTemporaryDir dir;
        FileKeyStore keys(dir.filePath("workstation-key.pem"));
        QVERIFY(!keys.hasKey());
        QVERIFY_THROWS_EXCEPTION(KeyStoreError, keys.loadKey());
        keys.storeKey("-----BEGIN PRIVATE KEY-----\nsynthetic\n");
        QVERIFY(keys.hasKey());
        QCOMPARE(modeOf(keys.tlsKeyFile()), 0600);
        QCOMPARE(keys.loadKey(), QByteArray("-----BEGIN PRIVATE KEY-----\nsynthetic\n"));
        keys.removeKey();
        QVERIFY(!keys.hasKey());
    }
};

QTEST_GUILESS_MAIN(tst_DeskDataFolder)
#include "tst_deskdatafolder.moc"
