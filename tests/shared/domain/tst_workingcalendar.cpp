// Greek working days: Orthodox Easter, every national holiday 2024–2030, deadlines across
// Easter, Christmas and the 2024 Labour Day move, office overrides and their JSON form.
#include <QTest>

#include "shared/domain/GreekHolidays.h"
#include "shared/domain/WorkingCalendar.h"

using namespace kep::domain;
using namespace std::chrono;

Q_DECLARE_METATYPE(HolidayId)

namespace {

year_month_day date(const QString& iso) {
    const QDate d = QDate::fromString(iso, Qt::ISODate);
    return year{d.year()} / month{unsigned(d.month())} / day{unsigned(d.day())};
}

QString iso(const year_month_day& d) {
    return QDate(int(d.year()), int(unsigned(d.month())), int(unsigned(d.day())))
        .toString(Qt::ISODate);
}

// The 2024 move of Labour Day (1 May fell in Holy Week) to Tuesday 7 May.
CalendarOverrides labourDay2024() {
    CalendarOverrides o;
    o.add({2024y / May / 1d, DayKind::WorkingDay, {}, "Labour Day moved to 7 May"});
    o.add({2024y / May / 7d, DayKind::Holiday, {}, "Labour Day (moved)"});
    return o;
}

struct HolidayRow {
    const char* date;
    HolidayId id;
};

// Written out from the rules (fixed dates, Easter - 48, - 2, + 1, + 50), not computed.
constexpr HolidayRow kHolidays2024To2030[] = {
    {"2024-01-01", HolidayId::NewYear},      {"2024-01-06", HolidayId::Epiphany},
    {"2024-03-18", HolidayId::CleanMonday},  {"2024-03-25", HolidayId::IndependenceDay},
    {"2024-05-01", HolidayId::LabourDay},    {"2024-05-03", HolidayId::GoodFriday},
    {"2024-05-06", HolidayId::EasterMonday}, {"2024-06-24", HolidayId::WhitMonday},
    {"2024-08-15", HolidayId::Assumption},   {"2024-10-28", HolidayId::OchiDay},
    {"2024-12-25", HolidayId::Christmas},    {"2024-12-26", HolidayId::SecondDayOfChristmas},
    {"2025-01-01", HolidayId::NewYear},      {"2025-01-06", HolidayId::Epiphany},
    {"2025-03-03", HolidayId::CleanMonday},  {"2025-03-25", HolidayId::IndependenceDay},
    {"2025-04-18", HolidayId::GoodFriday},   {"2025-04-21", HolidayId::EasterMonday},
    {"2025-05-01", HolidayId::LabourDay},    {"2025-06-09", HolidayId::WhitMonday},
    {"2025-08-15", HolidayId::Assumption},   {"2025-10-28", HolidayId::OchiDay},
    {"2025-12-25", HolidayId::Christmas},    {"2025-12-26", HolidayId::SecondDayOfChristmas},
    {"2026-01-01", HolidayId::NewYear},      {"2026-01-06", HolidayId::Epiphany},
    {"2026-02-23", HolidayId::CleanMonday},  {"2026-03-25", HolidayId::IndependenceDay},
    {"2026-04-10", HolidayId::GoodFriday},   {"2026-04-13", HolidayId::EasterMonday},
    {"2026-05-01", HolidayId::LabourDay},    {"2026-06-01", HolidayId::WhitMonday},
    {"2026-08-15", HolidayId::Assumption},   {"2026-10-28", HolidayId::OchiDay},
    {"2026-12-25", HolidayId::Christmas},    {"2026-12-26", HolidayId::SecondDayOfChristmas},
    {"2027-01-01", HolidayId::NewYear},      {"2027-01-06", HolidayId::Epiphany},
    {"2027-03-15", HolidayId::CleanMonday},  {"2027-03-25", HolidayId::IndependenceDay},
    {"2027-04-30", HolidayId::GoodFriday},   {"2027-05-01", HolidayId::LabourDay},
    {"2027-05-03", HolidayId::EasterMonday}, {"2027-06-21", HolidayId::WhitMonday},
    {"2027-08-15", HolidayId::Assumption},   {"2027-10-28", HolidayId::OchiDay},
    {"2027-12-25", HolidayId::Christmas},    {"2027-12-26", HolidayId::SecondDayOfChristmas},
    {"2028-01-01", HolidayId::NewYear},      {"2028-01-06", HolidayId::Epiphany},
    {"2028-02-28", HolidayId::CleanMonday},  {"2028-03-25", HolidayId::IndependenceDay},
    {"2028-04-14", HolidayId::GoodFriday},   {"2028-04-17", HolidayId::EasterMonday},
    {"2028-05-01", HolidayId::LabourDay},    {"2028-06-05", HolidayId::WhitMonday},
    {"2028-08-15", HolidayId::Assumption},   {"2028-10-28", HolidayId::OchiDay},
    {"2028-12-25", HolidayId::Christmas},    {"2028-12-26", HolidayId::SecondDayOfChristmas},
    {"2029-01-01", HolidayId::NewYear},      {"2029-01-06", HolidayId::Epiphany},
    {"2029-02-19", HolidayId::CleanMonday},  {"2029-03-25", HolidayId::IndependenceDay},
    {"2029-04-06", HolidayId::GoodFriday},   {"2029-04-09", HolidayId::EasterMonday},
    {"2029-05-01", HolidayId::LabourDay},    {"2029-05-28", HolidayId::WhitMonday},
    {"2029-08-15", HolidayId::Assumption},   {"2029-10-28", HolidayId::OchiDay},
    {"2029-12-25", HolidayId::Christmas},    {"2029-12-26", HolidayId::SecondDayOfChristmas},
    {"2030-01-01", HolidayId::NewYear},      {"2030-01-06", HolidayId::Epiphany},
    {"2030-03-11", HolidayId::CleanMonday},  {"2030-03-25", HolidayId::IndependenceDay},
    {"2030-04-26", HolidayId::GoodFriday},   {"2030-04-29", HolidayId::EasterMonday},
    {"2030-05-01", HolidayId::LabourDay},    {"2030-06-17", HolidayId::WhitMonday},
    {"2030-08-15", HolidayId::Assumption},   {"2030-10-28", HolidayId::OchiDay},
    {"2030-12-25", HolidayId::Christmas},    {"2030-12-26", HolidayId::SecondDayOfChristmas},
};

}  // namespace

