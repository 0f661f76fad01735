// The status-bar count of protocol numbers: its words in English and in Greek (plural forms,
// the low warning, none left), hidden until a count is known, and retranslated at once.
#include "LanguageManager.h"
#include "cases/ProtocolStockIndicator.h"

#include <QtTest>

using namespace kep::desk::ui;

class tst_ProtocolStockIndicator : public QObject {
    Q_OBJECT

    LanguageManager languages_;

private slots:
    void describe_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<quint64>("remaining");
        QTest::addColumn<bool>("low");
        QTest::addColumn<QString>("expected");
        QTest::newRow("en plenty") << "en" << quint64(180) << false << "Protocol numbers: 180 left";
        QTest::newRow("en low") << "en" << quint64(12) << true
                                << "Protocol numbers running low: 12 left";
        QTest::newRow("en none") << "en" << quint64(0) << true
                                 << "No protocol numbers left: connect to the server";
        QTest::newRow("el plenty")
            << "el" << quint64(180) << false << "Αριθμοί πρωτοκόλλου: απομένουν 180";
        QTest::newRow("el one, low")
            << "el" << quint64(1) << true << "Οι αριθμοί πρωτοκόλλου τελειώνουν: απομένει 1";
        QTest::newRow("el none") << "el" << quint64(0) << true
                                 << "Δεν απομένουν αριθμοί πρωτοκόλλου: συνδέστε τον σταθμό με "
                                    "τον διακομιστή";
    }
    void describe() {
        QFETCH(QString, language);
        QFETCH(quint64, remaining);
        QFETCH(bool, low);
        QFETCH(QString, expected);
        QVERIFY(languages_.setLanguage(language));
        QCOMPARE(ProtocolStockIndicator::describe(remaining, low), expected);
    }

    void showsTheStockAndWarnsWhenLow() {
        QVERIFY(languages_.setLanguage("en"));
        ProtocolStockIndicator indicator;
        QVERIFY(indicator.isHidden());
        indicator.setStock(2030, 200, false);
        QVERIFY(!indicator.isHidden());
        QVERIFY(!indicator.isWarning());
        QCOMPARE(indicator.accessibleDescription(), QString("Protocol numbers: 200 left"));
        QVERIFY(!indicator.text().contains("⚠"));

        indicator.setStock(2030, 7, true);
        QVERIFY(indicator.isWarning());
        QVERIFY(indicator.text().contains("⚠"));

        QVERIFY(languages_.setLanguage("el"));
        QCoreApplication::processEvents();  // LanguageChange is delivered as an event
        QCOMPARE(indicator.accessibleDescription(),
                 QString("Οι αριθμοί πρωτοκόλλου τελειώνουν: απομένουν 7"));
        QCOMPARE(indicator.accessibleName(), QString("Αριθμοί πρωτοκόλλου"));
    }
};

QTEST_MAIN(tst_ProtocolStockIndicator)
#include "tst_protocolstockindicator.moc"
