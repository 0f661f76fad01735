// ISO 8601 durations as MITOS writes them: parsing with reasons, canonical text, and applying
// to dates (calendar months clamp to the end of the month) and to instants.
#include <QTest>

#include "shared/domain/IsoDuration.h"

using namespace kep::domain;
using namespace std::chrono;

Q_DECLARE_METATYPE(DurationError)

namespace {
year_month_day date(const QString& iso) {
    const QDate d = QDate::fromString(iso, Qt::ISODate);
    return year{d.year()} / month{unsigned(d.month())} / day{unsigned(d.day())};
}
QString iso(const year_month_day& d) {
    return QDate(int(d.year()), int(unsigned(d.month())), int(unsigned(d.day())))
        .toString(Qt::ISODate);
}
IsoDuration parsed(const char* text) {
    const auto result = IsoDuration::parse(text);
    if (!result.ok()) {
        throw std::invalid_argument(text);
    }
    return *result.duration;
}
}  // namespace

class tst_IsoDuration : public QObject {
    Q_OBJECT
private slots:
    void parsesValid_data();
    void parsesValid();
    void rejectsMalformed_data();
    void rejectsMalformed();
    void addToDate_data();
    void addToDate();
    void addToInstant();
};

void tst_IsoDuration::parsesValid_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<uint>>("ymwdhms");
    QTest::addColumn<QString>("canonical");
    const auto row = [](const char* text, QList<uint> v, const char* canonical) {
        QTest::newRow(text) << QString::fromLatin1(text) << v << QString::fromLatin1(canonical);
    };
    row("P5D", {0, 0, 0, 5, 0, 0, 0}, "P5D");
    row("P2M", {0, 2, 0, 0, 0, 0, 0}, "P2M");
    row("P1Y", {1, 0, 0, 0, 0, 0, 0}, "P1Y");
    row("PT48H", {0, 0, 0, 0, 48, 0, 0}, "PT48H");
    row("P1Y2M10D", {1, 2, 0, 10, 0, 0, 0}, "P1Y2M10D");
    row("P2W", {0, 0, 2, 0, 0, 0, 0}, "P2W");
    row("PT30M", {0, 0, 0, 0, 0, 30, 0}, "PT30M");
    row("P1DT12H", {0, 0, 0, 1, 12, 0, 0}, "P1DT12H");
    row("P1Y2M3W4DT5H6M7S", {1, 2, 3, 4, 5, 6, 7}, "P1Y2M3W4DT5H6M7S");
    row("P0Y5D", {0, 0, 0, 5, 0, 0, 0}, "P5D");
    row("P0D", {0, 0, 0, 0, 0, 0, 0}, "P0D");
    row("PT0S", {0, 0, 0, 0, 0, 0, 0}, "P0D");
    row("P007D", {0, 0, 0, 7, 0, 0, 0}, "P7D");
    row("P9999Y", {9999, 0, 0, 0, 0, 0, 0}, "P9999Y");
    row("PT99999999S", {0, 0, 0, 0, 0, 0, 99999999}, "PT99999999S");
}

void tst_IsoDuration::parsesValid() {
    QFETCH(QString, text);
    QFETCH(QList<uint>, ymwdhms);
    QFETCH(QString, canonical);
    const auto result = IsoDuration::parse(text.toStdString());
    QVERIFY2(result.ok(), durationErrorMessage(result.error).data());
    const IsoDuration& d = *result.duration;
    QCOMPARE((QList<uint>{d.years, d.months, d.weeks, d.days, d.hours, d.minutes, d.seconds}),
             ymwdhms);
    QCOMPARE(QString::fromStdString(d.toString()), canonical);
    QCOMPARE(*IsoDuration::parse(d.toString()).duration, d);
}

