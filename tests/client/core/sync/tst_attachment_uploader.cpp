// The desk's AttachmentUploader against a real kep-server over TLS (issue 6, must-have 5): what
// desk.db owes is uploaded once per content and marked; a stopped round resumes with only the
// missing chunks; a second office's desk sends nothing for content the server holds; and a desk
// process killed with SIGKILL mid-upload never sends a stored chunk again.
#include "IdentityTestKit.h"
#include "net/HttpsClient.h"
#include "storage/DeskDatabase.h"
#include "sync/AttachmentUploader.h"
#include "sync/DeskSync.h"
#include "sync/HttpsSyncConnector.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using kep::desk::sync::AttachmentUploader;
using kep::test::EnrolledWorkstation;
using kep::test::IdentityTestKit;
using kep::test::jsonOf;
using kep::test::ServerProcess;

namespace {

constexpr int kChunk = 256 * 1024;

QByteArray syntheticPdf(int size, quint32 seed) {
    QByteArray bytes(size, '\0');
    QRandomGenerator random(seed);
    for (int i = 0; i < size; ++i) {
        bytes[i] = static_cast<char>(random.generate() & 0xff);
    }
    bytes.replace(0, 9, "%PDF-1.7\n");
    return bytes;
}

std::string shaOf(const QByteArray& bytes) {
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().toStdString();
}

// A desk's data folder: desk.db and the content-addressed copies, as the filing form leaves them.
class DeskFolder {
public:
    DeskFolder() : db_(kep::desk::storage::openDeskDatabase(dir_.filePath("desk.db"))) {
        // The cases themselves do not matter here: only the attachment rows the uploader reads.
        db_.exec("PRAGMA foreign_keys = OFF");
    }
    QString databaseFile() const { return dir_.filePath("desk.db"); }
    kep::db::Database& db() { return db_; }

    // Returns the stored copy's path.
    QString attach(const QString& caseId, const QByteArray& content) {
        const auto sha = shaOf(content);
        const auto path = dir_.filePath(QString::fromStdString(sha) + ".pdf");
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
            qFatal("cannot write the test's attachment");
        }
        file.close();
        db_.prepare(
               "INSERT INTO attachment (case_id, sha256, media_type, size, path, evidence_id) "
               "VALUES (?, ?, 'application/pdf', ?, ?, 'ev-1')")
            .bind(1, caseId.toStdString())
            .bind(2, sha)
            .bind(3, static_cast<std::int64_t>(content.size()))
            .bind(4, path.toStdString())
            .run();
        return path;
    }

private:
    QTemporaryDir dir_;
    kep::db::Database db_;
};

}  // namespace

class tst_AttachmentUploader : public QObject {
    Q_OBJECT

private:
    ServerProcess server_;
    std::unique_ptr<IdentityTestKit> kit_;
    EnrolledWorkstation deskA_;      // office 0101
    EnrolledWorkstation deskThess_;  // office 0202
    QByteArray shared_;              // uploaded by desk A, then declared by Thessaloniki
    quint32 seed_ = 1;

