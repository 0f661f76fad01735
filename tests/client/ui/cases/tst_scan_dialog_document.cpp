// Scanned pages as an attachment: one page a lossless PNG, several one PDF, both stored under
// their SHA-256 through the file import's store, with its size limit.
#include "cases/ScanDialogDocument.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace kep::desk;
using namespace kep::desk::cases;
using namespace kep::desk::ui;

namespace {

// A page of noise: every pixel differs from its neighbours, so that a lossy step would show, and
// nothing compresses it below its raw size.
ScannedPage syntheticPage(int width, int height, ScannedPage::Format format, int dpi) {
    ScannedPage page;
    page.width = width;
    page.height = height;
    page.format = format;
    page.resolutionDpi = dpi;
    page.pixels.resize(qsizetype{page.bytesPerLine()} * height);
    QRandomGenerator noise(width * 7919 + height);
    for (char& c : page.pixels) {
        c = static_cast<char>(noise.bounded(256));
    }
    return page;
}

QByteArray fileContent(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class tst_ScanDialogDocument : public QObject {
    Q_OBJECT

private slots:
    void onePageIsALosslessPng_data() {
        QTest::addColumn<int>("format");
        QTest::newRow("grey") << int(ScannedPage::Format::Grey8);
        QTest::newRow("colour") << int(ScannedPage::Format::Rgb888);
    }
    void onePageIsALosslessPng() {
        QFETCH(int, format);
        const ScannedPage page =
            syntheticPage(83, 61, static_cast<ScannedPage::Format>(format), 150);
        QTemporaryDir dir;
        const auto result = storeScannedDocument({page}, dir.filePath(QStringLiteral("att")));
        QVERIFY(result.ok());
        QCOMPARE(result.attachment->type, AttachmentType::Png);
        const QByteArray stored = fileContent(result.attachment->storedPath);
        QCOMPARE(QString::fromLatin1(
                     QCryptographicHash::hash(stored, QCryptographicHash::Sha256).toHex()),
                 result.attachment->sha256);
        QCOMPARE(QFileInfo(result.attachment->storedPath).fileName(),
                 result.attachment->sha256 + QStringLiteral(".png"));
        QCOMPARE(result.attachment->size, stored.size());
        QImage decoded;
        QVERIFY(decoded.loadFromData(stored, "PNG"));
        QCOMPARE(decoded.convertToFormat(scannedImage(page).format()), scannedImage(page));
        QCOMPARE(qRound(decoded.dotsPerMeterX() * 0.0254), 150);
        // Only the content-addressed file is left: no temporary file beside it.
        QCOMPARE(
            QDir(dir.filePath(QStringLiteral("att"))).entryList(QDir::Files | QDir::Hidden).size(),
            1);
    }

    void severalPagesAreOnePdf() {
        QTemporaryDir dir;
        const QList<ScannedPage> pages{syntheticPage(120, 170, ScannedPage::Format::Grey8, 100),
                                       syntheticPage(120, 170, ScannedPage::Format::Rgb888, 100),
                                       syntheticPage(170, 120, ScannedPage::Format::Grey8, 100)};
        const auto result = storeScannedDocument(pages, dir.path());
        QVERIFY(result.ok());
        QCOMPARE(result.attachment->type, AttachmentType::Pdf);
        const QByteArray pdf = fileContent(result.attachment->storedPath);
        QVERIFY(pdf.startsWith("%PDF-"));
        QCOMPARE(
            QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex()),
            result.attachment->sha256);
        static const QRegularExpression pageObject(QStringLiteral("/Type\\s*/Page[^s]"));
        QCOMPARE(QString::fromLatin1(pdf).count(pageObject), 3);
        // Each page keeps its own paper: 120 x 170 pixels at 100 dpi are 86.4 x 122.4 points,
        // which the PDF writer rounds to whole points.
        static const QRegularExpression mediaBox(
            QStringLiteral("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]"));
        QStringList boxes;
        for (const auto& m : mediaBox.globalMatch(QString::fromLatin1(pdf))) {
            boxes << QStringLiteral("%1x%2")
                         .arg(qRound(m.captured(1).toDouble()))
                         .arg(qRound(m.captured(2).toDouble()));
        }
        QCOMPARE(boxes, (QStringList{"86x122", "86x122", "122x86"}));
    }

    void overTheLimitIsRefusedAndLeavesNothing() {
        QTemporaryDir dir;
        const QString store = dir.filePath(QStringLiteral("att"));
        const auto result = storeScannedDocument(
            {syntheticPage(200, 200, ScannedPage::Format::Grey8, 100)}, store, 1000);
        QCOMPARE(result.refusal, AttachmentImportResult::Refusal::TooLarge);
        QVERIFY(!result.attachment);
        QVERIFY(QDir(store).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    void noPagesIsNothingToStore() {
        QTemporaryDir dir;
        QVERIFY(encodeScannedDocument({}).isEmpty());
        QVERIFY(!storeScannedDocument({}, dir.path()).ok());
    }
};

QTEST_MAIN(tst_ScanDialogDocument)
#include "tst_scan_dialog_document.moc"