class tst_WorkingCalendar : public QObject {
    Q_OBJECT
private slots:
    void orthodoxEaster_data();
    void orthodoxEaster();
    void everyNationalHoliday_data();
    void everyNationalHoliday();
    void twelveHolidaysPerYearAndNoOthers();
    void holySaturdayIsNotAHoliday();
    void addWorkingDays_data();
    void addWorkingDays();
    void addWorkingDaysFromNonWorkingStart();
    void addZeroAndNegative();
    void workingDaysBetweenInvertsAdd();
    void officeOverrideBeatsNational();
    void overrideCanMakeSaturdayWorking();
    void overridesJsonRoundTrip();
    void overridesJsonRejects_data();
    void overridesJsonRejects();
    void conflictingOverridesRejected();
    void hugeCountsRejected();
};

void tst_WorkingCalendar::orthodoxEaster_data() {
    QTest::addColumn<int>("year");
    QTest::addColumn<QString>("easter");
    QTest::newRow("2024") << 2024 << "2024-05-05";
    QTest::newRow("2025") << 2025 << "2025-04-20";
    QTest::newRow("2026") << 2026 << "2026-04-12";
    QTest::newRow("2027") << 2027 << "2027-05-02";
    QTest::newRow("2028") << 2028 << "2028-04-16";
    QTest::newRow("2029") << 2029 << "2029-04-08";
    QTest::newRow("2030") << 2030 << "2030-04-28";
    QTest::newRow("2000") << 2000 << "2000-04-30";
    QTest::newRow("2023") << 2023 << "2023-04-16";
    QTest::newRow("2031 (same day as Western)") << 2031 << "2031-04-13";
}

void tst_WorkingCalendar::orthodoxEaster() {
    QFETCH(int, year);
    QFETCH(QString, easter);
    const year_month_day e = kep::domain::orthodoxEaster(std::chrono::year{year});
    QCOMPARE(iso(e), easter);
    QCOMPARE(weekday{sys_days{e}}, Sunday);
}

void tst_WorkingCalendar::everyNationalHoliday_data() {
    QTest::addColumn<QString>("date");
    QTest::addColumn<HolidayId>("id");
    for (const HolidayRow& row : kHolidays2024To2030) {
        QTest::newRow(row.date) << QString::fromLatin1(row.date) << row.id;
    }
}

