// The statutory due date: working days across Easter 2026 and Christmas, calendar months and
// weeks that land on a day off, filing after Greek midnight, an office's own holiday, and the
// stopped clock (closed, open, repeated and same-day stays in awaiting_documents), and a
// deadline or stopped clock too long to count, which is an error result and never a throw.
#include <QTest>

#include "shared/cases/DueDate.h"

using namespace kep::cases;
using namespace kep::domain;
using namespace std::chrono;

namespace {

Instant instant(const QString& isoUtc) {
    const QDateTime t = QDateTime::fromString(isoUtc, Qt::ISODate);
    return Instant{milliseconds{t.toMSecsSinceEpoch()}};
}

QDate qdate(year_month_day d) {
    return QDate(int(d.year()), int(unsigned(d.month())), int(unsigned(d.day())));
}

// One stay in awaiting_documents: "entered" or "entered/left" (UTC, ISO 8601).
std::vector<HistoryEntry> historyOf(const QStringList& stays) {
    std::vector<HistoryEntry> history;
    for (const QString& stay : stays) {
        const QStringList ends = stay.split('/');
        history.push_back({CaseStatus::InProgress, CaseStatus::AwaitingDocuments, "authority-1",
                           ActorRole::AuthoritySystem, instant(ends[0]), "ΑΦΜ βεβαίωση"});
        if (ends.size() > 1) {
            history.push_back({CaseStatus::AwaitingDocuments,
                               CaseStatus::InProgress,
                               "clerk-1",
                               ActorRole::Clerk,
                               instant(ends[1]),
                               {}});
        }
    }
    return history;
}

}  // namespace

class tst_DueDate : public QObject {
    Q_OBJECT
private slots:
    void dueDate_data();
    void dueDate();
    void historyBeforeAndAfterTheStayIsIgnored();
    void outOfRangeIsAnErrorNotAThrow_data();
    void outOfRangeIsAnErrorNotAThrow();
};

