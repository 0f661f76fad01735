// How a notice goes as SMS: GSM 7-bit for Latin text (the extension table counting double),
// UCS-2 for Greek, and the split into parts that each fit, break at spaces where they can, never
// inside a character, and join back to the text.
#include <QTest>

#include "notify/SmsText.h"

#include <string>

using namespace kep::server::notify;

namespace {

std::string repeated(std::string_view piece, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) {
        out += piece;
    }
    return out;
}

}  // namespace

class tst_SmsText : public QObject {
    Q_OBJECT

private slots:
    void encodingAndParts_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<int>("units");
        QTest::addColumn<int>("parts");
        const auto row = [](const char* name, const std::string& text, const char* encoding,
                            int units, int parts) {
            QTest::newRow(name) << QByteArray::fromStdString(text) << encoding << units << parts;
        };
        row("empty", "", "gsm7", 0, 1);
        row("Latin, one SMS", "KEP: Your application was filed.", "gsm7", 32, 1);
        row("160 septets fill one", repeated("a", 160), "gsm7", 160, 1);
        row("161 septets take two", repeated("a", 161), "gsm7", 161, 2);
        row("the euro counts two septets", repeated("€", 80), "gsm7", 160, 1);
        row("and one more spills over", repeated("€", 81), "gsm7", 162, 2);
        row("Greek capitals of the GSM alphabet", "ΔΦΓΛΩΠΨΣΘΞ", "gsm7", 10, 1);
        row("Greek lower case needs UCS-2", "αίτηση", "ucs2", 6, 1);
        row("70 Greek letters fill one", repeated("α", 70), "ucs2", 70, 1);
        row("71 take two", repeated("α", 71), "ucs2", 71, 2);
        row("135 take three (67 a part)", repeated("α", 135), "ucs2", 135, 3);
        row("an emoji is a surrogate pair", "ok 😀", "ucs2", 5, 1);
    }
    void encodingAndParts() {
        QFETCH(QByteArray, text);
        QFETCH(QString, encoding);
        QFETCH(int, units);
        QFETCH(int, parts);
        const std::string utf8 = text.toStdString();
        const SmsEncoding found = smsEncodingOf(utf8);
        QCOMPARE(QString::fromLatin1(toString(found).data()), encoding);
        QCOMPARE(smsUnits(utf8, found), std::size_t(units));
        QCOMPARE(splitSms(utf8).size(), std::size_t(parts));
    }

    // Every part fits a concatenated SMS, the parts join back to the text, and a part ends at a
    // space when one keeps it at least half full.
    void partsFitAndBreakAtSpaces_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("Greek sentence") << QByteArray(
            "ΚΕΠ: Για την αίτησή σας «Χορήγηση πρώτης άδειας διαμονής για εξαρτημένη εργασία», "
            "αρ. πρωτ. 0101/2026/17, χρειάζονται επιπλέον δικαιολογητικά: πρόσφατη φωτογραφία.");
        QTest::newRow("English sentence") << QByteArray::fromStdString(
            repeated("KEP: Your application needs more documents, a photograph. ", 5));
        QTest::newRow("no spaces at all") << QByteArray::fromStdString(repeated("β", 200));
    }
    void partsFitAndBreakAtSpaces() {
        QFETCH(QByteArray, text);
        const std::string utf8 = text.toStdString();
        const SmsEncoding encoding = smsEncodingOf(utf8);
        const auto parts = splitSms(utf8);
        QVERIFY(parts.size() > 1);
        std::string joined;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            QVERIFY2(smsUnits(parts[i], encoding) <= smsCapacity(encoding, 2) / 2,
                     parts[i].c_str());
            if (i + 1 < parts.size() && utf8.find(' ') != std::string::npos) {
                QCOMPARE(parts[i].back(), ' ');
            }
            joined += parts[i];
        }
        QCOMPARE(joined, utf8);
    }

    // A surrogate pair or a GSM escape pair at a part's end moves whole to the next part.
    void neverSplitsAPair_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("firstPartEnd");
        QTest::newRow("emoji at the edge")
            << QByteArray::fromStdString(repeated("α", 66) + "😀" + repeated("α", 10))
            << QByteArray("α");
        QTest::newRow("euro at the edge")
            << QByteArray::fromStdString(repeated("a", 152) + "€" + repeated("a", 10))
            << QByteArray("a");
    }
    void neverSplitsAPair() {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, firstPartEnd);
        const auto parts = splitSms(text.toStdString());
        QCOMPARE(parts.size(), std::size_t(2));
        QVERIFY(parts[0].ends_with(firstPartEnd.toStdString()));
        QCOMPARE(parts[0] + parts[1], text.toStdString());
    }

    void capacities() {
        QCOMPARE(smsCapacity(SmsEncoding::Gsm7, 1), std::size_t(160));
        QCOMPARE(smsCapacity(SmsEncoding::Gsm7, 3), std::size_t(459));
        QCOMPARE(smsCapacity(SmsEncoding::Ucs2, 1), std::size_t(70));
        QCOMPARE(smsCapacity(SmsEncoding::Ucs2, 3), std::size_t(201));
    }
};

QTEST_APPLESS_MAIN(tst_SmsText)
#include "tst_sms_text.moc"