void tst_WorkingCalendar::everyNationalHoliday() {
    QFETCH(QString, date);
    QFETCH(HolidayId, id);
    const year_month_day d = ::date(date);
    const auto list = nationalHolidays(d.year());
    QVERIFY(std::any_of(list.begin(), list.end(),
                        [&](const PublicHoliday& h) { return h.date == d && h.id == id; }));
    QVERIFY(isNationalHoliday(sys_days{d}));
    QVERIFY(!WorkingCalendar().isWorkingDay(d));
}

void tst_WorkingCalendar::twelveHolidaysPerYearAndNoOthers() {
    const WorkingCalendar calendar;
    for (int y = 2024; y <= 2030; ++y) {
        const auto list = nationalHolidays(year{y});
        QCOMPARE(list.size(), std::size_t{12});
        QVERIFY(std::is_sorted(list.begin(), list.end(), [](const auto& l, const auto& r) {
            return sys_days{l.date} < sys_days{r.date};
        }));
        // Every weekday that is not in the table is a working day.
        int workingDays = 0;
        for (sys_days d{year{y} / 1 / 1}; d <= sys_days{year{y} / 12 / 31}; d += days{1}) {
            const weekday wd{d};
            const bool weekend = wd == Saturday || wd == Sunday;
            const bool listed =
                std::any_of(std::begin(kHolidays2024To2030), std::end(kHolidays2024To2030),
                            [&](const HolidayRow& r) {
                                return ::date(QString::fromLatin1(r.date)) == year_month_day{d};
                            });
            QCOMPARE(calendar.isWorkingDay(year_month_day{d}), !weekend && !listed);
            workingDays += calendar.isWorkingDay(year_month_day{d}) ? 1 : 0;
        }
        QVERIFY(workingDays > 240 && workingDays < 256);
    }
}

void tst_WorkingCalendar::holySaturdayIsNotAHoliday() {
    const auto list = nationalHolidays(2025y);
    const year_month_day holySaturday = 2025y / April / 19d;
    QVERIFY(std::none_of(list.begin(), list.end(),
                         [&](const PublicHoliday& h) { return h.date == holySaturday; }));
    // A Saturday all the same; an override can still open an office that day.
    QVERIFY(!WorkingCalendar().isWorkingDay(holySaturday));
}

void tst_WorkingCalendar::addWorkingDays_data() {
    QTest::addColumn<QString>("start");
    QTest::addColumn<int>("n");
    QTest::addColumn<bool>("labourDayMoved");
    QTest::addColumn<QString>("due");
    QTest::newRow("Fri + 1 = Mon") << "2025-01-10" << 1 << false << "2025-01-13";
    QTest::newRow("Mon + 5 = next Mon") << "2025-01-13" << 5 << false << "2025-01-20";
    QTest::newRow("over Epiphany") << "2025-01-03" << 1 << false << "2025-01-07";
    QTest::newRow("Easter 2025, Thu + 1") << "2025-04-17" << 1 << false << "2025-04-22";
    QTest::newRow("Easter 2025, + 10") << "2025-04-10" << 10 << false << "2025-04-28";
    QTest::newRow("Clean Monday 2026") << "2026-02-20" << 1 << false << "2026-02-24";
    QTest::newRow("Christmas 2025") << "2025-12-24" << 1 << false << "2025-12-29";
    QTest::newRow("Christmas to New Year 2025") << "2025-12-23" << 5 << false << "2026-01-02";
    QTest::newRow("Christmas 2026 (Fri, Sat)") << "2026-12-24" << 1 << false << "2026-12-28";
    QTest::newRow("Whit Monday 2025") << "2025-06-06" << 1 << false << "2025-06-10";
    QTest::newRow("2024 rules only: 1 May off") << "2024-04-30" << 1 << false << "2024-05-02";
    QTest::newRow("2024 moved: 1 May working") << "2024-04-30" << 1 << true << "2024-05-01";
    QTest::newRow("2024 moved: Easter + 7 May off") << "2024-05-02" << 1 << true << "2024-05-08";
    QTest::newRow("2024 rules: 7 May working") << "2024-05-02" << 2 << false << "2024-05-08";
    QTest::newRow("2024 moved: 30 days") << "2024-04-15" << 30 << true << "2024-05-30";
    QTest::newRow("2024 rules: 30 days") << "2024-04-15" << 30 << false << "2024-05-30";
}

