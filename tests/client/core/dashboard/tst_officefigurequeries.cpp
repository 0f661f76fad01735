// The office dashboard's figures over a real desk.db: the deadline radar counts exactly (awaiting
// documents never overdue, the stopped clock counted), each figure's drill-down lists exactly
// the cases it counts, the trends fall on Greek days, and the workload is alphabetical.
#include "OfficeCasesFixture.h"
#include "dashboard/OfficeFigureQueries.h"

#include <QtTest>

using namespace kep::desk::dashboard;
using kep::cases::CaseStatus;
using kep::desk::cases::CaseChannel;
using kep::desk::test::OfficeCasesFixture;
using Kind = Figure::Kind;

Q_DECLARE_METATYPE(Figure)

namespace {

Figure figureOf(Kind kind, std::string userId = {}) {
    Figure figure;
    figure.kind = kind;
    figure.userId = std::move(userId);
    return figure;
}

}  // namespace

class tst_OfficeFigureQueries : public QObject {
    Q_OBJECT

    OfficeCasesFixture office_;
    std::unique_ptr<OfficeFigureQueries> figures_;
    const kep::cases::Instant now_ = OfficeCasesFixture::instant(OfficeCasesFixture::now());

    QStringList idsOf(const std::vector<kep::desk::cases::QueueCase>& cases) {
        QStringList ids;
        for (const auto& c : cases) {
            ids << QString::fromStdString(c.summary.id);
        }
        return ids;
    }
    QString q(const std::string& id) { return QString::fromStdString(id); }

private slots:
    void initTestCase() {
        office_.build();
        figures_ = std::make_unique<OfficeFigureQueries>(office_.queries(), office_.db());
    }

    void radarCountsExactly() {
        const OfficeFigures f = figures_->figures(now_);
        QCOMPARE(f.radar.dueToday, 1);
        QCOMPARE(f.radar.dueThisWeek, 2);  // the 27th, and the 20th moved to the 30th
        QCOMPARE(f.radar.overdue, 1);      // not the one awaiting documents since the 10th
    }

    void drillDownListsTheCasesCounted_data() {
        QTest::addColumn<Figure>("figure");
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("due today") << figureOf(Kind::DueToday) << QStringList{q(office_.dueToday)};
        QTest::newRow("due this week, by due date")
            << figureOf(Kind::DueThisWeek)
            << QStringList{q(office_.dueThisWeek), q(office_.stoppedIntoWeek)};
        QTest::newRow("overdue") << figureOf(Kind::Overdue) << QStringList{q(office_.overdue)};
        QTest::newRow("filed today, newest first")
            << figureOf(Kind::FiledToday)
            << QStringList{q(office_.dueThisWeek), q(office_.dueToday)};
        QTest::newRow("open cases of Δήμητρα, by due date")
            << figureOf(Kind::ClerkOpenCases, OfficeCasesFixture::kDimitra.id)
            << QStringList{q(office_.awaitingOverdue), q(office_.dueThisWeek)};
        QTest::newRow("filed this month by Δήμητρα")
            << figureOf(Kind::ClerkFiledThisMonth, OfficeCasesFixture::kDimitra.id)
            << QStringList{q(office_.dueThisWeek), q(office_.delivered),
                           q(office_.awaitingOverdue)};
        Figure remote = figureOf(Kind::FiledByChannel);
        remote.channel = CaseChannel::Remote;
        QTest::newRow("filed remotely") << remote << QStringList{q(office_.dueThisWeek)};
        Figure delivered = figureOf(Kind::Status);
        delivered.status = CaseStatus::Delivered;
        QTest::newRow("delivered") << delivered << QStringList{q(office_.delivered)};
        Figure onTheSecond = figureOf(Kind::FiledOn);
        onTheSecond.day = std::chrono::year{2026} / 3 / 2;
        QTest::newRow("filed on 2 March")
            << onTheSecond << QStringList{q(office_.awaitingOverdue), q(office_.overdue)};
    }

    void drillDownListsTheCasesCounted() {
        QFETCH(Figure, figure);
        QFETCH(QStringList, ids);
        const auto cases = figures_->cases(figure, now_, 200);
        QCOMPARE(idsOf(cases), ids);
        // The figure says as many as its list holds.
        QCOMPARE(figure.valueIn(figures_->figures(now_)), std::int64_t(ids.size()));
    }

