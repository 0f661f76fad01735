#include "cases/Receipt.h"

#include "LocaleFormat.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QTimeZone>
#include <QUrl>

#include <qrencode.h>

#include <memory>

namespace kep::desk::ui {

namespace {

// The receipt's language is the citizen's, not the clerk's screen language, so its labels are
// chosen here by ReceiptLanguage rather than through the desk's translator.
struct Labels {
    const char* title;
    const char* slipTitle;
    const char* protocol;
    const char* filedAt;
    const char* citizen;
    const char* procedure;
    const char* provided;
    const char* missing;
    const char* byKep;
    const char* fees;
    const char* noFee;
    const char* expected;
    const char* legal;
    const char* status;
    const char* slipNote;
};

constexpr Labels kGreek{
    "Απόδειξη κατάθεσης αίτησης",
    "Δικαιολογητικά που λείπουν",
    "Αριθμός πρωτοκόλλου",
    "Ημερομηνία και ώρα",
    "Αιτών/Αιτούσα",
    "Διαδικασία",
    "Δικαιολογητικά που κατατέθηκαν",
    "Δικαιολογητικά που λείπουν",
    "Δικαιολογητικά που θα αναζητήσει το ΚΕΠ",
    "Παράβολα/τέλη",
    "Χωρίς παράβολο ή τέλος",
    "Αναμενόμενη ολοκλήρωση",
    "Νομική βάση",
    "Πορεία της αίτησης",
    "Φέρτε τα παρακάτω δικαιολογητικά στο ΚΕΠ, αναφέροντας τον αριθμό πρωτοκόλλου."};
constexpr Labels kEnglish{
    "Application receipt",
    "Missing documents",
    "Protocol number",
    "Date and time",
    "Applicant",
    "Procedure",
    "Documents provided",
    "Documents missing",
    "Documents the KEP will obtain",
    "Fees",
    "No fee",
    "Expected completion",
    "Legal basis",
    "Track your application",
    "Please bring the documents below to the KEP, quoting the protocol number."};

const Labels& labelsIn(ReceiptLanguage language) {
    return language == ReceiptLanguage::Greek ? kGreek : kEnglish;
}

// A receipt outlives the screen it came from, so its dates are written out in full in the
// receipt's language («10 Μαρτίου 2026» / "10 March 2026"), never as a two-digit year.
QString longDate(const QDate& day, const QLocale& locale) {
    return locale.toString(day, QStringLiteral("d MMMM yyyy"));
}

QString esc(const QString& text) {
    return text.toHtmlEscaped();
}

QString row(const char* label, const QString& value) {
    return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
        .arg(esc(QString::fromUtf8(label)), esc(value));
}

QString list(const char* label, const QStringList& items) {
    if (items.isEmpty()) {
        return {};
    }
    QString html = QStringLiteral("<p><b>%1</b></p><ul>").arg(esc(QString::fromUtf8(label)));
    for (const QString& item : items) {
        html += QStringLiteral("<li>%1</li>").arg(esc(item));
    }
    return html + QStringLiteral("</ul>");
}

}  // namespace

QString receiptLanguageCode(ReceiptLanguage language) {
    return language == ReceiptLanguage::Greek ? QStringLiteral("el") : QStringLiteral("en");
}

ReceiptLanguage receiptLanguageOf(const QString& code) {
    return code == QLatin1String("el") ? ReceiptLanguage::Greek : ReceiptLanguage::English;
}

QLocale receiptLocale(ReceiptLanguage language) {
    return LocaleFormat::forLanguage(receiptLanguageCode(language));
}

QString receiptTitle(ReceiptLanguage language, bool missingSlip) {
    const Labels& l = labelsIn(language);
    return QString::fromUtf8(missingSlip ? l.slipTitle : l.title);
}

QString statusLookupUrl(const QString& serverBase, const QString& protocolNumber) {
    QString base = serverBase;
    while (base.endsWith(QLatin1Char('/'))) {
        base.chop(1);
    }
    // The number's slashes are kept: the status page reads "<office>/<year>/<sequence>".
    return base + QStringLiteral("/status/") +
           QString::fromLatin1(QUrl::toPercentEncoding(protocolNumber, "/"));
}

QImage qrCodeImage(const QString& text, int moduleSize) {
    const QByteArray utf8 = text.toUtf8();
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code) {
        return {};
    }
    const int quiet = 4;  // the standard's quiet zone, in modules
    const int side = (code->width + 2 * quiet) * moduleSize;
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (int y = 0; y < code->width; ++y) {
        for (int x = 0; x < code->width; ++x) {
            if (code->data[y * code->width + x] & 1U) {
                painter.fillRect((x + quiet) * moduleSize, (y + quiet) * moduleSize, moduleSize,
                                 moduleSize, Qt::black);
            }
        }
    }
    return image;
}

