// Dates, numbers and euro amounts as each language writes them: Greek 1.234,50 € and
// 27/11/2026, English €1,234.50 with the same day-month order.
#include "LocaleFormat.h"

#include <QDate>
#include <QDateTime>
#include <QtTest>

using kep::desk::ui::LocaleFormat;

class tst_LocaleFormat : public QObject {
    Q_OBJECT

private slots:
    void formatsByLanguage_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("euros");
        QTest::addColumn<QString>("cents");
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("date");
        QTest::newRow("el") << "el" << QString::fromUtf8("1.234,50 €")
                            << QString::fromUtf8("0,05 €") << "1.234.567"
                            << "27/11/26";
        QTest::newRow("en") << "en" << QString::fromUtf8("€1,234.50") << QString::fromUtf8("€0.05")
                            << "1,234,567"
                            << "27/11/2026";
        QTest::newRow("other reads as en")
            << "de" << QString::fromUtf8("€1,234.50") << QString::fromUtf8("€0.05") << "1,234,567"
            << "27/11/2026";
    }

    void formatsByLanguage() {
        QFETCH(QString, language);
        QFETCH(QString, euros);
        QFETCH(QString, cents);
        QFETCH(QString, number);
        QFETCH(QString, date);
        const QLocale locale = LocaleFormat::forLanguage(language);
        QCOMPARE(LocaleFormat::euros(1234.5, locale), euros);
        QCOMPARE(LocaleFormat::euroCents(5, locale), cents);
        QCOMPARE(LocaleFormat::number(1234567, locale), number);
        QCOMPARE(LocaleFormat::date(QDate(2026, 11, 27), locale), date);
    }

    void toTheSecondInTheDesksTimeZone() {
        const QDateTime at(QDate(2026, 11, 27), QTime(9, 5, 7), Qt::LocalTime);
        QVERIFY(LocaleFormat::dateTimeToSecond(at, LocaleFormat::forLanguage(QStringLiteral("el")))
                    .endsWith(QLatin1String("09:05:07")));
        QVERIFY(LocaleFormat::dateTimeToSecond(at.toUTC(),
                                               LocaleFormat::forLanguage(QStringLiteral("en")))
                    .endsWith(QLatin1String("09:05:07")));
    }

    void followsTheDefaultLocale() {
        QLocale::setDefault(LocaleFormat::forLanguage(QStringLiteral("el")));
        QCOMPARE(LocaleFormat::euros(2.5), QString::fromUtf8("2,50 €"));
        QLocale::setDefault(LocaleFormat::forLanguage(QStringLiteral("en")));
        QCOMPARE(LocaleFormat::euros(2.5), QString::fromUtf8("€2.50"));
    }
};

QTEST_MAIN(tst_LocaleFormat)
#include "tst_localeformat.moc"
