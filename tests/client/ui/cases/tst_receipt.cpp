// The receipt in Greek and in English, as its document and as the PDF the desk writes: every label
// in the receipt's language (the only other-language text is the citizen's and the procedure's own
// data), dates and euro amounts written by the receipt's locale, the same protocol number and QR
// code in both; the slip lists only what is missing; the QR code carries the status address only.
#include "cases/Receipt.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTimeZone>
#include <QUrl>

using namespace kep::desk::ui;

namespace {

// The data is in Greek in both receipts on purpose: what is left once the data is taken out must
// still be all in the receipt's language.
ReceiptContent sample(ReceiptLanguage language) {
    ReceiptContent c;
    c.language = language;
    c.protocolNumber = QStringLiteral("0101/2026/142");
    c.filedAt = QDateTime(QDate(2026, 3, 10), QTime(8, 30), QTimeZone::utc());
    c.citizenName = QStringLiteral("Ελένη Παπαδοπούλου");
    c.procedureTitle = QStringLiteral("Έκδοση πιστοποιητικού οικογενειακής κατάστασης");
    c.documentsProvided = {QStringLiteral("Αστυνομική ταυτότητα")};
    c.documentsMissing = {QStringLiteral("Υπεύθυνη δήλωση")};
    c.documentsObtainedByKep = {QStringLiteral("Πιστοποιητικό γέννησης")};
    c.feeCents = 123450;
    c.expectedDate = QDate(2026, 3, 24);
    c.legalBasis = {QStringLiteral("ν. 3852/2010, άρθρο 94")};
    c.statusUrl = statusLookupUrl(QStringLiteral("https://kep.example.gr/"), c.protocolNumber);
    return c;
}

QStringList dataOf(const ReceiptContent& c) {
    // The address before the number it holds.
    return QStringList{c.statusUrl, c.protocolNumber, c.citizenName, c.procedureTitle} +
           c.documentsProvided + c.documentsMissing + c.documentsObtainedByKep + c.legalBasis;
}

// The receipt's own words: its text with the citizen's and the procedure's data taken out.
QString labelsOnly(QString text, const ReceiptContent& c) {
    for (const QString& data : dataOf(c)) {
        text.remove(data);
    }
    return text;
}

const QRegularExpression kGreekLetter(QStringLiteral("[\\x{0370}-\\x{03FF}\\x{1F00}-\\x{1FFF}]"));
const QRegularExpression kLatinLetter(QStringLiteral("[A-Za-z]"));

QString pdfText(const QString& pdf) {
    QProcess p;
    p.start(QStringLiteral("pdftotext"),
            {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    p.waitForFinished(30000);
    // pdftotext may break a long title over lines: compare with whitespace collapsed.
    return QString::fromUtf8(p.readAllStandardOutput()).simplified();
}

QString documentText(const ReceiptContent& c, bool slip) {
    return receiptDocument(c, slip)->toPlainText().simplified();
}

}  // namespace

class tst_Receipt : public QObject {
    Q_OBJECT

private slots:
    void statusUrlCarriesTheNumberOnly() {
        QCOMPARE(statusLookupUrl(QStringLiteral("https://kep.example.gr/"),
                                 QStringLiteral("0101/2026/142")),
                 QStringLiteral("https://kep.example.gr/status/0101/2026/142"));
        QVERIFY(!qrCodeImage(sample(ReceiptLanguage::Greek).statusUrl).isNull());
    }

    void languageCodes() {
        QCOMPARE(receiptLanguageCode(ReceiptLanguage::Greek), QStringLiteral("el"));
        QCOMPARE(receiptLanguageCode(ReceiptLanguage::English), QStringLiteral("en"));
        QVERIFY(receiptLanguageOf(QStringLiteral("el")) == ReceiptLanguage::Greek);
        QVERIFY(receiptLanguageOf(QStringLiteral("en")) == ReceiptLanguage::English);
        QVERIFY(receiptLocale(ReceiptLanguage::Greek).language() == QLocale::Greek);
        QVERIFY(receiptLocale(ReceiptLanguage::English).territory() == QLocale::UnitedKingdom);
    }

    void inItsLanguage_data() {
        QTest::addColumn<int>("language");
        QTest::addColumn<bool>("slip");
        QTest::addColumn<QStringList>("expected");  // labels, dates, amounts, as written
        const QStringList greekReceipt{
            QStringLiteral("Απόδειξη κατάθεσης αίτησης"), QStringLiteral("Αριθμός πρωτοκόλλου"),
            QStringLiteral("Ημερομηνία και ώρα"),
            // 08:30 UTC is 10:30 in Athens (UTC+2 in March); the month in the genitive.
            QStringLiteral("10 Μαρτίου 2026, 10:30"), QStringLiteral("1.234,50 €"),
            QStringLiteral("Αναμενόμενη ολοκλήρωση"), QStringLiteral("24 Μαρτίου 2026"),
            QStringLiteral("Δικαιολογητικά που κατατέθηκαν"), QStringLiteral("Νομική βάση"),
            QStringLiteral("Πορεία της αίτησης")};
        const QStringList englishReceipt{
            QStringLiteral("Application receipt"), QStringLiteral("Protocol number"),
            QStringLiteral("Date and time"),       QStringLiteral("10 March 2026, 10:30"),
            QStringLiteral("€1,234.50"),           QStringLiteral("Expected completion"),
            QStringLiteral("24 March 2026"),       QStringLiteral("Documents provided"),
            QStringLiteral("Legal basis"),         QStringLiteral("Track your application")};
        QTest::newRow("el receipt") << int(ReceiptLanguage::Greek) << false << greekReceipt;
        QTest::newRow("en receipt") << int(ReceiptLanguage::English) << false << englishReceipt;
        QTest::newRow("el slip") << int(ReceiptLanguage::Greek) << true
                                 << QStringList{QStringLiteral("Δικαιολογητικά που λείπουν"),
                                                QStringLiteral("10 Μαρτίου 2026, 10:30"),
                                                QStringLiteral("Φέρτε τα παρακάτω")};
        QTest::newRow("en slip") << int(ReceiptLanguage::English) << true
                                 << QStringList{QStringLiteral("Missing documents"),
                                                QStringLiteral("10 March 2026, 10:30"),
                                                QStringLiteral("Please bring the documents")};
    }
    void inItsLanguage() {
        QFETCH(int, language);
        QFETCH(bool, slip);
        QFETCH(QStringList, expected);
        const auto content = sample(static_cast<ReceiptLanguage>(language));
        const bool greek = content.language == ReceiptLanguage::Greek;

        QStringList texts{documentText(content, slip)};
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("receipt.pdf"));
        QVERIFY(writeReceiptPdf(content, pdf, slip));
        const bool havePdfText =
            !QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty();
        if (havePdfText) {
            texts << pdfText(pdf);
        } else {
            qWarning("pdftotext (poppler-utils) is not installed: the PDF's text is not checked");
        }
        for (const QString& text : texts) {
            for (const QString& words : expected) {
                QVERIFY2(text.contains(words), qPrintable(words + QStringLiteral(" in ") + text));
            }
            QVERIFY2(text.contains(content.protocolNumber), qPrintable(text));
            QVERIFY2(text.contains(content.procedureTitle), qPrintable(text));
            QVERIFY(text.contains(QStringLiteral("Υπεύθυνη δήλωση")));
            // The slip lists what is missing only; the receipt also what was provided.
            QCOMPARE(text.contains(QStringLiteral("Αστυνομική ταυτότητα")), !slip);
            // Not one word of the other language outside the data.
            const QString own = labelsOnly(text, content);
            const auto stray = (greek ? kLatinLetter : kGreekLetter).match(own);
            QVERIFY2(!stray.hasMatch(),
                     qPrintable(QStringLiteral("«%1» in the %2 text: %3")
                                    .arg(stray.captured(), greek ? "el" : "en", own)));
        }
    }

    // The same case in both languages: the same number, the same QR code (the status address).
    void bothLanguagesCarryTheSameNumberAndQrCode() {
        const auto greek = receiptDocument(sample(ReceiptLanguage::Greek));
        const auto english = receiptDocument(sample(ReceiptLanguage::English));
        const QUrl qr(QStringLiteral("kep:qr"));
        const QImage greekQr = greek->resource(QTextDocument::ImageResource, qr).value<QImage>();
        QVERIFY(!greekQr.isNull());
        QCOMPARE(english->resource(QTextDocument::ImageResource, qr).value<QImage>(), greekQr);
        QCOMPARE(greekQr,
                 qrCodeImage(QStringLiteral("https://kep.example.gr/status/0101/2026/142")));
        QVERIFY(greek->toPlainText().contains(QStringLiteral("0101/2026/142")));
        QVERIFY(english->toPlainText().contains(QStringLiteral("0101/2026/142")));
    }

    void noFeeIsSaidInWords_data() {
        QTest::addColumn<int>("language");
        QTest::addColumn<QString>("words");
        QTest::newRow("el") << int(ReceiptLanguage::Greek)
                            << QStringLiteral("Χωρίς παράβολο ή τέλος");
        QTest::newRow("en") << int(ReceiptLanguage::English) << QStringLiteral("No fee");
    }
    void noFeeIsSaidInWords() {
        QFETCH(int, language);
        QFETCH(QString, words);
        auto content = sample(static_cast<ReceiptLanguage>(language));
        content.feeCents = 0;
        const QString text = documentText(content, false);
        QVERIFY2(text.contains(words), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("0,00")) && !text.contains(QStringLiteral("0.00")));
    }

    void pdfTitleIsInTheReceiptsLanguage() {
        QCOMPARE(receiptTitle(ReceiptLanguage::Greek),
                 QStringLiteral("Απόδειξη κατάθεσης αίτησης"));
        QCOMPARE(receiptTitle(ReceiptLanguage::English, true), QStringLiteral("Missing documents"));
        if (QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty()) {
            QSKIP("pdfinfo (poppler-utils) is not installed");
        }
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("receipt.pdf"));
        QVERIFY(writeReceiptPdf(sample(ReceiptLanguage::English), pdf));
        QProcess info;
        info.start(QStringLiteral("pdfinfo"), {pdf});
        QVERIFY(info.waitForFinished(30000));
        QVERIFY(QString::fromUtf8(info.readAllStandardOutput())
                    .contains(QStringLiteral("Application receipt")));
    }
};

QTEST_MAIN(tst_Receipt)
#include "tst_receipt.moc"
