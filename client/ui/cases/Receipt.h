// The receipt a citizen takes home from the counter, and the "missing documents" slip: laid out
// as a PDF (and printed) in Greek, or in English for EU citizens, with a QR code to the status
// page.
#pragma once

#include <QDateTime>
#include <QImage>
#include <QString>
#include <QStringList>

class QPagedPaintDevice;

namespace kep::desk::ui {

enum class ReceiptLanguage { Greek, English };

struct ReceiptContent {
    ReceiptLanguage language = ReceiptLanguage::Greek;
    QString protocolNumber;
    QDateTime filedAt;  // shown in Greek local time
    QString citizenName;
    QString procedureTitle;
    QStringList documentsProvided;
    QStringList documentsMissing;
    QStringList documentsObtainedByKep;
    QString fees;          // already formatted ("1,50 €")
    QString expectedDate;  // already formatted
    QStringList legalBasis;
    QString statusUrl;  // https://<server>/status/<protocol number>: the QR code's whole content
};

// The status page's address for a protocol number: it carries the number only, never an
// identifier of the citizen.
QString statusLookupUrl(const QString& serverBase, const QString& protocolNumber);

// The QR code of `text` as a black-on-white image, `moduleSize` pixels a module (libqrencode).
QImage qrCodeImage(const QString& text, int moduleSize = 4);

// The receipt (or, with missingSlip, the slip listing only what the citizen must bring back)
// as HTML for QTextDocument; the QR code is the document resource "kep:qr".
QString receiptHtml(const ReceiptContent& content, bool missingSlip = false);

// Lays the receipt out on a PDF writer or a printer. False when the device cannot paint.
bool renderReceipt(const ReceiptContent& content, QPagedPaintDevice& device,
                   bool missingSlip = false);

// Writes the receipt as a PDF file.
bool writeReceiptPdf(const ReceiptContent& content, const QString& file, bool missingSlip = false);

}  // namespace kep::desk::ui
