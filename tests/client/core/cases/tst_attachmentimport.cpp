// Attachments from a file: type from the content's magic bytes, size limit, content address.
#include "cases/AttachmentImport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kep::desk::cases;
using Refusal = AttachmentImportResult::Refusal;

class tst_AttachmentImport : public QObject {
    Q_OBJECT

private slots:
    void typeFromContent_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("refusal");
        QTest::addColumn<QString>("mediaType");
        QTest::newRow("pdf") << QByteArray("%PDF-1.7\n...") << "a.pdf" << int(Refusal::None)
                             << "application/pdf";
        QTest::newRow("png named .pdf") << QByteArray::fromHex("89504e470d0a1a0a0000000d49484452")
                                        << "scan.pdf" << int(Refusal::None) << "image/png";
        QTest::newRow("jpeg") << QByteArray::fromHex("ffd8ffe000104a464946") << "x.jpg"
                              << int(Refusal::None) << "image/jpeg";
        QTest::newRow("exe named .pdf") << QByteArray("MZ\x90\x00 program") << "invoice.pdf"
                                        << int(Refusal::UnsupportedType) << "";
        QTest::newRow("empty") << QByteArray() << "e.pdf" << int(Refusal::Empty) << "";
        QTest::newRow("over the limit") << QByteArray("%PDF-") + QByteArray(2000, 'x') << "big.pdf"
                                        << int(Refusal::TooLarge) << "";
    }
    void typeFromContent() {
        QFETCH(QByteArray, content);
        QFETCH(QString, name);
        QFETCH(int, refusal);
        QFETCH(QString, mediaType);
        QTemporaryDir dir;
        const QString source = dir.filePath(name);
        QFile f(source);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        const QString store = dir.filePath(QStringLiteral("attachments"));
        const auto result = importAttachment(source, store, 1024);
        QCOMPARE(int(result.refusal), refusal);
        if (result.ok()) {
            QCOMPARE(mediaTypeOf(result.attachment->type), mediaType);
            QVERIFY(QFileInfo(result.attachment->storedPath)
                        .fileName()
                        .startsWith(result.attachment->sha256));
            QCOMPARE(result.attachment->sha256.size(), 64);
            QCOMPARE(result.attachment->size, content.size());
            // Importing the same content again stores nothing new.
            QVERIFY(importAttachment(source, store, 1024).ok());
            QCOMPARE(QDir(store).entryList(QDir::Files).size(), 1);
        } else {
            QVERIFY(QDir(store).entryList(QDir::Files).isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(tst_AttachmentImport)
#include "tst_attachmentimport.moc"