void tst_DueDate::dueDate_data() {
    QTest::addColumn<QString>("filed");  // UTC
    QTest::addColumn<QString>("deadline");
    QTest::addColumn<QStringList>("stays");
    QTest::addColumn<QString>("asOf");
    QTest::addColumn<QString>("office");
    QTest::addColumn<QDate>("statutory");
    QTest::addColumn<int>("stopped");
    QTest::addColumn<bool>("clockStopped");
    QTest::addColumn<QDate>("due");
    const QString asOf = "2027-06-01T09:00:00Z";
    const QStringList none;
    // Easter 2026: Good Friday 10 Apr, Easter Monday 13 Apr.
    QTest::newRow("P5D across Easter")
        << "2026-04-08T07:00:00Z"
        << "P5D" << none << asOf << "" << QDate(2026, 4, 17) << 0 << false << QDate(2026, 4, 17);
    QTest::newRow("P1D before Good Friday")
        << "2026-04-09T07:00:00Z"
        << "P1D" << none << asOf << "" << QDate(2026, 4, 14) << 0 << false << QDate(2026, 4, 14);
    // Christmas (Friday) and New Year, then Epiphany (Wednesday 6 Jan 2027).
    QTest::newRow("P5D across Christmas")
        << "2026-12-22T08:00:00Z"
        << "P5D" << none << asOf << "" << QDate(2026, 12, 30) << 0 << false << QDate(2026, 12, 30);
    QTest::newRow("P10D into January")
        << "2026-12-22T08:00:00Z"
        << "P10D" << none << asOf << "" << QDate(2027, 1, 8) << 0 << false << QDate(2027, 1, 8);
    QTest::newRow("P2M lands on Easter Monday")
        << "2026-02-13T08:00:00Z"
        << "P2M" << none << asOf << "" << QDate(2026, 4, 14) << 0 << false << QDate(2026, 4, 14);
    QTest::newRow("P1M from 31 Jan clamps to a Saturday")
        << "2026-01-31T08:00:00Z"
        << "P1M" << none << asOf << "" << QDate(2026, 3, 2) << 0 << false << QDate(2026, 3, 2);
    QTest::newRow("P2W lands on Good Friday")
        << "2026-03-27T08:00:00Z"
        << "P2W" << none << asOf << "" << QDate(2026, 4, 14) << 0 << false << QDate(2026, 4, 14);
    QTest::newRow("P1M10D: month, then working days")
        << "2026-03-02T08:00:00Z"
        << "P1M10D" << none << asOf << "" << QDate(2026, 4, 20) << 0 << false << QDate(2026, 4, 20);
    QTest::newRow("PT48H across Clean Monday")
        << "2026-02-20T08:00:00Z"
        << "PT48H" << none << asOf << "" << QDate(2026, 2, 25) << 0 << false << QDate(2026, 2, 25);
    QTest::newRow("P0D filed on a Saturday")
        << "2026-03-07T08:00:00Z"
        << "P0D" << none << asOf << "" << QDate(2026, 3, 9) << 0 << false << QDate(2026, 3, 9);
    // 22:30 UTC on 7 Apr is 01:30 on 8 Apr in Athens (summer time): the filing date is the 8th.
    QTest::newRow("filed after Greek midnight")
        << "2026-04-07T22:30:00Z"
        << "P5D" << none << asOf << "" << QDate(2026, 4, 17) << 0 << false << QDate(2026, 4, 17);
    QTest::newRow("office holiday") << "2026-03-02T08:00:00Z"
                                    << "P10D" << none << asOf << "0457" << QDate(2026, 3, 17) << 0
                                    << false << QDate(2026, 3, 17);
    QTest::newRow("other office, same day")
        << "2026-03-02T08:00:00Z"
        << "P10D" << none << asOf << "0101" << QDate(2026, 3, 16) << 0 << false
        << QDate(2026, 3, 16);
    // Filed Monday 2 Mar, P10D: due Monday 16 Mar without stops.
    QTest::newRow("stopped Mon, restarted Thu: 3 working days")
        << "2026-03-02T08:00:00Z"
        << "P10D" << QStringList{"2026-03-09T08:00:00Z/2026-03-12T09:00:00Z"} << asOf << ""
        << QDate(2026, 3, 16) << 3 << false << QDate(2026, 3, 19);
    QTest::newRow("two stays of one day")
        << "2026-03-02T08:00:00Z"
        << "P10D"
        << QStringList{"2026-03-09T08:00:00Z/2026-03-10T08:00:00Z",
                       "2026-03-11T08:00:00Z/2026-03-12T08:00:00Z"}
        << asOf << "" << QDate(2026, 3, 16) << 2 << false << QDate(2026, 3, 18);
    QTest::newRow("stopped and restarted the same day")
        << "2026-03-02T08:00:00Z"
        << "P10D" << QStringList{"2026-03-09T07:00:00Z/2026-03-09T12:00:00Z"} << asOf << ""
        << QDate(2026, 3, 16) << 0 << false << QDate(2026, 3, 16);
    QTest::newRow("still stopped")
        << "2026-03-02T08:00:00Z"
        << "P10D" << QStringList{"2026-03-09T08:00:00Z"} << "2026-03-13T10:00:00Z"
        << "" << QDate(2026, 3, 16) << 4 << true << QDate(2026, 3, 20);
    QTest::newRow("stay across Easter")
        << "2026-04-01T07:00:00Z"
        << "P10D" << QStringList{"2026-04-09T07:00:00Z/2026-04-15T07:00:00Z"} << asOf << ""
        << QDate(2026, 4, 17) << 2 << false << QDate(2026, 4, 21);
}

void tst_DueDate::dueDate() {
    QFETCH(QString, filed);
    QFETCH(QString, deadline);
    QFETCH(QStringList, stays);
    QFETCH(QString, asOf);
    QFETCH(QString, office);
    QFETCH(QDate, statutory);
    QFETCH(int, stopped);
    QFETCH(bool, clockStopped);
    QFETCH(QDate, due);
    CalendarOverrides overrides;
    overrides.add({2026y / March / 5d, DayKind::Holiday, "0457", "Patron saint of the town"});
    const WorkingCalendar calendar{overrides};
    const auto parsed = IsoDuration::parse(deadline.toStdString());
    QVERIFY(parsed.ok());
    const std::vector<HistoryEntry> history = historyOf(stays);
    const DueDateResult counted = kep::cases::dueDate(
        instant(filed), *parsed.duration, history, calendar, office.toStdString(), instant(asOf));
    QVERIFY(counted.ok());
    QCOMPARE(counted.error, DueDateError::None);
    const DueDate& result = *counted.due;
    QCOMPARE(qdate(result.statutory), statutory);
    QCOMPARE(result.stoppedWorkingDays, stopped);
    QCOMPARE(result.clockStopped, clockStopped);
    QCOMPARE(qdate(result.date), due);
}