    QList<int> serverHas(const std::string& sha) {
        const auto answer = kit_->clientFor(deskA_)->get("/api/v1/attachments/" + sha);
        QList<int> have;
        for (const auto& index : jsonOf(answer).value("have").toArray()) {
            have.append(index.toInt());
        }
        return have;
    }

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        QVERIFY2(server_.start(true), qPrintable(server_.errorString()));
        kit_ = std::make_unique<IdentityTestKit>(server_);
        QVERIFY2(kit_->loadDemo(), qPrintable(kit_->errorString()));
        const auto a = kit_->enrolNew("0101");
        const auto thess = kit_->enrolNew("0202");
        QVERIFY2(a && thess, qPrintable(kit_->errorString()));
        deskA_ = *a;
        deskThess_ = *thess;
    }

    // Two cases share one file: it is uploaded once; every chunk of each file is sent once.
    void uploadsWhatDeskDbOwesOnce() {
        DeskFolder desk;
        shared_ = syntheticPdf(3 * kChunk + 1000, ++seed_);
        const auto small = syntheticPdf(5000, ++seed_);
        desk.attach("case-1", shared_);
        desk.attach("case-2", shared_);
        desk.attach("case-2", small);
        auto client = kit_->clientFor(deskA_);
        AttachmentUploader uploader(desk.db(), *client);
        QCOMPARE(uploader.pending().size(), std::size_t(2));

        const auto report = uploader.uploadPending();
        QCOMPARE(report.completed, 2);
        QCOMPARE(report.chunksSent, 4 + 1);
        QCOMPARE(report.failed, 0);
        QVERIFY(uploader.pending().empty());
        // Another round has nothing to do and sends nothing.
        QCOMPARE(uploader.uploadPending().chunksSent, 0);
    }

    // A round stopped after two chunks; a new uploader on a new connection (a restarted desk)
    // sends only the chunks the server lacks.
    void resumesWithOnlyTheMissingChunks() {
        DeskFolder desk;
        const auto file = syntheticPdf(6 * kChunk, ++seed_);
        desk.attach("case-3", file);
        int sent = 0;
        auto client = kit_->clientFor(deskA_);
        AttachmentUploader first(desk.db(), *client);
        first.setChunkObserver([&sent](const std::string&, std::int64_t) { ++sent; });
        const auto cut = first.uploadPending([&sent] { return sent >= 2; });
        QVERIFY(cut.stopped);
        QCOMPARE(cut.chunksSent, 2);
        QCOMPARE(serverHas(shaOf(file)), (QList<int>{0, 1}));
        QCOMPARE(first.pending().size(), std::size_t(1));

        auto restarted = kit_->clientFor(deskA_);
        AttachmentUploader second(desk.db(), *restarted);
        std::set<std::int64_t> indexes;
        second.setChunkObserver(
            [&indexes](const std::string&, std::int64_t index) { indexes.insert(index); });
        const auto report = second.uploadPending();
        QCOMPARE(report.completed, 1);
        QCOMPARE(report.chunksSent, 4);
        QCOMPARE(indexes, (std::set<std::int64_t>{2, 3, 4, 5}));
        QVERIFY(second.pending().empty());
    }

    // Thessaloniki's desk holds the file desk A uploaded: complete at once, zero chunks sent.
    void secondOfficeSendsNothingForKnownContent() {
        QVERIFY(!shared_.isEmpty());
        DeskFolder desk;
        desk.attach("case-thess", shared_);
        auto client = kit_->clientFor(deskThess_);
        AttachmentUploader uploader(desk.db(), *client);
        const auto report = uploader.uploadPending();
        QCOMPARE(report.completed, 1);
        QCOMPARE(report.chunksSent, 0);
        QVERIFY(uploader.pending().empty());
    }

    // A damaged local copy is not sent at all, and stays pending (named by its short hash only).
    void damagedLocalCopyIsNotSent() {
        DeskFolder desk;
        const auto file = syntheticPdf(kChunk + 10, ++seed_);
        const auto path = desk.attach("case-4", file);
        QFile damaged(path);
        QVERIFY(damaged.open(QIODevice::ReadWrite));
        damaged.seek(100);
        damaged.write("!");
        damaged.close();
        auto client = kit_->clientFor(deskA_);
        AttachmentUploader uploader(desk.db(), *client);
        const auto report = uploader.uploadPending();
        QCOMPARE(report.failed, 1);
        QCOMPARE(report.chunksSent, 0);
        QVERIFY(report.lastError.startsWith(QString::fromStdString(shaOf(file).substr(0, 12))));
        QVERIFY(!report.lastError.contains(path));
        QCOMPARE(uploader.pending().size(), std::size_t(1));
    }

    // SIGKILL of a desk process mid-upload: the restarted uploader sends exactly the chunks the
    // server lacks, and none that the killed one had sent and seen acknowledged.
    void killedDeskResumesWithoutResending() {
        const QString child = QStringLiteral(KEP_BINARY_DIR "/bin/attachment_upload_child");
        QVERIFY2(QFileInfo::exists(child), "build attachment_upload_child first");
        DeskFolder desk;
        const auto file = syntheticPdf(12 * kChunk + 7, ++seed_);
        const auto sha = shaOf(file);
        desk.attach("case-5", file);

        QProcess process;
        process.start(child, {desk.databaseFile(), server_.url(), server_.caFile(), deskA_.certFile,
                              deskA_.keyFile, "150"});
        QVERIFY(process.waitForStarted());
        std::set<std::int64_t> acknowledged;
        QByteArray output;
        while (acknowledged.size() < 4) {
            QVERIFY2(process.waitForReadyRead(10000), "the child reported no chunk");
            output += process.readAllStandardOutput();
            acknowledged.clear();
            for (const auto& line : output.split('\n')) {
                if (line.startsWith("chunk ")) {
                    acknowledged.insert(line.mid(6).toLongLong());
                }
            }
        }
        process.kill();  // SIGKILL
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);

        const auto have = serverHas(sha);
        QVERIFY(have.size() >= int(acknowledged.size()));
        QVERIFY(have.size() < 13);
        auto client = kit_->clientFor(deskA_);
        AttachmentUploader restarted(desk.db(), *client);
        std::set<std::int64_t> sent;
        restarted.setChunkObserver(
            [&sent](const std::string&, std::int64_t index) { sent.insert(index); });
        const auto report = restarted.uploadPending();
        QCOMPARE(report.completed, 1);
        QCOMPARE(report.chunksSent, 13 - int(have.size()));
        for (const auto index : acknowledged) {
            QVERIFY2(!sent.count(index), qPrintable(QString("chunk %1 sent again").arg(index)));
        }
        QFile stored(server_.dataDir() + "/attachments/" + QString::fromStdString(sha) + ".pdf");
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QCOMPARE(stored.readAll(), file);
    }

    // The desk's sync thread sends what desk.db owes without being asked.
    void deskSyncUploadsInTheBackground() {
        DeskFolder desk;
        desk.attach("case-6", syntheticPdf(2 * kChunk + 3, ++seed_));
        kep::desk::sync::DeskSyncSetup setup;
        setup.databaseFile = desk.databaseFile();
        setup.deviceId = deskA_.deviceId.toStdString();
        setup.officeCode = "0101";
        setup.connector = kep::desk::sync::httpsSyncConnector(
            {server_.url(), server_.caFile(), deskA_.certFile, deskA_.keyFile});
        kep::desk::sync::DeskSync sync(setup);
        sync.start();
        auto client = kit_->clientFor(deskA_);
        AttachmentUploader observer(desk.db(), *client);
        QTRY_VERIFY_WITH_TIMEOUT(observer.pending().empty(), 10000);
        sync.stop();
    }

    void cleanupTestCase() { QCOMPARE(server_.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_AttachmentUploader)
#include "tst_attachment_uploader.moc"