    void openCasesListEveryOpenStatus() {
        const OfficeFigures f = figures_->figures(now_);
        QCOMPARE(f.openCases, 6);  // four submitted, one in progress, one awaiting documents
        const auto cases = figures_->cases(figureOf(Kind::OpenCases), now_, 200);
        QCOMPARE(cases.size(), std::size_t(6));
        QVERIFY(!idsOf(cases).contains(q(office_.delivered)));
        QCOMPARE(figures_->cases(figureOf(Kind::OpenCases), now_, 2).size(), std::size_t(2));
    }

    void trendsFallOnGreekDays() {
        const OfficeFigures f = figures_->figures(now_);
        QCOMPARE(f.period.first, std::chrono::year{2026} / 2 / 23);
        QCOMPARE(f.period.last, std::chrono::year{2026} / 3 / 24);
        QCOMPARE(f.filedPerDay.size(), std::size_t(30));
        QCOMPARE(f.filedPerDay.back().count, 2);  // today
        QCOMPARE(f.filedPerDay[28].count, 1);     // 23 March
        QCOMPARE(f.filedPerDay[7].count, 2);      // 2 March
        QCOMPARE(f.filedToday, 2);
        std::int64_t total = 0;
        for (const auto& d : f.filedPerDay) {
            total += d.count;
        }
        QCOMPARE(total, 6);  // the case filed on 20 February is before the period
        QCOMPARE(f.ofChannel(CaseChannel::Counter), 5);
        QCOMPARE(f.ofChannel(CaseChannel::Remote), 1);
        QCOMPARE(f.ofStatus(CaseStatus::Submitted), 4);
        QCOMPARE(f.ofStatus(CaseStatus::AwaitingDocuments), 1);
        QCOMPARE(f.ofStatus(CaseStatus::Delivered), 1);
    }

    void greekMidnightFollowsSummerTime() {
        // 00:00 in Athens is 22:00 UTC the day before in winter, 21:00 UTC in summer.
        const auto winter = greekMidnight(std::chrono::year{2026} / 3 / 24);
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(winter.time_since_epoch().count(), Qt::UTC),
                 QDateTime(QDate(2026, 3, 23), QTime(22, 0), Qt::UTC));
        const auto summer = greekMidnight(std::chrono::year{2026} / 3 / 30);
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(summer.time_since_epoch().count(), Qt::UTC),
                 QDateTime(QDate(2026, 3, 29), QTime(21, 0), Qt::UTC));
    }

    void workloadIsAlphabeticalNotRanked() {
        const OfficeFigures f = figures_->figures(now_);
        QCOMPARE(f.workload.size(), std::size_t(3));
        // Δήμητρα before Έλενα: accents folded (by code point Έ comes before Δ), and never by
        // load (Έλενα has the most open cases).
        QCOMPARE(QString::fromStdString(f.workload[0].name), QString("Δήμητρα Σταύρου"));
        QCOMPARE(f.workload[0].openCases, 2);
        QCOMPARE(f.workload[0].filedThisMonth, 3);
        QCOMPARE(QString::fromStdString(f.workload[1].name), QString("Έλενα Ρήγα"));
        QCOMPARE(f.workload[1].openCases, 3);
        QCOMPARE(f.workload[1].filedThisMonth, 3);
        QCOMPARE(QString::fromStdString(f.workload[2].name), QString("Μαρία Ξενάκη"));
        QCOMPARE(f.workload[2].openCases, 1);
        QCOMPARE(f.workload[2].filedThisMonth, 0);  // filed in February
    }

    void aClerkSeesTheirOwnWorkload() {
        const OfficeFigures f = figures_->figures(now_, OfficeCasesFixture::kMaria.id);
        QCOMPARE(f.workload.size(), std::size_t(1));
        QCOMPARE(f.workload[0].userId, OfficeCasesFixture::kMaria.id);
        QCOMPARE(f.radar.overdue, 1);  // the office's deadlines are everyone's
    }
};

QTEST_GUILESS_MAIN(tst_OfficeFigureQueries)
#include "tst_officefigurequeries.moc"