void tst_WorkingCalendar::addWorkingDays() {
    QFETCH(QString, start);
    QFETCH(int, n);
    QFETCH(bool, labourDayMoved);
    QFETCH(QString, due);
    const WorkingCalendar calendar =
        labourDayMoved ? WorkingCalendar(labourDay2024()) : WorkingCalendar();
    QCOMPARE(iso(calendar.addWorkingDays(date(start), n)), due);
    QCOMPARE(calendar.workingDaysBetween(date(start), date(due)), n);
}

void tst_WorkingCalendar::addWorkingDaysFromNonWorkingStart() {
    // Counting starts at the next working day whatever the start is: a case filed online on
    // Christmas Day or on a Saturday is due as if filed on the last working day before.
    const WorkingCalendar calendar;
    QCOMPARE(iso(calendar.addWorkingDays(2025y / December / 25d, 1)), QStringLiteral("2025-12-29"));
    QCOMPARE(iso(calendar.addWorkingDays(2025y / December / 24d, 1)), QStringLiteral("2025-12-29"));
    QCOMPARE(iso(calendar.addWorkingDays(2025y / January / 11d, 1)), QStringLiteral("2025-01-13"));
    QCOMPARE(iso(calendar.addWorkingDays(2025y / January / 11d, 2)), QStringLiteral("2025-01-14"));
}

void tst_WorkingCalendar::addZeroAndNegative() {
    const WorkingCalendar calendar;
    QCOMPARE(iso(calendar.addWorkingDays(2025y / January / 8d, 0)), QStringLiteral("2025-01-08"));
    QCOMPARE(iso(calendar.addWorkingDays(2025y / December / 25d, 0)), QStringLiteral("2025-12-29"));
    QCOMPARE(iso(calendar.addWorkingDays(2025y / January / 13d, -1)), QStringLiteral("2025-01-10"));
    QCOMPARE(iso(calendar.addWorkingDays(2025y / April / 22d, -2)), QStringLiteral("2025-04-16"));
}

void tst_WorkingCalendar::workingDaysBetweenInvertsAdd() {
    const WorkingCalendar calendar(labourDay2024());
    const year_month_day start = 2024y / March / 1d;
    for (int n = 1; n <= 120; ++n) {
        const year_month_day due = calendar.addWorkingDays(start, n);
        QCOMPARE(calendar.workingDaysBetween(start, due), n);
        QCOMPARE(calendar.workingDaysBetween(due, start), -n);
    }
    QCOMPARE(calendar.workingDaysBetween(start, start), 0);
}

void tst_WorkingCalendar::officeOverrideBeatsNational() {
    CalendarOverrides o;
    o.add({2025y / November / 11d, DayKind::Holiday, "0457", "Patron saint of the town"});
    o.add({2025y / December / 24d, DayKind::Holiday, {}, "Christmas Eve bridge day"});
    o.add({2025y / December / 24d, DayKind::WorkingDay, "0001", "Central office open"});
    const WorkingCalendar calendar(o);
    QVERIFY(!calendar.isWorkingDay(2025y / November / 11d, "0457"));
    QVERIFY(calendar.isWorkingDay(2025y / November / 11d, "0458"));
    QVERIFY(calendar.isWorkingDay(2025y / November / 11d));
    QVERIFY(!calendar.isWorkingDay(2025y / December / 24d));
    QVERIFY(!calendar.isWorkingDay(2025y / December / 24d, "0457"));
    QVERIFY(calendar.isWorkingDay(2025y / December / 24d, "0001"));
    QCOMPARE(iso(calendar.addWorkingDays(2025y / November / 10d, 1, "0457")),
             QStringLiteral("2025-11-12"));
}

void tst_WorkingCalendar::overrideCanMakeSaturdayWorking() {
    CalendarOverrides o;
    o.add({2025y / May / 3d, DayKind::WorkingDay, {}, "Saturday opening"});
    const WorkingCalendar calendar(o);
    QVERIFY(calendar.isWorkingDay(2025y / May / 3d));
    QCOMPARE(iso(calendar.addWorkingDays(2025y / May / 2d, 1)), QStringLiteral("2025-05-03"));
}

