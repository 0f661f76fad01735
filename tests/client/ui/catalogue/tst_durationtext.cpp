// Statutory deadlines in words, in Greek and English: days are working days (as the due date
// counts them), plurals are right, and what the register wrote is shown when it does not parse.
#include "LanguageManager.h"
#include "catalogue/DurationText.h"

#include <QtTest>

using namespace kep::desk::ui;

class tst_DurationText : public QObject {
    Q_OBJECT

    LanguageManager languages_;

private slots:
    void inWords_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("iso");
        QTest::addColumn<QString>("words");
        QTest::newRow("el days") << "el"
                                 << "P5D" << QString::fromUtf8("5 εργάσιμες ημέρες");
        QTest::newRow("el one day") << "el"
                                    << "P1D" << QString::fromUtf8("1 εργάσιμη ημέρα");
        QTest::newRow("el months") << "el"
                                   << "P2M" << QString::fromUtf8("2 μήνες");
        QTest::newRow("el hours") << "el"
                                  << "PT48H" << QString::fromUtf8("48 ώρες");
        QTest::newRow("el mixed") << "el"
                                  << "P1Y2M10D"
                                  << QString::fromUtf8("1 έτος, 2 μήνες και 10 εργάσιμες ημέρες");
        QTest::newRow("el weeks") << "el"
                                  << "P2W" << QString::fromUtf8("2 εβδομάδες");
        QTest::newRow("en days") << "en"
                                 << "P5D"
                                 << "5 working days";
        QTest::newRow("en one day") << "en"
                                    << "P1D"
                                    << "1 working day";
        QTest::newRow("en time") << "en"
                                 << "PT2H30M"
                                 << "2 hours and 30 minutes";
        QTest::newRow("en year") << "en"
                                 << "P1Y"
                                 << "1 year";
        QTest::newRow("en zero") << "en"
                                 << "P0D"
                                 << "at once";
        QTest::newRow("not iso") << "el"
                                 << "5 days"
                                 << "5 days";
        QTest::newRow("none") << "en"
                              << ""
                              << "";
    }
    void inWords() {
        QFETCH(QString, language);
        QFETCH(QString, iso);
        QFETCH(QString, words);
        QVERIFY(languages_.setLanguage(language));
        kep::catalogue::CatalogueDuration duration;
        duration.text = iso.toStdString();
        if (const auto parsed = kep::domain::IsoDuration::parse(duration.text); parsed.ok()) {
            duration.value = parsed.duration;
        }
        QCOMPARE(DurationText::inWords(duration), words);
    }
};

QTEST_GUILESS_MAIN(tst_DurationText)
#include "tst_durationtext.moc"
