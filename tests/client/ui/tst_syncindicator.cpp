// The status-bar sync indicator's words, in English and in Greek, and that it follows the model.
#include "LanguageManager.h"
#include "SyncIndicator.h"
#include "SyncStatus.h"

#include <QtTest>

using namespace kep::desk;
using namespace kep::desk::ui;

class tst_SyncIndicator : public QObject {
    Q_OBJECT

    const QDateTime now_ = QDateTime(QDate(2025, 3, 3), QTime(15, 0));
    LanguageManager languages_;

private slots:
    void describe_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("online");
        QTest::addColumn<int>("pending");
        QTest::addColumn<QDateTime>("lastSync");
        QTest::addColumn<QString>("expected");
        const QDateTime today(QDate(2025, 3, 3), QTime(10, 42));
        const QDateTime earlier(QDate(2025, 2, 28), QTime(9, 5));
        QTest::newRow("en online")
            << "en" << true << 0 << today << "Online · 0 pending · last sync 10:42";
        QTest::newRow("en offline never")
            << "en" << false << 3 << QDateTime() << "Offline · 3 pending · not yet synchronised";
        QTest::newRow("en other day")
            << "en" << true << 1 << earlier << "Online · 1 pending · last sync 28/2 09:05";
        QTest::newRow("el online") << "el" << true << 0 << today
                                   << "Σε σύνδεση · 0 εκκρεμείς · τελευταίος συγχρονισμός 10:42";
        QTest::newRow("el one pending") << "el" << false << 1 << today
                                        << "Εκτός σύνδεσης · 1 εκκρεμής · τελευταίος "
                                           "συγχρονισμός 10:42";
        QTest::newRow("el never") << "el" << false << 12 << QDateTime()
                                  << "Εκτός σύνδεσης · 12 εκκρεμείς · δεν έχει γίνει ακόμη "
                                     "συγχρονισμός";
    }
    void describe() {
        QFETCH(QString, language);
        QFETCH(bool, online);
        QFETCH(int, pending);
        QFETCH(QDateTime, lastSync);
        QFETCH(QString, expected);
        QVERIFY(languages_.setLanguage(language));
        QCOMPARE(SyncIndicator::describe(online, pending, lastSync, now_), expected);
    }

    void followsTheModel() {
        QVERIFY(languages_.setLanguage("en"));
        SyncStatus status;
        SyncIndicator indicator(status);
        QVERIFY(indicator.accessibleDescription().startsWith("Offline"));
        status.setOnline(true);
        status.setPendingChanges(4);
        QVERIFY(indicator.accessibleDescription().startsWith("Online · 4 pending"));
        QVERIFY(indicator.text().contains("Online"));
        QVERIFY(languages_.setLanguage("el"));
        QCoreApplication::processEvents();  // LanguageChange is delivered as an event
        QVERIFY(indicator.accessibleDescription().startsWith("Σε σύνδεση · 4 εκκρεμείς"));
    }
};

QTEST_MAIN(tst_SyncIndicator)
#include "tst_syncindicator.moc"