void tst_WorkingCalendar::overridesJsonRoundTrip() {
    const char* json = R"json({"format":1,"overrides":[
        {"date":"2024-05-07","kind":"holiday","scope":"national","reason":"Labour Day (moved)"},
        {"date":"2024-05-01","kind":"working_day","scope":"national","reason":"Labour Day moved to 7 May"},
        {"date":"2024-11-11","kind":"holiday","scope":"office","office":"0457",
         "reason":"Πολιούχος","future_field":true}]})json";
    const CalendarOverrides o = CalendarOverrides::fromJson(json);
    QCOMPARE(o.entries().size(), std::size_t{3});
    QCOMPARE(iso(o.entries()[0].date), QStringLiteral("2024-05-01"));  // kept in date order
    QCOMPARE(o.entries()[2].office, std::string("0457"));
    QCOMPARE(QString::fromStdString(o.entries()[2].reason), QString::fromUtf8("Πολιούχος"));
    const CalendarOverrides again = CalendarOverrides::fromJson(o.toJson());
    QCOMPARE(again.toJson(), o.toJson());
    const WorkingCalendar calendar(again);
    QCOMPARE(iso(calendar.addWorkingDays(2024y / May / 2d, 1)), QStringLiteral("2024-05-08"));
    QVERIFY(!calendar.isWorkingDay(2024y / November / 11d, "0457"));
}

void tst_WorkingCalendar::overridesJsonRejects_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("not json") << QByteArray("{") << "not JSON";
    QTest::newRow("array root") << QByteArray("[]") << "object";
    QTest::newRow("no format") << QByteArray(R"json({"overrides":[]})json") << "format";
    QTest::newRow("future format")
        << QByteArray(R"json({"format":2,"overrides":[]})json") << "format";
    QTest::newRow("overrides not array")
        << QByteArray(R"json({"format":1,"overrides":{}})json") << "array";
    QTest::newRow("bad date")
        << QByteArray(
               R"json({"format":1,"overrides":[{"date":"2025-02-29","kind":"holiday","scope":"national"}]})json")
        << "overrides[0]: date";
    QTest::newRow("date format")
        << QByteArray(
               R"json({"format":1,"overrides":[{"date":"25/12/2025","kind":"holiday","scope":"national"}]})json")
        << "date";
    QTest::newRow("bad kind")
        << QByteArray(
               R"json({"format":1,"overrides":[{"date":"2025-12-24","kind":"half","scope":"national"}]})json")
        << "kind";
    QTest::newRow("bad scope")
        << QByteArray(
               R"json({"format":1,"overrides":[{"date":"2025-12-24","kind":"holiday","scope":"region"}]})json")
        << "scope";
    QTest::newRow("office missing")
        << QByteArray(
               R"json({"format":1,"overrides":[{"date":"2025-12-24","kind":"holiday","scope":"office"}]})json")
        << "office";
    QTest::newRow("reason not string")
        << QByteArray(
               R"json({"format":1,"overrides":[{"date":"2025-12-24","kind":"holiday","scope":"national","reason":3}]})json")
        << "reason";
    QTest::newRow("conflict, second entry")
        << QByteArray(
               R"json({"format":1,"overrides":[{"date":"2025-12-24","kind":"holiday","scope":"national"},{"date":"2025-12-24","kind":"working_day","scope":"national"}]})json")
        << "overrides[1]";
}

void tst_WorkingCalendar::overridesJsonRejects() {
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    try {
        CalendarOverrides::fromJson(json.toStdString());
        QFAIL("accepted");
    } catch (const CalendarFormatError& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(mentions), e.what());
    }
}

void tst_WorkingCalendar::conflictingOverridesRejected() {
    CalendarOverrides o;
    o.add({2025y / December / 24d, DayKind::Holiday, {}, "first"});
    o.add({2025y / December / 24d, DayKind::Holiday, {}, "second"});  // same kind: new reason
    QCOMPARE(o.entries().size(), std::size_t{1});
    QCOMPARE(o.entries()[0].reason, std::string("second"));
    QVERIFY_THROWS_EXCEPTION(CalendarFormatError,
                             o.add({2025y / December / 24d, DayKind::WorkingDay, {}, "x"}));
    QVERIFY_THROWS_EXCEPTION(CalendarFormatError,
                             o.add({2025y / February / 29d, DayKind::Holiday, {}, "x"}));
}

void tst_WorkingCalendar::hugeCountsRejected() {
    const WorkingCalendar calendar;
    QVERIFY_THROWS_EXCEPTION(std::out_of_range,
                             calendar.addWorkingDays(2025y / January / 1d, 100'001));
}

QTEST_APPLESS_MAIN(tst_WorkingCalendar)
#include "tst_workingcalendar.moc"
