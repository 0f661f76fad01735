// The receipt a citizen takes home from the counter, and the "missing documents" slip: laid out
// as a PDF (and printed) in Greek or in English, whatever the clerk's screen language, with a QR
// code to the status page; dates and euro amounts written as the receipt's language writes them.
#pragma once

#include <QDate>
#include <QDateTime>
#include <QImage>
#include <QLocale>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>

class QPagedPaintDevice;
class QTextDocument;

namespace kep::desk::ui {

enum class ReceiptLanguage { Greek, English };

// "el" or "en", as LanguageManager names the languages; and the locale the receipt writes in.
QString receiptLanguageCode(ReceiptLanguage language);
ReceiptLanguage receiptLanguageOf(const QString& code);  // "el" is Greek, anything else English
QLocale receiptLocale(ReceiptLanguage language);

struct ReceiptContent {
    ReceiptLanguage language = ReceiptLanguage::Greek;
    QString protocolNumber;
    QDateTime filedAt;  // shown in Greek local time
    QString citizenName;
    QString procedureTitle;
    QStringList documentsProvided;
    QStringList documentsMissing;
    QStringList documentsObtainedByKep;
    std::int64_t feeCents = 0;  // 0 = no fee; written in the receipt's locale ("1,50 €", "€1.50")
    QDate expectedDate;         // the statutory due date; written in the receipt's locale
    QStringList legalBasis;
    QString statusUrl;  // https://<server>/status/<protocol number>: the QR code's whole content
    QString watermark;  // training mode (issue 11): printed above and below everything else
};

// The status page's address for a protocol number: it carries the number only, never an
// identifier of the citizen.
QString statusLookupUrl(const QString& serverBase, const QString& protocolNumber);

// The QR code of `text` as a black-on-white image, `moduleSize` pixels a module (libqrencode).
QImage qrCodeImage(const QString& text, int moduleSize = 4);

// The receipt (or, with missingSlip, the slip listing only what the citizen must bring back)
// as HTML for QTextDocument; the QR code is the document resource "kep:qr".
QString receiptHtml(const ReceiptContent& content, bool missingSlip = false);

// The receipt as a document with its QR code loaded: what renderReceipt() lays out on a page.
std::unique_ptr<QTextDocument> receiptDocument(const ReceiptContent& content,
                                               bool missingSlip = false);

// Lays the receipt out on a PDF writer or a printer. False when the device cannot paint.
bool renderReceipt(const ReceiptContent& content, QPagedPaintDevice& device,
                   bool missingSlip = false);

// The receipt's title in its language: the PDF's title, and its first heading.
QString receiptTitle(ReceiptLanguage language, bool missingSlip = false);

// Writes the receipt as a PDF file.
bool writeReceiptPdf(const ReceiptContent& content, const QString& file, bool missingSlip = false);

}  // namespace kep::desk::ui