void tst_DueDate::historyBeforeAndAfterTheStayIsIgnored() {
    // A full lifecycle: only the stay in awaiting_documents moves the date.
    const auto step = [](CaseStatus from, CaseStatus to, const char* at) {
        return HistoryEntry{from, to, "u-1", ActorRole::Clerk, instant(at), {}};
    };
    const std::vector<HistoryEntry> history{
        step(CaseStatus::Draft, CaseStatus::Submitted, "2026-03-02T08:00:00Z"),
        step(CaseStatus::Submitted, CaseStatus::Forwarded, "2026-03-02T08:01:00Z"),
        step(CaseStatus::Forwarded, CaseStatus::InProgress, "2026-03-03T08:00:00Z"),
        step(CaseStatus::InProgress, CaseStatus::AwaitingDocuments, "2026-03-09T08:00:00Z"),
        step(CaseStatus::AwaitingDocuments, CaseStatus::Withdrawn, "2026-03-12T08:00:00Z"),
    };
    const DueDateResult counted =
        kep::cases::dueDate(instant("2026-03-02T08:00:00Z"), *IsoDuration::parse("P10D").duration,
                            history, WorkingCalendar{}, {}, instant("2026-06-01T08:00:00Z"));
    QVERIFY(counted.ok());
    const DueDate& result = *counted.due;
    QCOMPARE(result.stoppedWorkingDays, 3);  // the clock stopped until the case left the status
    QVERIFY(!result.clockStopped);
    QCOMPARE(qdate(result.date), QDate(2026, 3, 19));
}

void tst_DueDate::outOfRangeIsAnErrorNotAThrow_data() {
    QTest::addColumn<QString>("filed");  // UTC
    QTest::addColumn<QString>("deadline");
    QTest::addColumn<QStringList>("stays");
    QTest::addColumn<QString>("asOf");
    QTest::addColumn<int>("error");  // DueDateError
    QTest::addColumn<QDate>("due");  // when counted
    const QString filed = QStringLiteral("2026-03-02T08:00:00Z");
    const QString asOf = QStringLiteral("2026-06-01T08:00:00Z");
    const int none = int(DueDateError::None);
    const int deadline = int(DueDateError::DeadlineTooLong);
    const int stopped = int(DueDateError::StoppedClockTooLong);
    // The code review's case: IsoDuration accepts it, the calendar's 100,000 days do not.
    QTest::newRow("P99999DT999999H")
        << filed << "P99999DT999999H" << QStringList{} << asOf << deadline << QDate();
    QTest::newRow("days over the calendar's limit")
        << filed << "P99999DT48H" << QStringList{} << asOf << deadline << QDate();
    QTest::newRow("days and hours over the limit together")
        << filed << "P60000DT999999H" << QStringList{} << asOf << deadline << QDate();
    // Due on the 100,000th working day after filing: checked by counting back, below.
    QTest::newRow("days at the calendar's limit")
        << filed << "P99999DT24H" << QStringList{} << asOf << none << QDate();
    QTest::newRow("years up to 9999")
        << filed << "P7973Y" << QStringList{} << asOf << none << QDate(9999, 3, 2);
    QTest::newRow("years past 9999")
        << filed << "P7974Y" << QStringList{} << asOf << deadline << QDate();
    QTest::newRow("months past 9999")
        << filed << "P99999M" << QStringList{} << asOf << deadline << QDate();
    QTest::newRow("stay open for five centuries")
        << filed << "P10D" << QStringList{"2026-03-05T08:00:00Z"} << "2526-03-05T08:00:00Z"
        << stopped << QDate();
    QTest::newRow("stay pushing the date past 9999")
        << "2026-12-28T08:00:00Z"
        << "P7973Y" << QStringList{"2027-01-04T08:00:00Z/2027-01-29T08:00:00Z"} << asOf << stopped
        << QDate();
}

void tst_DueDate::outOfRangeIsAnErrorNotAThrow() {
    QFETCH(QString, filed);
    QFETCH(QString, deadline);
    QFETCH(QStringList, stays);
    QFETCH(QString, asOf);
    QFETCH(int, error);
    QFETCH(QDate, due);
    const auto parsed = IsoDuration::parse(deadline.toStdString());
    QVERIFY(parsed.ok());  // the catalogue imports it: only counting it can fail
    const std::vector<HistoryEntry> history = historyOf(stays);
    DueDateResult result;
    try {
        result = kep::cases::dueDate(instant(filed), *parsed.duration, history, WorkingCalendar{},
                                     {}, instant(asOf));
    } catch (const std::exception& e) {
        QFAIL(e.what());
    }
    QCOMPARE(int(result.error), error);
    QCOMPARE(result.ok(), error == int(DueDateError::None));
    if (result.ok() && due.isValid()) {
        QCOMPARE(qdate(result.due->date), due);
    } else if (result.ok()) {
        const int workingDays = int(parsed.duration->days) + int(parsed.duration->hours / 24);
        QCOMPARE(WorkingCalendar{}.workingDaysBetween(2026y / March / 2d, result.due->date),
                 workingDays);
        QVERIFY(WorkingCalendar{}.isWorkingDay(result.due->date));
    }
}

QTEST_APPLESS_MAIN(tst_DueDate)
#include "tst_due_date.moc"