QString receiptHtml(const ReceiptContent& c, bool missingSlip) {
    const Labels& l = labelsIn(c.language);
    const QLocale locale = receiptLocale(c.language);
    // The counter is in Greece: the time the citizen was served there, whatever the PC's zone.
    const QDateTime local = c.filedAt.toTimeZone(QTimeZone("Europe/Athens"));
    // A practice receipt must never pass for a real one: the mark opens and closes it.
    const QString mark =
        c.watermark.isEmpty()
            ? QString()
            : QStringLiteral("<p align='center' style='color:#8b0000'><b>%1</b></p>")
                  .arg(esc(c.watermark));
    QString html = QStringLiteral("<html><body>%1<h2>%2</h2><table cellpadding='3'>")
                       .arg(mark, esc(receiptTitle(c.language, missingSlip)));
    html += row(l.protocol, c.protocolNumber);
    html += row(l.filedAt, longDate(local.date(), locale) + QStringLiteral(", ") +
                               locale.toString(local.time(), QStringLiteral("HH:mm")));
    html += row(l.citizen, c.citizenName);
    html += row(l.procedure, c.procedureTitle);
    if (!missingSlip) {
        html += row(l.fees, c.feeCents == 0 ? QString::fromUtf8(l.noFee)
                                            : LocaleFormat::euroCents(c.feeCents, locale));
        if (c.expectedDate.isValid()) {
            html += row(l.expected, longDate(c.expectedDate, locale));
        }
    }
    html += QStringLiteral("</table>");
    if (missingSlip) {
        html += QStringLiteral("<p>%1</p>").arg(esc(QString::fromUtf8(l.slipNote)));
        html += list(l.missing, c.documentsMissing);
    } else {
        html += list(l.provided, c.documentsProvided);
        html += list(l.missing, c.documentsMissing);
        html += list(l.byKep, c.documentsObtainedByKep);
        html += list(l.legal, c.legalBasis);
    }
    html += QStringLiteral("<p><b>%1</b>: %2</p><p><img src='kep:qr' width='120'/></p>")
                .arg(esc(QString::fromUtf8(l.status)), esc(c.statusUrl));
    return html + mark + QStringLiteral("</body></html>");
}

std::unique_ptr<QTextDocument> receiptDocument(const ReceiptContent& content, bool missingSlip) {
    auto document = std::make_unique<QTextDocument>();
    document->addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("kep:qr")),
                          qrCodeImage(content.statusUrl));
    document->setHtml(receiptHtml(content, missingSlip));
    return document;
}

bool renderReceipt(const ReceiptContent& content, QPagedPaintDevice& device, bool missingSlip) {
    const auto made = receiptDocument(content, missingSlip);
    QTextDocument& document = *made;
    // Fonts measured in the device's resolution, not the screen's.
    document.documentLayout()->setPaintDevice(&device);
    QPainter painter;
    if (!painter.begin(&device)) {
        return false;
    }
    // Lay the text out at the page's width in device pixels, so that it fills an A4 page.
    const QRect page = painter.viewport();
    document.setPageSize(page.size());
    QFont font = document.defaultFont();
    font.setPointSizeF(10);
    document.setDefaultFont(font);
    document.drawContents(&painter);
    return painter.end();
}

bool writeReceiptPdf(const ReceiptContent& content, const QString& file, bool missingSlip) {
    QPdfWriter writer(file);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(300);
    writer.setTitle(receiptTitle(content.language, missingSlip));
    return renderReceipt(content, writer, missingSlip);
}

}  // namespace kep::desk::ui
