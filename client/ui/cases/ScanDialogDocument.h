// What the scan dialog hands over: scanned pages as one attachment — a lossless PNG for a single
// page, one PDF for several — stored through the same content-addressed store as a file import.
#pragma once

#include "cases/AttachmentImport.h"
#include "platform/Scanner.h"

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QString>

#include <cstdint>

namespace kep::desk::ui {

// The page as an image (a deep copy: the page's buffer may go before the image does).
QImage scannedImage(const ScannedPage& page);

// PNG bytes for one page, PDF bytes for several (each PDF page the paper's size at the scan's
// resolution); empty for no pages.
QByteArray encodeScannedDocument(const QList<ScannedPage>& pages);

// Encodes the pages and stores them with importAttachment(), so that a scan meets the same
// type check, size limit and SHA-256 address as an imported file and leaves nothing behind
// when refused.
kep::desk::cases::AttachmentImportResult storeScannedDocument(
    const QList<ScannedPage>& pages, const QString& attachmentsFolder,
    std::int64_t maxBytes = kep::desk::cases::kMaxAttachmentBytes);

}  // namespace kep::desk::ui
