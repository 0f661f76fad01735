// Backup and restore in process, over a hand-made data folder: the checkpoint log cut to the
// snapshot's checkpoints, a log cut to whole lines, a relative archive path, long member names,
// attachments checked against their names, and archive members that would leave the folder.
#include "db/Database.h"
#include "ops/Backup.h"
#include "ops/Restore.h"
#include "ops/Sha256.h"
#include "ops/TarArchive.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using kep::server::ops::restoreBackup;
using kep::server::ops::takeBackup;

namespace {

void writeFile(const QString& path, const QByteArray& bytes) {
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

class tst_BackupArchive : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString data_;

private slots:
    void init() {
        data_ = dir_.filePath(QString("data-%1").arg(QTest::currentTestFunction()));
        QVERIFY(QDir().mkpath(data_ + "/audit"));
        auto db = kep::db::Database::open((data_ + "/kep.db").toStdString());
        // Two checkpoints in the database; the log has a third line written before its row
        // (the checkpointer writes the file first), which the backup must leave out.
        db.exec("CREATE TABLE IF NOT EXISTS audit_checkpoint (tree_size INTEGER PRIMARY KEY)");
        db.exec("INSERT OR IGNORE INTO audit_checkpoint VALUES (1), (2)");
        writeFile(data_ + "/audit/checkpoints.log", "one\ntwo\nthree\n");
        writeFile(data_ + "/notifications.log", "whole line\nhalf a li");
        const QByteArray scan("%PDF-1.7 a scanned page");
        writeFile(dir_.filePath("scan.pdf"), scan);
        const auto sha = QString::fromStdString(
            kep::server::ops::sha256OfFile(dir_.filePath("scan.pdf").toStdString()));
        writeFile(data_ + "/attachments/" + sha + ".pdf", scan);
        writeFile(data_ + "/reports/" + QString(120, 'r') + "/" + QString(60, 'm') + ".csv",
                  "month");
    }

    void roundTripWithARelativeArchivePath() {
        const auto previous = QDir::currentPath();
        QDir::setCurrent(dir_.path());
        const auto report = takeBackup(data_.toStdString(), "relative.tar");
        QDir::setCurrent(previous);
        QVERIFY(QFileInfo::exists(dir_.filePath("relative.tar")));
        QVERIFY(!QFileInfo::exists(dir_.filePath("relative.tar.partial")));
        QCOMPARE(report.files, std::uint64_t{5});

        const auto target = dir_.filePath("restored");
        const auto restored =
            restoreBackup({dir_.filePath("relative.tar").toStdString(), target.toStdString()});
        QCOMPARE(restored.files, std::uint64_t{5});
        QCOMPARE(restored.attachments, std::uint64_t{1});
        QVERIFY(!restored.auditVerified);  // no signing key: a folder from before the audit log
        QCOMPARE(readFile(target + "/audit/checkpoints.log"), QByteArray("one\ntwo\n"));
        QCOMPARE(readFile(target + "/notifications.log"), QByteArray("whole line\n"));
        QVERIFY(QFileInfo::exists(target + "/reports/" + QString(120, 'r') + "/" +
                                  QString(60, 'm') + ".csv"));
        auto db = kep::db::Database::open((target + "/kep.db").toStdString());
        auto rows = db.prepare("SELECT count(*) FROM audit_checkpoint");
        QVERIFY(rows.step());
        QCOMPARE(rows.int64(0), std::int64_t{2});
        QVERIFY(QFileInfo(target).permissions().testFlag(QFile::ReadOwner));
        QVERIFY(!QFileInfo(target).permissions().testFlag(QFile::ReadOther));
    }

    // An attachment whose bytes no longer match its name (disk rot before the backup).
    void aDamagedAttachmentIsRefused() {
        const auto attachments = QDir(data_ + "/attachments").entryList(QDir::Files);
        QCOMPARE(attachments.size(), 1);
        writeFile(data_ + "/attachments/" + attachments.front(), "something else");
        const auto archive = dir_.filePath("rotten.tar").toStdString();
        takeBackup(data_.toStdString(), archive);
        const auto target = dir_.filePath("from-rotten");
        try {
            restoreBackup({archive, target.toStdString()});
            QFAIL("restored");
        } catch (const std::runtime_error& error) {
            QVERIFY2(
                std::string(error.what()).find("does not match its SHA-256") != std::string::npos,
                error.what());
        }
        QVERIFY(!QFileInfo::exists(target));
        QVERIFY(!QFileInfo::exists(target + ".restoring"));
    }

    void membersThatLeaveTheFolderAreRefused_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("parent") << "../outside";
        QTest::newRow("inner parent") << "audit/../../outside";
        QTest::newRow("absolute") << "/etc/outside";
        QTest::newRow("dot") << "./kep.db";
    }

    void membersThatLeaveTheFolderAreRefused() {
        QFETCH(QString, name);
        const auto archive = dir_.filePath("evil.tar").toStdString();
        {
            kep::server::ops::TarWriter writer(archive);
            writer.addBytes(name.toStdString(), "payload", 0600);
            writer.finish();
        }
        kep::server::ops::TarReader reader(archive);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, reader.next());
        QVERIFY(!QFileInfo::exists(dir_.filePath("outside")));
    }
};

QTEST_GUILESS_MAIN(tst_BackupArchive)
#include "tst_backup_archive.moc"
