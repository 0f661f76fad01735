#include "cases/ScanDialogDocument.h"

#include <QBuffer>
#include <QDir>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryFile>

namespace kep::desk::ui {

QImage scannedImage(const ScannedPage& page) {
    const auto format = page.format == ScannedPage::Format::Rgb888 ? QImage::Format_RGB888
                                                                   : QImage::Format_Grayscale8;
    if (page.width <= 0 || page.height <= 0 ||
        page.pixels.size() < qsizetype{page.bytesPerLine()} * page.height) {
        return {};
    }
    return QImage(reinterpret_cast<const uchar*>(page.pixels.constData()), page.width, page.height,
                  page.bytesPerLine(), format)
        .copy();
}

namespace {

QByteArray encodePng(const ScannedPage& page) {
    QImage image = scannedImage(page);
    // Dots per metre, so that a viewer prints the page at its paper size.
    const int dotsPerMetre = qRound(page.resolutionDpi / 0.0254);
    image.setDotsPerMeterX(dotsPerMetre);
    image.setDotsPerMeterY(dotsPerMetre);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (image.isNull() || !image.save(&buffer, "PNG")) {
        return {};
    }
    return png;
}

QPageSize paperOf(const ScannedPage& page) {
    const double dpi = page.resolutionDpi > 0 ? page.resolutionDpi : 300.0;
    return QPageSize(QSizeF(page.width / dpi, page.height / dpi), QPageSize::Inch, QString(),
                     QPageSize::ExactMatch);
}

QByteArray encodePdf(const QList<ScannedPage>& pages) {
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setCreator(QStringLiteral("KEP Desk"));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setResolution(pages.front().resolutionDpi > 0 ? pages.front().resolutionDpi : 300);
        writer.setPageSize(paperOf(pages.front()));
        QPainter painter;
        for (int i = 0; i < pages.size(); ++i) {
            const ScannedPage& page = pages[i];
            if (i > 0) {
                // The next page takes its own paper size; the writer's resolution stays the
                // first page's, so the image is drawn into the page's whole rectangle.
                writer.setPageSize(paperOf(page));
                writer.newPage();
            }
            if (i == 0 && !painter.begin(&writer)) {
                return {};
            }
            const QImage image = scannedImage(page);
            if (image.isNull()) {
                return {};
            }
            painter.drawImage(
                QRectF(QPointF(0, 0),
                       writer.pageLayout().paintRectPixels(writer.resolution()).size()),
                image);
        }
        painter.end();
    }
    return pdf;
}

}  // namespace

QByteArray encodeScannedDocument(const QList<ScannedPage>& pages) {
    if (pages.isEmpty()) {
        return {};
    }
    return pages.size() == 1 ? encodePng(pages.front()) : encodePdf(pages);
}

kep::desk::cases::AttachmentImportResult storeScannedDocument(const QList<ScannedPage>& pages,
                                                              const QString& attachmentsFolder,
                                                              std::int64_t maxBytes) {
    using Result = kep::desk::cases::AttachmentImportResult;
    const QByteArray document = encodeScannedDocument(pages);
    if (document.isEmpty()) {
        return Result{Result::Refusal::Empty, std::nullopt};
    }
    // The encoded scan goes through a file beside the store (the desk's private data folder, the
    // same disk) so that importAttachment() checks and stores it exactly as an imported file.
    if (!QDir().mkpath(attachmentsFolder)) {
        return Result{Result::Refusal::StoreFailed, std::nullopt};
    }
    QTemporaryFile file(QDir(attachmentsFolder).filePath(QStringLiteral(".scan-XXXXXX.part")));
    if (!file.open() || file.write(document) != document.size() || !file.flush()) {
        return Result{Result::Refusal::StoreFailed, std::nullopt};
    }
    file.close();
    return kep::desk::cases::importAttachment(file.fileName(), attachmentsFolder, maxBytes);
}

}  // namespace kep::desk::ui
