// The desk's data at rest after real work against a real kep-server: enrolled, a case filed and
// synced, a page scanned from SANE's test device and stored as an attachment — then every folder
// the desk made is 0770 and every file it wrote is readable by the counter's clerks only (0660),
// the workstation key by its owner only (0600), whatever the process umask.
#include "cases/ScanDialogDocument.h"
#include "core/platform/SaneTestDevice.h"
#include "core/sync/SyncTestServer.h"
#include "support/EnrolledDesk.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QtTest>

#include <sys/stat.h>

using namespace kep::desk;
using kep::desk::test::CounterPc;
using kep::desk::test::readDemo;
using kep::test::ServerProcess;

namespace {

mode_t modeOf(const QString& path) {
    struct stat info {};
    return ::lstat(QFile::encodeName(path).constData(), &info) == 0 ? (info.st_mode & 07777) : 0;
}

}  // namespace

class tst_DeskFilesE2e : public QObject {
    Q_OBJECT

private slots:
    void everyFileTheDeskMakesIsPrivate() {
        // The most common umask: the modes below must come from the desk, not from it.
        ::umask(022);
        QVERIFY(kep::test::writeSaneTestConfig(kep::test::saneConfigDir()));
        ServerProcess server;
        QVERIFY2(server.start(true), qPrintable(server.errorString()));
        const auto office = readDemo(server.demoJson());
        QVERIFY(office);

        CounterPc pc;
        const QString fault = pc.open(server, office->enrolmentCodes[0], office->clerk);
        QVERIFY2(fault.isEmpty(), qPrintable(fault));
        const kep::cases::Actor clerk{pc.session.userId.toStdString(),
                                      kep::cases::ActorRole::Clerk};
        pc.startSync(std::chrono::minutes(10));
        test::queueFiledCase(pc.db(), pc.deviceId(), 77, "Αντωνίου", clerk);
        QTRY_VERIFY_WITH_TIMEOUT(pc.watch->status.pendingOps == 0, 15000);
        pc.stopSync();

        // A page from the scanner, stored as the scan dialog stores it.
        auto scanner = platformScanner();
        QVERIFY(scanner);
        QCOMPARE(scanner->open(QStringLiteral("test:0")), ScanFailure::None);
        QList<ScannedPage> pages;
        ScanCallbacks callbacks;
        callbacks.pageScanned = [&](int, const ScannedPage& page) { pages.append(page); };
        QVERIFY(scanner->scan(ScanRequest{1, 50}, callbacks, {}).ok());
        const QString data = pc.workstation->dataFolder().path();
        const auto stored =
            ui::storeScannedDocument(pages, QDir(data).filePath(QStringLiteral("attachments")));
        QVERIFY(stored.attachment);

        const QString key = pc.workstation->dataFolder().keyFile();
        QCOMPARE(modeOf(data), mode_t(0770));
        QStringList seen;
        QDirIterator it(data, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const mode_t mode = modeOf(path);
            seen << QStringLiteral("%1 %2").arg(QDir(data).relativeFilePath(path)).arg(mode, 4, 8);
            if (QFileInfo(path).isDir()) {
                QVERIFY2(mode == 0770, qPrintable(seen.last()));
            } else if (path == key) {
                QVERIFY2(mode == 0600, qPrintable(seen.last()));
            } else {
                QVERIFY2(mode == 0660 || mode == 0600, qPrintable(seen.last()));
            }
        }
        qInfo("data folder: %s", qPrintable(seen.join(", ")));
        // What must be there: the database, the credential, the attachment.
        QVERIFY(QFileInfo::exists(pc.workstation->dataFolder().databaseFile()));
        QVERIFY(QFileInfo::exists(key));
        QVERIFY(QFileInfo::exists(stored.attachment->storedPath));
        QCOMPARE(modeOf(stored.attachment->storedPath), mode_t(0660));
        QCOMPARE(modeOf(pc.workstation->dataFolder().databaseFile()), mode_t(0660));
        pc.link.reset();
        pc.workstation.reset();
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_MAIN(tst_DeskFilesE2e)
#include "tst_desk_files_e2e.moc"
