// Content the server stores itself (an authority's result, a registry's answer): verified by its
// magic bytes, written under its SHA-256 as a completed upload would be, de-duplicated, found
// again by hash; anything else is refused with nothing stored.
#include "TestServerStore.h"
#include "attachments/AttachmentStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using kep::server::attachments::AttachmentRefused;
using kep::server::attachments::AttachmentStore;
using kep::server::attachments::AttachmentType;
using kep::server::storage::ServerStore;

namespace {

std::string shaOf(const std::string& bytes) {
    return QCryptographicHash::hash(QByteArray::fromStdString(bytes), QCryptographicHash::Sha256)
        .toHex()
        .toStdString();
}

}  // namespace

class tst_AttachmentStore : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    kep::test::TestServerDatabase database_{dir_.path().toStdString()};
    std::unique_ptr<ServerStore> store_;
    std::unique_ptr<AttachmentStore> files_;

    int storedFiles() const {
        return int(QDir(dir_.filePath("attachments")).entryList(QDir::Files).size());
    }

private slots:
    void initTestCase() {
        store_ = database_.createStore();
        files_ = std::make_unique<AttachmentStore>(*store_, dir_.path().toStdString());
    }

    void storeCompleteWritesTheContentUnderItsHash() {
        const std::string pdf = "%PDF-1.7\n% a synthetic result\n";
        const auto sha = files_->storeComplete(pdf, AttachmentType::Pdf);
        QCOMPARE(sha, shaOf(pdf));
        const auto path = files_->contentPath(sha);
        QVERIFY(path);
        QCOMPARE(
            *path,
            dir_.filePath("attachments/" + QString::fromStdString(sha) + ".pdf").toStdString());
        QFile file(QString::fromStdString(*path));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().toStdString(), pdf);
        // An upload of the same content is answered complete at once.
        const auto status = files_->status(sha, {"device", "0101"});
        QVERIFY(status && status->complete);
        // Stored again: the same address, still one file.
        QCOMPARE(files_->storeComplete(pdf, AttachmentType::Pdf), sha);
        QCOMPARE(storedFiles(), 1);
    }

    void refusals_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("reason");
        QTest::newRow("not a PDF") << QByteArray("GIF89a") << int(AttachmentType::Pdf)
                                   << int(AttachmentRefused::Reason::TypeMismatch);
        QTest::newRow("empty") << QByteArray() << int(AttachmentType::Pdf)
                               << int(AttachmentRefused::Reason::TypeMismatch);
        QTest::newRow("PDF declared PNG")
            << QByteArray("%PDF-1.7\n% a synthetic result\n") << int(AttachmentType::Png)
            << int(AttachmentRefused::Reason::TypeMismatch);
        QTest::newRow("stored PDF as JPEG")
            << QByteArray("\xff\xd8\xff%PDF") << int(AttachmentType::Jpeg) << -1;
    }

    void refusals() {
        QFETCH(QByteArray, bytes);
        QFETCH(int, type);
        QFETCH(int, reason);
        const int before = storedFiles();
        try {
            files_->storeComplete(bytes.toStdString(), static_cast<AttachmentType>(type));
            QCOMPARE(reason, -1);
            QCOMPARE(storedFiles(), before + 1);
        } catch (const AttachmentRefused& refusal) {
            QCOMPARE(int(refusal.reason()), reason);
            QCOMPARE(storedFiles(), before);
        }
    }

    void contentPathOnlyForCompleteContent() {
        QVERIFY(!files_->contentPath(std::string(64, 'a')));
        QVERIFY(!files_->contentPath("../../etc/passwd"));
        files_->open({std::string(64, 'b'), 10, AttachmentType::Pdf}, {"device", "0101"});
        QVERIFY(!files_->contentPath(std::string(64, 'b')));  // an upload in progress
    }
};

QTEST_GUILESS_MAIN(tst_AttachmentStore)
#include "tst_attachment_store.moc"