void tst_IsoDuration::rejectsMalformed_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<DurationError>("error");
    const auto row = [](const char* name, const char* text, DurationError e) {
        QTest::newRow(name) << QString::fromLatin1(text) << e;
    };
    row("empty", "", DurationError::Empty);
    row("P", "P", DurationError::NoComponents);
    row("5D", "5D", DurationError::MissingP);
    row("PT", "PT", DurationError::EmptyTimePart);
    row("P1DT", "P1DT", DurationError::EmptyTimePart);
    row("PD", "PD", DurationError::MissingNumber);
    row("PTM", "PTM", DurationError::MissingNumber);
    row("P5", "P5", DurationError::MissingDesignator);
    row("PT5", "PT5", DurationError::MissingDesignator);
    row("P5X", "P5X", DurationError::UnknownDesignator);
    row("P5H (no T)", "P5H", DurationError::UnknownDesignator);
    row("PT5D", "PT5D", DurationError::UnknownDesignator);
    row("lowercase", "p5d", DurationError::MissingP);
    row("lowercase designator", "P5d", DurationError::UnknownDesignator);
    row("out of order", "P5D2M", DurationError::OutOfOrder);
    row("repeated", "P1D1D", DurationError::OutOfOrder);
    row("time out of order", "PT5M2H", DurationError::OutOfOrder);
    row("two T", "PT1HT2M", DurationError::OutOfOrder);
    row("negative sign", "-P5D", DurationError::Negative);
    row("negative number", "P-5D", DurationError::Negative);
    row("plus sign", "+P5D", DurationError::Negative);
    row("fraction dot", "PT0.5H", DurationError::Fraction);
    row("fraction comma", "P1,5D", DurationError::Fraction);
    row("overflow digits", "P99999999999999999999D", DurationError::Overflow);
    row("overflow years", "P10000Y", DurationError::Overflow);
    row("overflow days", "P100000D", DurationError::Overflow);
    row("space", "P 5D", DurationError::MissingNumber);
    row("trailing space", "P5D ", DurationError::MissingNumber);
}

void tst_IsoDuration::rejectsMalformed() {
    QFETCH(QString, text);
    QFETCH(DurationError, error);
    const auto result = IsoDuration::parse(text.toStdString());
    QVERIFY(!result.ok());
    QCOMPARE(result.error, error);
    QVERIFY(result.errorOffset <= std::size_t(text.size()));
    QVERIFY(!durationErrorMessage(result.error).empty());
}

void tst_IsoDuration::addToDate_data() {
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("duration");
    QTest::addColumn<QString>("end");
    QTest::newRow("days") << "2025-03-28"
                          << "P5D"
                          << "2025-04-02";
    QTest::newRow("weeks") << "2025-12-20"
                           << "P2W"
                           << "2026-01-03";
    QTest::newRow("months") << "2025-11-15"
                            << "P2M"
                            << "2026-01-15";
    QTest::newRow("31 Jan + 1M leap") << "2024-01-31"
                                      << "P1M"
                                      << "2024-02-29";
    QTest::newRow("31 Jan + 1M") << "2025-01-31"
                                 << "P1M"
                                 << "2025-02-28";
    QTest::newRow("31 Mar + 1M") << "2025-03-31"
                                 << "P1M"
                                 << "2025-04-30";
    QTest::newRow("29 Feb + 1Y") << "2024-02-29"
                                 << "P1Y"
                                 << "2025-02-28";
    QTest::newRow("29 Feb + 4Y") << "2024-02-29"
                                 << "P4Y"
                                 << "2028-02-29";
    QTest::newRow("months before days") << "2025-01-31"
                                        << "P1M1D"
                                        << "2025-03-01";
    QTest::newRow("Y M D") << "2024-01-15"
                           << "P1Y2M10D"
                           << "2025-03-25";
    QTest::newRow("48 hours") << "2025-06-30"
                              << "PT48H"
                              << "2025-07-02";
    QTest::newRow("36 hours floor") << "2025-06-30"
                                    << "PT36H"
                                    << "2025-07-01";
    QTest::newRow("30 minutes same day") << "2025-06-30"
                                         << "PT30M"
                                         << "2025-06-30";
    QTest::newRow("largest stays in range") << "9999-12-31"
                                            << "P9999Y99999M99999W99999D"
                                            << "30522-07-20";
}

void tst_IsoDuration::addToDate() {
    QFETCH(QString, start);
    QFETCH(QString, duration);
    QFETCH(QString, end);
    const year_month_day result = parsed(duration.toLatin1().constData()).addTo(date(start));
    QVERIFY(result.ok());
    QCOMPARE(QString("%1-%2-%3")
                 .arg(int(result.year()))
                 .arg(unsigned(result.month()), 2, 10, QChar('0'))
                 .arg(unsigned(result.day()), 2, 10, QChar('0')),
             end);
}

void tst_IsoDuration::addToInstant() {
    const sys_seconds t = sys_days{2024y / January / 31d} + 10h + 15min;
    QCOMPARE(parsed("P1M").addTo(t), sys_days{2024y / February / 29d} + 10h + 15min);
    QCOMPARE(parsed("PT30M").addTo(t), t + 30min);
    QCOMPARE(parsed("PT48H").addTo(t), t + 48h);
    QCOMPARE(parsed("P1DT14H").addTo(t), sys_days{2024y / February / 2d} + 15min);
    QCOMPARE(iso(parsed("P1DT14H").addTo(2024y / January / 31d)), QStringLiteral("2024-02-01"));
}

QTEST_APPLESS_MAIN(tst_IsoDuration)
#include "tst_isoduration.moc"
