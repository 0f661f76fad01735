// The receipt PDF: pdftotext finds the protocol number and the Greek procedure title in it; the
// QR code carries the status address and the protocol number only; English for EU citizens.
#include "cases/Receipt.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace kep::desk::ui;

namespace {

ReceiptContent sample(ReceiptLanguage language) {
    ReceiptContent c;
    c.language = language;
    c.protocolNumber = QStringLiteral("0101/2026/142");
    c.filedAt = QDateTime(QDate(2026, 3, 10), QTime(8, 30), Qt::UTC);
    c.citizenName = QStringLiteral("Ελένη Παπαδοπούλου");
    c.procedureTitle = QStringLiteral("Έκδοση πιστοποιητικού οικογενειακής κατάστασης");
    c.documentsProvided = {QStringLiteral("Αστυνομική ταυτότητα")};
    c.documentsMissing = {QStringLiteral("Υπεύθυνη δήλωση")};
    c.fees = QStringLiteral("1,50 €");
    c.expectedDate = QStringLiteral("20/03/2026");
    c.legalBasis = {QStringLiteral("ν. 3852/2010, άρθρο 94")};
    c.statusUrl = statusLookupUrl(QStringLiteral("https://kep.example.gr/"), c.protocolNumber);
    return c;
}

QString pdfText(const QString& pdf) {
    QProcess p;
    p.start(QStringLiteral("pdftotext"),
            {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    p.waitForFinished(30000);
    // pdftotext may break a long title over lines: compare with whitespace collapsed.
    return QString::fromUtf8(p.readAllStandardOutput()).simplified();
}

}  // namespace

class tst_Receipt : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
            QSKIP("pdftotext (poppler-utils) is not installed");
        }
    }

    void statusUrlCarriesTheNumberOnly() {
        QCOMPARE(statusLookupUrl(QStringLiteral("https://kep.example.gr/"),
                                 QStringLiteral("0101/2026/142")),
                 QStringLiteral("https://kep.example.gr/status/0101/2026/142"));
        QVERIFY(!qrCodeImage(sample(ReceiptLanguage::Greek).statusUrl).isNull());
    }

    void pdf_data() {
        QTest::addColumn<int>("language");
        QTest::addColumn<bool>("slip");
        QTest::addColumn<QString>("heading");
        QTest::newRow("greek receipt")
            << int(ReceiptLanguage::Greek) << false << QStringLiteral("Απόδειξη κατάθεσης αίτησης");
        QTest::newRow("english receipt")
            << int(ReceiptLanguage::English) << false << QStringLiteral("Application receipt");
        QTest::newRow("greek slip")
            << int(ReceiptLanguage::Greek) << true << QStringLiteral("Δικαιολογητικά που λείπουν");
    }
    void pdf() {
        QFETCH(int, language);
        QFETCH(bool, slip);
        QFETCH(QString, heading);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("receipt.pdf"));
        const auto content = sample(static_cast<ReceiptLanguage>(language));
        QVERIFY(writeReceiptPdf(content, file, slip));
        const QString text = pdfText(file);
        QVERIFY2(text.contains(QStringLiteral("0101/2026/142")), qPrintable(text));
        QVERIFY2(text.contains(content.procedureTitle), qPrintable(text));
        QVERIFY2(text.contains(heading), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Υπεύθυνη δήλωση")));
        // The slip lists what is missing only; the receipt also what was provided.
        QCOMPARE(text.contains(QStringLiteral("Αστυνομική ταυτότητα")), !slip);
        // 08:30 UTC is 10:30 in Athens (UTC+2 in March).
        if (!slip) {
            QVERIFY(text.contains(QStringLiteral("10/03/2026 10:30")));
        }
    }
};

QTEST_MAIN(tst_Receipt)
#include "tst_receipt.moc"
